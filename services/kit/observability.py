"""JSON logs, request ids, and the access log line.

A request id is accepted from X-Request-ID (when it looks sane), generated otherwise,
returned on the response, put on every log line and passed on every outgoing call.
The access log names the route template that answered (`/v1/track/{token}`), never the
raw path, the query or a body: some paths carry secrets (a tracking token, a calendar feed's
token) and personal data stays out of logs. A request no route matched is logged as
`unmatched`: its path is whatever the caller typed, a mistyped token included.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.kit.settings import ServiceSettings

REQUEST_ID_HEADER = "X-Request-ID"
_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
# Accept only ids that are safe to echo and to log.
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

access_log = logging.getLogger("access")

UNMATCHED = "unmatched"
# Set by an app that routes without Starlette's router (the gateway's proxy) to name the
# template it answered with; Starlette's router leaves its matched route in scope["route"].
ROUTE_TEMPLATE_KEY = "sqwb.route_template"


def set_route_template(scope: Scope, template: str) -> None:
    scope[ROUTE_TEMPLATE_KEY] = template


def route_template(scope: Scope) -> str:
    """The template of the route that answered, fit for logs and metric labels.

    Read after the app ran: the router records its match in the scope it was handed, which
    is the middleware's own dict. A mount (the gateway's frontend at /) names its prefix
    only, so `/q/<token>` pages are `/{path}`.
    """
    explicit = scope.get(ROUTE_TEMPLATE_KEY)
    if isinstance(explicit, str):
        return explicit
    route = scope.get("route")
    template = getattr(route, "path_format", None)
    if not isinstance(template, str):
        return UNMATCHED
    if isinstance(route, Mount):
        return f"{template}/{{path}}"
    return template or "/"


def current_request_id() -> str | None:
    return _request_id.get()


def new_request_id() -> str:
    return uuid.uuid4().hex


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "service": self.service,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        request_id = current_request_id()
        if request_id:
            entry["request_id"] = request_id
        for key in ("method", "route", "status", "duration_ms", "event"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_service_logging(settings: ServiceSettings) -> None:
    """JSON lines on stdout for a running service or the gateway; left alone under tests,
    where pytest captures the records itself and many apps share one process."""
    if settings.env != "test":
        configure_logging(settings.service_name, settings.log_level)


def configure_logging(service: str, level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # uvicorn's own access log would repeat ours, with the query string in it; httpx would
    # log every outgoing URL, which the receiving service logs already.
    logging.getLogger("uvicorn.access").disabled = True
    logging.getLogger("httpx").setLevel(logging.WARNING)


class RequestIdMiddleware:
    """Pure ASGI (no BaseHTTPMiddleware): streams pass through untouched and it costs little."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = None
        for name, value in scope.get("headers", ()):
            if name == b"x-request-id":
                incoming = value.decode("latin-1")
                break
        request_id = incoming if incoming and _SANE_ID.match(incoming) else new_request_id()
        # Not reset afterwards: the 500 handler, which runs outside us, still reads it.
        _request_id.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route = route_template(scope)
            if route not in ("/healthz", "/readyz", "/metrics"):
                access_log.info(
                    "%s %s %s",
                    scope.get("method"),
                    route,
                    status,
                    extra={
                        "method": scope.get("method"),
                        "route": route,
                        "status": status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    },
                )
