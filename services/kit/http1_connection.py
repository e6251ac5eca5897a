"""One keep-alive HTTP/1.1 connection to an upstream, and a response body read from it.

`Connection` is an asyncio protocol: it writes nothing itself (the pool in kit.http1
writes the request) and parses the answer with httptools, the C parser uvicorn uses. A
small answer with a known length is handed over whole at its end; any other answer is
handed over at its head, its body following through a `BodyStream` that pauses the
socket while the client lags.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Protocol, cast

import httptools

from services.kit.upstream import Headers, UpstreamResponse, UpstreamTimeout, UpstreamUnavailable


class Pool(Protocol):
    """What a connection needs of the pool that owns it (kit.http1.Http1Upstream): its
    name for errors, its limits, and where a finished or broken connection goes."""

    name: str
    read_timeout: float
    stream_threshold: int

    @property
    def loop(self) -> asyncio.AbstractEventLoop: ...

    def release(self, conn: Connection) -> None: ...

    def forget(self, conn: Connection) -> None: ...


# Stop reading from the upstream when this much of a streamed body waits for the client.
HIGH_WATER = 256 * 1024


class Stale(Exception):
    """A reused connection was closed by the server before any byte of an answer
    (`unsent`: before any byte of the request was written, too)."""

    def __init__(self, *, unsent: bool = False) -> None:
        super().__init__("connection closed by the server")
        self.unsent = unsent


class Connection(asyncio.Protocol):
    def __init__(self, pool: Pool) -> None:
        self.pool = pool
        self.loop = pool.loop
        self.transport: asyncio.Transport | None = None
        self.closed = False
        self.forgotten = False
        self.reused = False
        self.idle_since = 0.0
        self.parser: httptools.HttpResponseParser | None = None
        self.waiter: asyncio.Future[UpstreamResponse] | None = None
        self.status = 0
        self.headers: Headers = []
        self.content_length = -1
        self.chunks: list[bytes] = []
        self.stream: BodyStream | None = None
        self.is_head = False
        self.received = False
        self.request_sent = False
        self.answered = False
        self.write_paused = False
        self.drain_waiter: asyncio.Future[None] | None = None

    # asyncio.Protocol

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports do not derive from asyncio.Transport; they behave like one.
        self.transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        parser = self.parser
        if parser is None:  # bytes nobody asked for: the connection is not sane any more
            self.close()
            return
        self.received = True
        try:
            parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self._fail(UpstreamUnavailable(self.pool.name, f"bad response: {exc}"))
            self.close()

    def eof_received(self) -> bool | None:
        if self.waiter is None:
            # The server closed a connection that sat idle (its keep-alive ran out): out of
            # the pool now, before a request is written to it.
            self.close()
        return None  # the transport closes; connection_lost follows

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.pool.forget(self)
        stream = self.stream
        if stream is not None and not stream.eof:
            if self.content_length < 0 and self.header(b"transfer-encoding") is None:
                stream.feed_eof()  # a body delimited by the end of the connection
            else:
                stream.fail(UpstreamUnavailable(self.pool.name, "connection lost mid-body"))
        if self.waiter is not None and not self.waiter.done():
            if self.reused and not self.received:
                self.waiter.set_exception(Stale())
            else:
                self.waiter.set_exception(UpstreamUnavailable(self.pool.name, "connection lost"))
        self._wake_drain()

    def pause_writing(self) -> None:
        self.write_paused = True

    def resume_writing(self) -> None:
        self.write_paused = False
        self._wake_drain()

    # httptools callbacks

    def on_header(self, name: bytes, value: bytes) -> None:
        name = name.lower()
        self.headers.append((name, value))
        if name == b"content-length":
            self.content_length = int(value)

    def on_headers_complete(self) -> None:
        assert self.parser is not None
        status = self.parser.get_status_code()
        if status < 200:  # an interim answer (103 Early Hints): the real one follows
            self.headers = []
            self.content_length = -1
            return
        self.status = status
        self.answered = True
        self._wake_drain()
        if self.is_head:
            self._resolve(UpstreamResponse(status, self.headers, body=b""))
            self._finish(self.parser.should_keep_alive())
        elif status in (204, 304) or 0 <= self.content_length <= self.pool.stream_threshold:
            self.chunks = []
        else:
            self.stream = BodyStream(self)
            self._resolve(UpstreamResponse(status, self.headers, stream=self.stream))

    def on_body(self, body: bytes) -> None:
        if self.stream is not None:
            self.stream.feed(body)
        else:
            self.chunks.append(body)

    def on_message_complete(self) -> None:
        if not self.answered or self.parser is None:
            return  # the end of an interim answer, or of a HEAD answer already given
        if self.stream is not None:
            self.stream.feed_eof()
        else:
            chunks = self.chunks
            body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
            self._resolve(UpstreamResponse(self.status, self.headers, body=body))
        self._finish(self.parser.should_keep_alive())

    # the exchange

    def start(self, is_head: bool) -> asyncio.Future[UpstreamResponse]:
        self.parser = httptools.HttpResponseParser(self)
        self.waiter = self.loop.create_future()
        self.status = 0
        self.headers = []
        self.content_length = -1
        self.chunks = []
        self.stream = None
        self.is_head = is_head
        self.received = False
        self.request_sent = False
        self.answered = False
        return self.waiter

    def header(self, name: bytes) -> bytes | None:
        for key, value in self.headers:
            if key == name:
                return value
        return None

    def _resolve(self, response: UpstreamResponse) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(response)

    def _fail(self, exc: Exception) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(exc)
        if self.stream is not None:
            self.stream.fail(exc)

    def _finish(self, keep_alive: bool) -> None:
        """The answer is complete: back to the pool, or closed if it cannot be reused."""
        self.parser = None
        self.stream = None
        self.waiter = None
        if keep_alive and self.request_sent and not self.closed:
            self.pool.release(self)
        else:
            self.close()

    def on_timeout(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(UpstreamTimeout(self.pool.name, "no answer in time"))
            self.close()

    def abandon(self) -> None:
        """Nobody will read this exchange's answer: close, and leave no error unretrieved."""
        waiter = self.waiter
        if waiter is not None:
            if not waiter.done():
                waiter.cancel()
            elif not waiter.cancelled():
                waiter.exception()
        self.close()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.pool.forget(self)
            if self.transport is not None:
                self.transport.abort()

    async def drain(self) -> None:
        if self.write_paused and not self.closed and not self.answered:
            self.drain_waiter = self.loop.create_future()
            timer = self.loop.call_later(self.pool.read_timeout, self._drain_timeout)
            try:
                await self.drain_waiter
            finally:
                timer.cancel()
                self.drain_waiter = None

    def _wake_drain(self) -> None:
        if self.drain_waiter is not None and not self.drain_waiter.done():
            self.drain_waiter.set_result(None)

    def _drain_timeout(self) -> None:
        if self.drain_waiter is not None and not self.drain_waiter.done():
            self.drain_waiter.set_exception(UpstreamTimeout(self.pool.name, "upload stalled"))
            self.close()


