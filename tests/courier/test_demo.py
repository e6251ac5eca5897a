"""The demo week at 天街暖心驿站: 200+ registered couriers, close to 100 visits a day with
anonymous ones among them, inside opening hours, never two open visits of one courier."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import func, select

from services.courier import demo
from services.courier.models import Courier as CourierRow
from services.courier.models import SupplyUse, Visit
from services.kit.clock import LOCAL_TZ
from tests.fixtures.courier import Courier


async def test_the_demo_week_looks_like_the_station_s_report(courier: Courier) -> None:
    courier.clock.set(datetime(2026, 3, 8, 14, 0, tzinfo=UTC))  # Sunday 22:00 in Beijing
    ctx = courier.app.state.courier
    place = await ctx.directory.place_by_code(demo.STATION_CODE)
    async with courier.db.session() as session:
        message = await demo.seed_demo(session, ctx, place=place)
        await session.commit()
        again = await demo.seed_demo(session, ctx, place=place)
    assert "loaded" in message
    assert "already present" in again

    async with courier.db.session(write=False) as session:
        registered = await session.scalar(select(func.count()).select_from(CourierRow))
        visits = list(await session.scalars(select(Visit)))
    assert registered is not None
    assert registered >= 200
    days = Counter(v.started_at.astimezone(LOCAL_TZ).date() for v in visits)
    assert len(days) == demo.DAYS
    assert all(85 <= n <= 110 for n in days.values()), days
    anonymous = [v for v in visits if v.courier_id is None]
    assert 0.15 < len(anonymous) / len(visits) < 0.3
    hours = Counter(v.started_at.astimezone(LOCAL_TZ).hour for v in visits)
    assert hours[12] > 2 * hours[9]
    assert hours[18] > 2 * hours[21]
    assert all(7 <= h <= 21 for h in hours)
    open_by_courier = Counter(v.courier_id for v in visits if v.status == "open" and v.courier_id)
    assert all(n == 1 for n in open_by_courier.values())
    station = (await courier.client.get(f"/v1/stations/{place.id}")).json()
    assert station["name"] == "天街暖心驿站"
    assert station["charging_points"] == 12


async def test_the_demo_kit_has_one_medicine_near_expiry_and_the_week_s_uses(
    courier: Courier,
) -> None:
    courier.clock.set(datetime(2026, 3, 8, 14, 0, tzinfo=UTC))
    ctx = courier.app.state.courier
    place = await ctx.directory.place_by_code(demo.STATION_CODE)
    async with courier.db.session() as session:
        await demo.seed_demo(session, ctx, place=place)
        await session.commit()
    kit = await courier.client.get(
        f"/v1/stations/{place.id}/supplies", headers=await courier.staff()
    )
    items = {i["name"]: i for i in kit.json()}
    assert {"创可贴", "藿香正气水", "布洛芬缓释胶囊", "口罩", "暖宝宝", "充电线"} <= set(items)
    assert [n for n, i in items.items() if i["near_expiry"]] == ["藿香正气水"]
    assert all(i["quantity"] > i["low_stock_threshold"] for i in items.values())
    async with courier.db.session(write=False) as session:
        uses = await session.scalar(select(func.count()).select_from(SupplyUse))
    assert uses is not None
    assert uses > 20
    await courier.watch.run_due(courier.clock.now())
    await courier.jobs.run_due(courier.clock.now())
    assert [n["template"] for n in courier.notified] == ["supply_near_expiry"]
