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
from sqlalchemy.exc import DataError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from ontschot import errors
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


# The one mapping from domain errors to HTTP status codes; the most specific class wins.
DOMAIN_STATUS: tuple[tuple[type[errors.DomainError], int], ...] = (
    (errors.StaleVersion, 412),
    (errors.NotFound, 404),
    (errors.Forbidden, 403),
    (errors.Conflict, 409),
    (errors.Invalid, 400),
    (errors.TooLarge, 413),
    (errors.Unsupported, 415),
    (errors.TooManyRequests, 429),
    (errors.Unavailable, 503),
)


def camel(name: str) -> str:
    """snake_case field name -> the API's lowerCamelCase (dotted paths keep their dots)."""
    return ".".join(
        part.split("_")[0] + "".join(w[:1].upper() + w[1:] for w in part.split("_")[1:])
        for part in name.split(".")
    )


def status_of(exc: errors.DomainError) -> int:
    return next((code for cls, code in DOMAIN_STATUS if isinstance(exc, cls)), 400)


def as_problem(exc: errors.DomainError) -> ProblemError:
    """The problem+json form of a domain error (camelCase field names)."""
    params = [
        {"name": camel(name), "in": exc.location, "reason": reason}
        for name, reason in exc.fields.items()
    ]
    headers = {}
    if isinstance(exc, errors.TooManyRequests):
        headers["Retry-After"] = str(exc.retry_after_seconds)
    return ProblemError(status_of(exc), exc.detail, errors=params, headers=headers)


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


# Path parameters that name a data subject, and the subject key they stand for.
_SUBJECT_PARAMS = {"candidateId": "candidate", "candidate_id": "candidate", "userId": "user"}


def log_refusal(request: Request, exc: errors.DomainError) -> None:
    """A refused attempt by a logged-in actor is itself a processing-log entry ("denied").

    Written in a transaction of its own: the refused action's transaction rolled back.
    """
    from ontschot.audit.service import record
    from ontschot.tx import atomic
    from ontschot.web.words import codes_in_words

    actor = getattr(request.state, "actor", None)
    factory = getattr(request.app.state, "sessionmaker", None)
    if actor is None or factory is None:
        return
    params = request.path_params
    subject = exc.subject_key or next(
        (f"{kind}:{params[name]}" for name, kind in _SUBJECT_PARAMS.items() if name in params),
        None,
    )
    object_id = next(iter(params.values()), None) if params else None
    action = getattr(request.state, "action", None) or f"{request.method} {request.url.path}"
    with factory() as db, atomic(db):
        record(
            db,
            actor=actor,
            action=str(action),
            object_type=(subject or "request").split(":")[0],
            object_id=None if object_id is None else str(object_id)[:64],
            subject_key=subject,
            purpose=f"geweigerd: {codes_in_words(exc.detail)}"[:200],
            result="denied",
        )


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves on the request's path."""
    from fastapi.routing import iter_route_contexts
    from starlette.routing import compile_path

    table: list[tuple[Any, set[str]]] | None = getattr(request.app.state, "allow_table", None)
    if table is None:
        table = [
            (compile_path(str(context.path))[0], set(context.methods or ()))
            for context in iter_route_contexts(request.app.routes)
            if getattr(context, "path", None) and getattr(context, "methods", None)
        ]
        request.app.state.allow_table = table
    path = request.url.path
    return sorted({m for regex, methods in table if regex.match(path) for m in methods})


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

    @app.exception_handler(errors.DomainError)
    async def _domain(request: Request, exc: errors.DomainError) -> Response:
        if isinstance(exc, errors.Forbidden | errors.NotFound) or exc.subject_key:
            try:
                await run_in_threadpool(log_refusal, request, exc)
            except Exception:  # the refusal stands even when its log entry cannot be written
                log.exception("could not log a refused request")
        problem = as_problem(exc)
        return problem_response(
            request,
            problem.status,
            problem.detail,
            title=problem.title,
            errors=problem.errors,
            headers=problem.headers,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "")
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Deze bron bestaat niet."
        headers = exc.headers
        if exc.status_code == 405:
            detail = "Deze methode is hier niet toegestaan."
            # Starlette names only the first matching route's methods; a path served by
            # several routes (GET here, PATCH there) allows all of theirs.
            headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(request))}
        return problem_response(request, exc.status_code, detail, headers=headers)

    @app.exception_handler(OverflowError)
    @app.exception_handler(DataError)
    async def _out_of_range(request: Request, exc: Exception) -> Response:
        # A number beyond what the database stores: an id of 20 digits names nothing that
        # exists; in what was sent, it is invalid input.
        log.info("value out of range on %s %s: %s", request.method, request.url.path, exc)
        if request.method in ("GET", "HEAD"):
            return problem_response(request, 404, "Deze bron bestaat niet.")
        return problem_response(request, 400, "Een getal in de invoer is te groot.")

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response(request, 500, "Er ging iets mis aan onze kant.")


def form_messages(
    exc: errors.DomainError, names: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Form field -> message for a page: the error's fields renamed through `names` (domain
    name -> form field), and the whole message under "algemeen" when no field is named."""
    names = names or {}
    out = {names.get(name, name): reason for name, reason in exc.fields.items()}
    return out or {"algemeen": exc.detail}


def page_raises(exc: errors.DomainError) -> bool:
    """Errors a form does not show beside its fields but as the error page (no access)."""
    return isinstance(exc, errors.Forbidden | errors.TooManyRequests)
