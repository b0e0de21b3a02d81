"""RFC 9457 problem details for every API error (NL API Design Rules).

Invalid input is 400 with every field error at once, never FastAPI's default 422, and no
error response ever carries a stack trace or SQL.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ontschot.web.security import API_PREFIX

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("ontschot")

TITLES = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    409: "Conflict",
    413: "Te groot",
    415: "Mediatype niet ondersteund",
    429: "Te veel verzoeken",
    500: "Interne fout",
}


class ProblemError(Exception):
    """Raised by services and routes; rendered as application/problem+json."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        title: str | None = None,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.title = title or TITLES.get(status, "Fout")
        self.errors = errors or []
        self.headers = headers or {}


class NotFoundError(ProblemError):
    def __init__(self, what: str) -> None:
        super().__init__(404, f"{what} bestaat niet.")


def _page_error(request: Request, status: int, detail: str, title: str | None) -> Response:
    from ontschot.web.templating import render

    if status == 401:
        from urllib.parse import quote

        from fastapi.responses import RedirectResponse

        return RedirectResponse(f"/inloggen?next={quote(request.url.path)}", status_code=303)
    heading = title or TITLES.get(status, "Fout")
    return render(request, "error.html", {"title": heading, "detail": detail}, status=status)


def problem_response(
    request: Request,
    status: int,
    detail: str,
    *,
    title: str | None = None,
    errors: list[dict[str, str]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    if not request.url.path.startswith(API_PREFIX):
        return _page_error(request, status, detail, title)
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title or TITLES.get(status, "Fout"),
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    if errors:
        body["invalidParams"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _field_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        where = loc[0] if loc else "body"
        name = ".".join(loc[1:]) or where
        out.append({"name": name, "in": where, "reason": str(err.get("msg", "ongeldig"))})
    return out


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = _field_errors(exc)
        names = ", ".join(sorted({e["name"] for e in errors}))
        return problem_response(request, 400, f"Ongeldige invoer in: {names}.", errors=errors)

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> Response:
        return problem_response(
            request,
            exc.status,
            exc.detail,
            title=exc.title,
            errors=exc.errors,
            headers=exc.headers,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "")
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Deze bron bestaat niet."
        if exc.status_code == 405:
            detail = "Deze methode is hier niet toegestaan."
        return problem_response(request, exc.status_code, detail, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response(request, 500, "Er ging iets mis aan onze kant.")
