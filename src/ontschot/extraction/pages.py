"""Tekstanalyse: a coach pastes a text, sees the evidence and confirms the skills.

`/tekstanalyse?candidate=ID` or `?vacancy=ID` chooses where confirmed skills go; without
a target the page only analyses.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor, NavItem, register_navigation
from ontschot.access.deps import requires
from ontschot.access.roles import PERMISSIONS
from ontschot.deps import AppSettings, DbSession, SubmittedForm
from ontschot.errors import DomainError
from ontschot.extraction import service
from ontschot.extraction.skills import ExtractedSkill
from ontschot.web.problems import status_of
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
for _role in PERMISSIONS["extraction.use"]:
    register_navigation(_role, NavItem("/tekstanalyse", "Tekstanalyse"))
User = Annotated[Actor, Depends(requires("extraction.use"))]
PRESELECT_SCORE = 0.5
SHORT_PHRASE = 60  # matched words closer than this join into one mark
LANGUAGES = (("auto", "Automatisch"), ("nl", "Nederlands"), ("en", "Engels"))


def _text(form: Any, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _target(candidate: str, vacancy: str) -> tuple[str, int] | None:
    for kind, raw in (("candidate", candidate), ("vacancy", vacancy)):
        if raw.isdigit() and 0 < int(raw) < 2**31:
            return kind, int(raw)
    return None


def highlight(text: str, skills: list[ExtractedSkill]) -> list[tuple[str, str]]:
    """The text as (kind, part) segments, kind 'mark' for evidence of a shown skill.

    Matched words are marked; a whole sentence only when it is the sole evidence (semantic
    match) and holds no marked words. Words of one phrase ('zware gewichten tillen') form
    one mark.
    """
    spans = sorted({span for skill in skills for span in skill.spans})
    words = [s for s in spans if not any(c.isspace() for c in text[s[0] : s[1]])]
    sentences = [
        s for s in spans if s not in words and not any(s[0] <= w[0] and w[1] <= s[1] for w in words)
    ]
    merged: list[list[int]] = []
    for start, end in sorted(words + sentences):
        previous = merged[-1] if merged else None
        if previous and (
            start <= previous[1]
            or (
                (start, end) in words
                and previous[1] - previous[0] < SHORT_PHRASE
                and not text[previous[1] : start].strip()
            )
        ):
            previous[1] = max(previous[1], end)
        else:
            merged.append([start, end])
    segments: list[tuple[str, str]] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            segments.append(("text", text[pos:start]))
        segments.append(("mark", text[start:end]))
        pos = end
    if pos < len(text):
        segments.append(("text", text[pos:]))
    return segments


def _page(
    request: Request,
    context: dict[str, Any],
    status: int = 200,
    *,
    db: Session | None = None,
    actor: Actor | None = None,
) -> HTMLResponse:
    target = context.get("target")
    if target and db is not None and actor is not None:
        label, href = service.describe_target(
            db, actor=actor, target=target[0], target_id=target[1]
        )
        context = {**context, "target_label": label, "target_href": href}
    base: dict[str, Any] = {
        "languages": LANGUAGES,
        "text": "",
        "lang": "auto",
        "result": None,
        "segments": [],
        "error": "",
        "added": None,
        "occupation_linked": False,
        "target": None,
        "preselect": PRESELECT_SCORE,
        "max_chars": service.MAX_TEXT_CHARS,
    }
    base.update(context)
    return render(request, "extraction/tekstanalyse.html", base, status=status)


@router.get("/tekstanalyse", response_class=HTMLResponse)
def analysis_form(
    request: Request, db: DbSession, actor: User, candidate: str = "", vacancy: str = ""
) -> HTMLResponse:
    return _page(request, {"target": _target(candidate, vacancy)}, db=db, actor=actor)


@router.post("/tekstanalyse", response_class=HTMLResponse)
def analyse(
    request: Request, form: SubmittedForm, db: DbSession, settings: AppSettings, actor: User
) -> HTMLResponse:
    text, lang = _text(form, "text"), _text(form, "lang") or "auto"
    target = _target(_text(form, "candidate"), _text(form, "vacancy"))
    context: dict[str, Any] = {"text": text, "lang": lang, "target": target}
    if not text.strip():
        return _page(
            request, {**context, "error": "Plak of typ eerst een tekst."}, 400, db=db, actor=actor
        )
    if "text analysis" in getattr(request.app.state, "warming", ()):
        busy = "De tekstanalyse wordt na een herstart nog voorbereid (enkele seconden). "
        busy += "Uw tekst staat er nog: probeer het zo opnieuw."
        return _page(request, {**context, "error": busy}, 503, db=db, actor=actor)
    try:
        result = service.extract_skills(
            db, actor=actor, text=text, lang=lang, top=25, data_dir=settings.data_dir
        )
    except DomainError as exc:
        if status_of(exc) != 400:
            raise
        return _page(request, {**context, "error": exc.detail}, 400, db=db, actor=actor)
    segments = highlight(text, result.skills)
    return _page(request, {**context, "result": result, "segments": segments}, db=db, actor=actor)


@router.post("/tekstanalyse/bevestigen", response_class=HTMLResponse)
def confirm(request: Request, form: SubmittedForm, db: DbSession, actor: User) -> HTMLResponse:
    target = _target(_text(form, "candidate"), _text(form, "vacancy"))
    uris = [u for u in form.getlist("skill") if isinstance(u, str)][: service.MAX_TOP]
    essential = frozenset(u for u in form.getlist("essential") if isinstance(u, str))
    occupation = _text(form, "occupation")[:300] or None
    if target is None:
        return _page(request, {"error": "Kies eerst een werkzoekende of vacature."}, 400)
    if not uris and not occupation:
        return _page(
            request,
            {"target": target, "error": "Vink minstens één vaardigheid aan."},
            400,
            db=db,
            actor=actor,
        )
    try:
        added = service.add_confirmed_skills(
            db,
            actor=actor,
            target=target[0],
            target_id=target[1],
            skill_uris=uris,
            essential_uris=essential,
            occupation_uri=occupation,
        )
    except DomainError as exc:
        if status_of(exc) != 400:
            raise
        return _page(request, {"target": target, "error": exc.detail}, 400, db=db, actor=actor)
    context = {"target": target, "added": added, "occupation_linked": bool(occupation)}
    return _page(request, context, db=db, actor=actor)
