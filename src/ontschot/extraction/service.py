"""Extraction service: the one place where pages, the API and the CLI analyse text.

Analysing stores nothing (the text is neither kept nor logged), so it needs only the
`extraction.use` permission. Adding confirmed skills to a candidate or vacancy is a change
of registry data and goes through the people and employers services, which check their
own permissions and write the audit entries.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.extraction.embeddings import ENCODER, Encoder, SemanticIndex, semantic_index
from ontschot.extraction.index import TaxonomyIndex, TaxonomyMissingError, get_index
from ontschot.extraction.occupations import OccupationSuggestion
from ontschot.extraction.occupations import suggest_occupations as _suggest
from ontschot.extraction.skills import DEFAULT_THRESHOLD, Extraction
from ontschot.extraction.skills import extract_many as _extract_many
from ontschot.extraction.skills import extract_skills as _extract
from ontschot.extraction.text import detect_language
from ontschot.tx import transactional

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 25_000
MAX_TOP = 100
LANGUAGES = ("nl", "en", "auto")
# Control characters become spaces, so offsets still point into the caller's text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class UnsupportedLanguageError(errors.Invalid):
    def __init__(self) -> None:
        super().__init__(
            "De tekst lijkt niet Nederlands of Engels; alleen die talen worden herkend.",
            fields={"text": "taal niet ondersteund"},
        )


def clean_text(text: str, *, max_chars: int = MAX_TEXT_CHARS) -> str:
    """The text with control characters blanked; `Invalid` when it is too long."""
    if len(text) > max_chars:
        raise errors.Invalid(
            f"De tekst is te lang: {len(text)} tekens, hoogstens {max_chars}.",
            fields={"text": f"hoogstens {max_chars} tekens"},
        )
    return _CONTROL.sub(" ", text)


def resolve_language(text: str, lang: str) -> str:
    """'nl' or 'en'; 'auto' detects it. Raises UnsupportedLanguageError for other languages."""
    if lang not in LANGUAGES:
        raise errors.Invalid("Onbekende taal.", fields={"lang": "kies nl, en of auto"})
    if lang != "auto":
        return lang
    detected = detect_language(text)
    if detected is None:
        raise UnsupportedLanguageError()
    return detected


def engines(
    db: Session, data_dir: Path | None, *, semantic: bool = True
) -> tuple[TaxonomyIndex, SemanticIndex | None, Encoder | None]:
    """The lexical index and, when available, the semantic layer for the taxonomy in force."""
    try:
        index = get_index(db, data_dir)
    except TaxonomyMissingError as exc:
        raise errors.Unavailable("Er is nog geen ESCO-taxonomie geladen.") from exc
    if not semantic:
        return index, None, None
    try:
        return index, semantic_index(index, data_dir), ENCODER
    except (ImportError, OSError, RuntimeError, ValueError):
        log.exception("semantic layer unavailable; continuing with label matching only")
        return index, None, None


@dataclass(frozen=True)
class Suggestions:
    language: str
    items: list[OccupationSuggestion]


def suggest_occupations(
    db: Session,
    *,
    actor: Actor,
    text: str,
    lang: str = "auto",
    top: int = 10,
    data_dir: Path | None = None,
    semantic: bool = True,
) -> Suggestions:
    """Ranked ESCO occupations for a job title or short text; none for an empty text."""
    actor.require("extraction.use")
    text = clean_text(text)
    if not text.strip():
        return Suggestions("nl" if lang == "auto" else lang, [])
    language = resolve_language(text, lang)
    index, sem, encoder = engines(db, data_dir, semantic=semantic)
    return Suggestions(
        language,
        _suggest(
            index, text, lang=language, top=max(1, min(top, MAX_TOP)), semantic=sem, encoder=encoder
        ),
    )


def extract_skills(
    db: Session,
    *,
    actor: Actor,
    text: str,
    lang: str = "auto",
    top: int = 20,
    threshold: float = DEFAULT_THRESHOLD,
    data_dir: Path | None = None,
    semantic: bool = True,
) -> Extraction:
    """ESCO skills in a text with evidence spans, and the likely occupation."""
    actor.require("extraction.use")
    text = clean_text(text)
    if not text.strip():
        return Extraction(skills=[], occupation=None, language="nl" if lang == "auto" else lang)
    language = resolve_language(text, lang)
    index, sem, encoder = engines(db, data_dir, semantic=semantic)
    return _extract(
        index,
        text,
        lang=language,
        top=max(1, min(top, MAX_TOP)),
        threshold=threshold,
        semantic=sem,
        encoder=encoder,
    )


def extract_skills_many(
    db: Session,
    *,
    actor: Actor,
    texts: Sequence[str],
    lang: str = "auto",
    top: int = 20,
    threshold: float = DEFAULT_THRESHOLD,
    data_dir: Path | None = None,
    semantic: bool = True,
) -> list[Extraction | errors.DomainError]:
    """`extract_skills` for each of `texts`, in order, with the same results; a text that
    `extract_skills` would refuse gets its error in its place. The semantic work of all the
    texts is done together (one e5 batch, one matrix product), which is what makes a batch
    of texts cheaper than one call per text."""
    actor.require("extraction.use")
    results: list[Extraction | errors.DomainError | None] = [None] * len(texts)
    ready: list[tuple[int, str, str]] = []
    for n, text in enumerate(texts):
        try:
            cleaned = clean_text(text)
            if not cleaned.strip():
                results[n] = Extraction([], None, "nl" if lang == "auto" else lang)
                continue
            ready.append((n, cleaned, resolve_language(cleaned, lang)))
        except errors.DomainError as exc:
            results[n] = exc
    if ready:
        try:
            index, sem, encoder = engines(db, data_dir, semantic=semantic)
        except errors.DomainError as exc:
            return [exc if r is None else r for r in results]
        found = _extract_many(
            index,
            [(text, language) for _, text, language in ready],
            top=max(1, min(top, MAX_TOP)),
            threshold=threshold,
            semantic=sem,
            encoder=encoder,
        )
        for (n, _, _), extraction in zip(ready, found, strict=True):
            results[n] = extraction
    return [r for r in results if r is not None]


@transactional
def add_confirmed_skills(
    db: Session,
    *,
    actor: Actor,
    target: str,
    target_id: int,
    skill_uris: list[str],
    essential_uris: frozenset[str] = frozenset(),
    occupation_uri: str | None = None,
) -> int:
    """Add skills a person confirmed on the text-analysis page to a candidate or vacancy.

    `target` is 'candidate' or 'vacancy'. Unknown URIs are refused. For a vacancy the
    skills in `essential_uris` become essential, the others optional, and `occupation_uri`
    (the occupation the analysis found, when the person ticked it) becomes its occupation.
    Returns how many skills were added (skills already present are left alone).
    """
    actor.require("extraction.use")
    index = get_index(db)
    unknown = [u for u in skill_uris if u not in index.skills.position]
    if unknown:
        raise errors.Invalid(
            "Onbekende vaardigheid.", fields={"skills": f"onbekende URI {unknown[0][:200]}"}
        )
    if occupation_uri is not None and (
        target != "vacancy" or occupation_uri not in index.occupations.position
    ):
        raise errors.Invalid(
            "Alleen een bekend ESCO-beroep kan aan een vacature worden gekoppeld.",
            fields={"occupation": f"onbekend beroep {occupation_uri[:200]}"},
        )
    if target == "candidate":
        from ontschot.people.service import add_candidate_skills

        return len(
            add_candidate_skills(
                db, actor=actor, candidate_id=target_id, skill_uris=skill_uris, source="extracted"
            )
        )
    if target == "vacancy":
        from ontschot.employers.service import add_vacancy_skills

        added = add_vacancy_skills(
            db,
            actor=actor,
            vacancy_id=target_id,
            skill_uris=skill_uris,
            relation="optional",
            essential_uris=essential_uris,
            occupation_uri=occupation_uri,
        )
        return len(added)
    raise errors.Invalid(
        "Kies een werkzoekende of een vacature.",
        fields={"target": "candidate of vacancy"},
        location="query",
    )


def describe_target(db: Session, *, actor: Actor, target: str, target_id: int) -> tuple[str, str]:
    """How the page names the candidate or vacancy that confirmed skills go to, and a link.

    Reading a candidate's name is processing of personal data, so it goes through the
    registry's read (visibility check and one log entry); an unknown or invisible target is
    a 404 like everywhere else.
    """
    if target == "candidate":
        from ontschot.people.service import read_candidate
        from ontschot.people.visibility import View

        candidate, view = read_candidate(
            db, actor=actor, candidate_id=target_id, purpose="vaardigheden bevestigen uit tekst"
        )
        if view != View.FULL:  # an anonymised view never shows the name
            return f"werkzoekende {candidate.reference}", f"/werkzoekenden/{candidate.id}"
        name = f"{candidate.first_name} {candidate.last_name}"
        return f"werkzoekende {name} ({candidate.reference})", f"/werkzoekenden/{candidate.id}"
    from ontschot.employers.service import readable_vacancy

    vacancy = readable_vacancy(db, actor=actor, vacancy_id=target_id)
    return f"vacature ‘{vacancy.title}’ bij {vacancy.employer.name}", f"/vacatures/{vacancy.id}"
