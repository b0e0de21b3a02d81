"""`ontschot match candidate|vacancy ID` and `ontschot routes candidate ID`."""

from __future__ import annotations

import json

import typer

match_app = typer.Typer(help="Match suggestions (as the CLI operator).", no_args_is_help=True)
routes_app = typer.Typer(help="Career routes.", no_args_is_help=True)

TOP = typer.Option(10, "--top", min=1, max=100, help="Number of suggestions.")
JSON = typer.Option(False, "--json", help="Print JSON (API field names) instead of text.")


def _print(result: object, as_json: bool, lines: list[str]) -> None:
    if as_json:
        typer.echo(
            json.dumps(
                result.model_dump(mode="json", by_alias=True),  # type: ignore[attr-defined]
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for line in lines:
        typer.echo(line)


@match_app.command("candidate")
def match_candidate(
    candidate_id: int = typer.Argument(..., min=1), top: int = TOP, as_json: bool = JSON
) -> None:
    """Best open vacancies for a candidate, with the reasons."""
    from ontschot.access.actor import Actor
    from ontschot.cli_support import command_session
    from ontschot.matching.service import candidate_matches

    with command_session() as db:
        result = candidate_matches(db, actor=Actor.cli(), candidate_id=candidate_id, top=top)
    lines = [
        f"{m.score:5.1f}  vacature {m.vacancy_id}: {m.title} ({m.subtitle}) — "
        f"{len(m.covered)} vaardigheden gedekt, {len(m.related)} verwant, "
        f"{len(m.missing_essential)} essentiële ontbreken"
        for m in result.items
    ]
    _print(result, as_json, [*result.notes, *lines] or ["Geen suggesties."])


@match_app.command("vacancy")
def match_vacancy(
    vacancy_id: int = typer.Argument(..., min=1), top: int = TOP, as_json: bool = JSON
) -> None:
    """Best candidates for a vacancy, with the reasons."""
    from ontschot.access.actor import Actor
    from ontschot.cli_support import command_session
    from ontschot.matching.service import vacancy_matches

    with command_session() as db:
        result = vacancy_matches(db, actor=Actor.cli(), vacancy_id=vacancy_id, top=top)
    lines = [
        f"{m.score:5.1f}  kandidaat {m.candidate_id}: {m.title} ({m.subtitle}) — "
        f"{len(m.covered)} gedekt, {len(m.gaps)} gaten"
        for m in result.items
    ]
    _print(result, as_json, [*result.notes, *lines] or ["Geen suggesties."])


@routes_app.command("candidate")
def routes_candidate(
    candidate_id: int = typer.Argument(..., min=1),
    top: int = TOP,
    order: str = typer.Option("fit", help="fit or demand"),
    as_json: bool = JSON,
) -> None:
    """Occupations a candidate could move to, with gap skills and training."""
    from ontschot.access.actor import Actor
    from ontschot.careers.service import candidate_routes
    from ontschot.cli_support import command_session, fail, settings_or_exit
    from ontschot.money import format_cents

    if order not in ("fit", "demand"):
        fail("--order moet fit of demand zijn")
    settings = settings_or_exit()
    with command_session(settings) as db:
        result = candidate_routes(
            db,
            actor=Actor.cli(),
            candidate_id=candidate_id,
            top=top,
            order=order,  # type: ignore[arg-type]
            tightness_promising=settings.tightness_promising,
        )
    lines = [
        f"{100 * r.fit:5.1f}%  {r.label}{' (kansberoep)' if r.is_kansberoep else ''}: "
        f"{r.overlap_pct:.0f}% overlap, {len(r.gaps)} gap-vaardigheden, opleiding "
        f"{r.training.total_hours} uur / {format_cents(r.training.total_cost_cents)}"
        for r in result.items
    ]
    _print(result, as_json, lines or ["Geen routes (geen vaardigheden of beroep bekend)."])


@match_app.command("region")
def match_region(
    region: str = typer.Argument(..., help="Arbeidsmarktregio, e.g. Twente."),
    top: int = typer.Option(20, "--top", min=1, max=100),
    out: str = typer.Option("", "--out", help="Write candidate,rank,vacancy,score CSV here."),
) -> None:
    """Recompute every candidate's top vacancies within one region (batch)."""
    import csv
    import time
    from pathlib import Path

    from ontschot.cli_support import command_session, fail
    from ontschot.matching.batch import recompute_region
    from ontschot.matching.registry import MatchCache

    with command_session() as db:
        index = MatchCache().index_for(db)
    if not index.municipalities.in_region(region):
        fail(f"onbekende regio {region!r} (gebruik de naam van de arbeidsmarktregio)")
    started = time.perf_counter()
    result = recompute_region(index, region, top)
    seconds = time.perf_counter() - started
    if out:
        with Path(out).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["candidate_id", "rank", "vacancy_id", "score"])
            for row, cid in enumerate(result.candidate_ids):
                for rank, (vid, score) in enumerate(
                    zip(result.vacancy_ids[row], result.scores[row], strict=True), start=1
                ):
                    if vid >= 0:
                        writer.writerow([int(cid), rank, int(vid), f"{100 * score:.2f}"])
    typer.echo(
        f"{region}: {len(result.candidate_ids)} werkzoekenden, top {top} in "
        f"{seconds:.2f} s{f', geschreven naar {out}' if out else ''}"
    )
