"""What a service receives and what the client gets back: hop-by-hop headers, forwarding
headers, raw paths and queries, and a connection the server closed under the pool."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from gateway.upstream import UpstreamUnavailable
from services.kit.http1 import Http1Upstream
from tests.gateway.support import MakeGateway


def _headers(answer: dict[str, Any]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for name, value in answer["headers"]:
        seen.setdefault(name, []).append(value)
    return seen


async def test_hop_by_hop_headers_stop_at_the_gateway_and_forwarding_headers_are_added(
    make_gateway: MakeGateway, testbed_url: str
) -> None:
    door = await make_gateway(upstreams={"testbed": Http1Upstream("testbed", testbed_url)})

    response = await door.client.post(
        "/api/testbed/echo/a%2Fb/c?q=%E4%B8%AD&x=1&x=2",
        content=b'{"a": 1}',
        headers={
            "Content-Type": "application/json",
            "Connection": "keep-alive, X-Private-Hop",
            "X-Private-Hop": "secret",
            "Keep-Alive": "timeout=5",
            "Proxy-Authorization": "Basic Zm9vOmJhcg==",
            "TE": "trailers",
            "Upgrade": "websocket",
            "X-Forwarded-For": "203.0.113.9",
            "X-Request-ID": "trace-7",
            "X-Custom": "kept",
        },
    )

    assert response.status_code == 200
    answer = response.json()
    seen = _headers(answer)
    assert answer["method"] == "POST"
    assert answer["raw_path"] == "/echo/a%2Fb/c"  # the raw path, not re-encoded
    assert answer["query"] == "q=%E4%B8%AD&x=1&x=2"
    assert answer["body_bytes"] == 8
    for gone in ("connection", "keep-alive", "proxy-authorization", "te", "upgrade"):
        assert gone not in seen, gone
    assert "x-private-hop" not in seen  # named in Connection: hop-by-hop too
    assert seen["host"] == [testbed_url.removeprefix("http://")]
    assert seen["x-custom"] == ["kept"]
    assert seen["content-length"] == ["8"]
    assert seen["x-request-id"] == ["trace-7"]
    # The client's own X-Forwarded-For is replaced by the address the gateway saw.
    assert seen["x-forwarded-for"] == ["127.0.0.1"]
    assert seen["x-real-ip"] == ["127.0.0.1"]
    assert seen["x-forwarded-proto"] == ["http"]
    assert seen["x-forwarded-host"] == ["gateway.test"]
    # And on the way back: the service's keep-alive stays behind, its own headers come.
    assert response.headers["x-testbed"] == "yes"
    assert "keep-alive" not in response.headers
    assert response.headers.get_list("x-request-id") == ["trace-7"]


async def test_a_bad_request_id_is_replaced_before_it_is_forwarded(
    make_gateway: MakeGateway, testbed_url: str
) -> None:
    door = await make_gateway(upstreams={"testbed": Http1Upstream("testbed", testbed_url)})

    response = await door.client.get("/api/testbed/echo/x", headers={"X-Request-ID": "a b<c>"})

    forwarded = _headers(response.json())["x-request-id"]
    assert forwarded == [response.headers["x-request-id"]]
    assert forwarded != ["a b<c>"]


@asynccontextmanager
async def one_answer_per_connection() -> AsyncIterator[tuple[str, list[int]]]:
    """A server that answers the first request on a connection, then hangs up on the next
    one without a word: what a keep-alive timeout on the server looks like to a client
    that sends just as the server closes."""
    served: list[int] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for turn in range(2):
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            if turn == 1:
                break
            served.append(1)
            writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok")
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}", served
    finally:
        server.close()
        await server.wait_closed()


async def test_an_idempotent_request_on_a_connection_the_server_dropped_is_retried() -> None:
    async with one_answer_per_connection() as (url, served):
        upstream = Http1Upstream("flaky", url)
        try:
            first = await upstream.send("GET", b"/a", [])
            second = await upstream.send("GET", b"/b", [])
        finally:
            await upstream.aclose()

    assert (first.status, first.body, second.status, second.body) == (200, b"ok", 200, b"ok")
    assert len(served) == 2  # the second request went out again on a new connection


async def test_a_post_on_a_reused_connection_dropped_before_any_answer_is_sent_again_once() -> None:
    async with one_answer_per_connection() as (url, served):
        upstream = Http1Upstream("flaky", url)
        try:
            await upstream.send("POST", b"/a", [], b"{}")
            second = await upstream.send("POST", b"/b", [], b"{}")
        finally:
            await upstream.aclose()
    assert (second.status, second.body) == (200, b"ok")
    assert len(served) == 2  # answered once, on the fresh connection


async def test_a_streamed_body_on_a_dropped_connection_is_not_replayed() -> None:
    async def body() -> AsyncIterator[bytes]:
        yield b"{"
        yield b"}"

    async with one_answer_per_connection() as (url, served):
        upstream = Http1Upstream("flaky", url)
        try:
            await upstream.send("POST", b"/a", [], b"{}")
            with pytest.raises(UpstreamUnavailable):
                await upstream.send("POST", b"/b", [], body())
        finally:
            await upstream.aclose()
    assert len(served) == 1


async def test_the_pool_caps_connections_and_hands_them_on(testbed_url: str) -> None:
    upstream = Http1Upstream("testbed", testbed_url, max_connections=2)
    try:
        answers = await asyncio.gather(
            *(upstream.send("GET", b"/slow?seconds=0.05", []) for _ in range(6))
        )
    finally:
        await upstream.aclose()
    assert [a.status for a in answers] == [200] * 6
    assert upstream.connections == 0
