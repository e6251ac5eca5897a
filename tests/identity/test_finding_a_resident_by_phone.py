"""Staff adding a team member find a resident by the phone they were given: the resident's
id and the phone masked, limited per searcher, every search in the audit list (never the
number), and never open to residents or to keys without the scope."""

from __future__ import annotations

import logging
from datetime import timedelta

import httpx
import pytest

from services.kit.clients.identity import IdentityClient
from tests.fixtures.identity import Identity
from tests.identity.residents_support import service_key, sign_in

PHONE = "13911110001"
UNKNOWN = "13911119999"


async def test_staff_find_a_resident_by_phone_and_each_search_is_recorded(
    identity: Identity, caplog: pytest.LogCaptureFixture
) -> None:
    await identity.seed()
    _, resident_id = await sign_in(identity, PHONE)
    venue = await identity.bearer("venue_yh")  # venue staff take members into teams

    caplog.set_level(logging.DEBUG)
    found = await identity.client.post(
        "/v1/residents/find-by-phone", json={"phone": f"+86 {PHONE}"}, headers=venue
    )
    assert found.status_code == 200, found.text
    assert found.json() == {"resident_id": str(resident_id), "phone": "139****0001"}
    identity.clock.advance(timedelta(seconds=1))
    nobody = await identity.client.post(
        "/v1/residents/find-by-phone", json={"phone": UNKNOWN}, headers=venue
    )
    assert (nobody.status_code, nobody.json()["code"]) == (404, "resident_not_found")
    not_a_phone = await identity.client.post(
        "/v1/residents/find-by-phone", json={"phone": "12345678901"}, headers=venue
    )
    assert (not_a_phone.status_code, not_a_phone.json()["code"]) == (422, "invalid_phone")
    assert PHONE not in caplog.text
    assert UNKNOWN not in caplog.text

    # Both searches are on the record, with who searched and whether someone was found.
    audit = await identity.client.get(
        "/v1/audit",
        params={"action": "resident.found_by_phone"},
        headers=await identity.bearer("admin"),
    )
    rows = audit.json()["items"]
    assert [(r["target_id"], r["detail"]) for r in rows] == [
        ("-", {"found": False}),
        (str(resident_id), {"found": True}),
    ]
    assert {r["actor"] for r in rows} == {f"staff:{await _staff_id(identity, venue)}"}
    assert PHONE not in audit.text
    assert UNKNOWN not in audit.text

    # Kit's client forwards the staff member's own token.
    client = IdentityClient("http://identity", transport=httpx.ASGITransport(app=identity.app))
    bearer = venue["Authorization"].removeprefix("Bearer ")
    again = await client.find_resident(bearer, PHONE)
    assert again is not None
    assert again.resident_id == resident_id
    assert await client.find_resident(bearer, UNKNOWN) is None
    await client.aclose()


async def test_searches_are_limited_per_searcher(identity: Identity) -> None:
    await identity.seed()
    await sign_in(identity, PHONE)
    identity.app.state.identity.settings.resident_searches_per_hour = 3
    staff = await identity.bearer("tgyzl_staff")
    for _ in range(3):
        identity.clock.advance(timedelta(minutes=1))
        allowed = await identity.client.post(
            "/v1/residents/find-by-phone", json={"phone": PHONE}, headers=staff
        )
        assert allowed.status_code == 200
    refused = await identity.client.post(
        "/v1/residents/find-by-phone", json={"phone": PHONE}, headers=staff
    )
    assert (refused.status_code, refused.json()["code"]) == (429, "resident_search_limited")
    # The first search leaves the hour 58 minutes from now.
    assert int(refused.headers["Retry-After"]) == refused.json()["retry_after"]
    assert 58 * 60 <= refused.json()["retry_after"] <= 58 * 60 + 1
    other_staff = await identity.bearer("hcxl_staff")  # the limit is each searcher's own
    assert (
        await identity.client.post(
            "/v1/residents/find-by-phone", json={"phone": PHONE}, headers=other_staff
        )
    ).status_code == 200
    identity.clock.advance(timedelta(minutes=59))
    staff = await identity.bearer("tgyzl_staff")  # the earlier token has expired
    again = await identity.client.post(
        "/v1/residents/find-by-phone", json={"phone": PHONE}, headers=staff
    )
    assert again.status_code == 200


async def test_residents_and_keys_without_the_scope_cannot_search(identity: Identity) -> None:
    await identity.seed()
    resident, _ = await sign_in(identity, PHONE)
    notify_only = await service_key(identity, ["identity:notify"])
    token = await identity.client.post("/v1/auth/api-key-token", headers={"X-API-Key": notify_only})
    for headers in (resident, {"Authorization": f"Bearer {token.json()['access_token']}"}):
        refused = await identity.client.post(
            "/v1/residents/find-by-phone", json={"phone": PHONE}, headers=headers
        )
        assert refused.status_code == 403
    anonymous = await identity.client.post("/v1/residents/find-by-phone", json={"phone": PHONE})
    assert anonymous.status_code == 401
    audit = await identity.client.get(
        "/v1/audit",
        params={"action": "resident.found_by_phone"},
        headers=await identity.bearer("admin"),
    )
    assert audit.json()["total"] == 0


async def _staff_id(identity: Identity, headers: dict[str, str]) -> str:
    me = (await identity.client.get("/v1/me", headers=headers)).json()
    return str(me["subject"]).split(":")[1]
