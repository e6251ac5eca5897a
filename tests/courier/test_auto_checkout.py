"""The auto check-out worker closes visits left open past their limit, once each, however
many replicas run it; the console's to-do counts those the worker has not reached yet."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from services.courier.models import Visit, VisitEvent
from services.kit.testing import run_replicas
from tests.fixtures.courier import Courier


async def test_three_replicas_close_each_overdue_visit_once(courier: Courier) -> None:
    station = await courier.station(auto_close_minutes=180)
    registered = [await courier.check_in(await courier.register(f"骑手{i}")) for i in range(3)]
    anonymous = [await courier.check_in() for _ in range(3)]
    courier.clock.advance(timedelta(minutes=90))
    late = await courier.check_in(await courier.register("晚到"))

    # 90 minutes on: only the anonymous visits (one hour) are past their limit.
    reports = await run_replicas(courier.worker, 3, now=courier.clock.now())
    assert sum(r.succeeded for r in reports) == 3
    courier.clock.advance(timedelta(minutes=91))  # 181 min after the first check-ins
    reports = await run_replicas(courier.worker, 3, now=courier.clock.now())
    assert sum(r.succeeded for r in reports) == 3

    async with courier.db.session(write=False) as session:
        statuses = dict((await session.execute(select(Visit.token, Visit.status))).all())
        closings = dict(
            (
                await session.execute(
                    select(VisitEvent.visit_id, func.count())
                    .where(VisitEvent.action == "auto_close")
                    .group_by(VisitEvent.visit_id)
                )
            ).all()
        )
    for visit in registered + anonymous:
        assert statuses[visit["token"]] == "auto_closed"
    assert statuses[late["token"]] == "open"
    assert sorted(closings.values()) == [1] * 6
    live = (await courier.client.get(f"/v1/stations/{station['id']}")).json()["live"]
    assert live["present"] == 1


async def test_a_visit_checked_out_is_left_alone_and_a_forgotten_one_does_not_block(
    courier: Courier,
) -> None:
    await courier.station(auto_close_minutes=60)
    me = await courier.register()
    first = await courier.check_in(me)
    courier.clock.advance(timedelta(minutes=61))
    # The worker has not run yet: the forgotten visit is closed on the way in.
    second = await courier.check_in(me)
    assert second["id"] != first["id"]
    mine = await courier.client.get(f"/v1/visits/{first['token']}")
    assert mine.json()["status"] == "auto_closed"
    out = await courier.client.post(f"/v1/visits/{second['token']}/checkout")
    assert out.status_code == 200
    courier.clock.advance(timedelta(hours=3))
    report = await courier.worker.run_due(courier.clock.now())
    assert report.succeeded == 0


async def test_the_console_to_do_counts_visits_past_their_limit(courier: Courier) -> None:
    await courier.station()
    await courier.check_in()
    courier.clock.advance(timedelta(minutes=61))
    staff = await courier.staff()
    todo = (await courier.client.get("/v1/todo", headers=staff)).json()["items"]
    # Other items (the kit's counts, volunteer hours to confirm, ...) are counted beside it.
    assert (todo[0]["key"], todo[0]["count"]) == ("courier.visits_past_limit", 1)
    # One click to the desk's list of open visits (the live view counts only those in time).
    assert todo[0]["link"] == "/console/courier/visits?status=open"
    await courier.worker.run_due(courier.clock.now())
    todo = (await courier.client.get("/v1/todo", headers=staff)).json()["items"]
    assert todo[0]["count"] == 0
    elsewhere = await courier.staff("GYS", subject="gys-1")
    assert (await courier.client.get("/v1/todo", headers=elsewhere)).json()["items"][0][
        "count"
    ] == 0
