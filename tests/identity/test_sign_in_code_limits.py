"""Sign-in codes cost the city a text each: the limits per network hold whatever a client
writes in its headers, and a phone gets only so many codes a day from anywhere."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import httpx

from tests.fixtures.identity import Identity

PHONE = "13912345678"


@asynccontextmanager
async def client_at(identity: Identity, peer: str) -> AsyncIterator[httpx.AsyncClient]:
    """Identity reached from `peer` (127.0.0.1: where the gateway calls from by default)."""
    transport = httpx.ASGITransport(app=identity.app, client=(peer, 50123))
    async with httpx.AsyncClient(transport=transport, base_url="http://identity") as client:
        yield client


async def _send(client: httpx.AsyncClient, phone: str, **headers: str) -> httpx.Response:
    return await client.post("/v1/auth/otp/send", json={"phone": phone}, headers=headers)


async def test_made_up_forwarded_for_hops_do_not_buy_more_codes(identity: Identity) -> None:
    # A stranger reaching identity directly writes a new first hop on every request.
    for i in range(20):
        sent = await _send(
            identity.client, f"137000000{i:02d}", **{"X-Forwarded-For": f"198.51.100.{i}"}
        )
        assert sent.status_code == 202, i
    refused = await _send(
        identity.client, "13600000000", **{"X-Forwarded-For": "198.51.100.200, 10.0.0.1"}
    )
    assert refused.status_code == 429
    assert refused.json()["code"] == "otp_rate_limited"
    assert refused.headers["content-type"] == "application/problem+json"
    assert len(await identity.sent_to("13600000000")) == 0


async def test_the_address_the_gateway_decided_is_believed_from_the_gateway_alone(
    identity: Identity,
) -> None:
    async with client_at(identity, "127.0.0.1") as gateway:
        for i in range(20):
            sent = await _send(gateway, f"137000001{i:02d}", **{"X-Real-IP": "203.0.113.50"})
            assert sent.status_code == 202, i
        # That network has had its twenty; another network has not.
        same = await _send(gateway, "13600000001", **{"X-Real-IP": "203.0.113.50"})
        assert same.status_code == 429
        other = await _send(gateway, "13600000002", **{"X-Real-IP": "203.0.113.51"})
        assert other.status_code == 202

    # From any other peer X-Real-IP is just a header: the peer is the client.
    async with client_at(identity, "192.0.2.80") as stranger:
        for i in range(20):
            sent = await _send(stranger, f"135000000{i:02d}", **{"X-Real-IP": f"192.0.2.{i}"})
            assert sent.status_code == 202, i
        refused = await _send(stranger, "13600000003", **{"X-Real-IP": "192.0.2.99"})
        assert refused.status_code == 429


async def test_a_phone_gets_at_most_ten_codes_a_day_from_any_number_of_networks(
    identity: Identity,
) -> None:
    async with client_at(identity, "127.0.0.1") as gateway:
        for i in range(10):
            sent = await _send(gateway, PHONE, **{"X-Real-IP": f"203.0.113.{i + 1}"})
            assert sent.status_code == 202, i
            identity.clock.advance(timedelta(hours=1, seconds=1))
        # A fresh network, an hour since the last code: still no eleventh today.
        eleventh = await _send(gateway, PHONE, **{"X-Real-IP": "198.51.100.77"})
        assert eleventh.status_code == 429
        assert eleventh.json()["code"] == "otp_rate_limited"
        wait = int(eleventh.headers["Retry-After"])
        assert 0 < wait <= 24 * 3600
        assert len(await identity.sent_to(PHONE)) == 10

        identity.clock.advance(timedelta(seconds=wait))
        again = await _send(gateway, PHONE, **{"X-Real-IP": "198.51.100.77"})
        assert again.status_code == 202
    assert len(await identity.sent_to(PHONE)) == 11
