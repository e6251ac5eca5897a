"""A resident claims a home at the scanned door (and may leave it); community staff verify it
from their queue (oldest first, in their communities only), refuse it with a reason the
resident sees, or withdraw a verification (recorded, announced through the outbox, ids only)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from uuid import UUID

from sqlalchemy import select

from services.identity.models import AdminEvent, HouseholdMember, outbox
from tests.fixtures.identity import Identity
from tests.identity.households_helpers import claim, counts, jpeg, resident


async def test_a_claim_with_a_document_waits_in_the_queue_and_staff_verify_it(
    identity: Identity,
) -> None:
    await identity.seed()
    me, me_id = await resident(identity, "13911110001")
    token = await identity.directory.unit_token("TGYZL-03-2")
    uploaded = await identity.client.post(
        "/v1/media", files={"file": ("deed.jpg", jpeg(), "image/jpeg")}, headers=me
    )
    assert uploaded.status_code == 201, uploaded.text
    claimed = await claim(identity, me, token=token, document_id=uploaded.json()["id"])
    assert claimed.status_code == 201, claimed.text
    assert claimed.json()["status"] == "pending"
    assert claimed.json()["document_url"].startswith("/api/identity/v1/media/")
    identity.clock.advance(timedelta(minutes=5))
    later, _ = await resident(identity, "13911110002")
    other = await claim(identity, later, token=token, room_no="601")
    assert other.status_code == 201

    staff = await identity.bearer("tgyzl_staff")
    queue = (await identity.client.get("/v1/household-claims", headers=staff)).json()
    assert queue["total"] == 2
    first = queue["items"][0]
    assert (first["room_no"], first["resident_phone"], first["has_document"]) == (
        "502",
        "139****0001",
        True,
    )
    assert [i["room_no"] for i in queue["items"]] == ["502", "601"]  # oldest first
    assert first["document_url"] is None  # links only in a claim's detail
    detail = (
        await identity.client.get(f"/v1/household-claims/{first['id']}", headers=staff)
    ).json()
    photo = await identity.client.get(detail["document_url"].removeprefix("/api/identity"))
    assert photo.status_code == 200
    assert photo.headers["content-type"] == "image/jpeg"
    assert "no-store" in photo.headers["cache-control"]
    paged = await identity.client.get("/v1/household-claims?limit=1&offset=1", headers=staff)
    assert [i["room_no"] for i in paged.json()["items"]] == ["601"]

    elsewhere = await identity.bearer("gysnl_staff")
    assert (await identity.client.get("/v1/household-claims", headers=elsewhere)).json() == {
        "items": [],
        "total": 0,
    }
    for path in ("", "/approve"):
        hidden = await identity.client.request(
            "GET" if not path else "POST",
            f"/v1/household-claims/{first['id']}{path}",
            headers=elsewhere,
        )
        assert hidden.status_code == 404
        assert hidden.json()["code"] == "claim_not_found"

    approved = await identity.client.post(
        f"/v1/household-claims/{first['id']}/approve", headers=staff
    )
    assert approved.status_code == 200
    assert approved.json()["status"] == "verified"
    again = await identity.client.post(f"/v1/household-claims/{first['id']}/approve", headers=staff)
    assert again.status_code == 409
    assert again.json()["code"] == "claim_decided"
    mine = (await identity.client.get("/v1/me/households", headers=me)).json()
    assert [(h["status"], h["verified"], h["member_verified"]) for h in mine] == [
        ("verified", True, True)
    ]
    todo = (await identity.client.get("/v1/todo", headers=staff)).json()["items"]
    assert [(i["key"], i["count"]) for i in todo] == [("identity.household_claims", 1)]
    async with identity.db.session(write=False) as session:
        member = await session.get(HouseholdMember, (UUID(mine[0]["id"]), UUID(me_id)))
        events = list(await session.scalars(select(AdminEvent.action)))
    assert member is not None
    assert member.verified_at is not None
    assert "household.verified" in events


async def test_a_door_outside_the_code_s_place_or_a_second_claim_is_refused_storing_nothing(
    identity: Identity,
) -> None:
    await identity.directory.seed()  # no staff needed
    me, _ = await resident(identity, "13911110003")
    token = await identity.directory.unit_token("TGYZL-03-2")
    next_door = await identity.directory.place("TGYZL-03-1")
    outside = await claim(identity, me, token=token, unit_place_id=next_door["id"])
    assert outside.status_code == 422
    assert outside.json()["code"] == "door_outside_code"
    assert "二维码" in outside.json()["detail"]
    building = await identity.directory.place("TGYZL-03")
    not_a_door = await identity.client.post(
        "/v1/me/households",
        json={"unit_place_id": building["id"], "room_no": "1"},
        headers=me,
    )
    assert not_a_door.status_code == 422
    assert not_a_door.json()["code"] == "not_a_unit_door"
    unknown = await claim(identity, me, token="nonsense-token")
    assert unknown.status_code == 422
    no_door = await identity.client.post("/v1/me/households", json={"room_no": "1"}, headers=me)
    assert no_door.status_code == 422
    assert no_door.json()["code"] == "door_required"
    assert await counts(identity) == (0, 0, 0)

    # Claiming twice, or while someone else's claim on the room waits: 409.
    neighbour, _ = await resident(identity, "13911110005")
    assert (await claim(identity, me, token=token)).status_code == 201
    twice = await claim(identity, me, token=token, room_no="502")
    assert twice.status_code == 409
    assert twice.json()["code"] == "already_member"
    waiting = await claim(identity, neighbour, token=token)
    assert waiting.status_code == 409
    assert waiting.json()["code"] == "claim_pending"
    assert "核验" in waiting.json()["detail"]
    assert await counts(identity) == (1, 1, 1)


async def test_of_claims_sent_at_once_for_one_room_exactly_one_waits(identity: Identity) -> None:
    await identity.directory.seed()  # no staff needed
    token = await identity.directory.unit_token("HCXL-01-1")
    people = [await resident(identity, f"1391111002{i}") for i in range(4)]
    answers = await asyncio.gather(
        *(claim(identity, headers, token=token, room_no="303") for headers, _ in people)
    )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201, 409, 409, 409], [a.text for a in answers]
    assert {a.json()["code"] for a in answers if a.status_code == 409} == {"claim_pending"}
    assert await counts(identity) == (1, 1, 1)


async def test_a_refusal_needs_a_reason_the_resident_then_sees(identity: Identity) -> None:
    await identity.seed()
    me, _ = await resident(identity, "13911110006")
    token = await identity.directory.unit_token("TGYZL-03-2")
    claim_id = (await claim(identity, me, token=token)).json()["claim_id"]
    staff = await identity.bearer("tgyzl_staff")
    for body in ({}, {"reason": "   "}):
        bare = await identity.client.post(
            f"/v1/household-claims/{claim_id}/refuse", json=body, headers=staff
        )
        assert bare.status_code == 422
        assert bare.json()["code"] == "reason_required"
    assert await counts(identity) == (1, 1, 1)
    refused = await identity.client.post(
        f"/v1/household-claims/{claim_id}/refuse",
        json={"reason": "房间号与登记不符，请核对"},
        headers=staff,
    )
    assert refused.status_code == 200
    mine = (await identity.client.get("/v1/me/households", headers=me)).json()
    assert [(h["status"], h["reason"]) for h in mine] == [("refused", "房间号与登记不符，请核对")]
    assert await counts(identity) == (1, 0, 1)  # no member row: not a member at all
    # Corrected, the resident may claim again (minutes later), and take it back (leave).
    identity.clock.advance(timedelta(minutes=5))
    claimed = (await claim(identity, me, token=token)).json()
    assert claimed["status"] == "pending"
    left = await identity.client.delete(f"/v1/me/households/{claimed['id']}", headers=me)
    assert left.status_code == 204
    assert (await identity.client.get("/v1/me/households", headers=me)).json() == []
    again = await identity.client.delete(f"/v1/me/households/{claimed['id']}", headers=me)
    assert again.status_code == 404
    assert (await identity.client.get("/v1/household-claims", headers=staff)).json()["total"] == 0
    assert await counts(identity) == (1, 0, 2)


async def test_a_withdrawn_verification_is_recorded_and_announced_with_ids_only(
    identity: Identity,
) -> None:
    await identity.seed()
    me, me_id = await resident(identity, "13911110007")
    token = await identity.directory.unit_token("TGYZL-03-2")
    claimed = (await claim(identity, me, token=token)).json()
    staff = await identity.bearer("tgyzl_staff")
    path = f"/v1/household-claims/{claimed['claim_id']}"
    not_yet = await identity.client.post(f"{path}/withdraw", json={"reason": "搬走"}, headers=staff)
    assert not_yet.status_code == 409
    assert not_yet.json()["code"] == "claim_not_verified"
    await identity.client.post(f"{path}/approve", headers=staff)
    bare = await identity.client.post(f"{path}/withdraw", json={}, headers=staff)
    assert bare.status_code == 422
    assert bare.json()["code"] == "reason_required"
    withdrawn = await identity.client.post(
        f"{path}/withdraw", json={"reason": "已搬离"}, headers=staff
    )
    assert withdrawn.status_code == 200
    assert withdrawn.json()["status"] == "withdrawn"
    mine = (await identity.client.get("/v1/me/households", headers=me)).json()
    assert [(h["status"], h["verified"], h["reason"]) for h in mine] == [
        ("withdrawn", False, "已搬离")
    ]
    async with identity.db.session(write=False) as session:
        sent = (await session.execute(select(outbox.events))).mappings().all()
        actions = list(await session.scalars(select(AdminEvent.action).order_by(AdminEvent.at)))
    assert [(e["topic"], e["payload"]) for e in sent] == [
        (
            "household.verification_withdrawn",
            {
                "household_id": claimed["id"],
                "resident_id": me_id,
                "unit_place_id": claimed["unit_place_id"],
            },
        )
    ]
    assert actions[-1] == "household.withdrawn"
    assert await counts(identity) == (1, 0, 1)
