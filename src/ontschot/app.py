"""FastAPI app factory: API under /api/v1, Dutch pages under /, static files locally."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from ontschot import __version__
from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.audit.service import configure_pseudonymisation
from ontschot.config import Settings, load_settings
from ontschot.db import app_engine, make_sessionmaker
from ontschot.web.limits import ConcurrencyGate
from ontschot.web.openapi import install_openapi
from ontschot.web.problems import install_problem_handlers
from ontschot.web.security import API_PREFIX, SecurityHeaders
from ontschot.web.templating import PACKAGE_DIR

API_DESCRIPTION = """Ontschot REST API for partners in an arbeidsmarktregio.

Conventions (NL API Design Rules): lowerCamelCase JSON, errors as `application/problem+json`
(invalid input is 400 listing every field), no trailing slashes, an `API-Version` header on
every response. ESCO concepts are identified by their URIs.
This service uses the ESCO classification of the European Commission."""


def create_app(
    settings: Settings | None = None, session_factory: sessionmaker[Session] | None = None
) -> FastAPI:
    settings = settings or load_settings()
    logging.basicConfig(level=settings.log_level.upper())
    app = FastAPI(
        lifespan=_lifespan,
        title="Ontschot API",
        version=__version__,
        description=API_DESCRIPTION,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # Swagger UI would load its assets from a CDN
        redoc_url=None,
        redirect_slashes=False,
    )
    app.state.settings = settings
    configure_pseudonymisation(settings.secret_key)
    if session_factory is None:
        engine = app_engine(settings.database_url, requests_at_once=settings.worker_threads)
        session_factory = make_sessionmaker(engine)
    app.state.sessionmaker = session_factory

    install_problem_handlers(app)
    install_openapi(app)
    app.add_middleware(SecurityHeaders, hsts=settings.behind_tls)
    app.add_middleware(
        ConcurrencyGate,
        limit=settings.worker_threads,
        exempt=("/static/", f"{API_PREFIX}/health"),
    )
    app.mount("/static", StaticFiles(directory=str(PACKAGE_DIR / "web" / "static")), "static")

    api = APIRouter(prefix=API_PREFIX, redirect_slashes=False)
    api.add_api_route("/health", health, methods=["GET"], tags=["platform"])
    for router in _api_routers():
        api.include_router(router)
    app.include_router(api)
    for router in _page_routers():
        app.include_router(router)
    return app


def create_warm_app() -> FastAPI:
    """The app with its warm-up started: the factory for several server processes
    (`uvicorn ontschot.app:create_warm_app --factory --workers 3`), each warming its own."""
    app = create_app()
    warm_up_in_background(app)
    return app


WARM_UP_TEXTS = (
    "Heftruckchauffeur.",
    "Ervaren orderpicker. Werkt veilig en netjes in het magazijn. Heeft een VCA-diploma.",
    "Verzorgende IG in de thuiszorg. Ervaring met wondzorg en medicatie. Rijbewijs B.",
)


def warm_up_in_background(app: FastAPI) -> list[threading.Thread]:
    """Prepare what the first coach would otherwise wait for, at server start: the app's
    match index (the one the pages use) and the text-analysis engines, each on its own
    thread (two cores, two jobs). Pages stay usable meanwhile; a request that comes first
    builds the same thing under the same lock, and the warm-up then finds it ready."""
    from ontschot.access.actor import Actor
    from ontschot.extraction import service as extraction
    from ontschot.matching.registry import MatchCache

    settings: Settings = app.state.settings
    if getattr(app.state, "match_cache", None) is None:
        app.state.match_cache = MatchCache()
    cache: MatchCache = app.state.match_cache
    log = logging.getLogger("ontschot")

    def match_index(db: Session) -> None:
        cache.index_for(db)

    def text_analysis(db: Session) -> None:
        # the encoder pays once for loading and once more for its first batch of sentences
        for sample in WARM_UP_TEXTS:
            extraction.extract_skills(
                db, actor=Actor.cli("opwarmen"), text=sample, data_dir=settings.data_dir
            )

    def run(name: str, job: Callable[[Session], None]) -> None:
        started = time.perf_counter()
        try:
            with app.state.sessionmaker() as db:
                job(db)
        except Exception:  # a failed warm-up only means the first request builds it
            log.exception("warm-up of %s failed", name)
            return
        finally:
            app.state.warming.discard(name)
        log.info("warm-up of %s done in %.1f s", name, time.perf_counter() - started)

    # pages read this to answer "being prepared" at once instead of waiting for the lock
    app.state.warming = {"match index", "text analysis"}
    threads = [
        threading.Thread(target=run, args=(name, job), name=f"warm-up-{name}", daemon=True)
        for name, job in (("match index", match_index), ("text analysis", text_analysis))
    ]
    for thread in threads:
        thread.start()
    return threads


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Sync routes and dependencies run in this thread pool: as many threads as requests are
    # let in at once (ConcurrencyGate), each with its database connection (ADR 0015).
    settings: Settings = app.state.settings
    # A few threads more than requests let in, for the requests that are never held back.
    limiter = anyio.to_thread.current_default_thread_limiter()
    limiter.total_tokens = settings.worker_threads + 4
    yield


async def health(
    request: Request, _: Annotated[Actor, Depends(requires("health.read"))]
) -> dict[str, str]:
    """Liveness and database reachability; public, carries no personal data.

    Its database check has threads and a connection of its own, so it answers while every
    request slot is busy.
    """
    factory = request.app.state.sessionmaker

    def ping() -> None:
        with factory() as db:
            db.execute(text("SELECT 1"))

    await anyio.to_thread.run_sync(ping, limiter=_HEALTH_THREADS)
    return {"status": "ok", "version": __version__}


_HEALTH_THREADS = anyio.CapacityLimiter(2)


def _api_routers() -> list[APIRouter]:
    from ontschot.access.api import router as access_api
    from ontschot.audit.api import router as audit_api
    from ontschot.budget.api import router as budget_api
    from ontschot.careers.api import router as careers_api
    from ontschot.cases.api import router as cases_api
    from ontschot.cases.placements.api import router as placements_api
    from ontschot.cases.work_to_work.api import router as work_to_work_api
    from ontschot.chains.api import router as chains_api
    from ontschot.contacts.api import router as contacts_api
    from ontschot.employers.api import router as employers_api
    from ontschot.extraction.api import router as extraction_api
    from ontschot.interop.api import router as interop_api
    from ontschot.matching.api import router as matching_api
    from ontschot.monitor.api import router as monitor_api
    from ontschot.people.api import router as people_api
    from ontschot.taxonomy.api import router as taxonomy_api

    return [
        taxonomy_api,
        access_api,
        audit_api,
        people_api,
        employers_api,
        interop_api,
        extraction_api,
        matching_api,
        careers_api,
        contacts_api,
        chains_api,
        cases_api,
        placements_api,
        budget_api,
        monitor_api,
        work_to_work_api,
    ]


def _page_routers() -> list[APIRouter]:
    from ontschot.access.admin_pages import router as access_admin_pages
    from ontschot.access.login_pages import router as access_login_pages
    from ontschot.audit.pages import router as audit_pages
    from ontschot.budget.pages import router as budget_pages
    from ontschot.budget.request_pages import router as budget_request_pages
    from ontschot.cases.handover_pages import router as handover_pages
    from ontschot.cases.pages import router as cases_pages
    from ontschot.cases.placements.pages import router as placement_pages
    from ontschot.cases.trajectory_pages import router as trajectory_pages
    from ontschot.cases.work_to_work.pages import router as work_to_work_pages
    from ontschot.chains.pages import router as chains_pages
    from ontschot.contacts.pages import router as contacts_pages
    from ontschot.dashboards.panels import register_panels
    from ontschot.employers.edit_pages import router as employers_edit_pages
    from ontschot.employers.pages import router as employers_pages
    from ontschot.extraction.pages import router as extraction_pages
    from ontschot.matching.pages import router as matching_pages
    from ontschot.monitor.accountability_pages import router as accountability_pages
    from ontschot.monitor.pages import router as monitor_pages
    from ontschot.people.edit_pages import router as people_edit_pages
    from ontschot.people.page_actions import router as people_actions
    from ontschot.people.pages import router as people_pages
    from ontschot.people.pipeline_pages import router as pipeline_pages
    from ontschot.taxonomy.pages import router as taxonomy_pages
    from ontschot.web.pages import router as site_pages

    register_panels()
    return [
        taxonomy_pages,
        access_login_pages,
        access_admin_pages,
        audit_pages,
        extraction_pages,
        people_pages,
        people_actions,
        people_edit_pages,
        pipeline_pages,
        contacts_pages,
        employers_pages,
        employers_edit_pages,
        matching_pages,
        chains_pages,
        cases_pages,
        trajectory_pages,
        placement_pages,
        handover_pages,
        monitor_pages,
        accountability_pages,
        work_to_work_pages,
        budget_pages,
        budget_request_pages,
        site_pages,
    ]
