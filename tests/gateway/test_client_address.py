"""The client's address is the gateway's to say: what a client writes in X-Forwarded-For or
X-Real-IP is not taken, unless it came through a load balancer the gateway is told to trust."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from gateway.app import Gateway
from services.kit.http1 import Http1Upstream
from tests.fixtures.directory import Directory
from tests.fixtures.system import System
from tests.gateway.support import MakeGateway


@asynccontextmanager
async def client_at(app: Gateway, peer: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client whose TCP peer address, as the gateway sees it, is `peer`."""
    transport = httpx.ASGITransport(app=app, client=(peer, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway.test") as client:
        yield client


def _headers(answer: dict[str, Any]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for name, value in answer["headers"]:
        seen.setdefault(name, []).append(value)
    return seen


async def test_made_up_forwarded_hops_do_not_buy_more_sign_in_codes(system: System) -> None:
    async with client_at(system.gateway, "203.0.113.5") as texter:
        for i in range(20):
            sent = await texter.post(
                "/api/identity/v1/auth/otp/send",
                json={"phone": f"137000000{i:02d}"},
                headers={"X-Forwarded-For": f"198.51.100.{i}", "X-Real-IP": f"192.0.2.{i}"},
            )
            assert sent.status_code == 202, i
        refused = await texter.post(
            "/api/identity/v1/auth/otp/send",
            json={"phone": "13600000000"},
            headers={"X-Forwarded-For": "198.51.100.250", "Forwarded": "for=192.0.2.250"},
        )
        assert refused.status_code == 429
        assert refused.json()["code"] == "otp_rate_limited"
    assert await system.identity.sent_to("13600000000") == []

    # Someone else, on another network, still gets their code.
    async with client_at(system.gateway, "203.0.113.6") as neighbour:
        sent = await neighbour.post("/api/identity/v1/auth/otp/send", json={"phone": "13600000000"})
        assert sent.status_code == 202


async def test_the_service_hears_the_peer_and_nothing_the_client_wrote(
    make_gateway: MakeGateway, testbed_url: str
) -> None:
    door = await make_gateway(upstreams={"testbed": Http1Upstream("testbed", testbed_url)})

    async with client_at(door.app, "198.51.100.23") as client:
        response = await client.get(
            "/api/testbed/echo/x",
            headers={
                "X-Forwarded-For": "10.0.0.1, 192.0.2.1",
                "X-Real-IP": "192.0.2.2",
                "Forwarded": "for=192.0.2.3;proto=https",
                "X-Forwarded-Proto": "https",
            },
        )

    seen = _headers(response.json())
    assert seen["x-real-ip"] == ["198.51.100.23"]
    assert seen["x-forwarded-for"] == ["198.51.100.23"]
    assert seen["x-forwarded-proto"] == ["http"]
    assert "forwarded" not in seen


async def test_behind_a_trusted_load_balancer_the_client_is_the_last_hop_it_names(
    make_gateway: MakeGateway, testbed_url: str
) -> None:
    door = await make_gateway(
        upstreams={"testbed": Http1Upstream("testbed", testbed_url)},
        trusted_proxies="10.0.0.0/8, fd00::/8",
    )
    assert door.settings.trusted_proxies == ["10.0.0.0/8", "fd00::/8"]

    async with client_at(door.app, "10.1.2.3") as balancer:
        # The client made up the first hop; the balancer appended what it saw.
        response = await balancer.get(
            "/api/testbed/echo/x",
            headers={
                "X-Forwarded-For": "192.0.2.66, 203.0.113.9, 10.9.9.9",
                "X-Forwarded-Proto": "https",
            },
        )
    seen = _headers(response.json())
    assert seen["x-real-ip"] == ["203.0.113.9"]
    assert seen["x-forwarded-for"] == ["203.0.113.9"]
    assert seen["x-forwarded-proto"] == ["https"]

    # The same headers from a peer outside the trusted networks are not taken.
    async with client_at(door.app, "203.0.113.200") as stranger:
        response = await stranger.get(
            "/api/testbed/echo/x",
            headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"},
        )
    seen = _headers(response.json())
    assert seen["x-real-ip"] == ["203.0.113.200"]
    assert seen["x-forwarded-proto"] == ["http"]


async def test_anonymous_limits_count_the_client_behind_the_balancer(
    make_gateway: MakeGateway, directory: Directory
) -> None:
    await directory.seed()
    door = await make_gateway(trusted_proxies="10.0.0.0/8", rate_limit_anonymous_per_minute=2)
    path = "/api/directory/v1/places/by-code/TGYZL-03-2"

    async with client_at(door.app, "10.1.2.3") as balancer:
        first = [
            (await balancer.get(path, headers={"X-Forwarded-For": "203.0.113.1"})).status_code
            for _ in range(3)
        ]
        other = await balancer.get(path, headers={"X-Forwarded-For": "203.0.113.2"})
    assert first == [200, 200, 429]
    assert other.status_code == 200
