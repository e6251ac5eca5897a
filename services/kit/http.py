"""Clients for service-to-service calls: pooled, with timeouts, passing the request id.

Tests hand in `httpx.ASGITransport(app=...)` so the other service runs in-process, for real,
without ports. Over sockets the requests go through `Http1Transport`: httpx's client on top
(its API, hooks and errors, which every caller and test knows), the gateway's keep-alive
HTTP/1.1 pool underneath (kit.http1: one write per request, the answer parsed in C by
httptools) instead of httpcore's pure-Python HTTP layer, which cost a report about as much
CPU as the directory's own answer to it (`benchmarks/intake/report.py`).

A service client's own calls (kit.clients.base.ServiceClient.call) over the default
transport skip httpx's client layer as well and go to the pool through `DirectCalls`: on a
small read, building the request, merging its URL and running the hooks cost about three
times the exchange itself (some 0.35 ms of CPU against 0.12 ms, measured on the project's
machine), and a report makes such a call. What the layer did for them is done here: the
base URL's path before the call's, the query string, a JSON body with its content type,
the request id, the check that no write transaction is open (kit.calls), the same errors.
"""

from __future__ import annotations

import asyncio
import json as jsonlib
import re
from collections.abc import AsyncIterator, Mapping
from typing import Any

import httpx

from services.kit import calls
from services.kit.http1 import Http1Upstream
from services.kit.observability import REQUEST_ID_HEADER, current_request_id
from services.kit.upstream import BodyStream, UpstreamError, UpstreamTimeout

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=2.0)
# Idle connections are dropped after 4 s, before uvicorn's 5 s keep-alive ends them: with
# both at 5 s a request could be written to a connection the service is closing, and meet
# a closed socket (a 503 for the caller). The gateway's own pool does the same (http1.py).
DEFAULT_LIMITS = httpx.Limits(
    max_connections=100, max_keepalive_connections=20, keepalive_expiry=4.0
)


# What the pool writes itself (Host, the body's framing); httpx's own are left out.
_FRAMING = frozenset({b"host", b"content-length", b"transfer-encoding"})


class _Body(httpx.AsyncByteStream):
    """A streamed answer (large, or of unknown length), read as httpx reads any."""

    def __init__(self, stream: BodyStream, service: str) -> None:
        self._stream = stream
        self._service = service

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            try:
                chunk = await self._stream.read()
            except UpstreamError as exc:
                raise _transport_error(exc) from exc
            if not chunk:
                return
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


def _transport_error(exc: UpstreamError) -> httpx.TransportError:
    if isinstance(exc, UpstreamTimeout):
        return httpx.ReadTimeout(str(exc))
    if exc.reason == "connection closed by the server":
        return httpx.RemoteProtocolError(str(exc))  # kit.clients.base asks a GET again
    return httpx.ConnectError(str(exc))


