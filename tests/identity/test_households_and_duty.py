"""Homes verified by community staff, phones revealed only to the entitled (and recorded),
children under a guardian, and messages to whoever is on duty."""

from __future__ import annotations

import re

from sqlalchemy import select

from services.identity.models import Reveal
from tests.fixtures.identity import Identity

PHONE = "13911112222"


async def _resident(identity: Identity, phone: str = PHONE) -> dict[str, str]:
    await identity.client.post("/v1/auth/otp/send", json={"phone": phone})
    body = (await identity.sent_to(phone))[-1].body
    code = re.search(r"(\d{6})", body)
    assert code is not None
    tokens = await identity.client.post(
        "/v1/auth/otp/verify", json={"phone": phone, "code": code.group(1)}
    )
    return {"Authorization": f"Bearer {tokens.json()['access_token']}"}


async def test_a_resident_claims_a_home_and_community_staff_verify_it(identity: Identity) -> None:
    await identity.seed()
    resident = await _resident(identity)
    unit = await identity.directory.place("TGYZL-03-2")
    claimed = await identity.client.post(
        "/v1/me/households", json={"unit_place_id": unit["id"], "room_no": "502"}, headers=resident
    )
    assert claimed.status_code == 201
    assert claimed.json()["verified"] is False
    resident_id = (
        (await identity.client.get("/v1/me", headers=resident)).json()["subject"].split(":")[1]
    )

    other_community = await identity.bearer("gysnl_staff")
    refused = await identity.client.post(
        f"/v1/households/{claimed.json()['id']}/members/{resident_id}/verify",
        headers=other_community,
    )
    assert refused.status_code == 404  # a household's existence is not theirs to learn
    staff = await identity.bearer("tgyzl_staff")
    verified = await identity.client.post(
        f"/v1/households/{claimed.json()['id']}/members/{resident_id}/verify", headers=staff
    )
    assert verified.status_code == 200
    mine = (await identity.client.get("/v1/me/households", headers=resident)).json()
    assert mine == [
        {**claimed.json(), "verified": True, "member_verified": True, "status": "verified"}
    ]

    not_a_unit = await identity.client.post(
        "/v1/me/households",
        json={"unit_place_id": (await identity.directory.place("TGYZL-03"))["id"], "room_no": "1"},
        headers=resident,
    )
    assert not_a_unit.status_code == 422


async def test_a_phone_is_revealed_only_to_staff_of_the_home_and_each_reveal_is_recorded(
    identity: Identity,
) -> None:
    await identity.seed()
    resident = await _resident(identity)
    unit = await identity.directory.place("HCXL-01-1")
    await identity.client.post(
        "/v1/me/households", json={"unit_place_id": unit["id"], "room_no": "101"}, headers=resident
    )
    resident_id = (
        (await identity.client.get("/v1/me", headers=resident)).json()["subject"].split(":")[1]
    )

    outsider = await identity.client.post(
        f"/v1/residents/{resident_id}/phone/reveal",
        json={"reason": "curious"},
        headers=await identity.bearer("tgyzl_staff"),
    )
    assert outsider.status_code == 404
    revealed = await identity.client.post(
        f"/v1/residents/{resident_id}/phone/reveal",
        json={"reason": "calling back about a leak"},
        headers=await identity.bearer("hcxl_staff"),
    )
    assert revealed.json() == {"phone": PHONE}
    async with identity.db.session(write=False) as session:
        reveals = list(await session.scalars(select(Reveal)))
    assert [(r.subject_id, r.field, r.reason) for r in reveals] == [
        (resident_id, "phone", "calling back about a leak")
    ]
    assert reveals[0].actor.startswith("staff:")


async def test_a_guardian_records_a_child_by_name_and_birth_year(identity: Identity) -> None:
    resident = await _resident(identity)
    added = await identity.client.post(
        "/v1/me/dependants",
        json={"name": "小明", "birth_year": 2017, "consent": True},
        headers=resident,
    )
    assert added.status_code == 201
    too_old = await identity.client.post(
        "/v1/me/dependants",
        json={"name": "大明", "birth_year": 1995, "consent": True},
        headers=resident,
    )
    assert too_old.status_code == 422
    listed = (await identity.client.get("/v1/me/dependants", headers=resident)).json()
    assert [(d["name"], d["birth_year"]) for d in listed] == [("小明", 2017)]


async def test_on_duty_staff_of_the_community_are_messaged(identity: Identity) -> None:
    await identity.seed()
    # Another service (intake) calls with its own API client holding identity:notify.
    district = await identity.directory.place("DX")
    issued = await identity.client.post(
        "/v1/api-clients",
        json={
            "name": "intake service",
            "scopes": ["identity:notify"],
            "place_ids": [district["id"]],
        },
        headers=await identity.bearer("admin"),
    )
    token = await identity.client.post(
        "/v1/auth/api-key-token", headers={"X-API-Key": issued.json()["api_key"]}
    )
    service = {"Authorization": f"Bearer {token.json()['access_token']}"}
    unit = await identity.directory.place("TGYZL-03-2")
    sent = await identity.client.post(
        "/v1/notifications/on-duty",
        json={
            "role": "community_staff",
            "place_path": unit["path"],
            "template": "urgent_ticket",
            "text": "紧急:3号楼2单元 燃气味道",
        },
        headers=service,
    )
    assert sent.status_code == 200, sent.text
    assert sent.json() == {"on_duty": 1, "sent": 1}
    messages = await identity.sent_to("13800000011")  # tgyzl_staff, on duty
    assert messages[-1].body == "紧急:3号楼2单元 燃气味道"
    assert await identity.sent_to("13800000021") == []  # another community's staff

    staff = await identity.bearer("tgyzl_staff")
    not_allowed = await identity.client.post(
        "/v1/notifications/on-duty",
        json={"role": "community_staff", "place_path": unit["path"], "template": "x", "text": "x"},
        headers=staff,
    )
    assert not_allowed.status_code == 403
