"""The console's administration: staff, roles on places, organisations, API keys, the record."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from services.identity.models import Reveal
from services.identity.seed import DEMO_API_KEY
from tests.fixtures.identity import Identity


async def test_a_street_admin_creates_staff_and_grants_roles_only_within_the_street(
    identity: Identity,
) -> None:
    await identity.seed()
    street_admin = await identity.bearer("tgy_admin")
    created = await identity.client.post(
        "/v1/staff",
        json={
            "username": "wang_fang",
            "display_name": "王芳",
            "password": "new-staff-2026",
            "phone": "13700001111",
        },
        headers=street_admin,
    )
    assert created.status_code == 201, created.text
    assert created.json()["phone"] == "137****1111"
    user_id = created.json()["id"]

    tgyzl = await identity.directory.place("TGYZL")
    granted = await identity.client.post(
        f"/v1/staff/{user_id}/grants",
        json={"role": "community_staff", "place_id": tgyzl["id"]},
        headers=street_admin,
    )
    assert granted.status_code == 201
    elsewhere = await identity.client.post(
        f"/v1/staff/{user_id}/grants",
        json={
            "role": "community_staff",
            "place_id": (await identity.directory.place("HCXL"))["id"],
        },
        headers=street_admin,
    )
    assert elsewhere.status_code == 403
    wrong_kind = await identity.client.post(
        f"/v1/staff/{user_id}/grants",
        json={"role": "building_captain", "place_id": tgyzl["id"]},
        headers=street_admin,
    )
    assert wrong_kind.status_code == 422
    assert wrong_kind.json()["code"] == "role_place_kind"

    tokens = await identity.login("wang_fang", "new-staff-2026")
    me = await identity.client.get(
        "/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert [g["path"] for g in me.json()["grants"]] == [tgyzl["path"]]


async def test_community_staff_cannot_administer_accounts(identity: Identity) -> None:
    await identity.seed()
    staff = await identity.bearer("tgyzl_staff")
    response = await identity.client.post(
        "/v1/staff",
        json={"username": "sneaky", "display_name": "x", "password": "password-2026x"},
        headers=staff,
    )
    assert response.status_code == 403
    assert (await identity.client.get("/v1/staff", headers=staff)).status_code == 403
    anonymous = await identity.client.get("/v1/staff")
    assert anonymous.status_code == 401


async def test_weak_passwords_taken_names_and_bad_phones_are_refused(identity: Identity) -> None:
    await identity.seed()
    admin = await identity.bearer("admin")
    for body, code in [
        ({"username": "weak1", "display_name": "x", "password": "aaaaaaaaaaaa"}, "weak_password"),
        (
            {"username": "admin", "display_name": "x", "password": "password-2026x"},
            "username_taken",
        ),
        (
            {
                "username": "phone1",
                "display_name": "x",
                "password": "password-2026x",
                "phone": "555-1234",
            },
            "invalid_phone",
        ),
    ]:
        response = await identity.client.post("/v1/staff", json=body, headers=admin)
        assert response.status_code in (409, 422), response.text
        assert response.json()["code"] == code


async def test_admin_acts_are_recorded_with_who_and_when(identity: Identity) -> None:
    await identity.seed()
    admin = await identity.bearer("admin")
    staff = (await identity.client.get("/v1/staff", params={"limit": 100}, headers=admin)).json()
    captain = next(s for s in staff["items"] if s["username"] == "captain_tgyzl03")
    identity.clock.advance(timedelta(minutes=3))
    await identity.client.post(
        f"/v1/staff/{captain['id']}/password", json={"password": "captain-new-2026"}, headers=admin
    )
    grant_id = captain["grants"][0]["id"]
    await identity.client.delete(f"/v1/staff/{captain['id']}/grants/{grant_id}", headers=admin)

    events = (await identity.client.get("/v1/audit", headers=admin)).json()["items"]
    mine = [(e["action"], e["target_id"]) for e in events if e["actor"].startswith("staff:")]
    assert ("staff.password_reset", captain["id"]) in mine
    assert ("grant.withdrawn", captain["id"]) in mine
    reset = next(e for e in events if e["action"] == "staff.password_reset")
    assert reset["at"].startswith("2026-03-02T01:03")
    assert "password" not in str(reset["detail"])


async def test_an_api_key_is_shown_once_exchanged_for_a_token_and_revoked(
    identity: Identity,
) -> None:
    await identity.seed()
    admin = await identity.bearer("tgy_admin")
    tgyzl = await identity.directory.place("TGYZL")
    issued = await identity.client.post(
        "/v1/api-clients",
        json={
            "name": "12345 对接",
            "scopes": ["intake:tickets:read", "intake:open311:submit"],
            "place_ids": [tgyzl["id"]],
        },
        headers=admin,
    )
    assert issued.status_code == 201, issued.text
    key = issued.json()["api_key"]
    assert key.startswith(f"sqwb_{issued.json()['key_prefix']}_")

    listed = (await identity.client.get("/v1/api-clients", headers=admin)).json()
    assert listed["total"] == 1
    assert "api_key" not in listed["items"][0]

    exchanged = await identity.client.post("/v1/auth/api-key-token", headers={"X-API-Key": key})
    assert exchanged.status_code == 200
    me = await identity.client.get(
        "/v1/me", headers={"Authorization": f"Bearer {exchanged.json()['access_token']}"}
    )
    assert me.json()["kind"] == "client"
    assert me.json()["grants"][0]["perms"] == ["intake:open311:submit", "intake:tickets:read"]
    assert me.json()["grants"][0]["path"] == tgyzl["path"]
    used = (await identity.client.get("/v1/api-clients", headers=admin)).json()["items"][0]
    assert used["last_used_at"] is not None

    revoked = await identity.client.delete(f"/v1/api-clients/{issued.json()['id']}", headers=admin)
    assert revoked.status_code == 200
    after = await identity.client.post("/v1/auth/api-key-token", headers={"X-API-Key": key})
    assert after.status_code == 401
    assert after.json()["code"] == "invalid_api_key"
    unknown_scope = await identity.client.post(
        "/v1/api-clients",
        json={"name": "x", "scopes": ["everything"], "place_ids": [tgyzl["id"]]},
        headers=admin,
    )
    assert unknown_scope.status_code == 422


async def test_the_demo_api_key_works(identity: Identity) -> None:
    await identity.seed()
    exchanged = await identity.client.post(
        "/v1/auth/api-key-token", headers={"X-API-Key": DEMO_API_KEY}
    )
    assert exchanged.status_code == 200


async def test_a_staff_phone_shows_masked_and_is_revealed_only_with_a_recorded_reason(
    identity: Identity,
) -> None:
    await identity.seed()
    admin = await identity.bearer("tgy_admin")
    staff = (await identity.client.get("/v1/staff", params={"limit": 100}, headers=admin)).json()
    captain = next(s for s in staff["items"] if s["username"] == "captain_tgyzl03")
    assert captain["phone"] == "138****0012"
    no_reason = await identity.client.post(
        f"/v1/staff/{captain['id']}/phone/reveal", json={}, headers=admin
    )
    assert no_reason.status_code == 422
    revealed = await identity.client.post(
        f"/v1/staff/{captain['id']}/phone/reveal", json={"reason": "duty roster"}, headers=admin
    )
    assert revealed.json() == {"phone": "13800000012"}
    outside = await identity.bearer("gysnl_staff")  # no staff:manage at all
    refused = await identity.client.post(
        f"/v1/staff/{captain['id']}/phone/reveal", json={"reason": "just looking"}, headers=outside
    )
    assert refused.status_code == 403
    async with identity.db.session(write=False) as session:
        reveals = list(await session.scalars(select(Reveal)))
    assert [(r.subject_kind, r.reason) for r in reveals] == [("staff", "duty roster")]


async def test_a_missing_or_overlong_api_key_is_refused_as_any_bad_key(identity: Identity) -> None:
    for headers in ({}, {"X-API-Key": ""}, {"X-API-Key": "sqwb_" + "x" * 196}):
        refused = await identity.client.post("/v1/auth/api-key-token", headers=headers)
        assert refused.status_code == 401, headers
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["code"] == "invalid_api_key"
