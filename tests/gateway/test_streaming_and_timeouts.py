"""Big bodies stream through without sitting in memory; slow services are a 504.

Each test runs with both upstream clients: the fast one on a real local port, and httpx
with the testbed app in-process.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from gateway.upstream import HttpxUpstream, Upstream
from services.kit.http1 import Http1Upstream
from tests.gateway.support import MakeGateway
from tests.gateway.testbed import CHUNK, Testbed, call_asgi

MiB = 1024 * 1024
UploadFactory = Callable[[str, Testbed], Upstream]


def _fast(url: str, bed: Testbed, **kw: Any) -> Upstream:
    return Http1Upstream("testbed", url, **kw)


def _httpx(url: str, bed: Testbed, **kw: Any) -> Upstream:
    return HttpxUpstream(
        "testbed", "http://testbed", transport=httpx.ASGITransport(bed.app()), **kw
    )


def _httpx_socket(url: str, bed: Testbed, **kw: Any) -> Upstream:
    return HttpxUpstream("testbed", url, **kw)


CLIENTS = pytest.mark.parametrize("client", [_fast, _httpx], ids=["fast", "httpx"])
# httpx.ASGITransport gathers an answer whole before handing it over: downloads are
# streamed by httpx over a socket instead.
SOCKET_CLIENTS = pytest.mark.parametrize(
    "client", [_fast, _httpx_socket], ids=["fast", "httpx-socket"]
)


def _upload(
    bed: Testbed, size: int, *, declare_length: bool
) -> tuple[Any, list[tuple[bytes, bytes]]]:
    chunk = b"v" * CHUNK
    total_chunks = size // CHUNK

    async def receive() -> dict[str, Any]:
        if bed.sent_chunks >= total_chunks:
            return {"type": "http.disconnect"}
        bed.sent_chunks += 1
        return {"type": "http.request", "body": chunk, "more_body": bed.sent_chunks < total_chunks}

    headers = [(b"content-type", b"video/mp4")]
    if declare_length:
        headers.append((b"content-length", str(size).encode()))
    else:
        headers.append((b"transfer-encoding", b"chunked"))
    return receive, headers


@CLIENTS
async def test_a_large_upload_is_streamed_to_the_service(
    client: Callable[..., Upstream], make_gateway: MakeGateway, testbed: Testbed, testbed_url: str
) -> None:
    door = await make_gateway(upstreams={"testbed": client(testbed_url, testbed)})
    receive, headers = _upload(testbed, 20 * MiB, declare_length=True)

    tracemalloc.start()
    try:
        result = await call_asgi(
            door.app, "POST", "/api/testbed/upload", headers=headers, receive=receive
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert result.status == 200, bytes(result.body)
    answer = httpx.Response(200, content=bytes(result.body)).json()
    assert answer["bytes"] == 20 * MiB
    assert answer["content_length"] == str(20 * MiB)
    # The service was reading while the client was still sending (socket buffers hold a
    # few MiB on loopback): the body was never gathered whole.
    assert testbed.first_chunk_seen_at is not None
    assert testbed.first_chunk_seen_at < testbed.sent_chunks / 2
    assert peak < 8 * MiB


@CLIENTS
async def test_an_upload_of_unknown_length_is_streamed_chunked(
    client: Callable[..., Upstream], make_gateway: MakeGateway, testbed: Testbed, testbed_url: str
) -> None:
    door = await make_gateway(upstreams={"testbed": client(testbed_url, testbed)})
    receive, headers = _upload(testbed, 2 * MiB, declare_length=False)

    result = await call_asgi(
        door.app, "POST", "/api/testbed/upload", headers=headers, receive=receive
    )

    answer = httpx.Response(200, content=bytes(result.body)).json()
    assert answer["bytes"] == 2 * MiB
    assert answer["transfer_encoding"] == "chunked"


async def test_a_small_body_of_unknown_length_is_sent_with_its_length(
    make_gateway: MakeGateway, testbed: Testbed, testbed_url: str
) -> None:
    door = await make_gateway(upstreams={"testbed": Http1Upstream("testbed", testbed_url)})
    receive, headers = _upload(testbed, CHUNK, declare_length=False)

    result = await call_asgi(
        door.app, "POST", "/api/testbed/upload", headers=headers, receive=receive
    )

    answer = httpx.Response(200, content=bytes(result.body)).json()
    assert answer == {"bytes": CHUNK, "content_length": str(CHUNK), "transfer_encoding": None}


@SOCKET_CLIENTS
@pytest.mark.parametrize("declare_length", [True, False], ids=["length", "chunked"])
async def test_a_large_download_is_streamed_to_the_client(
    client: Callable[..., Upstream],
    declare_length: bool,
    make_gateway: MakeGateway,
    testbed: Testbed,
    testbed_url: str,
) -> None:
    door = await make_gateway(upstreams={"testbed": client(testbed_url, testbed)})
    size = 20 * MiB
    length = "true" if declare_length else "false"

    tracemalloc.start()
    try:
        result = await call_asgi(
            door.app, "GET", f"/api/testbed/download?size={size}&length={length}", keep_body=False
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert result.status == 200
    assert sum(result.chunks) == size
    assert len(result.chunks) > 20  # many body messages, not one
    assert max(result.chunks) <= 2 * MiB
    assert peak < 8 * MiB
    assert result.header("content-type") == "video/mp4"
    assert result.header("content-length") == (str(size) if declare_length else None)
    assert result.header("transfer-encoding") is None


async def test_a_client_leaving_mid_download_stops_the_upstream_read(
    make_gateway: MakeGateway, testbed_url: str
) -> None:
    upstream = Http1Upstream("testbed", testbed_url)
    door = await make_gateway(upstreams={"testbed": upstream})
    asked = False

    async def receive() -> dict[str, Any]:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        return {"type": "http.disconnect"}  # the client is gone

    result = await call_asgi(
        door.app, "GET", f"/api/testbed/download?size={50 * MiB}", receive=receive, keep_body=False
    )

    assert result.status == 200
    assert sum(result.chunks) < 50 * MiB
    # The half-read connection was dropped, not put back for the next request.
    assert upstream.connections == 0
    assert (await door.client.get("/api/testbed/small")).json() == {"hello": "世界"}


@CLIENTS
async def test_a_slow_service_is_a_504_problem(
    client: Callable[..., Upstream], make_gateway: MakeGateway, testbed: Testbed, testbed_url: str
) -> None:
    door = await make_gateway(upstreams={"testbed": client(testbed_url, testbed, read_timeout=0.3)})

    started = time.monotonic()
    response = await door.client.get("/api/testbed/slow?seconds=1")
    elapsed = time.monotonic() - started

    assert response.status_code == 504
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "service_timeout"
    assert response.json()["service"] == "testbed"
    assert elapsed < 2.0
    # The next request is not stuck behind the slow one.
    assert (await door.client.get("/api/testbed/small")).status_code == 200


@CLIENTS
@pytest.mark.parametrize(
    ("method", "status"), [("HEAD", 200), ("GET", 204), ("GET", 304), ("HEAD", 404)]
)
async def test_answers_without_a_body_keep_the_connection_usable(
    client: Callable[..., Upstream],
    method: str,
    status: int,
    make_gateway: MakeGateway,
    testbed: Testbed,
    testbed_url: str,
) -> None:
    door = await make_gateway(upstreams={"testbed": client(testbed_url, testbed)})

    response = await door.client.request(method, f"/api/testbed/status/{status}")

    assert response.status_code == status
    assert response.content == b""
    assert response.headers["etag"] == '"v1"'
    assert (await door.client.get("/api/testbed/small")).json() == {"hello": "世界"}


async def test_a_client_leaving_mid_upload_drops_the_upstream_connection(
    make_gateway: MakeGateway, testbed_url: str
) -> None:
    upstream = Http1Upstream("testbed", testbed_url)
    door = await make_gateway(upstreams={"testbed": upstream})
    sent = 0

    async def receive() -> dict[str, Any]:
        nonlocal sent
        sent += 1
        if sent > 3:
            return {"type": "http.disconnect"}
        return {"type": "http.request", "body": b"v" * CHUNK, "more_body": True}

    # An upload (a JSON body of this size would be refused before a byte is read).
    headers = [(b"content-type", b"video/mp4"), (b"content-length", str(20 * MiB).encode())]
    result = await call_asgi(
        door.app, "POST", "/api/testbed/upload", headers=headers, receive=receive
    )

    assert result.status == 0  # nobody left to answer
    assert upstream.connections == 0


async def test_a_malformed_content_length_is_a_400(
    make_gateway: MakeGateway, testbed_url: str
) -> None:
    door = await make_gateway(upstreams={"testbed": Http1Upstream("testbed", testbed_url)})
    result = await call_asgi(
        door.app, "POST", "/api/testbed/upload", headers=[(b"content-length", b"12abc")]
    )
    assert result.status == 400
