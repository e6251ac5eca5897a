"""The three rates and the figures around them, for a place and a period (DOMAIN.md).

Everything is read from one table, `tickets`, whose row keeps each milestone time; the
event log is the audit trail, not the statistics' source. Counters are SQL aggregates
(conditional sums, the same on SQLite and PostgreSQL); only the medians are computed in
Python, over the durations of the matching tickets (a portable median in SQL is not worth
it at a community's or a street's volume).

The period is a range of Beijing local days, both ends inclusive: [from 00:00, to + 1 day
00:00) Asia/Shanghai. The place is a subtree: tickets whose `place_path` lies under it.

Definitions (each rate is shown with its numerator and denominator; a rate is null when
its denominator is 0):

- **Response** (响应率) = acknowledged on time / response deadline fell in the period.
  A ticket's *response* is the first staff move out of `submitted` (`responded_at`, set
  once by lifecycle): acknowledging it, or assigning, rejecting or merging it straight
  away (reading a report and merging or refusing it is answering it); a later
  reassignment does not change it. On time = response <= `due_respond_at`.
  The deadline "fell in the period" when `due_respond_at` is in the period; a ticket is
  counted once its outcome is known, i.e. it has been answered or its deadline has passed
  (a deadline later today with no answer yet is neither on time nor late).
- **Resolution** (解决率) = resolved and not reopened / finished in the period.
  Finished = reached resolved, closed, rejected or escalated, the milestone in the period:
  `closed_at` for rejected, `escalated_at` for escalated, `resolved_at` otherwise (so a
  resolved ticket that was reopened still counts in the denominator, at its last
  resolution). Duplicates are excluded. Resolved and not reopened = status resolved or
  closed with `reopen_count` = 0.
- **Satisfaction** (满意率) = ratings of 4-5 / ratings given in the period (`rated_at`).
- **Never escalated** (不出楼门, 不出社区) = finished tickets that were not rejected and never
  escalated / finished tickets that were not rejected (a rejection settles nothing).
- **Hotline share** = reported with source `hotline` / reported in the period
  (`created_at`); duplicates included: each is a case someone raised.
- **Reopen rate** = reopened (`reopen_count` > 0) / tickets whose last resolution
  (`resolved_at`) is in the period.
- **Medians**, in minutes from the report: to the response (as above) for responses in
  the period; to `resolved_at` for resolutions in the period.
- **Overdue** is a snapshot at the request's time, whatever the period, and matches the
  inbox's `overdue` flag: submitted past the response deadline; open past the resolution
  deadline (a ticket may be in both).
- **Counts** are of tickets reported in the period, by their current status and by
  category, source and priority.
- **Weekly** rows are ISO weeks in Beijing time; the first and last week are clipped to
  the period. Each counter is taken in the week its milestone fell in.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from statistics import median
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.context import IntakeContext
from services.intake.models import OPEN_STATUSES, Ticket
from services.intake.schemas.common import PlaceOut
from services.intake.schemas.statistics import (
    CommunityFigures,
    MedianMinutes,
    OverdueNow,
    Ratio,
    ResolutionRate,
    ResponseRate,
    SatisfactionRate,
    Statistics,
    ThreeRates,
    TicketCounts,
    WeekTrend,
)
from services.intake.tickets import PERM_READ
from services.kit.auth import Principal
from services.kit.coverage import Period, Scope, period, scope_for, week_label
from services.kit.scope import within

SATISFIED_FROM = 4


# --- the ticket row's derived times ---------------------------------------------------------


def response_time() -> ColumnElement[datetime | None]:
    """The first staff move out of `submitted` (see the module docstring)."""
    return Ticket.responded_at.expression


def finish_time() -> ColumnElement[datetime]:
    """When the ticket reached resolved, rejected or escalated (duplicates: never)."""
    return case(
        (Ticket.status == "rejected", Ticket.closed_at),
        (Ticket.status == "escalated", Ticket.escalated_at),
        (Ticket.status == "duplicate", None),
        else_=Ticket.resolved_at,
    )


def _in(column: Any, start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(column >= start, column < end)


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


# --- the counters ---------------------------------------------------------------------------


@dataclass
class Tallies:
    """The counters behind the rates, for one subtree (or one community) and one period."""

    reported: int = 0
    hotline: int = 0
    response_due: int = 0
    response_on_time: int = 0
    finished: int = 0
    resolved_not_reopened: int = 0
    settled: int = 0  # finished, not rejected
    never_escalated: int = 0
    resolved: int = 0
    reopened: int = 0
    rated: int = 0
    satisfied: int = 0


def _response_due(start: datetime, end: datetime, now: datetime) -> ColumnElement[bool]:
    # Counted once the outcome is known: answered, or the deadline has passed.
    answered = response_time()
    return and_(
        _in(Ticket.due_respond_at, start, end),
        or_(answered.is_not(None), Ticket.due_respond_at < now),
    )


def _on_time() -> ColumnElement[bool]:
    answered = response_time()
    return and_(answered.is_not(None), answered <= Ticket.due_respond_at)


def _tally_columns(span: Period, now: datetime) -> list[ColumnElement[int]]:
    start, end = span.start, span.end
    reported = _in(Ticket.created_at, start, end)
    due = _response_due(start, end, now)
    finished = _in(finish_time(), start, end)
    settled = and_(finished, Ticket.status != "rejected")
    resolved = and_(_in(Ticket.resolved_at, start, end), Ticket.status != "duplicate")
    rated = and_(_in(Ticket.rated_at, start, end), Ticket.rating.is_not(None))
    conditions: dict[str, ColumnElement[bool]] = {
        "reported": reported,
        "hotline": and_(reported, Ticket.source == "hotline"),
        "response_due": due,
        "response_on_time": and_(due, _on_time()),
        "finished": finished,
        "resolved_not_reopened": and_(
            finished, Ticket.status.in_(("resolved", "closed")), Ticket.reopen_count == 0
        ),
        "settled": settled,
        "never_escalated": and_(settled, Ticket.escalated_at.is_(None)),
        "resolved": resolved,
        "reopened": and_(resolved, Ticket.reopen_count > 0),
        "rated": rated,
        "satisfied": and_(rated, Ticket.rating >= SATISFIED_FROM),
    }
    assert list(conditions) == [f.name for f in fields(Tallies)]
    return [_count(condition).label(name) for name, condition in conditions.items()]


def _tallies(row: Sequence[Any]) -> Tallies:
    return Tallies(*(int(value or 0) for value in row))


def ratio(n: int, d: int) -> Ratio:
    return Ratio(rate=_rate(n, d), n=n, d=d)


def _rate(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def three_rates(t: Tallies) -> ThreeRates:
    return ThreeRates(
        response=ResponseRate(
            rate=_rate(t.response_on_time, t.response_due),
            on_time=t.response_on_time,
            due=t.response_due,
        ),
        resolution=ResolutionRate(
            rate=_rate(t.resolved_not_reopened, t.finished),
            resolved_not_reopened=t.resolved_not_reopened,
            finished=t.finished,
        ),
        satisfaction=SatisfactionRate(
            rate=_rate(t.satisfied, t.rated), satisfied=t.satisfied, rated=t.rated
        ),
    )


async def _counts(session: AsyncSession, where: ColumnElement[bool], span: Period) -> TicketCounts:
    rows = await session.execute(
        select(Ticket.status, Ticket.category, Ticket.source, Ticket.priority, func.count())
        .where(where, _in(Ticket.created_at, span.start, span.end))
        .group_by(Ticket.status, Ticket.category, Ticket.source, Ticket.priority)
    )
    by: dict[str, dict[str, int]] = {"status": {}, "category": {}, "source": {}, "priority": {}}
    total = 0
    for status, category, source, priority, n in rows:
        for key, value in (
            ("status", status),
            ("category", category),
            ("source", source),
            ("priority", priority),
        ):
            by[key][value] = by[key].get(value, 0) + int(n)
        total += int(n)
    return TicketCounts(
        total=total,
        by_status=by["status"],
        by_category=by["category"],
        by_source=by["source"],
        by_priority=by["priority"],
    )


def _median_minutes(pairs: Sequence[Any]) -> float | None:
    minutes = [(later - earlier).total_seconds() / 60 for earlier, later in pairs]
    return round(median(minutes), 1) if minutes else None


async def _medians(
    session: AsyncSession, where: ColumnElement[bool], span: Period
) -> MedianMinutes:
    answered = response_time()
    responses = await session.execute(
        select(Ticket.created_at, answered).where(where, _in(answered, span.start, span.end))
    )
    resolutions = await session.execute(
        select(Ticket.created_at, Ticket.resolved_at).where(
            where, _in(Ticket.resolved_at, span.start, span.end), Ticket.status != "duplicate"
        )
    )
    return MedianMinutes(
        acknowledge=_median_minutes(responses.all()), resolve=_median_minutes(resolutions.all())
    )


async def _overdue(session: AsyncSession, where: ColumnElement[bool], now: datetime) -> OverdueNow:
    respond, resolve = (
        await session.execute(
            select(
                _count(and_(Ticket.status == "submitted", Ticket.due_respond_at < now)),
                _count(and_(Ticket.status.in_(OPEN_STATUSES), Ticket.due_resolve_at < now)),
            ).where(where)
        )
    ).one()
    return OverdueNow(respond=int(respond), resolve=int(resolve), as_of=now)


async def _by_week(
    session: AsyncSession,
    where: ColumnElement[bool],
    span: Period,
    column: Any,
    condition: ColumnElement[bool],
    hit: ColumnElement[bool] | None = None,
) -> dict[str, tuple[int, int]]:
    """Per ISO week label: (tickets whose `column` falls in that week, of them `hit`)."""
    weeks = span.weeks()
    bucket = case(
        *[(column < following, week_label(monday)) for monday, following in weeks], else_=None
    )
    # Grouped in an outer query: PostgreSQL would not match a CASE with bound parameters
    # written twice (select list and GROUP BY) as one expression.
    inner = (
        select(
            bucket.label("week"),
            (case((hit, 1), else_=0) if hit is not None else literal(0)).label("hit"),
        )
        .where(where, _in(column, span.start, span.end), condition)
        .subquery()
    )
    rows = await session.execute(
        select(inner.c.week, func.count(), func.coalesce(func.sum(inner.c.hit), 0)).group_by(
            inner.c.week
        )
    )
    return {str(week): (int(n), int(hits)) for week, n, hits in rows}


async def _weekly(
    session: AsyncSession, where: ColumnElement[bool], span: Period, now: datetime
) -> list[WeekTrend]:
    reported = await _by_week(session, where, span, Ticket.created_at, true())
    resolved = await _by_week(
        session, where, span, Ticket.resolved_at, Ticket.status != "duplicate"
    )
    response = await _by_week(
        session,
        where,
        span,
        Ticket.due_respond_at,
        _response_due(span.start, span.end, now),
        _on_time(),
    )
    ratings = await _by_week(
        session,
        where,
        span,
        Ticket.rated_at,
        Ticket.rating.is_not(None),
        Ticket.rating >= SATISFIED_FROM,
    )
    trend = []
    for monday, _ in span.weeks():
        label = week_label(monday)
        due, on_time = response.get(label, (0, 0))
        rated, satisfied = ratings.get(label, (0, 0))
        trend.append(
            WeekTrend(
                week=label,
                starts_on=monday,
                reported=reported.get(label, (0, 0))[0],
                resolved=resolved.get(label, (0, 0))[0],
                response_due=due,
                responded_on_time=on_time,
                rated=rated,
                satisfied=satisfied,
            )
        )
    return trend


async def _by_community(
    session: AsyncSession, where: ColumnElement[bool], span: Period, now: datetime
) -> list[CommunityFigures]:
    rows = await session.execute(
        select(Ticket.community_code, *_tally_columns(span, now))
        .where(where)
        .group_by(Ticket.community_code)
        .order_by(Ticket.community_code)
    )
    figures = []
    for code, *values in rows:
        if not any(values):
            continue  # tickets there, but none that count in this period
        t = _tallies(values)
        figures.append(
            CommunityFigures(
                community_code=code,
                total=t.reported,
                rates=three_rates(t),
                never_escalated_share=ratio(t.never_escalated, t.settled),
                hotline_share=ratio(t.hotline, t.reported),
                reopen_rate=ratio(t.reopened, t.resolved),
            )
        )
    return figures


async def compute(session: AsyncSession, scope: Scope, span: Period, now: datetime) -> Statistics:
    """Every figure of the dashboard for tickets under `scope` in `span`."""
    where = within(Ticket.place_path, scope.path)
    t = _tallies((await session.execute(select(*_tally_columns(span, now)).where(where))).one())
    return Statistics(
        place=PlaceOut.model_validate(scope.place.model_dump()) if scope.place else None,
        from_=span.first_day,
        to=span.last_day,
        counts=await _counts(session, where, span),
        rates=three_rates(t),
        never_escalated_share=ratio(t.never_escalated, t.settled),
        median_minutes=await _medians(session, where, span),
        overdue=await _overdue(session, where, now),
        hotline_share=ratio(t.hotline, t.reported),
        reopen_rate=ratio(t.reopened, t.resolved),
        weekly=await _weekly(session, where, span, now),
        by_community=await _by_community(session, where, span, now),
    )


async def for_place(
    session: AsyncSession,
    ctx: IntakeContext,
    principal: Principal,
    *,
    place_id: uuid.UUID | None,
    first_day: date | None,
    last_day: date | None,
) -> Statistics:
    scope = await scope_for(ctx.directory, principal, place_id, PERM_READ)
    span = period(first_day, last_day, today=ctx.clock.local_now().date())
    return await compute(session, scope, span, ctx.clock.now())
