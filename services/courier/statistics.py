"""The figures a warm station reports ("200+ couriers served, about 100 visits a day"), for
a place and a period.

The place is a subtree (kit.coverage.scope_for): one station (its directory place), or a
community, street or district and every station under it. The period is a range of
Beijing local days, both ends inclusive: [from 00:00, to + 1 day 00:00) Asia/Shanghai,
at most a year (kit.coverage.period).

Definitions:

- **A visit counts on the local day it starts** (`started_at` in Beijing time), whenever
  it ends: a visit from 23:50 to 00:20 is the first day's, and its hour is 23.
- **Visits** = visits that started in the period, registered and anonymous alike; split
  into `registered` (a courier's) and `anonymous` (quick check-ins from the station's code
  without an account). `per_day` = visits / days in the period.
- **Unique couriers** = registered couriers with at least one visit in the period (at any
  station in the scope). Anonymous visits never count here: nobody knows who they were.
  Per day, `couriers` is the same count for that day alone.
- **Repeat rate** (复访率) = registered couriers with 2 visits or more in the period /
  unique couriers, rounded to 4 places; null when there were none. Anonymous visits count
  in neither.
- **By hour** = visits by the Beijing hour they started (0-23), over the whole period.
- **Heatmap** = the same visits by weekday (Monday first) x hour: 7 rows of 24, whatever
  the period's length, so a month and a year read alike (a day x hour grid of a year would
  be 8,784 cells nobody reads; the daily rows carry the days).
- **Services** = visits that used each service (charging, heating, water, and what else a
  visit records), a visit counted once per service (its list holds each once).
- **Platforms** = unique couriers and their visits by platform, as their profile says now.
- **Volunteer hours** = confirmed volunteering in the period at places in the scope
  (`volunteering.confirmed_hours`: tasks posted at a street count in the street's figures).

How it is read: every figure comes from `visits` restricted to the period and to the
scope's stations (`station_id IN (stations under the path)` and `started_at` in the
period: a range on `ix_visits_station_started_at` per station). The days and hours are
one pass (the period's rows read once, grouped by hour and by day in one statement), the
couriers one grouped pass per courier then per platform, the services one grouped pass
over the visits' service lists. Hours are counted from the period's first midnight:
Beijing keeps no summer time, so an hour's offset from it tells the local day and hour.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    cast,
    distinct,
    func,
    literal,
    select,
    true,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier import permissions
from services.courier.context import CourierContext
from services.courier.models import PLATFORM_NAMES, Courier, Station, Visit
from services.courier.schemas.statistics import (
    CourierStatistics,
    CourierTotals,
    DayFigures,
    PlatformFigures,
    RepeatRate,
    StatisticsPlace,
    VisitTotals,
)
from services.courier.volunteering import confirmed_hours
from services.kit.auth import Principal
from services.kit.coverage import Period, Scope, period, scope_for
from services.kit.scope import within

PERM_READ = permissions.VISITS_READ
HOUR = 3600
HOURS = 24
WEEKDAYS = 7
REPEAT_FROM = 2


def in_scope(path: str, span: Period) -> ColumnElement[bool]:
    """Visits that started in `span` at the stations under `path`."""
    stations = select(Station.id).where(within(Station.place_path, path))
    return and_(
        Visit.station_id.in_(stations.scalar_subquery()),
        Visit.started_at >= span.start,
        Visit.started_at < span.end,
    )


def hour_of(dialect: str, origin: datetime) -> ColumnElement[int]:
    """Whole hours from `origin` to the visit's start (SQLite's strftime and PostgreSQL's
    floor both drop the fraction of a second, so 23:59:59.9 stays in its hour)."""
    if dialect == "postgresql":
        seconds = cast(func.floor(func.extract("epoch", Visit.started_at)), BigInteger)
    else:
        seconds = cast(func.strftime("%s", Visit.started_at), Integer)
    return (seconds - int(origin.timestamp())) // HOUR


def _times(where: ColumnElement[bool], hour: ColumnElement[int]) -> Select[Any]:
    """One statement: ("h", hour, visits, 0, 0) rows and ("d", day, visits, registered
    visits, distinct couriers) rows."""
    # Read once (a CTE both groupings share: PostgreSQL materialises one referenced twice).
    rows = (
        select(hour.label("hour"), Visit.courier_id.label("courier"))
        .where(where)
        .cte("period_visits")
    )
    hours = select(
        literal("h").label("kind"),
        rows.c.hour.label("slot"),
        func.count().label("visits"),
        literal(0).label("registered"),
        literal(0).label("couriers"),
    ).group_by(rows.c.hour)
    # Grouped in an outer query: PostgreSQL would not match an expression with bound
    # parameters written twice (select list and GROUP BY) as one.
    days = select(rows.c.hour // HOURS, rows.c.courier).subquery()
    day, courier = days.c
    by_day = select(
        literal("d"),
        day,
        func.count(),
        func.count(courier),
        func.count(distinct(courier)),
    ).group_by(day)
    return union_all(hours, by_day)  # type: ignore[return-value]


def _couriers(where: ColumnElement[bool]) -> Select[Any]:
    """(platform, couriers, couriers with 2+ visits, their visits)."""
    each = (
        select(Visit.courier_id.label("courier"), func.count().label("n"))
        .where(where, Visit.courier_id.is_not(None))
        .group_by(Visit.courier_id)
        .subquery()
    )
    return (
        select(
            Courier.platform,
            func.count(),
            func.coalesce(func.sum(case((each.c.n >= REPEAT_FROM, 1), else_=0)), 0),
            func.coalesce(func.sum(each.c.n), 0),
        )
        .join(Courier, Courier.id == each.c.courier)
        .group_by(Courier.platform)
    )


def _services(where: ColumnElement[bool], dialect: str) -> Select[Any]:
    elements = (
        func.json_array_elements_text(Visit.services)
        if dialect == "postgresql"
        else func.json_each(Visit.services)
    ).table_valued("value")
    return (
        select(elements.c.value, func.count())
        .select_from(Visit)
        .join(elements, true())
        .where(where)
        .group_by(elements.c.value)
    )


def _rate(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def _days_of(span: Period) -> list[date]:
    return [
        span.first_day + timedelta(days=i) for i in range((span.last_day - span.first_day).days + 1)
    ]


async def compute(session: AsyncSession, scope: Scope, *, span: Period) -> CourierStatistics:
    """Every figure of the visits under `scope` that started in `span`."""
    dialect = session.get_bind().dialect.name
    where = in_scope(scope.path, span)
    days = _days_of(span)
    daily = {d: DayFigures(day=d, visits=0, registered=0, anonymous=0, couriers=0) for d in days}
    by_hour = [0] * HOURS
    heatmap = [[0] * HOURS for _ in range(WEEKDAYS)]
    for kind, slot, visits, registered, couriers in await session.execute(
        _times(where, hour_of(dialect, span.start))
    ):
        slot, visits = int(slot), int(visits)
        if kind == "h":
            weekday = (span.first_day + timedelta(days=slot // HOURS)).weekday()
            by_hour[slot % HOURS] += visits
            heatmap[weekday][slot % HOURS] += visits
        else:
            row = daily[span.first_day + timedelta(days=slot)]
            row.visits, row.registered, row.couriers = visits, int(registered), int(couriers)
            row.anonymous = visits - row.registered
    platforms: list[PlatformFigures] = []
    repeaters = 0
    for platform, n, r, v in await session.execute(_couriers(where)):
        platforms.append(
            PlatformFigures(
                platform=platform,
                name=PLATFORM_NAMES.get(platform, platform),
                couriers=int(n),
                visits=int(v),
            )
        )
        repeaters += int(r)
    services: Counter[str] = Counter()
    for name, n in await session.execute(_services(where, dialect)):
        services[str(name)] += int(n)
    total = sum(r.visits for r in daily.values())
    registered = sum(r.registered for r in daily.values())
    unique = sum(p.couriers for p in platforms)
    return CourierStatistics(
        place=StatisticsPlace.model_validate(scope.place.model_dump()) if scope.place else None,
        from_=span.first_day,
        to=span.last_day,
        days=len(days),
        visits=VisitTotals(
            total=total,
            registered=registered,
            anonymous=total - registered,
            per_day=round(total / len(days), 1),
        ),
        couriers=CourierTotals(
            unique=unique, repeat=RepeatRate(rate=_rate(repeaters, unique), n=repeaters, d=unique)
        ),
        daily=list(daily.values()),
        by_hour=by_hour,
        heatmap=heatmap,
        services=dict(sorted(services.items(), key=lambda kv: (-kv[1], kv[0]))),
        platforms=sorted(platforms, key=lambda p: (-p.couriers, p.platform)),
        volunteer_hours=await confirmed_hours(session, scope.path, span=span),
    )


async def for_place(
    session: AsyncSession,
    *,
    ctx: CourierContext,
    principal: Principal,
    place_id: uuid.UUID | None,
    first_day: date | None,
    last_day: date | None,
) -> CourierStatistics:
    scope = await scope_for(ctx.directory, principal, place_id, PERM_READ)
    span = period(first_day, last_day, today=ctx.clock.local_now().date())
    return await compute(session, scope, span=span)
