"""The station's medicine kit and supplies: a use at a visit takes stock and never more than
there is, even at once; expired items are refused and the on-duty staff told; restocks are
recorded; low stock and near expiry are alerted once; who took which medicine is forgotten
after the retention period while the counts stay; staff act only within their places."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from services.courier.models import SupplyUse
from services.kit.abuse import DEVICE_HEADER
from services.kit.testing import run_replicas
from tests.fixtures.courier import PROFILE, Courier
from tests.fixtures.system import System

IBUPROFEN = {
    "name": "布洛芬缓释胶囊",
    "kind": "medicine",
    "unit": "盒",
    "quantity": 5,
    "low_stock_threshold": 1,
    "expires_on": "2026-12-31",
}
MASKS = {"name": "口罩", "kind": "supply", "unit": "个", "quantity": 3, "low_stock_threshold": 1}


async def _item(courier: Courier, station: dict[str, Any], **body: Any) -> dict[str, Any]:
    response = await courier.client.post(
        f"/v1/stations/{station['id']}/supplies", json=body, headers=await courier.staff()
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _stock(courier: Courier, station: dict[str, Any]) -> dict[str, dict[str, Any]]:
    response = await courier.client.get(
        f"/v1/stations/{station['id']}/supplies", headers=await courier.staff()
    )
    assert response.status_code == 200, response.text
    return {i["name"]: i for i in response.json()}


async def _take(courier: Courier, visit: dict[str, Any], item: dict[str, Any], n: int = 1) -> Any:
    return await courier.client.post(
        f"/v1/visits/{visit['token']}/supplies", json={"item_id": item["id"], "quantity": n}
    )


async def _uses(courier: Courier) -> list[SupplyUse]:
    async with courier.db.session(write=False) as session:
        return list(await session.scalars(select(SupplyUse)))


async def test_a_use_takes_stock_and_staff_see_it_on_the_visit(courier: Courier) -> None:
    station = await courier.station()
    pills = await _item(courier, station, **IBUPROFEN)
    me = await courier.register("小王")
    visit = await courier.check_in(me)

    kit = (await courier.client.get(f"/v1/stations/{station['id']}/kit")).json()
    assert [(k["name"], k["available"]) for k in kit] == [("布洛芬缓释胶囊", True)]
    taken = await _take(courier, visit, pills)
    assert taken.status_code == 201, taken.text
    assert taken.json()["name"] == "布洛芬缓释胶囊"
    assert taken.json()["recorded_by"] == "courier"
    courier.clock.advance(timedelta(minutes=5))
    base = f"/v1/stations/{station['id']}/visits/{visit['id']}"
    at_desk = await courier.client.post(
        f"{base}/supplies", json={"item_id": pills["id"]}, headers=await courier.staff()
    )
    assert at_desk.status_code == 201, at_desk.text
    assert (await _stock(courier, station))["布洛芬缓释胶囊"]["quantity"] == 3

    detail = (await courier.client.get(base, headers=await courier.staff())).json()
    assert detail["nickname"] == "小王"
    assert [(u["name"], u["quantity"], u["recorded_by"]) for u in detail["supplies_used"]] == [
        ("布洛芬缓释胶囊", 1, "courier"),
        ("布洛芬缓释胶囊", 1, "staff"),
    ]
    # Community staff read visits but not health data: the list is withheld, not empty.
    reader = await courier.staff("TGY", "courier:visits:read", subject="community-1")
    seen = (await courier.client.get(base, headers=reader)).json()
    assert seen["supplies_used"] is None
    mine = (await courier.client.get(f"/v1/visits/{visit['token']}/supplies")).json()
    assert len(mine) == 2


async def test_concurrent_uses_never_take_more_than_the_stock(courier: Courier) -> None:
    station = await courier.station()
    masks = await _item(courier, station, **MASKS)
    visits = [await courier.check_in() for _ in range(7)]

    answers = await asyncio.gather(*(_take(courier, v, masks) for v in visits))
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201] * 3 + [409] * 4
    refusals = {a.json()["code"] for a in answers if a.status_code == 409}
    assert refusals == {"item_out_of_stock"}
    assert (await _stock(courier, station))["口罩"]["quantity"] == 0
    assert len(await _uses(courier)) == 3
    kit = (await courier.client.get(f"/v1/stations/{station['id']}/kit")).json()
    assert kit[0]["available"] is False


async def test_more_than_is_left_is_refused_and_nothing_is_taken(courier: Courier) -> None:
    station = await courier.station()
    masks = await _item(courier, station, **MASKS)
    visit = await courier.check_in()
    refused = await _take(courier, visit, masks, 4)
    assert refused.status_code == 409
    assert refused.json()["code"] == "item_out_of_stock"
    assert "库存不足" in refused.json()["detail"]
    assert refused.json()["available"] == 3
    assert (await _stock(courier, station))["口罩"]["quantity"] == 3
    assert await _uses(courier) == []
    unknown = await _take(courier, visit, {"id": str(uuid.uuid4())})
    assert unknown.status_code == 422
    assert unknown.json()["code"] == "item_not_found"


async def test_an_expired_item_is_refused_and_the_on_duty_staff_told_once(
    courier: Courier,
) -> None:
    station = await courier.station()
    # Usable through its expiry date, on the station's (Beijing) day.
    drops = await _item(courier, station, **{**IBUPROFEN, "name": "藿香正气水", "unit": "瓶"})
    await courier.client.patch(
        f"/v1/stations/{station['id']}/supplies/{drops['id']}",
        json={"low_stock_threshold": 0},
        headers=await courier.staff(),
    )
    courier.clock.set(datetime(2026, 12, 31, 15, 30, tzinfo=UTC))  # 23:30 on the 31st
    late = await courier.check_in(expect=409)  # closed at night; the day still counts
    assert late["code"] == "station_closed"
    courier.clock.set(datetime(2026, 12, 31, 13, 0, tzinfo=UTC))  # 21:00 on the 31st
    assert (await _take(courier, await courier.check_in(), drops)).status_code == 201

    courier.clock.set(datetime(2027, 1, 1, 0, 0, tzinfo=UTC))  # 08:00 on 1 January
    visit = await courier.check_in()
    for _ in range(2):
        refused = await _take(courier, visit, drops)
        assert refused.status_code == 409
        assert refused.json()["code"] == "item_expired"
        assert "已过期" in refused.json()["detail"]
    assert (await _stock(courier, station))["藿香正气水"]["quantity"] == 4
    assert (await _stock(courier, station))["藿香正气水"]["expired"] is True
    assert len(await _uses(courier)) == 1

    await run_replicas(courier.jobs, 3, now=courier.clock.now())
    await courier.watch.run_due(courier.clock.now())  # the watch finds it alerted already
    await courier.jobs.run_due(courier.clock.now())
    assert [(n["template"], n["role"]) for n in courier.notified] == [
        ("supply_expired", "station_staff")
    ]
    assert "藿香正气水" in courier.notified[0]["text"]
    assert courier.notified[0]["place_path"].endswith(f"/{station['id']}/")
    alerts = await courier.client.get(
        f"/v1/stations/{station['id']}/supply-alerts", headers=await courier.staff()
    )
    assert [(a["condition"], a["on_duty"]) for a in alerts.json()["items"]] == [("expired", 1)]


async def test_restocks_are_recorded_and_set_the_shelf_s_expiry(courier: Courier) -> None:
    station = await courier.station()
    base = f"/v1/stations/{station['id']}/supplies"
    staff = await courier.staff()
    no_expiry = await courier.client.post(
        base, json={**IBUPROFEN, "expires_on": None}, headers=staff
    )
    assert no_expiry.status_code == 422
    assert no_expiry.json()["code"] == "expiry_required"
    pills = await _item(courier, station, **IBUPROFEN)
    twice = await courier.client.post(base, json=IBUPROFEN, headers=staff)
    assert twice.status_code == 409
    assert twice.json()["code"] == "item_exists"

    url = f"{base}/{pills['id']}/restocks"
    too_many = await courier.client.post(
        url, json={"quantity": 2, "expires_on": "2027-06-30", "written_off": 6}, headers=staff
    )
    assert too_many.status_code == 422
    assert too_many.json()["code"] == "written_off_exceeds_stock"
    added = await courier.client.post(
        url, json={"quantity": 10, "expires_on": "2027-06-30", "batch": "B2027"}, headers=staff
    )
    assert added.status_code == 201, added.text
    assert (added.json()["quantity"], added.json()["expires_on"]) == (15, "2026-12-31")
    courier.clock.advance(timedelta(hours=1))
    replaced = await courier.client.post(
        url, json={"quantity": 6, "expires_on": "2027-09-30", "written_off": 15}, headers=staff
    )
    assert (replaced.json()["quantity"], replaced.json()["expires_on"]) == (6, "2027-09-30")
    records = (await courier.client.get(url, headers=staff)).json()
    assert records["total"] == 3  # the first stock, then two restocks
    newest = records["items"][0]
    assert (newest["quantity"], newest["written_off"], newest["batch"]) == (6, 15, None)
    assert newest["actor"].startswith("staff:")


async def test_low_stock_and_near_expiry_are_alerted_once_each(courier: Courier) -> None:
    station = await courier.station()
    masks = await _item(courier, station, **MASKS)
    cold = await _item(
        courier, station, **{**IBUPROFEN, "name": "感冒灵颗粒", "expires_on": "2026-03-25"}
    )
    for _ in range(2):  # 3 → 1: at the threshold, then a watch run, then the jobs
        assert (await _take(courier, await courier.check_in(), masks)).status_code == 201
    await run_replicas(courier.watch, 3, now=courier.clock.now())
    await run_replicas(courier.jobs, 3, now=courier.clock.now())
    courier.clock.advance(timedelta(days=1))
    await courier.watch.run_due(courier.clock.now())
    await courier.jobs.run_due(courier.clock.now())
    told = sorted(n["template"] for n in courier.notified)
    assert told == ["supply_low_stock", "supply_near_expiry"]
    assert any("2026-03-25" in n["text"] for n in courier.notified)

    todo = (await courier.client.get("/v1/todo", headers=await courier.staff())).json()["items"]
    counts = {i["key"]: i["count"] for i in todo}
    assert (counts["courier.supplies_low"], counts["courier.supplies_expiring"]) == (1, 1)
    # Each lands on the desk's kit filtered to what it counts.
    links = {i["key"]: i["link"] for i in todo}
    assert links["courier.supplies_low"] == "/console/courier/supplies?filter=low_stock"
    assert links["courier.supplies_expiring"] == "/console/courier/supplies?filter=expiring"

    # A restock begins a new stock period: running low again is a new alert.
    restocked = await courier.client.post(
        f"/v1/stations/{station['id']}/supplies/{masks['id']}/restocks",
        json={"quantity": 1},
        headers=await courier.staff(),
    )
    assert restocked.json()["low_stock"] is False
    assert (await _take(courier, await courier.check_in(), masks)).status_code == 201
    await courier.jobs.run_due(courier.clock.now())
    assert sorted(n["template"] for n in courier.notified).count("supply_low_stock") == 2
    assert cold["near_expiry"] is True


async def test_who_took_which_medicine_is_forgotten_after_the_retention_period(
    courier: Courier,
) -> None:
    station = await courier.station()
    pills = await _item(courier, station, **IBUPROFEN)
    visit = await courier.check_in(await courier.register("老李"))
    assert (await _take(courier, visit, pills)).status_code == 201
    detail = f"/v1/stations/{station['id']}/visits/{visit['id']}"

    courier.clock.advance(timedelta(days=89))
    await courier.watch.run_due(courier.clock.now())
    kept = (await courier.client.get(detail, headers=await courier.staff())).json()
    assert [u["name"] for u in kept["supplies_used"]] == ["布洛芬缓释胶囊"]

    courier.clock.advance(timedelta(days=2))
    await courier.watch.run_due(courier.clock.now())
    gone = (await courier.client.get(detail, headers=await courier.staff())).json()
    assert gone["nickname"] == "老李"
    assert gone["supplies_used"] == []
    (use,) = await _uses(courier)
    assert (use.visit_id, use.staff_actor, use.quantity) == (None, None, 1)
    # The count stays, on its local day (the time of day goes with the link).
    assert use.used_at == datetime(2026, 3, 1, 16, 0, tzinfo=UTC)  # 2 March, 00:00 local
    async with courier.db.session(write=False) as session:
        counted = await session.scalar(
            select(func.sum(SupplyUse.quantity)).where(SupplyUse.item_id == uuid.UUID(pills["id"]))
        )
    assert counted == 1


async def test_staff_act_on_the_kit_only_within_their_places(courier: Courier) -> None:
    station = await courier.station()
    pills = await _item(courier, station, **IBUPROFEN)
    visit = await courier.check_in()
    base = f"/v1/stations/{station['id']}"
    elsewhere = await courier.staff("GYS", subject="gys-1")
    for response in (
        await courier.client.get(f"{base}/supplies", headers=elsewhere),
        await courier.client.post(f"{base}/supplies", json=MASKS, headers=elsewhere),
        await courier.client.post(
            f"{base}/visits/{visit['id']}/supplies",
            json={"item_id": pills["id"]},
            headers=elsewhere,
        ),
    ):
        assert response.status_code == 404
        assert response.json()["code"] == "station_not_found"
    reader = await courier.staff("TGY", "courier:supplies:read", subject="tgy-reader")
    assert (await courier.client.get(f"{base}/supplies", headers=reader)).status_code == 200
    added = await courier.client.post(f"{base}/supplies", json=MASKS, headers=reader)
    assert added.status_code == 403
    dispensed = await courier.client.post(
        f"{base}/visits/{visit['id']}/supplies", json={"item_id": pills["id"]}, headers=reader
    )
    assert dispensed.status_code == 403
    assert (await courier.client.get(f"{base}/supplies")).status_code == 401
    # The visit's token acts on its own station's kit only, and only while it is open.
    await courier.client.post(f"/v1/visits/{visit['token']}/checkout")
    closed = await _take(courier, visit, pills)
    assert closed.status_code == 409
    assert closed.json()["code"] == "visit_not_open"
    headers = {DEVICE_HEADER: uuid.uuid4().hex}
    assert (await courier.client.get(f"{base}/supplies", headers=headers)).status_code == 401


async def test_the_demo_station_staff_on_duty_get_the_kit_s_alert_through_identity(
    system: System,
) -> None:
    station = await system.place("TGY-NXYZ")
    staff = await system.bearer("station_tgy")
    base = f"/api/courier/v1/stations/{station['id']}"
    assert (await system.client.put(base, json=PROFILE, headers=staff)).status_code == 200
    added = await system.client.post(
        f"{base}/supplies", json={**MASKS, "quantity": 1, "low_stock_threshold": 0}, headers=staff
    )
    assert added.status_code == 201, added.text
    codes = await system.client.get(
        f"/api/directory/v1/places/{station['id']}/codes", headers=staff
    )
    [code] = [c for c in codes.json() if c["kind"] == "station"]
    visit = await system.client.post(
        "/api/courier/v1/visits",
        json={"code_token": code["token"]},
        headers={DEVICE_HEADER: uuid.uuid4().hex},
    )
    taken = await system.client.post(
        f"/api/courier/v1/visits/{visit.json()['token']}/supplies",
        json={"item_id": added.json()["id"]},
    )
    assert taken.status_code == 201, taken.text

    courier_app = system.apps["courier"]
    report = await courier_app.state.jobs.run_due(courier_app.state.clock.now())
    assert report.succeeded == 1
    texts = [m.body for m in await system.identity.sent_to("13800000013")]
    assert len(texts) == 1
    assert "口罩仅剩 0个" in texts[0]
