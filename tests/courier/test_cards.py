"""A courier registers once and gets a card; staff scan it (or type its short code) at their
station, check the courier in by it; a revoked card is refused, a new one works."""

from __future__ import annotations

import uuid

from tests.fixtures.courier import Courier


async def test_a_card_is_issued_scanned_revoked_and_then_refused(courier: Courier) -> None:
    station = await courier.station()
    me = await courier.register("小张", "jd")
    card = (await courier.client.get("/v1/me/courier/card", headers=me)).json()
    assert card["qr_payload"].startswith("SQWB-COURIER:")
    code = card["short_code"]
    assert len(code) == 9
    assert code[4] == "-"
    assert not set(code.replace("-", "")) & set("01OIL")
    staff = await courier.staff()
    base = f"/v1/stations/{station['id']}"

    scanned = await courier.client.get(f"{base}/cards/{card['qr_payload']}", headers=staff)
    assert scanned.status_code == 200, scanned.text
    assert scanned.json()["nickname"] == "小张"
    assert scanned.json()["open_visit"] is None
    assert scanned.json()["phone_masked"].startswith("138****")
    # Typed by hand, lower case and without the dash: the same courier.
    typed = await courier.client.get(f"{base}/cards/{code.replace('-', '').lower()}", headers=staff)
    assert typed.json()["courier_id"] == scanned.json()["courier_id"]

    checked_in = await courier.client.post(
        f"{base}/visits", json={"card": code, "services": ["heating"]}, headers=staff
    )
    assert checked_in.status_code == 201, checked_in.text
    assert checked_in.json()["source"] == "card"
    again = await courier.client.get(f"{base}/cards/{code}", headers=staff)
    assert again.json()["open_visit"]["id"] == checked_in.json()["id"]
    out = await courier.client.post(
        f"{base}/visits/{checked_in.json()['id']}/checkout", headers=staff
    )
    assert out.status_code == 200
    assert out.json()["status"] == "closed"

    revoked = await courier.client.post(f"{base}/cards/{code}/revoke", headers=staff)
    assert revoked.status_code == 204
    refused = await courier.client.post(f"{base}/visits", json={"card": code}, headers=staff)
    assert refused.status_code == 410
    assert refused.json()["code"] == "card_revoked"
    lookup = await courier.client.get(f"{base}/cards/{code}", headers=staff)
    assert lookup.status_code == 410

    fresh = await courier.client.post("/v1/me/courier/card", headers=me)
    assert fresh.status_code == 201
    assert fresh.json()["short_code"] != code
    works = await courier.client.get(f"{base}/cards/{fresh.json()['short_code']}", headers=staff)
    assert works.status_code == 200


async def test_a_new_card_retires_the_one_before(courier: Courier) -> None:
    station = await courier.station()
    me = await courier.register()
    old = (await courier.client.get("/v1/me/courier", headers=me)).json()["card"]
    new = (await courier.client.post("/v1/me/courier/card", headers=me)).json()
    staff = await courier.staff()
    base = f"/v1/stations/{station['id']}/cards"
    assert (
        await courier.client.get(f"{base}/{old['short_code']}", headers=staff)
    ).status_code == 410
    assert (
        await courier.client.get(f"{base}/{new['short_code']}", headers=staff)
    ).status_code == 200


async def test_registering_twice_or_as_staff_is_refused(courier: Courier) -> None:
    me = await courier.register()
    twice = await courier.client.post(
        "/v1/me/courier", json={"nickname": "又来", "platform": "sf"}, headers=me
    )
    assert twice.status_code == 409
    assert twice.json()["code"] == "courier_already_registered"
    staff = await courier.client.post(
        "/v1/me/courier", json={"nickname": "站长", "platform": "sf"}, headers=await courier.staff()
    )
    assert staff.status_code == 403
    assert staff.json()["code"] == "residents_only"
    nobody = await courier.client.get("/v1/me/courier", headers=courier.resident())
    assert nobody.status_code == 404
    assert nobody.json()["code"] == "courier_not_registered"


async def test_a_courier_changes_their_profile(courier: Courier) -> None:
    me = await courier.register("小王", "meituan")
    changed = await courier.client.patch(
        "/v1/me/courier", json={"platform": "shansong", "agrees_to_be_named": True}, headers=me
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["platform"] == "shansong"
    assert changed.json()["agrees_to_be_named"]
    assert changed.json()["nickname"] == "小王"


async def test_an_unknown_card_is_a_404(courier: Courier) -> None:
    station = await courier.station()
    response = await courier.client.get(
        f"/v1/stations/{station['id']}/cards/{uuid.uuid4().hex[:8]}",
        headers=await courier.staff(),
    )
    assert response.status_code == 404
    assert response.json()["code"] == "card_not_found"
