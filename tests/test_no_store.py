"""Answers carrying personal data are never cached: `Cache-Control: no-store` on every answer
to a signed-in caller and on the personal answers of anonymous ones (a tracking page, a
sign-in), through the gateway; a route's own Cache-Control (QR images, JWKS) stands."""

from __future__ import annotations

import re

import httpx

from services.identity.seed import DEMO_PASSWORD
from tests.fixtures.system import System


def assert_no_store(response: httpx.Response) -> None:
    assert response.status_code < 300, response.text
    assert response.headers.get("cache-control") == "no-store", (
        str(response.url),
        response.headers.get("cache-control"),
    )


async def test_personal_answers_are_not_stored_by_any_cache(system: System) -> None:
    client = system.client
    signed_in = await client.post(
        "/api/identity/v1/auth/login", json={"username": "gysnl_staff", "password": DEMO_PASSWORD}
    )
    assert_no_store(signed_in)  # the login answer with its tokens
    staff = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
    assert_no_store(await client.get("/api/identity/v1/me", headers=staff))

    # A resident signs in by phone (anonymous requests answered with tokens).
    phone = "15011113333"
    await client.post("/api/identity/v1/auth/otp/send", json={"phone": phone})
    code = re.search(r"(\d{6})", (await system.identity.sent_to(phone))[-1].body)
    assert code is not None
    verified = await client.post(
        "/api/identity/v1/auth/otp/verify", json={"phone": phone, "code": code.group(1)}
    )
    assert_no_store(verified)
    resident = {"Authorization": f"Bearer {verified.json()['access_token']}"}

    # The resident reports from a door; the answer carries the tracking token.
    token = await system.directory.unit_token("GYSNL-01-1")
    report = {
        "code_token": token,
        "category": "facility",
        "description": "1号楼门口的秋千坏了",
        "reporter_phone": phone,
        "consent": True,
    }
    submitted = await client.post("/api/intake/v1/tickets", json=report, headers=resident)
    assert_no_store(submitted)
    anonymous = await client.post(
        "/api/intake/v1/tickets", json={**report, "description": "秋千的链条断了"}
    )
    assert_no_store(anonymous)
    # The tracking page is read without any credential: its link is the key.
    tracked = await client.get(f"/api/intake/v1/track/{submitted.json()['tracking_token']}")
    assert_no_store(tracked)
    assert_no_store(await client.get("/api/intake/v1/me/tickets", headers=resident))

    ticket = f"/api/intake/v1/tickets/{submitted.json()['id']}"
    assert_no_store(await client.get(ticket, headers=staff))
    revealed = await client.post(f"{ticket}/reporter-contact", headers=staff)
    assert_no_store(revealed)
    assert revealed.json()["phone"] == phone


async def test_a_route_that_sets_its_own_cache_control_keeps_it(system: System) -> None:
    staff = await system.bearer("gysnl_staff")
    jwks = await system.client.get("/api/identity/v1/jwks.json")
    assert jwks.headers["cache-control"] == "public, max-age=300"
    unit = await system.place("GYSNL-01-1")
    codes = await system.client.get(f"/api/directory/v1/places/{unit['id']}/codes", headers=staff)
    assert_no_store(codes)
    image = await system.client.get(
        f"/api/directory/v1/codes/{codes.json()[0]['token']}/image.png", headers=staff
    )
    assert image.status_code == 200
    assert image.headers["cache-control"] == "public, max-age=86400"
    # Public reference data read anonymously is left to the route (no header forced).
    categories = await system.client.get("/api/intake/v1/categories")
    assert categories.status_code == 200
    assert "cache-control" not in categories.headers
