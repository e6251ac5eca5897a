"""What an HTTP/1.1 upstream answers (kit.http1): a response whole or streamed, and its failures.

The gateway's proxy (gateway.upstream, gateway.proxy) and kit's service clients (kit.http)
share these. A response comes back either complete (`body` is bytes: small answers with a
known length) or as a stream (`stream` reads chunk by chunk: downloads, unknown lengths), so a
video never sits whole in memory. Failures are `UpstreamUnavailable` (cannot reach it: 503)
and `UpstreamTimeout` (reached, but too slow: 504).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any, Protocol

Headers = list[tuple[bytes, bytes]]
Body = bytes | AsyncIterator[bytes]

# Bodies up to this size are buffered whole; larger or unknown ones are streamed.
STREAM_THRESHOLD = 64 * 1024


class UpstreamError(Exception):
    def __init__(self, service: str, reason: str) -> None:
        super().__init__(f"{service}: {reason}")
        self.service = service
        self.reason = reason


class UpstreamUnavailable(UpstreamError):
    """The service cannot be reached (refused, reset, unreachable): a 503."""


class UpstreamTimeout(UpstreamError):
    """The service was reached but did not answer in time: a 504."""


class BodyStream(Protocol):
    async def read(self) -> bytes:
        """The next chunk of the body; b"" at its end."""
        ...

    async def aclose(self) -> None:
        """Give the connection back (or drop it, when the body was not read to its end)."""
        ...


class UpstreamResponse:
    __slots__ = ("body", "headers", "status", "stream")

    def __init__(
        self,
        status: int,
        headers: Headers,
        body: bytes | None = None,
        stream: BodyStream | None = None,
    ) -> None:
        self.status = status
        # Header names are lower case.
        self.headers = headers
        self.body = body
        self.stream = stream

    async def read(self) -> bytes:
        """The whole body (for the gateway's own small calls: specs, key exchange)."""
        if self.body is not None:
            return self.body
        assert self.stream is not None
        parts = []
        try:
            while chunk := await self.stream.read():
                parts.append(chunk)
        finally:
            await self.stream.aclose()
        self.body = b"".join(parts)
        self.stream = None
        return self.body

    async def aclose(self) -> None:
        if self.stream is not None:
            await self.stream.aclose()

    def header(self, name: bytes) -> bytes | None:
        for key, value in self.headers:
            if key == name:
                return value
        return None

    def json(self) -> Any:
        assert self.body is not None, "read() the body first"
        return json.loads(self.body)
