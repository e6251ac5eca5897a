"""Community staff keep a record for a resident without a smartphone (a family member's
phone as a contact, or none), find them again, and act for them with a reason: each step
on the audit list."""

from __future__ import annotations

from datetime import timedelta

import jwt
from sqlalchemy import func, select

from services.identity.models import Resident
from tests.fixtures.identity import Identity
from tests.identity.test_households_and_duty import _resident

DAUGHTER = "13922223333"


async def _record(identity: Identity, staff: dict[str, str], **body: object) -> dict[str, object]:
    unit = await identity.directory.place("TGYZL-03-2")
    sent = {"name": "王秀英", "unit_place_id": unit["id"], "room_no": "301", **body}
    response = await identity.client.post("/v1/residents", json=sent, headers=staff)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _residents(identity: Identity) -> int:
    async with identity.db.session(write=False) as session:
        return int(await session.scalar(select(func.count()).select_from(Resident)) or 0)


async def test_staff_record_a_resident_without_a_phone_and_act_for_them(
    identity: Identity,
) -> None:
    await identity.seed()
    # The daughter has an account of her own, with the phone she lends as a contact.
    daughter = await _resident(identity, DAUGHTER)
    daughter_sub = (await identity.client.get("/v1/me", headers=daughter)).json()["subject"]
    staff = await identity.bearer("tgyzl_staff")
    staff_sub = (await identity.client.get("/v1/me", headers=staff)).json()["subject"]

    record = await _record(identity, staff, contact_phone=DAUGHTER)
    assert record["name"] == "王秀英"
    assert record["phone"] is None
    assert record["contact_phone"] == "139****3333"
    assert record["kept_by_staff"] is True
    assert [(h["unit_code"], h["room_no"]) for h in record["homes"]] == [("TGYZL-03-2", "301")]
    assert f"resident:{record['id']}" != daughter_sub  # two records, not linked

    # Found again by part of the name, or by the contact's phone typed in full.
    by_name = await identity.client.post(
        "/v1/residents/search", json={"name": "秀英"}, headers=staff
    )
    assert [r["id"] for r in by_name.json()] == [record["id"]]
    by_phone = await identity.client.post(
        "/v1/residents/search", json={"phone": DAUGHTER}, headers=staff
    )
    assert [r["id"] for r in by_phone.json()] == [record["id"]]
    assert DAUGHTER not in by_phone.text  # masked
    elsewhere = await identity.bearer("gysnl_staff")
    other = await identity.client.post(
        "/v1/residents/search", json={"name": "秀英"}, headers=elsewhere
    )
    assert other.status_code == 200
    assert other.json() == []
    empty = await identity.client.post("/v1/residents/search", json={}, headers=staff)
    assert (empty.status_code, empty.json()["code"]) == (422, "query_required")

    # Acting: a reason is required; outside their places the resident does not exist.
    no_reason = await identity.client.post(
        "/v1/tokens/act-for", json={"resident_id": record["id"]}, headers=staff
    )
    assert (no_reason.status_code, no_reason.json()["code"]) == (422, "reason_required")
    outside = await identity.client.post(
        "/v1/tokens/act-for",
        json={"resident_id": record["id"], "reason": "代办"},
        headers=elsewhere,
    )
    assert outside.status_code == 404
    issued = await identity.client.post(
        "/v1/tokens/act-for",
        json={"resident_id": record["id"], "reason": "老人到社区服务站，代为报修"},
        headers=staff,
    )
    assert issued.status_code == 200, issued.text
    token = issued.json()["access_token"]
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["sub"] == f"resident:{record['id']}"
    assert claims["act"]["sub"] == staff_sub
    me = await identity.client.get("/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["phone"] is None  # no phone of their own: nothing breaks

    # The daughter still signs in to her own account, which the record did not touch.
    identity.clock.advance(timedelta(minutes=2))
    again = await _resident(identity, DAUGHTER)
    assert (await identity.client.get("/v1/me", headers=again)).json()["subject"] == daughter_sub

    # Staff entitled to see a phone see the contact's, recorded as such.
    revealed = await identity.client.post(
        f"/v1/residents/{record['id']}/phone/reveal", json={"reason": "回访"}, headers=staff
    )
    assert revealed.json() == {"phone": DAUGHTER}

    audit = await identity.client.get("/v1/audit", headers=staff)
    acts = {e["action"]: e for e in audit.json()["items"]}
    assert acts["act_for"]["actor"] == staff_sub
    assert acts["act_for"]["target_id"] == record["id"]
    assert acts["act_for"]["detail"]["reason"] == "老人到社区服务站，代为报修"
    assert acts["resident.recorded"]["target_id"] == record["id"]
    searches = [e["detail"] for e in audit.json()["items"] if e["action"] == "resident.searched"]
    assert sorted(d["by"] for d in searches if d["found"] == 1) == ["name", "phone"]
    assert DAUGHTER not in audit.text
    assert "秀英" not in audit.text


async def test_a_record_without_any_phone_once_per_home_and_only_in_my_places(
    identity: Identity,
) -> None:
    await identity.seed()
    staff = await identity.bearer("tgyzl_staff")
    record = await _record(identity, staff, name="李 建国")
    assert (record["name"], record["contact_phone"]) == ("李 建国", None)
    before = await _residents(identity)

    twice = await identity.client.post(
        "/v1/residents",
        json={
            "name": "李 建国",
            "unit_place_id": record["homes"][0]["unit_place_id"],
            "room_no": "301",
        },
        headers=staff,
    )
    assert (twice.status_code, twice.json()["code"]) == (409, "resident_record_exists")
    unit = await identity.directory.place("TGYZL-03-2")
    outside = await identity.client.post(
        "/v1/residents",
        json={"name": "张三", "unit_place_id": unit["id"], "room_no": "302"},
        headers=await identity.bearer("gysnl_staff"),
    )
    assert outside.status_code == 404
    bad_phone = await identity.client.post(
        "/v1/residents",
        json={
            "name": "张三",
            "unit_place_id": unit["id"],
            "room_no": "302",
            "contact_phone": "12345678901",
        },
        headers=staff,
    )
    assert (bad_phone.status_code, bad_phone.json()["code"]) == (422, "invalid_phone")
    assert await _residents(identity) == before  # nothing half-stored

    resident = await _resident(identity)
    as_resident = await identity.client.post(
        "/v1/residents",
        json={"name": "张三", "unit_place_id": unit["id"], "room_no": "302"},
        headers=resident,
    )
    assert as_resident.status_code in (403, 404)
    acted = await identity.client.post(
        "/v1/tokens/act-for",
        json={"resident_id": record["id"], "reason": "电话代办"},
        headers=staff,
    )
    assert acted.status_code == 200
