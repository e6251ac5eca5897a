"""Clients for service-to-service calls: pooled, with timeouts, passing the request id.

Tests hand in `httpx.ASGITransport(app=...)` so the other service runs in-process, for real,
without ports.
"""

from __future__ import annotations

import httpx

from services.kit import calls
from services.kit.observability import REQUEST_ID_HEADER, current_request_id

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=2.0)
# Idle connections are dropped after 4 s, before uvicorn's 5 s keep-alive ends them: with
# both at 5 s a request could be written to a connection the service is closing, and meet
# a closed socket (a 503 for the caller). The gateway's own pool does the same (http1.py).
DEFAULT_LIMITS = httpx.Limits(
    max_connections=100, max_keepalive_connections=20, keepalive_expiry=4.0
)


async def _before_request(request: httpx.Request) -> None:
    # Never from inside an open write transaction of this task (kit.calls).
    calls.check_outbound(f"{request.method} {request.url.host}{request.url.path}")
    request_id = current_request_id()
    if request_id and REQUEST_ID_HEADER not in request.headers:
        request.headers[REQUEST_ID_HEADER] = request_id


def service_client(
    base_url: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    headers: dict[str, str] | None = None,
) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base_url,
        transport=transport,
        timeout=timeout,
        limits=DEFAULT_LIMITS,
        headers=headers,
        event_hooks={"request": [_before_request]},
    )
