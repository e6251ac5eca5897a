"""Check-in and check-out at a warm station: from its code (registered or anonymous), by
card, with the services a courier used, as the station's live numbers show them."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from services.kit.abuse import DEVICE_HEADER
from tests.fixtures.courier import Courier


async def test_a_registered_courier_checks_in_uses_charging_and_checks_out(
    courier: Courier,
) -> None:
    station = await courier.station(charging_points=2)
    assert station["live"] == {"present": 0, "charging_free": 2, "open_now": True}
    me = await courier.register("小王", "eleme")

    visit = await courier.check_in(me, services=["water"])
    assert visit["status"] == "open"
    assert visit["anonymous"] is False
    assert visit["services"] == ["water"]
    used = await courier.client.post(
        f"/v1/visits/{visit['token']}/services", json={"services": ["charging", "water"]}
    )
    assert used.status_code == 200, used.text
    assert used.json()["services"] == ["water", "charging"]
    live = (await courier.client.get(f"/v1/stations/{station['id']}")).json()["live"]
    assert live == {"present": 1, "charging_free": 1, "open_now": True}

    out = await courier.client.post(f"/v1/visits/{visit['token']}/checkout")
    assert out.status_code == 200, out.text
    assert out.json()["status"] == "closed"
    assert out.json()["closed_at"] is not None
    again = await courier.client.post(f"/v1/visits/{visit['token']}/checkout")
    assert again.status_code == 409
    assert again.json()["code"] == "invalid_transition"
    live = (await courier.client.get(f"/v1/stations/{station['id']}")).json()["live"]
    assert live == {"present": 0, "charging_free": 2, "open_now": True}


async def test_the_staff_live_view_names_registered_couriers_and_counts_anonymous_ones(
    courier: Courier,
) -> None:
    station = await courier.station()
    me = await courier.register("老李", "meituan")
    await courier.check_in(me, services=["charging"])
    await courier.check_in(services=["charging"])
    await courier.check_in()

    live = await courier.client.get(
        f"/v1/stations/{station['id']}/live", headers=await courier.staff()
    )
    assert live.status_code == 200, live.text
    body = live.json()
    assert body["present"] == 3
    assert body["anonymous_present"] == 2
    assert body["charging_free"] == 0
    [named] = body["couriers"]
    assert named["nickname"] == "老李"
    assert named["platform"] == "meituan"
    assert named["phone_masked"].startswith("138****")


async def test_a_second_open_visit_of_one_courier_is_refused(courier: Courier) -> None:
    await courier.station()
    me = await courier.register()
    await courier.check_in(me)
    refused = await courier.check_in(me, expect=409)
    assert refused["code"] == "visit_already_open"
    assert "签到" in refused["detail"]


async def test_concurrent_check_ins_of_one_courier_leave_one_open_visit(courier: Courier) -> None:
    await courier.station()
    me = await courier.register()
    token = await courier.station_token()

    async def tap() -> int:
        response = await courier.client.post("/v1/visits", json={"code_token": token}, headers=me)
        return response.status_code

    statuses = sorted(await asyncio.gather(*(tap() for _ in range(4))))
    assert statuses == [201, 409, 409, 409]
    profile = (await courier.client.get("/v1/me/courier", headers=me)).json()
    assert profile["nickname"] == "小王"


async def test_a_retried_check_in_with_its_idempotency_key_is_one_visit(courier: Courier) -> None:
    station = await courier.station()
    me = await courier.register()
    token = await courier.station_token()
    headers = {**me, "Idempotency-Key": uuid.uuid4().hex}
    first = await courier.client.post("/v1/visits", json={"code_token": token}, headers=headers)
    second = await courier.client.post("/v1/visits", json={"code_token": token}, headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.headers["Idempotent-Replayed"] == "true"
    assert first.json()["id"] == second.json()["id"]
    live = (await courier.client.get(f"/v1/stations/{station['id']}")).json()["live"]
    assert live["present"] == 1


async def test_checking_in_at_a_closed_station_is_refused_in_chinese(courier: Courier) -> None:
    await courier.station()
    # 23:00 in Beijing: the station closed at 22:00.
    courier.clock.set(datetime(2026, 3, 2, 15, 0, tzinfo=UTC))
    refused = await courier.check_in(expect=409)
    assert refused["code"] == "station_closed"
    assert "开放时间" in refused["detail"]
    station = (await courier.client.get("/v1/stations")).json()[0]
    assert station["live"]["open_now"] is False


async def test_a_burst_of_anonymous_check_ins_from_one_phone_is_limited(courier: Courier) -> None:
    station = await courier.station()
    token = await courier.station_token()
    phone = {DEVICE_HEADER: uuid.uuid4().hex}
    statuses = [
        (await courier.client.post("/v1/visits", json={"code_token": token}, headers=phone))
        for _ in range(6)
    ]
    assert [r.status_code for r in statuses] == [201] * 4 + [429] * 2
    assert statuses[-1].json()["code"] == "anonymous_limit_reached"
    assert "Retry-After" in statuses[-1].headers
    live = (await courier.client.get(f"/v1/stations/{station['id']}")).json()["live"]
    assert live["present"] == 4


async def test_an_anonymous_visit_stops_counting_after_its_hour(courier: Courier) -> None:
    station = await courier.station()
    visit = await courier.check_in()
    assert visit["anonymous"] is True
    started = datetime.fromisoformat(visit["started_at"])
    assert datetime.fromisoformat(visit["closes_at"]) - started == timedelta(hours=1)
    courier.clock.advance(timedelta(minutes=61))
    live = (await courier.client.get(f"/v1/stations/{station['id']}")).json()["live"]
    assert live["present"] == 0


async def test_a_code_that_is_not_a_station_s_is_refused(courier: Courier) -> None:
    await courier.station()
    unit = await courier.directory.unit_token("TGYZL-01-1")
    response = await courier.client.post(
        "/v1/visits", json={"code_token": unit}, headers={DEVICE_HEADER: uuid.uuid4().hex}
    )
    assert response.status_code == 422
    assert response.json()["code"] == "not_a_station_code"


async def test_staff_list_the_visits_of_their_stations_newest_first(courier: Courier) -> None:
    station = await courier.station()
    me = await courier.register("小刘", "jd")
    first = await courier.check_in()
    courier.clock.advance(timedelta(minutes=5))
    second = await courier.check_in(me)
    listed = await courier.client.get(
        "/v1/visits", params={"station_id": station["id"]}, headers=await courier.staff()
    )
    assert listed.status_code == 200, listed.text
    body = listed.json()
    assert body["total"] == 2
    assert [v["id"] for v in body["items"]] == [second["id"], first["id"]]
    assert [v["nickname"] for v in body["items"]] == ["小刘", None]
    assert "token" not in body["items"][0]
    elsewhere = await courier.client.get(
        "/v1/visits", headers=await courier.staff("GYS", subject="gys-1")
    )
    assert elsewhere.json()["total"] == 0
    resident = await courier.client.get("/v1/visits", headers=courier.resident())
    assert resident.status_code == 403


async def _revoke_station_code(courier: Courier) -> str:
    place = await courier.directory.place("TGY-NXYZ")
    token = await courier.station_token()
    revoked = await courier.directory.client.post(
        f"/v1/codes/{token}/revoke",
        json={"reason": "贴纸更换"},
        headers=courier.directory.staff(place),
    )
    assert revoked.status_code == 200, revoked.text
    return str(token)


async def _scan(courier: Courier, token: str) -> Any:
    return await courier.client.post(
        "/v1/visits", json={"code_token": token}, headers={DEVICE_HEADER: uuid.uuid4().hex}
    )


async def test_a_replaced_station_code_is_refused_at_once(courier: Courier) -> None:
    await courier.station()
    await courier.check_in()
    token = await _revoke_station_code(courier)
    refused = await _scan(courier, token)
    assert refused.status_code == 410
    assert refused.json()["code"] == "code_revoked"


async def test_a_deployment_keeping_station_codes_stops_a_replaced_one_within_its_time(
    courier: Courier,
) -> None:
    # COURIER_STATION_CODE_SECONDS=60: directory's answer kept a minute by this replica.
    courier.app.state.courier.station_codes.keep = timedelta(seconds=60)
    await courier.station()
    await courier.check_in()  # directory's answer for the code, kept a minute
    token = await _revoke_station_code(courier)
    courier.clock.set(courier.clock.now() + timedelta(seconds=30))
    kept = await _scan(courier, token)  # the answer kept: still this station
    assert kept.status_code == 201, kept.text
    courier.clock.set(courier.clock.now() + timedelta(seconds=31))
    refused = await _scan(courier, token)
    assert refused.status_code == 410
    assert refused.json()["code"] == "code_revoked"
