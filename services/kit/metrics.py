"""Prometheus metrics for every service: requests by route template and status, latency, and
the service's own gauges, served at `/metrics` (for the scraper inside; the gateway never
forwards it).

Each app has its own `CollectorRegistry`, not the library's global one: tests build many
apps in one process, and a second app must not find the first one's metrics registered.

    metrics: Metrics = app.state.metrics
    metrics.gauge("intake_jobs_due", "Jobs due and not yet run", read=count_due_jobs)
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Sequence

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.kit.observability import route_template

# Seconds: a cached read answers in milliseconds, an export or a slow directory in seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

Reader = Callable[[], Awaitable[float]]


class Metrics:
    """One app's registry: the request metrics kit records, and gauges the service adds."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        # Labels are route templates, never raw paths: bounded in number and free of tokens.
        self.requests = Counter(
            "http_requests",
            "HTTP requests answered, by method, route template and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "http_request_duration_seconds",
            "Time to answer an HTTP request, by method and route template.",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self._readers: list[tuple[Gauge, Reader]] = []

    def gauge(
        self,
        name: str,
        documentation: str,
        *,
        labelnames: Sequence[str] = (),
        read: Reader | None = None,
    ) -> Gauge:
        """A gauge of the service's own (jobs due, deliveries pending, tickets overdue).

        With `read`, the value is read at each scrape (an async count over the database);
        without, the service sets it where it knows the value.
        """
        if read is not None and labelnames:
            raise ValueError("a gauge read at scrape time has no labels")
        gauge = Gauge(name, documentation, labelnames, registry=self.registry)
        if read is not None:
            self._readers.append((gauge, read))
        return gauge

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    async def exposition(self) -> bytes:
        """The text format, with every read gauge refreshed first."""
        for gauge, read in self._readers:
            gauge.set(await read())
        return generate_latest(self.registry)


class MetricsMiddleware:
    """Counts and times every HTTP request by the route template that answered."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            self.metrics.observe(
                scope["method"], route_template(scope), status, time.perf_counter() - started
            )


def metrics_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/metrics")
    async def metrics(request: Request) -> Response:
        registry: Metrics = request.app.state.metrics
        return Response(await registry.exposition(), media_type=CONTENT_TYPE_LATEST)

    return router
