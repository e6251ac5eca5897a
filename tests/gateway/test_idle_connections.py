"""A service closes keep-alive connections that sit idle. A request written to one just as it
closes never reaches the service: the gateway sends it again on a fresh connection, a POST
too, instead of answering 503."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI, Request

from services.kit.http1 import Http1Upstream
from tests.gateway.support import MakeGateway

KEEP_ALIVE_SECONDS = 1


class Reports:
    """A service that files what is posted to it (and counts it)."""

    def __init__(self) -> None:
        self.filed: list[bytes] = []

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/v1/reports", status_code=201)
        async def file(request: Request) -> dict[str, int]:
            self.filed.append(await request.body())
            return {"number": len(self.filed)}

        return app


@contextmanager
def serving_in_a_thread(app: FastAPI) -> Iterator[str]:
    """uvicorn on its own thread and loop, closing connections idle for a second: it goes
    on closing them while the test's loop is busy."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app,
        lifespan="off",
        log_level="warning",
        access_log=False,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


async def test_a_post_that_meets_a_connection_the_service_just_closed_is_sent_again() -> None:
    reports = Reports()
    with serving_in_a_thread(reports.app()) as url:
        # The gateway keeps idle connections longer than this service does.
        upstream = Http1Upstream("reports", url, idle_timeout=30)
        try:
            first = await upstream.send(
                "POST", b"/v1/reports", [(b"content-type", b"application/json")], b'{"n": 1}'
            )
            assert first.status == 201
            # The service closes the idle connection while this loop is busy elsewhere (as a
            # loaded gateway is): the close is not seen before the next request is written.
            time.sleep(KEEP_ALIVE_SECONDS + 0.5)  # noqa: ASYNC251 (blocking on purpose)
            second = await upstream.send(
                "POST", b"/v1/reports", [(b"content-type", b"application/json")], b'{"n": 2}'
            )
        finally:
            await upstream.aclose()

    assert second.status == 201
    assert second.json() == {"number": 2}
    assert reports.filed == [b'{"n": 1}', b'{"n": 2}']  # each filed once


async def test_a_connection_the_service_closed_while_idle_is_not_used_again(
    make_gateway: MakeGateway,
) -> None:
    reports = Reports()
    with serving_in_a_thread(reports.app()) as url:
        upstream = Http1Upstream("reports", url, idle_timeout=30)
        door = await make_gateway(upstreams={"reports": upstream})
        for n in range(2):
            answer = await door.client.post("/api/reports/v1/reports", json={"n": n})
            assert answer.status_code == 201, answer.text
            await asyncio.sleep(KEEP_ALIVE_SECONDS + 0.3)  # the service closes it meanwhile
            assert upstream.connections == 0
    assert len(reports.filed) == 2
