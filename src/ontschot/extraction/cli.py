"""`ontschot occupations suggest` and `ontschot skills extract`, single text or JSON lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.config import Settings
from ontschot.errors import DomainError
from ontschot.extraction import service
from ontschot.extraction.skills import DEFAULT_THRESHOLD

occupations_app = typer.Typer(
    help="Recognise ESCO occupations in job titles.", no_args_is_help=True
)
skills_app = typer.Typer(help="Extract ESCO skills from texts.", no_args_is_help=True)

LANG_HELP = "Language of the text: nl, en or auto."
JSONL_HELP = 'Batch: read one {"id", "text"} object per line, write one {"id", "results"} per line.'
Runner = Callable[[Session, str], list[dict[str, Any]]]


@contextmanager
def _session() -> Iterator[tuple[Session, Settings]]:
    from ontschot.cli_support import fail, settings_or_exit
    from ontschot.db import make_engine, make_sessionmaker
    from ontschot.setup import prepare_database

    settings = settings_or_exit()
    try:
        prepare_database(settings, progress=sys.stderr.isatty())
    except Exception as exc:  # any failure here is reported, not a traceback
        fail(f"de database kan niet worden voorbereid: {exc}")
    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine)() as db:
            yield db, settings
    finally:
        engine.dispose()


def _occupation_rows(
    db: Session, settings: Settings, text: str, lang: str, top: int
) -> list[dict[str, Any]]:
    found = service.suggest_occupations(
        db, actor=Actor.cli(), text=text, lang=lang, top=top, data_dir=settings.data_dir
    )
    return [{"uri": s.uri, "label": s.label, "score": s.score} for s in found.items]


def _skill_rows(
    db: Session, settings: Settings, text: str, lang: str, top: int, threshold: float
) -> list[dict[str, Any]]:
    result = service.extract_skills(
        db,
        actor=Actor.cli(),
        text=text,
        lang=lang,
        top=top,
        threshold=threshold,
        data_dir=settings.data_dir,
    )
    return [
        {
            "uri": s.uri,
            "label": s.label,
            "score": s.score,
            "spans": [list(span) for span in s.spans],
        }
        for s in result.skills
    ]


def _read_stdin() -> str:
    """Standard input as text; undecodable bytes become U+FFFD instead of a crash."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data.decode("utf-8", errors="replace")
    return sys.stdin.read()


def _batch(run: Runner, db: Session) -> None:
    lines = _read_stdin().splitlines()
    err = Console(stderr=True)
    with Progress(console=err, disable=not sys.stderr.isatty(), transient=True) as progress:
        task = progress.add_task("analyseren", total=len(lines))
        for line in lines:
            progress.advance(task)
            if not line.strip():
                continue
            typer.echo(json.dumps(_batch_line(run, db, line), ensure_ascii=False))


def _batch_line(run: Runner, db: Session, line: str) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError:
        return {"id": None, "results": [], "error": "geen geldige JSON"}
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        ident = item.get("id") if isinstance(item, dict) else None
        return {"id": ident, "results": [], "error": 'verwacht {"id", "text"}'}
    try:
        return {"id": item.get("id"), "results": run(db, item["text"])}
    except DomainError as exc:
        return {"id": item.get("id"), "results": [], "error": exc.detail}


def _print_table(rows: list[dict[str, Any]], text: str | None, title: str) -> None:
    table = Table(title=title)
    table.add_column("#", justify="right")
    table.add_column("label")
    table.add_column("score", justify="right")
    table.add_column("bewijs" if text is not None else "uri")
    for n, row in enumerate(rows, start=1):
        last = (
            ", ".join(text[a:b] for a, b in row["spans"])[:80] if text is not None else row["uri"]
        )
        table.add_row(str(n), row["label"], f"{row['score']:.2f}", last)
    Console().print(table)


def _run(single: Callable[[], None]) -> None:
    from ontschot.cli_support import fail

    try:
        single()
    except DomainError as exc:
        fail(exc.detail)


@occupations_app.command("suggest")
def suggest(
    text: str = typer.Argument("", help="Job title or short text (omit with --jsonl)."),
    lang: str = typer.Option("auto", "--lang", help=LANG_HELP),
    top: int = typer.Option(10, "--top", min=1, max=service.MAX_TOP),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
    jsonl: bool = typer.Option(False, "--jsonl", help=JSONL_HELP),
) -> None:
    """Rank ESCO occupations for a job title."""
    with _session() as (db, settings):

        def run(session: Session, value: str) -> list[dict[str, Any]]:
            return _occupation_rows(session, settings, value, lang, top)

        def single() -> None:
            if jsonl:
                _batch(run, db)
                return
            rows = run(db, text)
            if as_json:
                typer.echo(json.dumps(rows, ensure_ascii=False))
            else:
                _print_table(rows, None, f"Beroepen voor “{text[:60]}”")

        _run(single)


@skills_app.command("extract")
def extract(
    lang: str = typer.Option("auto", "--lang", help=LANG_HELP),
    top: int = typer.Option(20, "--top", min=1, max=service.MAX_TOP),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
    jsonl: bool = typer.Option(False, "--jsonl", help=JSONL_HELP),
) -> None:
    """Extract ESCO skills from the text on standard input."""
    with _session() as (db, settings):

        def run(session: Session, value: str) -> list[dict[str, Any]]:
            return _skill_rows(session, settings, value, lang, top, threshold)

        def single() -> None:
            if jsonl:
                _batch(run, db)
                return
            text = _read_stdin()
            rows = run(db, text)
            if as_json:
                typer.echo(json.dumps(rows, ensure_ascii=False))
            else:
                _print_table(rows, text, "Gevonden vaardigheden")

        _run(single)
