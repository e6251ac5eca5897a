"""The fast upstream: a keep-alive HTTP/1.1 connection pool on asyncio protocols.

Why not httpx or aiohttp here: the gateway sits in front of every request, and a general
client's per-request machinery (request/response objects, header classes, task hops,
anyio layers) costs more than the service's own work on a small read. This client does
what the gateway needs and nothing more: one request head written in one call, the
response parsed in C by httptools (the parser uvicorn uses), a small body handed back
whole, a large or unknown one streamed with back-pressure both ways.

Connections are kept per upstream (LIFO, so the warm ones are reused), dropped after
`idle_timeout` (below uvicorn's 5 s keep-alive, so the server rarely closes one under
us), dropped at once when the server closes one that sits idle, and capped at
`max_connections`. Still, a server may close an idle connection just as a request is
written to it: the request then meets a closed socket and never reaches the service. So a
request on a reused connection that ends before a single byte of an answer is sent again,
once, on a fresh connection, whatever its method, when its body is buffered (a streamed
body cannot be sent twice: that request is a 503 unless nothing of it was written yet). A
fresh connection that fails is never retried: there the request may have been received.
"""

from __future__ import annotations

import asyncio
import ssl
from collections import deque
from urllib.parse import urlsplit

from services.kit.http1_connection import Connection, Stale
from services.kit.upstream import (
    STREAM_THRESHOLD,
    Body,
    Headers,
    UpstreamError,
    UpstreamResponse,
    UpstreamUnavailable,
)


class Http1Upstream:
    """One service reached over HTTP/1.1 (or HTTPS) with a pool of keep-alive connections."""

    def __init__(
        self,
        name: str,
        base_url: str,
        *,
        connect_timeout: float = 2.0,
        read_timeout: float = 30.0,
        max_connections: int = 512,
        max_idle: int = 128,
        idle_timeout: float = 4.0,
        stream_threshold: int = STREAM_THRESHOLD,
    ) -> None:
        url = urlsplit(base_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(f"{name}: not an http(s) URL: {base_url!r}")
        self.name = name
        self.base_url = base_url.rstrip("/")
        self.host = url.hostname
        self.port = url.port or (443 if url.scheme == "https" else 80)
        self.ssl: ssl.SSLContext | None = (
            ssl.create_default_context() if url.scheme == "https" else None
        )
        self.prefix = url.path.rstrip("/").encode()
        self.host_header = url.netloc.encode()
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.max_connections = max_connections
        self.max_idle = max_idle
        self.idle_timeout = idle_timeout
        self.stream_threshold = stream_threshold
        self._idle: list[Connection] = []
        self._count = 0
        self._waiters: deque[asyncio.Future[Connection | None]] = deque()
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def connections(self) -> int:
        """How many connections are open (busy or idle)."""
        return self._count

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
        return self._loop

    async def send(
        self,
        method: str,
        target: bytes,
        headers: Headers,
        body: Body = b"",
        *,
        content_length: int | None = None,
    ) -> UpstreamResponse:
        parts = [method.encode(), b" ", self.prefix, target, b" HTTP/1.1\r\nhost: "]
        parts.append(self.host_header)
        for name, value in headers:
            parts += (b"\r\n", name, b": ", value)
        if content_length is not None:
            parts += (b"\r\ncontent-length: ", str(content_length).encode())
        elif not isinstance(body, bytes):
            parts.append(b"\r\ntransfer-encoding: chunked")
        elif body:
            parts += (b"\r\ncontent-length: ", str(len(body)).encode())
        parts.append(b"\r\n\r\n")
        head = b"".join(parts)
        replayable = isinstance(body, bytes)
        for attempt in (1, 2):
            conn = await self._acquire()
            try:
                return await self._exchange(conn, method, head, body, content_length)
            except Stale as stale:
                if attempt == 2 or not (replayable or stale.unsent):
                    raise UpstreamUnavailable(
                        self.name, "connection closed by the server"
                    ) from None
            except UpstreamError:
                raise
            except BaseException:
                conn.abandon()  # cancelled or broken mid-exchange: the connection is unusable
                raise
        raise AssertionError("unreachable")

    async def _exchange(
        self,
        conn: Connection,
        method: str,
        head: bytes,
        body: Body,
        content_length: int | None,
    ) -> UpstreamResponse:
        if conn.closed:  # closed by the server since it was taken: nothing was written
            raise Stale(unsent=True)
        waiter = conn.start(method == "HEAD")
        transport = conn.transport
        assert transport is not None
        if isinstance(body, bytes):
            transport.write(head + body if body else head)
        else:
            transport.write(head)
            chunked = content_length is None
            async for chunk in body:
                if conn.closed or conn.answered:
                    break
                if chunked:
                    if chunk:
                        transport.writelines((b"%x\r\n" % len(chunk), chunk, b"\r\n"))
                else:
                    transport.write(chunk)
                if conn.write_paused:
                    await conn.drain()
            else:
                if chunked and not conn.closed:
                    transport.write(b"0\r\n\r\n")
        conn.request_sent = not conn.answered  # an early answer: the body may be left unread
        if waiter.done():
            return waiter.result()
        timer = self.loop.call_later(self.read_timeout, conn.on_timeout)
        try:
            return await waiter
        finally:
            timer.cancel()

    async def _acquire(self) -> Connection:
        idle = self._idle
        if idle:
            now = self.loop.time()
            while idle:
                conn = idle.pop()
                if not conn.closed and now - conn.idle_since < self.idle_timeout:
                    conn.reused = True
                    return conn
                conn.close()
        while self._count >= self.max_connections:
            waiter: asyncio.Future[Connection | None] = self.loop.create_future()
            self._waiters.append(waiter)
            try:
                handed = await waiter
            except asyncio.CancelledError:
                if waiter.done() and not waiter.cancelled():
                    handed_late = waiter.result()
                    if handed_late is not None:  # handed to us as we were cancelled
                        self.release(handed_late)
                raise
            if handed is not None:
                handed.reused = True
                return handed
        return await self._connect()

    async def _connect(self) -> Connection:
        self._count += 1
        try:
            async with asyncio.timeout(self.connect_timeout):
                _, conn = await self.loop.create_connection(
                    lambda: Connection(self),
                    self.host,
                    self.port,
                    ssl=self.ssl,
                    server_hostname=self.host if self.ssl else None,
                )
        except TimeoutError:
            self._count -= 1
            self._wake_waiter(None)
            raise UpstreamUnavailable(self.name, "connect timeout") from None
        except OSError as exc:
            self._count -= 1
            self._wake_waiter(None)
            reason = exc.strerror or type(exc).__name__
            raise UpstreamUnavailable(self.name, reason.lower()) from None
        except BaseException:
            self._count -= 1
            self._wake_waiter(None)
            raise
        return conn

    def _wake_waiter(self, conn: Connection | None) -> bool:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(conn)
                return True
        return False

    def release(self, conn: Connection) -> None:
        if self._wake_waiter(conn):
            return
        if len(self._idle) >= self.max_idle:
            conn.close()
            return
        conn.idle_since = self.loop.time()
        self._idle.append(conn)

    def forget(self, conn: Connection) -> None:
        """A connection closed: count it out, and let a waiting request open another."""
        if conn.forgotten:
            return
        conn.forgotten = True
        self._count -= 1
        if conn in self._idle:
            self._idle.remove(conn)
        self._wake_waiter(None)

    async def aclose(self) -> None:
        for conn in list(self._idle):
            conn.close()
        self._idle.clear()
