"""The gateway in front of the real directory app (in-process, through httpx.ASGITransport).

Services that are not in the test point at a local port nobody listens on, so the tests
never reach whatever else runs on this machine. Tests that need real sockets serve an app
on a free local port inside the test's event loop (testbed.serving) and reach it with the
fast upstream client.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest

from gateway.app import create_app
from gateway.config import SERVICES, GatewaySettings
from gateway.upstream import Upstream
from services.kit.clock import FrozenClock
from tests.fixtures.directory import Directory
from tests.gateway.support import Door, MakeGateway
from tests.gateway.testbed import Testbed, free_port, serving


@pytest.fixture
def dead_url() -> str:
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture
async def make_gateway(
    directory: Directory, clock: FrozenClock, dead_url: str, tmp_path: Path
) -> AsyncIterator[MakeGateway]:
    made: list[Door] = []

    async def make(
        *,
        transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
        upstreams: Mapping[str, Upstream] | None = None,
        timer: Callable[[], float] | None = None,
        **overrides: Any,
    ) -> Door:
        values: dict[str, Any] = {
            "env": "test",
            "jwks": directory.tokens.jwks,
            **{f"{name}_url": dead_url for name in SERVICES},
            "directory_url": "http://directory",
            "frontend_dir": tmp_path / "no-frontend",
            **overrides,
        }
        settings = GatewaySettings(**values)
        app = create_app(
            settings,
            transports={"directory": httpx.ASGITransport(app=directory.app), **(transports or {})},
            upstreams=upstreams,
            clock=clock,
            timer=timer or time.monotonic,
        )
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://gateway.test", timeout=10
        )
        door = Door(app=app, client=client, settings=settings)
        made.append(door)
        return door

    yield make
    for door in made:
        await door.client.aclose()
        await door.app.aclose()


@pytest.fixture
async def gateway(make_gateway: MakeGateway) -> Door:
    return await make_gateway()


@pytest.fixture(scope="session")
async def testbed_server() -> AsyncIterator[tuple[Testbed, str]]:
    bed = Testbed()
    async with serving(bed.app()) as url:
        yield bed, url


@pytest.fixture
def testbed(testbed_server: tuple[Testbed, str]) -> Testbed:
    bed, _ = testbed_server
    bed.sent_chunks = 0
    bed.first_chunk_seen_at = None
    bed.calls = 0
    return bed


@pytest.fixture
def testbed_url(testbed_server: tuple[Testbed, str]) -> str:
    return testbed_server[1]
