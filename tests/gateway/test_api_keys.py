"""API keys are exchanged at the door for short-lived tokens, cached at most 30 s.

Identity is a stand-in here (tests/gateway/testbed.IdentityStandIn) for the caching and
revocation timing only; the token it hands out is a real one, which the real directory
app verifies. End-to-end API-key tests against the real identity service live with it.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from services.kit.http1 import Http1Upstream
from services.kit.testing import grant
from tests.fixtures.directory import Directory
from tests.gateway.support import Door, MakeGateway, Ticker
from tests.gateway.testbed import IdentityStandIn


@pytest.fixture
def stand_in() -> IdentityStandIn:
    return IdentityStandIn()


async def _door(
    make_gateway: MakeGateway,
    stand_in: IdentityStandIn,
    ticker: Ticker,
    testbed_url: str,
    **kw: Any,
) -> Door:
    return await make_gateway(
        transports={"identity": httpx.ASGITransport(app=stand_in.app())},
        upstreams={"testbed": Http1Upstream("testbed", testbed_url)},
        timer=ticker,
        **kw,
    )


async def test_a_key_is_exchanged_and_the_request_carries_the_token_instead(
    make_gateway: MakeGateway, stand_in: IdentityStandIn, directory: Directory, testbed_url: str
) -> None:
    await directory.seed()
    community = await directory.place("TGYZL")
    token = directory.tokens.issue(
        subject="client-broadband",
        kind="client",
        grants=[grant("contractor", community["id"], community["path"], "directory:places:write")],
        now=directory.clock.now(),
    )
    stand_in.keys["sk_live_broadband"] = token
    door = await _door(make_gateway, stand_in, Ticker(), testbed_url)

    echoed = await door.client.get(
        "/api/testbed/echo/x", headers={"X-API-Key": "sk_live_broadband"}
    )
    seen = dict(echoed.json()["headers"])
    assert seen["authorization"] == f"Bearer {token}"
    assert "x-api-key" not in seen

    created = await door.client.post(
        "/api/directory/v1/places",
        json={
            "parent_id": community["id"],
            "kind": "building",
            "code": "TGYZL-96",
            "name": "96号楼",
        },
        headers={"X-API-Key": "sk_live_broadband"},
    )
    assert created.status_code == 201, created.text
    assert stand_in.exchanges == 1  # the second request used the cached token


async def test_a_revoked_key_stops_working_within_30_seconds(
    make_gateway: MakeGateway, stand_in: IdentityStandIn, testbed_url: str
) -> None:
    stand_in.keys["sk_1"] = "header.payload.signature"
    ticker = Ticker()
    door = await _door(make_gateway, stand_in, ticker, testbed_url)
    url = "/api/testbed/echo/x"
    key = {"X-API-Key": "sk_1"}

    assert (await door.client.get(url, headers=key)).status_code == 200
    del stand_in.keys["sk_1"]  # revoked in identity
    ticker.advance(29)
    assert (await door.client.get(url, headers=key)).status_code == 200
    ticker.advance(2)
    refused = await door.client.get(url, headers=key)

    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "invalid_api_key"
    assert stand_in.exchanges == 2


async def test_a_short_lived_token_is_reused_for_its_life_less_5_seconds(
    make_gateway: MakeGateway, stand_in: IdentityStandIn, testbed_url: str
) -> None:
    stand_in.keys["sk_1"] = "a.b.c"
    stand_in.expires_in = 20
    ticker = Ticker()
    door = await _door(make_gateway, stand_in, ticker, testbed_url)
    key = {"X-API-Key": "sk_1"}

    await door.client.get("/api/testbed/echo/x", headers=key)
    ticker.advance(14)
    await door.client.get("/api/testbed/echo/x", headers=key)
    assert stand_in.exchanges == 1
    ticker.advance(2)
    await door.client.get("/api/testbed/echo/x", headers=key)
    assert stand_in.exchanges == 2


async def test_concurrent_requests_with_one_key_share_one_exchange(
    make_gateway: MakeGateway, stand_in: IdentityStandIn, testbed_url: str
) -> None:
    stand_in.keys["sk_1"] = "a.b.c"
    stand_in.delay = 0.05
    door = await _door(make_gateway, stand_in, Ticker(), testbed_url)

    answers = await asyncio.gather(
        *(door.client.get("/api/testbed/echo/x", headers={"X-API-Key": "sk_1"}) for _ in range(5))
    )

    assert [a.status_code for a in answers] == [200] * 5
    assert stand_in.exchanges == 1


async def test_an_unknown_key_is_a_401_and_identity_down_is_a_503(
    make_gateway: MakeGateway, stand_in: IdentityStandIn, testbed_url: str
) -> None:
    door = await _door(make_gateway, stand_in, Ticker(), testbed_url)
    unknown = await door.client.get("/api/testbed/echo/x", headers={"X-API-Key": "nope"})
    assert unknown.status_code == 401
    assert unknown.json()["code"] == "invalid_api_key"

    no_identity = await make_gateway(upstreams={"testbed": Http1Upstream("testbed", testbed_url)})
    down = await no_identity.client.get("/api/testbed/echo/x", headers={"X-API-Key": "sk_1"})
    assert down.status_code == 503
    assert down.json()["code"] == "service_unavailable"
    assert down.json()["service"] == "identity"


async def test_a_key_and_a_token_together_are_refused(
    make_gateway: MakeGateway, stand_in: IdentityStandIn, testbed_url: str
) -> None:
    door = await _door(make_gateway, stand_in, Ticker(), testbed_url)
    both = await door.client.get(
        "/api/testbed/echo/x", headers={"X-API-Key": "sk_1", "Authorization": "Bearer a.b.c"}
    )
    assert both.status_code == 400
    assert both.json()["code"] == "conflicting_credentials"


async def test_each_key_has_its_own_rate_limit(
    make_gateway: MakeGateway, stand_in: IdentityStandIn, testbed_url: str
) -> None:
    stand_in.keys.update({"sk_a": "a.a.a", "sk_b": "b.b.b"})
    door = await _door(make_gateway, stand_in, Ticker(), testbed_url, rate_limit_per_minute=2)

    async def status(key: str) -> int:
        response = await door.client.get("/api/testbed/echo/x", headers={"X-API-Key": key})
        return response.status_code

    assert [await status("sk_a") for _ in range(3)] == [200, 200, 429]
    assert await status("sk_b") == 200
    # A refused request never reached identity: the key's hash is the count's key.
    assert stand_in.exchanges == 2
