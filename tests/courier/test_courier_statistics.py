"""The station's figures as staff read them: 100 visits over a simulated day give the right
counts and heatmap; a visit counts on the Beijing day it starts, to the second around
midnight; a station's figures are its own and a street's are its stations'; the visits
export is masked by default, and in clear only with a reason and the reveal permission."""

from __future__ import annotations

import csv
import io
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote

import openpyxl
from sqlalchemy import select

from services.courier.models import Courier as CourierRow
from services.courier.models import Station, Visit, audit
from services.kit.clock import LOCAL_TZ
from tests.fixtures.courier import PROFILE, Courier

DAY = date(2026, 3, 2)  # a Monday; the test clock stands at 09:00 that day in Beijing
READ = "courier:visits:read"
REVEAL = "identity:personal:reveal"
PLATFORMS = ("meituan", "eleme", "jd")


def local(day: date, hour: int, minute: int = 0, second: int = 0, micro: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, second, micro, tzinfo=LOCAL_TZ)


def new_courier(n: int, *, platform: str = "meituan", nickname: str = "王小明") -> CourierRow:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    return CourierRow(
        id=uuid.uuid4(),
        resident_subject=f"resident:{uuid.uuid4()}",
        nickname=nickname,
        platform=platform,
        phone_masked=f"138****{n:04d}",
        agrees_to_be_named=False,
        registered_at=at,
        updated_at=at,
    )


def new_visit(
    station: Station | dict[str, Any],
    started: datetime,
    *,
    courier: CourierRow | None = None,
    services: list[str] | None = None,
) -> Visit:
    sid = station.id if isinstance(station, Station) else uuid.UUID(station["id"])
    path = station.place_path if isinstance(station, Station) else station["place_path"]
    return Visit(
        id=uuid.uuid4(),
        token=uuid.uuid4().hex,
        station_id=sid,
        station_path=path,
        courier_id=courier.id if courier else None,
        status="closed",
        source="code",
        services=services or [],
        uses_charging="charging" in (services or []),
        started_at=started.astimezone(UTC),
        closes_at=(started + timedelta(hours=3)).astimezone(UTC),
        closed_at=(started + timedelta(minutes=30)).astimezone(UTC),
    )


async def the_station(courier: Courier) -> dict[str, Any]:
    station = await courier.station()
    place = await courier.directory.place("TGY-NXYZ")
    return {**station, "place_path": place["path"]}


async def store(courier: Courier, *rows: Any) -> None:
    async with courier.db.session() as session:
        session.add_all([r for r in rows if isinstance(r, CourierRow)])
        await session.flush()
        session.add_all([r for r in rows if not isinstance(r, CourierRow)])
        await session.commit()


