"""Residents signed in by phone and services' own API keys, for the tests of what other
services ask identity about residents."""

from __future__ import annotations

import re
import uuid

import httpx

from services.kit.clients.identity import IdentityClient
from tests.fixtures.identity import Identity


async def sign_in(identity: Identity, phone: str) -> tuple[dict[str, str], uuid.UUID]:
    """A resident's bearer header and id, signed in with the code texted to `phone`."""
    await identity.client.post("/v1/auth/otp/send", json={"phone": phone})
    code = re.search(r"(\d{6})", (await identity.sent_to(phone))[-1].body)
    assert code is not None
    tokens = await identity.client.post(
        "/v1/auth/otp/verify", json={"phone": phone, "code": code.group(1)}
    )
    headers = {"Authorization": f"Bearer {tokens.json()['access_token']}"}
    me = (await identity.client.get("/v1/me", headers=headers)).json()
    return headers, uuid.UUID(me["subject"].split(":")[1])


async def service_key(identity: Identity, scopes: list[str], *, place: str = "DX") -> str:
    """A service's own API key holding `scopes` over the place with that code."""
    issued = await identity.client.post(
        "/v1/api-clients",
        json={
            "name": "a service",
            "scopes": scopes,
            "place_ids": [(await identity.directory.place(place))["id"]],
        },
        headers=await identity.bearer("admin"),
    )
    assert issued.status_code == 201, issued.text
    return str(issued.json()["api_key"])


async def service_client(
    identity: Identity, scopes: list[str], *, place: str = "DX"
) -> IdentityClient:
    """Kit's identity client as another service holds it, against the real identity app."""
    return IdentityClient(
        "http://identity",
        api_key=await service_key(identity, scopes, place=place),
        transport=httpx.ASGITransport(app=identity.app),
    )


async def claim(identity: Identity, resident: dict[str, str], unit: str, room: str) -> uuid.UUID:
    unit_id = (await identity.directory.place(unit))["id"]
    claimed = await identity.client.post(
        "/v1/me/households", json={"unit_place_id": unit_id, "room_no": room}, headers=resident
    )
    assert claimed.status_code == 201, claimed.text
    return uuid.UUID(claimed.json()["id"])


async def verify(identity: Identity, household: uuid.UUID, resident: uuid.UUID, staff: str) -> None:
    verified = await identity.client.post(
        f"/v1/households/{household}/members/{resident}/verify",
        headers=await identity.bearer(staff),
    )
    assert verified.status_code == 200, verified.text
