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
Rows = list[dict[str, Any]]
# One list of rows or one error per text, in order: a batch runner sees a chunk of texts.
BatchRunner = Callable[[Session, list[str]], list[Rows | DomainError]]
BATCH_TEXTS = 16  # texts analysed together in --jsonl (one e5 batch); answers stream per chunk


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
    db: Session, settings: Settings, texts: list[str], lang: str, top: int, threshold: float
) -> list[Rows | DomainError]:
    results = service.extract_skills_many(
        db,
        actor=Actor.cli(),
        texts=texts,
        lang=lang,
        top=top,
        threshold=threshold,
        data_dir=settings.data_dir,
    )
    return [
        r
        if isinstance(r, DomainError)
        else [
            {
                "uri": s.uri,
                "label": s.label,
                "score": s.score,
                "spans": [list(span) for span in s.spans],
            }
            for s in r.skills
        ]
        for r in results
    ]


def _read_stdin() -> str:
    """Standard input as text; undecodable bytes become U+FFFD instead of a crash."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data.decode("utf-8", errors="replace")
    return sys.stdin.read()


def _batch(run: BatchRunner, db: Session) -> None:
    lines = [line for line in _read_stdin().splitlines() if line.strip()]
    err = Console(stderr=True)
    with Progress(console=err, disable=not sys.stderr.isatty(), transient=True) as progress:
        task = progress.add_task("analyseren", total=len(lines))
        for start in range(0, len(lines), BATCH_TEXTS):
            chunk = lines[start : start + BATCH_TEXTS]
            for answer in _batch_answers(run, db, chunk):
                typer.echo(json.dumps(answer, ensure_ascii=False))
            progress.advance(task, len(chunk))


def _batch_answers(run: BatchRunner, db: Session, lines: list[str]) -> list[dict[str, Any]]:
    """One answer per line: the results, or what was wrong with the line or its text."""
    answers: list[dict[str, Any]] = []
    texts: list[tuple[int, str]] = []  # (answer position, text)
    for line in lines:
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            answers.append({"id": None, "results": [], "error": "geen geldige JSON"})
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            ident = item.get("id") if isinstance(item, dict) else None
            answers.append({"id": ident, "results": [], "error": 'verwacht {"id", "text"}'})
            continue
        answers.append({"id": item.get("id"), "results": []})
        texts.append((len(answers) - 1, item["text"]))
    if texts:
        try:
            found = run(db, [text for _, text in texts])
        except DomainError as exc:
            found = [exc] * len(texts)
        for (position, _), result in zip(texts, found, strict=True):
            if isinstance(result, DomainError):
                answers[position]["error"] = result.detail
            else:
                answers[position]["results"] = result
    return answers


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

        def run(session: Session, values: list[str]) -> list[Rows | DomainError]:
            out: list[Rows | DomainError] = []
            for value in values:
                try:
                    out.append(_occupation_rows(session, settings, value, lang, top))
                except DomainError as exc:
                    out.append(exc)
            return out

        def single() -> None:
            if jsonl:
                _batch(run, db)
                return
            rows = _occupation_rows(db, settings, text, lang, top)
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

        def run(session: Session, values: list[str]) -> list[Rows | DomainError]:
            return _skill_rows(session, settings, values, lang, top, threshold)

        def single() -> None:
            if jsonl:
                _batch(run, db)
                return
            text = _read_stdin()
            found = run(db, [text])[0]
            if isinstance(found, DomainError):
                raise found
            rows = found
            if as_json:
                typer.echo(json.dumps(rows, ensure_ascii=False))
            else:
                _print_table(rows, text, "Gevonden vaardigheden")

        _run(single)