async def figures(
    courier: Courier, headers: dict[str, str], *, first: date = DAY, last: date = DAY, **query: Any
) -> dict[str, Any]:
    response = await courier.client.get(
        "/v1/statistics",
        params={"from": first.isoformat(), "to": last.isoformat(), **query},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_a_simulated_day_of_100_visits_gives_the_counts_and_the_heatmap(
    courier: Courier,
) -> None:
    station = await the_station(courier)
    # 40 registered couriers: the first 20 come twice, the others once (60 visits); 40
    # anonymous visits; visit i starts at 08:00 + (i % 12) hours, uses water when i is
    # even, charging every third, heating every fifth.
    people = [new_courier(n, platform=PLATFORMS[n % 3]) for n in range(40)]
    whose: list[CourierRow | None] = [*people, *people[:20], *[None] * 40]
    plan = []
    for i, who in enumerate(whose):
        used = [s for s, every in (("water", 2), ("charging", 3), ("heating", 5)) if i % every == 0]
        plan.append((local(DAY, 8 + i % 12, i % 60), who, used))
    await store(
        courier,
        *people,
        *(new_visit(station, at, courier=who, services=used) for at, who, used in plan),
    )

    found = await figures(courier, await courier.staff("TGY", READ, subject="tgy-reader"))

    assert found["visits"] == {"total": 100, "registered": 60, "anonymous": 40, "per_day": 100.0}
    assert found["couriers"] == {"unique": 40, "repeat": {"rate": 0.5, "n": 20, "d": 40}}
    assert found["daily"] == [
        {"day": "2026-03-02", "visits": 100, "registered": 60, "anonymous": 40, "couriers": 40}
    ]
    hours = Counter(at.hour for at, _, _ in plan)
    assert found["by_hour"] == [hours[h] for h in range(24)]
    assert found["by_hour"][8] == 9
    assert found["by_hour"][19] == 8
    assert found["by_hour"][7] == 0
    monday, *rest = found["heatmap"]
    assert monday == found["by_hour"]
    assert rest == [[0] * 24] * 6
    used = Counter(s for _, _, services in plan for s in services)
    assert found["services"] == {"water": 50, "charging": 34, "heating": 20} == dict(used)
    # Couriers 0..39 by n % 3: meituan 14, eleme 13, jd 13; the first 20 bring a second visit.
    platforms = {p["platform"]: (p["name"], p["couriers"], p["visits"]) for p in found["platforms"]}
    assert platforms == {
        "meituan": ("美团", 14, 14 + 7),
        "eleme": ("饿了么", 13, 13 + 7),
        "jd": ("京东", 13, 13 + 6),
    }
    assert found["volunteer_hours"] == 0

    # The same day inside a longer period: the other days are there, empty.
    week = await figures(
        courier,
        await courier.staff("TGY", READ, subject="tgy-reader"),
        first=DAY - timedelta(days=3),
        last=DAY + timedelta(days=3),
    )
    assert week["days"] == 7
    assert [d["visits"] for d in week["daily"]] == [0, 0, 0, 100, 0, 0, 0]
    assert week["visits"]["per_day"] == 14.3
    assert week["heatmap"][0] == found["by_hour"]


async def test_a_visit_counts_on_the_beijing_day_it_starts_to_the_second(
    courier: Courier,
) -> None:
    station = await the_station(courier)
    before, after = DAY - timedelta(days=1), DAY + timedelta(days=1)
    regular = new_courier(1)
    await store(
        courier,
        regular,
        new_visit(station, local(before, 23, 59, 59, 999_000)),  # the day before
        new_visit(station, local(DAY, 0, 0, 0)),  # the first instant of the day
        new_visit(station, local(DAY, 23, 50), courier=regular),  # ends after midnight
        new_visit(station, local(DAY, 23, 59, 59, 900_000)),
        new_visit(station, local(after, 0, 0, 0), courier=regular),  # the next day's
    )
    headers = await courier.staff("TGY", READ, subject="tgy-reader")

    day = await figures(courier, headers)
    assert day["visits"]["total"] == 3
    assert day["by_hour"][0] == 1
    assert day["by_hour"][23] == 2
    assert sum(day["by_hour"]) == 3
    # One visit in the day: not a repeat.
    assert day["couriers"] == {"unique": 1, "repeat": {"rate": 0.0, "n": 0, "d": 1}}

    three = await figures(courier, headers, first=before, last=after)
    assert [(d["visits"], d["couriers"]) for d in three["daily"]] == [(1, 0), (3, 1), (1, 1)]
    # Sunday 23:00, Monday 00:00 and 23:00 (twice), Tuesday 00:00.
    assert three["heatmap"][6][23] == 1
    assert three["heatmap"][0][0] == 1
    assert three["heatmap"][0][23] == 2
    assert three["heatmap"][1][0] == 1
    assert three["couriers"]["repeat"] == {"rate": 1.0, "n": 1, "d": 1}


async def test_a_station_s_figures_are_its_own_and_a_street_s_are_its_stations(
    courier: Courier,
) -> None:
    station = await the_station(courier)
    tgy = await courier.directory.place("TGY")
    gys = await courier.directory.place("GYS")

    def another(street: dict[str, Any], name: str) -> Station:
        sid = uuid.uuid4()
        return Station(
            id=sid,
            place_code=name,
            name=name,
            place_path=f"{street['path']}{sid}/",
            hours=PROFILE["hours"],
            rest_seats=4,
            charging_points=1,
            microwave=False,
            water=True,
            medicine_kit=False,
            auto_close_minutes=180,
            updated_at=courier.clock.now(),
            updated_by="staff:test",
        )

    nearby, elsewhere = another(tgy, "TGY-2"), another(gys, "GYS-1")
    await store(courier, nearby, elsewhere)
    await store(
        courier,
        *(new_visit(station, local(DAY, 10 + i % 2)) for i in range(3)),
        *(new_visit(nearby, local(DAY, 12)) for _ in range(2)),
        *(new_visit(elsewhere, local(DAY, 9)) for _ in range(4)),
    )
    street_staff = await courier.staff("TGY", READ, subject="tgy-reader")

    street = await figures(courier, street_staff)
    assert street["place"]["code"] == "TGY"
    assert street["visits"]["total"] == 5
    assert street["by_hour"][12] == 2
    assert street["by_hour"][9] == 0
    one = await figures(courier, street_staff, place_id=station["id"])
    assert one["place"]["code"] == "TGY-NXYZ"
    assert one["visits"]["total"] == 3
    assert one["by_hour"][12] == 0
    other = await figures(courier, await courier.staff("GYS", READ, subject="gys-reader"))
    assert other["visits"]["total"] == 4

    refused = await courier.client.get(
        "/v1/statistics", params={"place_id": gys["id"]}, headers=street_staff
    )
    assert refused.status_code == 403
    backwards = await courier.client.get(
        "/v1/statistics", params={"from": "2026-03-02", "to": "2026-03-01"}, headers=street_staff
    )
    assert backwards.status_code == 422
    assert backwards.json()["code"] == "invalid_period"
    too_long = await courier.client.get(
        "/v1/statistics", params={"from": "2025-01-01", "to": "2026-03-02"}, headers=street_staff
    )
    assert too_long.status_code == 422
    assert too_long.json()["code"] == "period_too_long"


def rows_of(response: Any) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


async def test_the_visits_export_is_masked_unless_asked_in_clear_with_a_reason_and_the_right(
    courier: Courier,
) -> None:
    station = await the_station(courier)
    named = new_courier(1234, platform="eleme", nickname="王小明")
    await store(
        courier,
        named,
        new_visit(station, local(DAY, 8), courier=named, services=["charging", "heating"]),
        new_visit(station, local(DAY, 9)),
    )
    reader = await courier.staff("TGY", READ, subject="tgy-reader")
    period = {"from": DAY.isoformat(), "to": DAY.isoformat()}

    masked = await courier.client.get("/v1/exports/visits.csv", params=period, headers=reader)
    assert masked.status_code == 200, masked.text
    assert masked.headers["content-type"].startswith("text/csv")
    note, titles, first, second = rows_of(masked)
    assert "已脱敏" in note[0]
    assert titles[:3] == ["驿站", "签到时间", "签退时间"]
    assert first[0] == "天街暖心驿站"
    assert first[1] == "2026-03-02 08:00"
    assert first[5] == "充电、热饭"
    assert first[6:] == ["否", "王**", "饿了么", "138****1234"]
    assert second[6:] == ["是", "", "", ""]
    assert "王小明" not in masked.content.decode("utf-8-sig")

    no_reason = await courier.client.get(
        "/v1/exports/visits.csv", params={**period, "clear": "true"}, headers=reader
    )
    assert no_reason.status_code == 422
    assert no_reason.json()["code"] == "reason_required"
    why = {"X-Export-Reason": quote("核对站点台账")}
    no_right = await courier.client.get(
        "/v1/exports/visits.csv", params={**period, "clear": "true"}, headers=reader | why
    )
    assert no_right.status_code == 403
    assert no_right.json()["code"] == "export_clear_not_permitted"

    revealer = await courier.staff("TGY", READ, REVEAL, subject="tgy-head")
    leaked = await courier.client.get(
        "/v1/exports/visits.xlsx",
        params={**period, "clear": "true", "reason": "核对站点台账"},
        headers=revealer,
    )
    assert leaked.status_code == 422
    assert leaked.json()["code"] == "reason_in_query"
    clear = await courier.client.get(
        "/v1/exports/visits.xlsx", params={**period, "clear": "true"}, headers=revealer | why
    )
    assert clear.status_code == 200, clear.text
    assert "-clear.xlsx" in clear.headers["content-disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(clear.content)).active
    assert sheet is not None
    assert "核对站点台账" in str(sheet["A1"].value)
    assert [c.value for c in sheet[3]][7:] == ["王小明", "饿了么", "138****1234"]

    async with courier.db.session(write=False) as session:
        records = (await session.execute(select(audit.table).order_by(audit.table.c.at))).all()
    # The masked export and the clear one: refusals record nothing.
    assert [(r.kind, r.reason, r.detail["clear"]) for r in records] == [
        ("export", None, False),
        ("export", "核对站点台账", True),
    ]


async def test_days_at_the_ends_of_the_calendar_are_refused_not_failed(courier: Courier) -> None:
    await courier.station()
    staff = await courier.staff()
    for path in ("/v1/statistics", "/v1/exports/visits.csv"):
        for query in ({"from": "0001-01-01", "to": "0001-01-02"}, {"to": "9999-12-31"}):
            response = await courier.client.get(path, params=query, headers=staff)
            assert response.status_code == 422, (path, query, response.text)
