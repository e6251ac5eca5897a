"""The frame every service's create_app builds on: one place for what all six share."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

import httpx
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from services.kit import calls, migrations
from services.kit.auth import TokenVerifier
from services.kit.caching import NoStoreMiddleware
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.errors import (
    PROBLEM_RESPONSES,
    DomainError,
    install_problem_handlers,
    problem_response,
)
from services.kit.limits import RequestLimits, upload_limit
from services.kit.metrics import Metrics, MetricsMiddleware, metrics_router
from services.kit.observability import RequestIdMiddleware
from services.kit.revocations import Revocations, http_source, url_next_to
from services.kit.settings import ServiceSettings
from services.kit.text import refuse_control_characters
from services.kit.todo import TodoCounter, nothing_to_do, todo_router

READINESS_TIMEOUT_SECONDS = 2.0


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's one transaction: committed after the handler returns, before the answer."""
    db: Database = request.app.state.db
    write = request.method not in ("GET", "HEAD", "OPTIONS")
    async with db.session(write=write) as session:
        try:
            yield session
            await session.commit()
        except DomainError as exc:
            await (session.commit() if exc.keep_changes else session.rollback())
            raise
        except BaseException:
            await session.rollback()
            raise


async def _single_read(request: Request) -> AsyncIterator[AsyncConnection]:
    """A connection for a handler that reads ONE statement: no BEGIN, no COMMIT (kit.db)."""
    db: Database = request.app.state.db
    async with db.single_read() as conn:
        yield conn


# Async, as every dependency here: FastAPI runs a plain `def` in a worker thread, a hand-off
# per request for a lookup.
async def _clock(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


# scope="function": commit before the response is sent, so a failed commit is the answer.
SessionDep = Annotated[AsyncSession, Depends(_session, scope="function")]
# For a hot public read that is one SELECT (the scan of a QR code); anything else uses
# SessionDep.
SingleReadDep = Annotated[AsyncConnection, Depends(_single_read, scope="function")]
ClockDep = Annotated[Clock, Depends(_clock)]


def _health_router() -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/healthz", summary="The process is up")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz", summary="The database answers", response_model=None)
    async def readyz(request: Request) -> dict[str, str] | JSONResponse:
        db: Database = request.app.state.db
        try:
            await asyncio.wait_for(db.ping(), timeout=READINESS_TIMEOUT_SECONDS)
        except Exception:
            return problem_response(
                status=503,
                code="database_unavailable",
                detail="The database does not answer.",
                request=request,
                headers={"Retry-After": "5"},
            )
        return {"status": "ready"}

    return router


def _revocations(
    settings: ServiceSettings, clock: Clock, transport: httpx.AsyncBaseTransport | None
) -> Revocations | None:
    """Identity's list of ended sessions, from beside its JWKS unless configured."""
    url = settings.revocations_url or url_next_to(settings.jwks_url)
    if not url:
        return None
    return Revocations(
        http_source(url, transport=transport),
        clock=clock,
        interval=settings.revocations_refresh_seconds,
    )


def create_service_app(
    *,
    settings: ServiceSettings,
    title: str,
    description: str,
    version: str,
    routers: Sequence[APIRouter],
    migrations_dir: Path,
    clock: Clock | None = None,
    database: Database | None = None,
    jwks_transport: httpx.AsyncBaseTransport | None = None,
    on_ready: Callable[[FastAPI], Awaitable[None]] | None = None,
    todo: TodoCounter = nothing_to_do,
    todo_permission: str | None = None,
) -> FastAPI:
    # A call to another service inside an open write transaction fails a test, and is a
    # logged warning elsewhere (kit.calls).
    if settings.env == "test":
        calls.set_strict(True)
    # Tests hand in one migrated database shared by the session's apps.
    db = database or Database(settings.database_url, schema=settings.database_schema)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.auto_migrate:
            await migrations.upgrade(db, migrations_dir)
        if on_ready is not None:
            await on_ready(app)
        yield
        # The anonymous-write limiter (kit.abuse) holds a Redis connection when counts are
        # shared: closed with the app, as the database is.
        limiter = getattr(app.state, "anonymous_limiter", None)
        if limiter is not None:
            await limiter.aclose()
        await db.dispose()

    app = FastAPI(
        title=title,
        description=description,
        version=version,
        lifespan=lifespan,
        responses=PROBLEM_RESPONSES,
        # No control characters in any text a route receives (kit.text).
        dependencies=[Depends(refuse_control_characters)],
        # Swagger UI lives at the gateway, with its assets served locally (no CDN); each
        # service only publishes its /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.db = db
    app.state.clock = clock = clock or Clock()
    app.state.token_verifier = TokenVerifier(
        jwks=settings.jwks,
        jwks_url=settings.jwks_url,
        issuer=settings.jwt_issuer,
        clock=clock,
        transport=jwks_transport,
        revocations=_revocations(settings, clock, jwks_transport),
    )
    # app.state.metrics.gauge(...) adds the service's own gauges to its /metrics.
    app.state.metrics = metrics = Metrics()
    install_problem_handlers(app)
    # Personal answers (a credential was sent, or the route says so) are never cached.
    app.add_middleware(NoStoreMiddleware)
    # Innermost of the three: its 413/414 answers are counted and carry the request id.
    app.add_middleware(
        RequestLimits,
        max_body_bytes=settings.max_body_bytes,
        max_upload_bytes=upload_limit(settings),
        max_url_bytes=settings.max_url_bytes,
    )
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    app.add_middleware(RequestIdMiddleware)
    app.include_router(_health_router())
    app.include_router(metrics_router())
    # Every service answers GET /v1/todo for the console's home page (maybe with nothing).
    app.include_router(todo_router(todo, permission=todo_permission))
    for router in routers:
        app.include_router(router)
    return app
