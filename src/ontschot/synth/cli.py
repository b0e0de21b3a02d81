"""`ontschot demo` (prepare and serve the demo region) and `ontschot synth` (write files)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from ontschot.access.roles import ROLE_LABELS_NL, Role
from ontschot.synth.plan import DEMO_PASSWORD

# at least 120 columns, so that the login table fits when the output is not a terminal
console = Console(stderr=True, width=max(120, Console(stderr=True).width))


def login_table(logins: list[tuple[str, str, str]]) -> Table:
    """A Rich table of (role, e-mail, organisation) with the shared demo password.

    E-mail addresses and the password are never cut off (they must be copyable); the role
    and organisation columns wrap when the terminal is narrow.
    """
    table = Table(title="Demo-inloggegevens (alleen voor deze demo)", show_lines=False)
    widest = max((len(email) for _, email, _ in logins), default=10)
    table.add_column("rol", overflow="fold")
    table.add_column("e-mail", no_wrap=True, min_width=widest)
    table.add_column("wachtwoord", no_wrap=True, min_width=len(DEMO_PASSWORD))
    table.add_column("organisatie", overflow="fold")
    for role, email, organisation in logins:
        table.add_row(ROLE_LABELS_NL.get(Role(role), role), email, DEMO_PASSWORD, organisation)
    return table


def demo(
    prepare_only: bool = typer.Option(
        False, "--prepare-only", help="Prepare the demo database and exit."
    ),
    rebuild: bool = typer.Option(False, "--rebuild", help="Recreate it even when current."),
    region: str = typer.Option("twente", help="Arbeidsmarktregio to generate."),
    seed: int = typer.Option(None, help="Random seed (default: the fixed demo seed)."),
    host: str = typer.Option(None, help="Address to listen on (default ONTSCHOT_HOST)."),
    port: int = typer.Option(None, help="Port to listen on (default ONTSCHOT_PORT)."),
) -> None:
    """Create or reuse the demo database (a synthetic region) and serve the app on it."""
    from ontschot.cli_support import fail, settings_or_exit
    from ontschot.synth.demo import DemoError, prepare_demo, safe_url

    settings = settings_or_exit()
    started = time.perf_counter()
    try:
        with console.status("Demoregio voorbereiden…", spinner="dots"):
            result = prepare_demo(settings, region=region, seed=seed, force=rebuild)
    except (DemoError, KeyError) as exc:
        fail(str(exc.args[0] if exc.args else exc))
        return
    seconds = time.perf_counter() - started
    state = "aangemaakt" if result.rebuilt else "hergebruikt"
    console.print(f"Demodatabase {state} in {seconds:.1f} s: {result.summary}", highlight=False)
    console.print(f"Database: {safe_url(result.settings.database_url)}", highlight=False)
    console.print(login_table([(x.role, x.email, x.organisation) for x in result.logins]))
    if prepare_only:
        return
    import uvicorn

    from ontschot.app import create_app

    host = host or result.settings.host
    port = port or result.settings.port
    console.print(f"Open http://{host}:{port}/inloggen", highlight=False)
    from ontschot.app import warm_up_in_background

    web_app = create_app(result.settings)
    warm_up_in_background(web_app)
    uvicorn.run(
        web_app,
        host=host,
        port=port,
        log_level=result.settings.log_level,
        proxy_headers=bool(result.settings.forwarded_allow_ips),
        forwarded_allow_ips=result.settings.forwarded_allow_ips or None,
    )


def synth(
    out: Path = typer.Option(..., help="Folder to write the gzipped CSV files to."),
    region: str = typer.Option(
        "twente",
        help="Region slug (e.g. twente, groot-amsterdam) or `nederland` for all 35 regions.",
    ),
    scale: float = typer.Option(
        1.0,
        min=0.001,
        help="Size factor. One region at 1 is "
        "3,000 candidates and 1,500 vacancies; nederland at 1 is "
        "1,000,000 candidates and 400,000 vacancies.",
    ),
    seed: int = typer.Option(None, help="Random seed (default: the fixed demo seed)."),
    texts: bool = typer.Option(True, help="Write vacancy descriptions (the bulk of the bytes)."),
    workers: int = typer.Option(
        min(2, os.cpu_count() or 1), min=1, help="Processes generating regions in parallel."
    ),
) -> None:
    """Write a synthetic region (or the whole country) as files for batch benchmarks."""
    from ontschot.cli_support import fail, settings_or_exit
    from ontschot.db import make_engine, make_sessionmaker
    from ontschot.setup import prepare_database
    from ontschot.synth.generate import DEFAULT_SEED
    from ontschot.synth.profiles import TaxonomyMissingError, load_profiles
    from ontschot.synth.regions import NATIONAL, find_region, slugify
    from ontschot.synth.write_files import write_files

    if slugify(region) != NATIONAL:
        try:
            find_region(region)
        except KeyError as exc:
            fail(str(exc.args[0]))
    settings = settings_or_exit()
    prepare_database(settings, progress=sys.stderr.isatty())
    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine)() as db:
            profiles = load_profiles(db)
    except TaxonomyMissingError as exc:
        fail(str(exc))
        return
    finally:
        engine.dispose()
    started = time.perf_counter()
    try:
        manifest = write_files(
            profiles,
            out,
            region=region,
            scale=scale,
            seed=DEFAULT_SEED if seed is None else seed,
            with_texts=texts,
            workers=workers,
        )
    except KeyError as exc:
        fail(str(exc.args[0]))
        return
    counts = ", ".join(f"{k} {v:,}" for k, v in manifest["counts"].items())
    typer.echo(f"wrote {out} in {time.perf_counter() - started:.1f} s: {counts}")
