"""The services behind the gateway, as seen by the proxy: one `Upstream` per service.

Two implementations share one small interface:

- `Http1Upstream` (services/kit/http1.py, which kit's service clients use too): the fast
  one for real sockets, a keep-alive HTTP/1.1 connection pool on asyncio protocols with
  httptools parsing responses. Production uses it.
- `HttpxUpstream` (here): httpx with any `httpx.AsyncBaseTransport`, so tests (and full-stack
  runs in one process) plug `httpx.ASGITransport(app=service_app)` and need no ports.

What an upstream answers and how it fails are kit's (services/kit/upstream.py), named here
again for the gateway's modules.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Protocol

import httpx

from services.kit.upstream import (
    STREAM_THRESHOLD,
    Body,
    BodyStream,
    Headers,
    UpstreamError,
    UpstreamResponse,
    UpstreamTimeout,
    UpstreamUnavailable,
)

__all__ = [
    "STREAM_THRESHOLD",
    "Body",
    "BodyStream",
    "Headers",
    "HttpxUpstream",
    "Upstream",
    "UpstreamError",
    "UpstreamResponse",
    "UpstreamTimeout",
    "UpstreamUnavailable",
    "fetch",
]


class Upstream(Protocol):
    name: str
    base_url: str

    async def send(
        self,
        method: str,
        target: bytes,
        headers: Headers,
        body: Body = b"",
        *,
        content_length: int | None = None,
    ) -> UpstreamResponse:
        """Send one request; `target` is the path and query inside the service.

        `headers` are sent as given, lower-case names, without Host or framing headers
        (the upstream adds Host, and Content-Length or chunked framing for a streamed body).
        A bytes body is sent with its length when it is not empty or `content_length` is set.
        """
        ...

    async def aclose(self) -> None: ...


async def fetch(
    upstream: Upstream,
    method: str,
    target: str,
    headers: Headers | None = None,
    body: bytes = b"",
) -> UpstreamResponse:
    """A small request of the gateway's own, read whole."""
    response = await upstream.send(method, target.encode(), headers or [], body)
    await response.read()
    return response


class _HttpxStream:
    __slots__ = ("_chunks", "_response")

    def __init__(self, response: httpx.Response, service: str) -> None:
        self._response = response
        self._chunks = _raw_chunks(response, service)

    async def read(self) -> bytes:
        return await anext(self._chunks, b"")

    async def aclose(self) -> None:
        await self._response.aclose()


async def _raw_chunks(response: httpx.Response, service: str) -> AsyncIterator[bytes]:
    try:
        async for chunk in response.aiter_raw():
            if chunk:
                yield chunk
    except httpx.TimeoutException as exc:
        raise UpstreamTimeout(service, "read timeout") from exc
    except httpx.TransportError as exc:
        raise UpstreamUnavailable(service, type(exc).__name__) from exc


class HttpxUpstream:
    """An upstream through httpx: any transport, e.g. `httpx.ASGITransport(app=...)`."""

    def __init__(
        self,
        name: str,
        base_url: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        connect_timeout: float = 2.0,
        read_timeout: float = 30.0,
        stream_threshold: int = STREAM_THRESHOLD,
    ) -> None:
        self.name = name
        self.base_url = base_url.rstrip("/")
        self.read_timeout = read_timeout
        self.stream_threshold = stream_threshold
        self._client = httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            limits=httpx.Limits(max_connections=256, max_keepalive_connections=64),
            follow_redirects=False,
        )

    async def send(
        self,
        method: str,
        target: bytes,
        headers: Headers,
        body: Body = b"",
        *,
        content_length: int | None = None,
    ) -> UpstreamResponse:
        send_headers = list(headers)
        if content_length is not None:
            send_headers.append((b"content-length", str(content_length).encode()))
        request = self._client.build_request(
            method,
            self.base_url + target.decode("latin-1"),
            headers=send_headers,
            content=body if isinstance(body, bytes) else _passthrough(body),
        )
        try:
            # An in-process transport ignores httpx's timeouts; this bound holds for both.
            async with asyncio.timeout(self.read_timeout):
                response = await self._client.send(request, stream=True)
        except (httpx.TimeoutException, TimeoutError) as exc:
            raise UpstreamTimeout(self.name, "no answer in time") from exc
        except httpx.TransportError as exc:
            raise UpstreamUnavailable(self.name, type(exc).__name__) from exc
        raw_headers = [(k.lower(), v) for k, v in response.headers.raw]
        length = response.headers.get("content-length")
        if method == "HEAD" or (length is not None and int(length) <= self.stream_threshold):
            try:
                content = b"".join([c async for c in _raw_chunks(response, self.name)])
            finally:
                await response.aclose()
            return UpstreamResponse(response.status_code, raw_headers, body=content)
        return UpstreamResponse(
            response.status_code, raw_headers, stream=_HttpxStream(response, self.name)
        )

    async def aclose(self) -> None:
        await self._client.aclose()


async def _passthrough(body: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    # httpx wants an AsyncIterable it can iterate once; this wraps any async iterator.
    async for chunk in body:
        yield chunk