class Http1Transport(httpx.AsyncBaseTransport):
    """httpx over kit.http1's pool: one pool per origin the client is sent to.

    The pool's rules hold: idle connections dropped after `keepalive_expiry`, before
    uvicorn's keep-alive ends them; a request with a buffered body that meets a reused
    connection the server has just closed (before any byte of an answer) sent once more on
    a fresh one. Bodies are buffered (service calls are small JSON); answers up to the
    pool's threshold come whole, larger ones stream."""

    def __init__(self, *, timeout: httpx.Timeout, limits: httpx.Limits) -> None:
        self._timeout = timeout
        self._limits = limits
        self._pools: dict[tuple[bytes, bytes, int | None], Http1Upstream] = {}

    def _pool(self, url: httpx.URL) -> Http1Upstream:
        key = (url.raw_scheme, url.raw_host, url.port)
        pool = self._pools.get(key)
        # A pool's connections belong to the event loop that opened them (tests run many).
        if pool is not None and pool.loop is not asyncio.get_running_loop():
            pool = None
        if pool is None:
            origin = f"{url.scheme}://{url.netloc.decode('ascii')}"
            limits = self._limits
            pool = self._pools[key] = Http1Upstream(
                url.host,
                origin,
                connect_timeout=self._timeout.connect or 2.0,
                read_timeout=self._timeout.read or 30.0,
                max_connections=limits.max_connections or 512,
                max_idle=limits.max_keepalive_connections or 128,
                idle_timeout=limits.keepalive_expiry or 4.0,
            )
        return pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        headers = [(k.lower(), v) for k, v in request.headers.raw if k.lower() not in _FRAMING]
        body = await request.aread()
        return await self.exchange(request.url, request.method, request.url.raw_path, headers, body)

    async def exchange(
        self,
        origin: httpx.URL,
        method: str,
        target: bytes,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
        *,
        read: bool = False,
    ) -> httpx.Response:
        """One request to `origin`'s pool; `read`: a streamed answer read to its end."""
        pool = self._pool(origin)
        try:
            answer = await pool.send(method, target, headers, body)
        except UpstreamError as exc:
            raise _transport_error(exc) from exc
        if answer.body is not None:
            return httpx.Response(answer.status, headers=answer.headers, content=answer.body)
        assert answer.stream is not None
        response = httpx.Response(
            answer.status, headers=answer.headers, stream=_Body(answer.stream, pool.name)
        )
        if read:
            await response.aread()
        return response

    async def aclose(self) -> None:
        for pool in self._pools.values():
            await pool.aclose()
        self._pools.clear()


async def _before_request(request: httpx.Request) -> None:
    # Never from inside an open write transaction of this task (kit.calls).
    calls.check_outbound(f"{request.method} {request.url.host}{request.url.path}")
    request_id = current_request_id()
    if request_id and REQUEST_ID_HEADER not in request.headers:
        request.headers[REQUEST_ID_HEADER] = request_id


class DirectCalls:
    """A service client's calls straight to kit.http1's pool (see the module)."""

    def __init__(self, base_url: str, transport: Http1Transport) -> None:
        self._origin = httpx.URL(base_url)
        self._prefix = self._origin.raw_path.rstrip(b"/")
        self._transport = transport

    @staticmethod
    def takes(path: str, options: Mapping[str, Any]) -> bool:
        """Whether a call is one of these: a path that needs no escaping (a name or id a
        caller typed goes to httpx, which escapes it), no options but these three and
        header values that are plain text (httpx refuses the others)."""
        if _PLAIN_PATH.fullmatch(path) is None or not options.keys() <= _OPTIONS:
            return False
        headers = options.get("headers") or {}
        return all(_PLAIN_VALUE.fullmatch(v) is not None for v in headers.values())

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        calls.check_outbound(f"{method} {self._origin.host}{path}")
        target = self._prefix + path.encode("ascii")
        if params:
            target += b"?" + str(httpx.QueryParams(params)).encode("ascii")
        sent = [(k.lower().encode("ascii"), v.encode("ascii")) for k, v in (headers or {}).items()]
        request_id = current_request_id()
        if request_id and not any(k == _REQUEST_ID for k, _ in sent):
            sent.append((_REQUEST_ID, request_id.encode("ascii", "replace")))
        body = b""
        if json is not None:
            # As httpx encodes it: compact, UTF-8, non-ASCII kept as it is.
            body = jsonlib.dumps(
                json, ensure_ascii=False, separators=(",", ":"), allow_nan=False
            ).encode()
            sent.append((b"content-type", b"application/json"))
        return await self._transport.exchange(
            self._origin, method.upper(), target, sent, body, read=True
        )


_REQUEST_ID = REQUEST_ID_HEADER.lower().encode("latin-1")
_PLAIN_PATH = re.compile(r"/[A-Za-z0-9/._~-]*")
_PLAIN_VALUE = re.compile(r"[\x20-\x7e]*")
_OPTIONS = frozenset({"params", "json", "headers"})


def service_client(
    base_url: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    headers: dict[str, str] | None = None,
) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base_url,
        transport=transport or Http1Transport(timeout=timeout, limits=DEFAULT_LIMITS),
        timeout=timeout,
        limits=DEFAULT_LIMITS,
        headers=headers,
        event_hooks={"request": [_before_request]},
    )