class BodyStream:
    """A response body read chunk by chunk, pausing the socket while the client lags."""

    __slots__ = ("conn", "eof", "error", "parts", "paused", "size", "waiter")

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.parts: deque[bytes] = deque()
        self.size = 0
        self.eof = False
        self.error: Exception | None = None
        self.paused = False
        self.waiter: asyncio.Future[None] | None = None

    def feed(self, data: bytes) -> None:
        self.parts.append(data)
        self.size += len(data)
        if self.size > HIGH_WATER and not self.paused and self.conn.transport is not None:
            self.paused = True
            self.conn.transport.pause_reading()
        self._wake()

    def feed_eof(self) -> None:
        self.eof = True
        self._wake()

    def fail(self, exc: Exception) -> None:
        if not self.eof:
            self.error = exc
            self._wake()

    def _wake(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)

    async def read(self) -> bytes:
        conn = self.conn
        while not self.parts:
            if self.error is not None:
                raise self.error
            if self.eof:
                return b""
            self.waiter = conn.loop.create_future()
            timer = conn.loop.call_later(conn.pool.read_timeout, self._timeout)
            try:
                await self.waiter
            finally:
                timer.cancel()
                self.waiter = None
        parts = self.parts
        data = parts.popleft() if len(parts) == 1 else b"".join(parts)
        parts.clear()
        self.size = 0
        if self.paused:
            self.paused = False
            if not conn.closed and conn.transport is not None:
                conn.transport.resume_reading()
        return data

    def _timeout(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.error = UpstreamTimeout(self.conn.pool.name, "body stalled")
            self.waiter.set_result(None)
            self.conn.close()

    async def aclose(self) -> None:
        if not self.eof:
            self.conn.close()  # the rest of the body will not be read: never reuse it
