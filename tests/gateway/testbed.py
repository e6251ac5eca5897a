"""Test-only upstreams: a small app for what no service does on demand (slow answers, huge
bodies, echoing what arrived), a stand-in for identity's API-key exchange, and a way to
serve any ASGI app on a real local port inside the test's own event loop.

These are fixtures for the gateway's own behaviour, not mocks of our services: the real
directory app is used wherever a real service answers the question.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse

from services.kit.errors import problem_response

CHUNK = 64 * 1024


def free_port() -> int:
    """A local port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@asynccontextmanager
async def serving(app: Any, *, keep_alive: int = 5, **options: Any) -> AsyncIterator[str]:
    """Serve `app` with uvicorn on a free local port, in the running loop; yields its URL.
    `options` are more of uvicorn's Config (http=..., server_header=...)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app,
        lifespan="off",
        log_level="warning",
        access_log=False,
        timeout_keep_alive=keep_alive,
        timeout_graceful_shutdown=1,
        **options,
    )
    config.load()
    server = uvicorn.Server(config)
    server.lifespan = config.lifespan_class(config)
    await server.startup(sockets=[sock])
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await server.shutdown(sockets=[sock])


@dataclass
class Testbed:
    """What the testbed saw: the test reads it after a request."""

    __test__ = False  # not a test class, whatever its name

    sent_chunks: int = 0  # set by a test while it feeds an upload
    first_chunk_seen_at: int | None = None
    calls: int = 0

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.api_route("/echo/{rest:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
        async def echo(request: Request) -> Response:
            self.calls += 1
            body = await request.body()
            return JSONResponse(
                {
                    "method": request.method,
                    "raw_path": request.scope["raw_path"].decode(),
                    "query": request.scope["query_string"].decode(),
                    "headers": [[k.decode(), v.decode()] for k, v in request.scope["headers"]],
                    "body_bytes": len(body),
                },
                headers={"x-testbed": "yes", "keep-alive": "timeout=5"},
            )

        @app.post("/upload")
        async def upload(request: Request) -> dict[str, Any]:
            count = 0
            async for chunk in request.stream():
                if chunk and self.first_chunk_seen_at is None:
                    self.first_chunk_seen_at = self.sent_chunks
                count += len(chunk)
            return {
                "bytes": count,
                "content_length": request.headers.get("content-length"),
                "transfer_encoding": request.headers.get("transfer-encoding"),
            }

        @app.get("/download")
        async def download(size: int, length: bool = False) -> Response:
            async def chunks() -> AsyncIterator[bytes]:
                left = size
                while left > 0:
                    n = min(CHUNK, left)
                    left -= n
                    yield b"x" * n
                    await asyncio.sleep(0)

            headers = {"content-length": str(size)} if length else {}
            return StreamingResponse(chunks(), media_type="video/mp4", headers=headers)

        @app.get("/slow")
        async def slow(seconds: float) -> dict[str, str]:
            await asyncio.sleep(seconds)
            return {"status": "late"}

        @app.api_route("/status/{code}", methods=["GET", "HEAD"])
        async def status(code: int) -> Response:
            return Response(status_code=code, headers={"etag": '"v1"'})

        @app.get("/small", response_model=None)
        async def small() -> dict[str, str]:
            return {"hello": "世界"}

        @app.get("/readyz")
        async def readyz() -> dict[str, str]:
            return {"status": "ready"}

        return app


@dataclass
class IdentityStandIn:
    """Identity's API-key exchange as it answers, with keys the test can add and revoke.

    Only the caching and revocation timing of the gateway is tested against this; the
    end-to-end API-key tests run against the real identity service.
    """

    keys: dict[str, str] = field(default_factory=dict)  # key -> the access token it gets
    expires_in: int = 300
    exchanges: int = 0
    delay: float = 0.0

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/v1/auth/api-key-token", response_model=None)
        async def exchange(request: Request) -> Response:
            self.exchanges += 1
            if self.delay:
                await asyncio.sleep(self.delay)
            token = self.keys.get(request.headers.get("x-api-key", ""))
            if token is None:
                return problem_response(
                    status=401, code="invalid_api_key", detail="Unknown or revoked key."
                )
            return JSONResponse(
                {
                    "access_token": token,
                    "token_type": "Bearer",
                    "expires_in": self.expires_in,
                }
            )

        return app


Receive = Callable[[], Awaitable[dict[str, Any]]]


@dataclass
class AsgiResult:
    status: int = 0
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    chunks: list[int] = field(default_factory=list)  # the size of each body message
    body: bytearray = field(default_factory=bytearray)
    keep_body: bool = True

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.decode().lower() == name:
                return value.decode()
        return None


async def call_asgi(
    app: Any,
    method: str,
    path: str,
    *,
    headers: list[tuple[bytes, bytes]] | None = None,
    receive: Receive | None = None,
    keep_body: bool = True,
) -> AsgiResult:
    """Call an ASGI app directly, seeing each body message as the server would."""
    done = asyncio.Event()

    async def no_body() -> dict[str, Any]:
        if not getattr(no_body, "sent", False):
            no_body.sent = True  # type: ignore[attr-defined]
            return {"type": "http.request", "body": b"", "more_body": False}
        await done.wait()
        return {"type": "http.disconnect"}

    result = AsgiResult(keep_body=keep_body)

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            result.status = message["status"]
            result.headers = list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            body = message.get("body", b"")
            result.chunks.append(len(body))
            if keep_body:
                result.body += body

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path.split("?")[0],
        "raw_path": path.split("?")[0].encode(),
        "query_string": path.partition("?")[2].encode(),
        "root_path": "",
        "headers": [(b"host", b"gateway.test"), *(headers or [])],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    try:
        await app(scope, receive or no_body, send)
    finally:
        done.set()
    return result
