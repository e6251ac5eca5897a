"""The three rates and the figures around them, for a place and a period (DOMAIN.md).

Everything is read from one table, `tickets`, whose row keeps each milestone time; the
event log is the audit trail, not the statistics' source. At a district's scale (a million
tickets) a year is read from a summary per community and day or week that PostgreSQL keeps
from the tickets; statistics_reads.py says how (statistics_medians.py for the medians), and
migrations 0010 and 0011 hold the same definitions.

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
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, case, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import statistics_reads as reads
from services.intake.context import IntakeContext
from services.intake.models import Ticket
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
from services.intake.statistics_medians import medians
from services.intake.statistics_reads import Figures, Tallies, Weeks, response_time
from services.intake.tickets import PERM_READ
from services.kit.auth import Principal
from services.kit.clock import LOCAL_TZ
from services.kit.coverage import Period, Scope, period, scope_for, week_label
from services.kit.scope import SEPARATOR, within

__all__ = ["compute", "finish_time", "for_place", "response_time"]

# The daily rows are per community: they answer for a scope that holds whole communities.
WHOLE_COMMUNITIES = ("district", "street", "community")


def finish_time() -> ColumnElement[datetime]:
    """When the ticket reached resolved, rejected or escalated (duplicates: never)."""
    return case(
        (Ticket.status == "rejected", Ticket.closed_at),
        (Ticket.status == "escalated", Ticket.escalated_at),
        (Ticket.status == "duplicate", None),
        else_=Ticket.resolved_at,
    )


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


def _counts(figures: Figures) -> TicketCounts:
    by: dict[str, dict[str, int]] = {key: {} for key in reads.COUNT_KEYS}
    for key, n in figures.counts.items():
        kind, _, value = key.partition(":")
        if n:
            by[kind][value] = n
    return TicketCounts(
        total=sum(by["status"].values()),
        by_status=by["status"],
        by_category=by["category"],
        by_source=by["source"],
        by_priority=by["priority"],
    )


def _weekly(span: Period, figures: Figures) -> list[WeekTrend]:
    return [
        WeekTrend(week=week_label(monday), starts_on=monday, **row)
        for (monday, _), row in zip(span.weeks(), figures.weekly, strict=True)
    ]


def _by_community(figures: Figures) -> list[CommunityFigures]:
    return [
        CommunityFigures(
            community_code=code,
            total=t.reported,
            rates=three_rates(t),
            never_escalated_share=ratio(t.never_escalated, t.settled),
            hotline_share=ratio(t.hotline, t.reported),
            reopen_rate=ratio(t.reopened, t.resolved),
        )
        for code, t in sorted(figures.communities.items())
        # Skipped: tickets there, but none that count in this period.
        if t.any()
    ]


def _split(
    session: AsyncSession, scope: Scope, span: Period, now: datetime
) -> tuple[tuple[date, date] | None, Period | None]:
    """The days read from the daily rows and the period read from the tickets."""
    whole = scope.place.kind in WHOLE_COMMUNITIES if scope.place else scope.path == SEPARATOR
    if session.get_bind().dialect.name != "postgresql" or not whole:
        return None, span
    today = now.astimezone(LOCAL_TZ).date()
    days = (span.first_day, min(span.last_day, today - timedelta(days=1)))
    live = Period(max(span.first_day, today), span.last_day)
    return (
        days if days[0] <= days[1] else None,
        live if live.first_day <= live.last_day else None,
    )


async def compute(
    session: AsyncSession, scope: Scope, *, span: Period, now: datetime
) -> Statistics:
    """Every figure of the dashboard for tickets under `scope` in `span`."""
    where = within(Ticket.place_path, scope.path)
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        if not session.in_transaction():
            # One snapshot for every read below: the medians' histogram and the times read
            # after it, the daily rows and today's tickets, must agree.
            await session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        # Plans for these period and place, not a generic one: after five runs of a prepared
        # statement PostgreSQL may settle on a plan blind to the bounds (a pass over today's
        # tickets went from 7 ms to 170 ms).
        await session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    figures = Figures(Weeks(span, dialect))
    days, live = _split(session, scope, span, now)
    if days is not None:
        await reads.read_days(session, scope.path, first=days[0], last=days[1], figures=figures)
    if live is not None:
        await reads.read_tickets(session, where, span=live, now=now, figures=figures)
    acknowledge, resolve = await medians(
        session, where, span=span, live=live, days=(scope.path, *days) if days else None
    )
    respond_late, resolve_late = await reads.overdue(session, where, now=now)
    t = figures.total
    return Statistics(
        place=PlaceOut.model_validate(scope.place.model_dump()) if scope.place else None,
        from_=span.first_day,
        to=span.last_day,
        counts=_counts(figures),
        rates=three_rates(t),
        never_escalated_share=ratio(t.never_escalated, t.settled),
        median_minutes=MedianMinutes(acknowledge=acknowledge, resolve=resolve),
        overdue=OverdueNow(respond=respond_late, resolve=resolve_late, as_of=now),
        hotline_share=ratio(t.hotline, t.reported),
        reopen_rate=ratio(t.reopened, t.resolved),
        weekly=_weekly(span, figures),
        by_community=_by_community(figures),
    )


async def for_place(
    session: AsyncSession,
    *,
    ctx: IntakeContext,
    principal: Principal,
    place_id: uuid.UUID | None,
    first_day: date | None,
    last_day: date | None,
) -> Statistics:
    scope = await scope_for(ctx.directory, principal, place_id, PERM_READ)
    span = period(first_day, last_day, today=ctx.clock.local_now().date())
    return await compute(session, scope, span=span, now=ctx.clock.now())
