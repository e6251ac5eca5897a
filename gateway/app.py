"""The gateway: the one door on :8000.

    uvicorn --factory gateway.app:create_app --port 8000 --no-access-log

`/api/<service>/...` and the services' extra mounts (services.toml: `/open311/v2/...` to
intake) go to the raw ASGI proxy (gateway.proxy);
everything else (health, /docs, the OpenAPI documents, the frontend) to a small FastAPI
app. Both sit behind kit's RequestLimits (too big is a 413 / 414 problem), kit's
RequestIdMiddleware, CORS when origins are configured, and the security headers
(gateway.security) on every answer.
The gateway has no database.

Full-stack tests run in one process: `create_app(settings, transports={"directory":
httpx.ASGITransport(app=directory_app)})` reaches those services in-process; the others
(and production, with no transports) use the fast HTTP/1.1 pool on real sockets.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from gateway.config import GatewaySettings
from gateway.credentials import Credentials
from gateway.docs import SpecCache, docs_router
from gateway.proxy import Proxy, mount_of
from gateway.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from gateway.security import SecurityHeaders
from gateway.static import Frontend
from gateway.upstream import HttpxUpstream, Upstream, UpstreamError, fetch
from services.kit.addresses import networks
from services.kit.auth import TokenVerifier
from services.kit.catalog import load as load_catalog
from services.kit.clock import Clock
from services.kit.errors import install_problem_handlers
from services.kit.http1 import Http1Upstream
from services.kit.limits import RequestLimits
from services.kit.observability import (
    REQUEST_ID_HEADER,
    RequestIdMiddleware,
    configure_service_logging,
)
from services.kit.revocations import Revocations, http_source, url_next_to

READINESS_TIMEOUT_SECONDS = 2.0
CORS_ALLOW_HEADERS = [
    "Authorization",
    "Content-Type",
    "X-API-Key",
    "X-Request-ID",
    "Idempotency-Key",
    "X-Export-Reason",  # a clear export's reason (kit.exports), never in the URL
    "If-None-Match",
    "If-Modified-Since",
]
CORS_EXPOSE_HEADERS = [REQUEST_ID_HEADER, "Retry-After", "Location", "ETag"]


def build_upstreams(
    settings: GatewaySettings,
    transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
) -> dict[str, Upstream]:
    """One upstream per service: in-process through a given transport, else the fast pool."""
    upstreams: dict[str, Upstream] = {}
    for name, url in settings.service_urls.items():
        transport = (transports or {}).get(name)
        if transport is not None:
            upstreams[name] = HttpxUpstream(
                name,
                url,
                transport=transport,
                connect_timeout=settings.connect_timeout,
                read_timeout=settings.read_timeout,
                stream_threshold=settings.stream_threshold,
            )
        else:
            upstreams[name] = Http1Upstream(
                name,
                url,
                connect_timeout=settings.connect_timeout,
                read_timeout=settings.read_timeout,
                max_connections=settings.upstream_max_connections,
                stream_threshold=settings.stream_threshold,
            )
    return upstreams


def build_limiter(settings: GatewaySettings) -> RateLimiter:
    if settings.redis_url:
        return RedisRateLimiter(
            settings.redis_url,
            algorithm=settings.rate_limit_algorithm,
            prefix=settings.redis_prefix,
            timeout=settings.redis_timeout_seconds,
        )
    return MemoryRateLimiter(algorithm=settings.rate_limit_algorithm)


async def _probe(upstream: Upstream) -> dict[str, Any]:
    try:
        async with asyncio.timeout(READINESS_TIMEOUT_SECONDS):
            response = await fetch(upstream, "GET", "/readyz")
    except (UpstreamError, TimeoutError) as exc:
        return {"status": "unavailable", "detail": getattr(exc, "reason", "timeout")}
    state = "ready" if response.status == 200 else "not_ready"
    return {"status": state, "http_status": response.status}


def _health_router(upstreams: dict[str, Upstream]) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz")
    async def readyz() -> dict[str, Any]:
        """The gateway is up (200); the body tells how each service is."""
        names = list(upstreams)
        states = await asyncio.gather(*(_probe(upstreams[n]) for n in names))
        return {"status": "ready", "services": dict(zip(names, states, strict=True))}

    return router


class Gateway:
    """The ASGI app uvicorn runs. `aclose()` (or the lifespan's shutdown) closes the pools."""

    def __init__(
        self,
        settings: GatewaySettings,
        upstreams: dict[str, Upstream],
        credentials: Credentials,
        limiter: RateLimiter | None,
        specs: SpecCache,
    ) -> None:
        self.settings = settings
        self.upstreams = upstreams
        self.credentials = credentials
        self.limiter = limiter
        self.proxy = Proxy(
            upstreams,
            credentials,
            limiter,
            limit=settings.rate_limit_per_minute,
            anonymous_limit=settings.rate_limit_anonymous_per_minute,
            stream_threshold=settings.stream_threshold,
            mounts=load_catalog().mounts(),
            trusted_proxies=networks(tuple(settings.trusted_proxies)),
        )
        self.specs = specs
        pages = FastAPI(
            title="Gateway", docs_url=None, redoc_url=None, openapi_url=None, lifespan=None
        )
        install_problem_handlers(pages)
        pages.include_router(_health_router(upstreams))
        pages.include_router(docs_router(self.specs))
        pages.mount("/", Frontend(settings.frontend_dir))
        self.pages = pages
        # Too big is refused before anything reads it (a 413 / 414 problem, kit.limits).
        app: ASGIApp = RequestLimits(
            self._dispatch,
            max_body_bytes=settings.max_body_bytes,
            max_upload_bytes=settings.max_upload_bytes,
            max_url_bytes=settings.max_url_bytes,
        )
        if settings.cors_origins:
            app = CORSMiddleware(
                app,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
                allow_headers=CORS_ALLOW_HEADERS,
                expose_headers=CORS_EXPOSE_HEADERS,
                max_age=600,
            )
        # Outermost: every answer, a problem or a refusal of size included, carries them.
        self._app = SecurityHeaders(RequestIdMiddleware(app))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        await self._app(scope, receive, send)

    async def _dispatch(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path: str = scope["path"]
            if path.startswith("/api/") or mount_of(path, self.proxy.mounts) is not None:
                await self.proxy(scope, receive, send)
                return
        await self.pages(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def aclose(self) -> None:
        for upstream in self.upstreams.values():
            await upstream.aclose()
        if self.limiter is not None:
            await self.limiter.aclose()


def create_app(
    settings: GatewaySettings | None = None,
    *,
    transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
    upstreams: Mapping[str, Upstream] | None = None,
    limiter: RateLimiter | None = None,
    clock: Clock | None = None,
    jwks_transport: httpx.AsyncBaseTransport | None = None,
    timer: Callable[[], float] = time.monotonic,
) -> Gateway:
    """The gateway. `transports` / `upstreams` replace the fast pool for the services named.

    `clock` judges token expiry and when identity's list of ended sessions is due again
    (kit's Clock); `timer` (monotonic seconds) ages the caches of exchanged API keys and
    OpenAPI documents. Tests set both instead of sleeping.
    """
    settings = settings or GatewaySettings()
    configure_service_logging(settings)
    built = build_upstreams(settings, transports)
    built.update(upstreams or {})
    to_identity = jwks_transport or (transports or {}).get("identity")
    clock = clock or Clock()
    # Sessions identity has ended are refused here too, cached tokens included.
    revocations_url = settings.revocations_url or (
        "" if settings.jwks else url_next_to(settings.jwks_url)
    )
    verifier = TokenVerifier(
        jwks=settings.jwks,
        # An inline JWKS is the whole truth (tests, closed set-ups); else identity's URL.
        jwks_url="" if settings.jwks else settings.jwks_url,
        issuer=settings.jwt_issuer,
        clock=clock,
        transport=to_identity,
        revocations=Revocations(
            http_source(revocations_url, transport=to_identity),
            clock=clock,
            interval=settings.revocations_refresh_seconds,
        )
        if revocations_url
        else None,
    )
    credentials = Credentials(
        verifier,
        built.get("identity"),
        api_key_cache_seconds=settings.api_key_cache_seconds,
        timer=timer,
    )
    specs = SpecCache(built, ttl=settings.docs_cache_seconds, timer=timer)
    return Gateway(settings, built, credentials, limiter or build_limiter(settings), specs)
