"""Where the statistics' numbers come from (the definitions: statistics.py's docstring).

Two sources give the same numbers:

- **the tickets**, one grouped pass per milestone (created, response deadline, finish and
  resolution, rating): each pass reads the tickets whose milestone falls in the period, a
  range on that milestone's index, and counts them per community and ISO week;
- **the daily rows** (`ticket_day_figures`, kept by a trigger on PostgreSQL, migration
  0010): the same counters per community and Beijing day, read for the days before today
  when the scope holds whole communities. Today (and any later day of the period) is still
  read from the tickets: whether a response deadline counts depends on the time of asking.

Both fill one `Figures`: in all, per community, per week. Medians are taken in SQL on
PostgreSQL (percentile_cont over the days' stored minutes and today's tickets) and in
Python on SQLite.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from statistics import median
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Interval,
    Select,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import OPEN_CONDITION, Ticket, TicketDayFigures
from services.kit.coverage import Period, local_midnight
from services.kit.db import UTCDateTime
from services.kit.scope import within

SATISFIED_FROM = 4
WEEK = timedelta(days=7)
COUNT_KEYS = ("status", "category", "source", "priority")


def response_time() -> ColumnElement[datetime | None]:
    """The first staff move out of `submitted` (see statistics.py)."""
    return Ticket.responded_at.expression


def _in(column: Any, start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(column >= start, column < end)


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


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

    def add(self, counts: dict[str, int]) -> None:
        for name, n in counts.items():
            setattr(self, name, getattr(self, name) + n)

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


COUNTERS = tuple(f.name for f in fields(Tallies))
# A week row's fields and the counter each one is.
WEEK_FIELDS = {
    "reported": "reported",
    "resolved": "resolved",
    "response_due": "response_due",
    "responded_on_time": "response_on_time",
    "rated": "rated",
    "satisfied": "satisfied",
}


class Weeks:
    """The period's ISO weeks, and the SQL that tells which one a time falls in: arithmetic
    from the first Monday (Beijing keeps no summer time, a week is always 7 x 24 h)."""

    def __init__(self, span: Period, dialect: str) -> None:
        self.mondays = [monday for monday, _ in span.weeks()]
        self.origin = local_midnight(self.mondays[0])
        self.dialect = dialect

    def of_time(self, column: Any) -> ColumnElement[Any]:
        if self.dialect == "postgresql":
            return func.date_bin(
                literal(WEEK, Interval()), column, literal(self.origin, UTCDateTime())
            )
        seconds = cast(func.strftime("%s", column), Integer) - int(self.origin.timestamp())
        return seconds // int(WEEK.total_seconds())

    def of_day(self, column: Any) -> ColumnElement[Any]:
        return (column - literal(self.mondays[0])) // 7

    def index(self, bucket: Any) -> int:
        if isinstance(bucket, datetime):
            return (bucket - self.origin) // WEEK
        return int(bucket)


@dataclass
class Figures:
    """The counters of one subtree and period: in all, per community, per week, and the
    counts of the period's reports ("status:closed" -> n)."""

    weeks: Weeks
    total: Tallies = field(default_factory=Tallies)
    communities: dict[str, Tallies] = field(default_factory=dict)
    weekly: list[dict[str, int]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.weekly = [dict.fromkeys(WEEK_FIELDS, 0) for _ in self.weeks.mondays]

    def add(self, community: str, week: Any, counts: dict[str, int]) -> None:
        self.total.add(counts)
        self.communities.setdefault(community, Tallies()).add(counts)
        if week is None:
            return
        row = self.weekly[self.weeks.index(week)]
        for name, counter in WEEK_FIELDS.items():
            row[name] += counts.get(counter, 0)


# --- from the tickets: one grouped pass per milestone ------------------------------------------


@dataclass(frozen=True)
class _Pass:
    """The tickets whose milestone falls in the period (`where`, served by that milestone's
    index), counted per community and per week of `week_of`: each counter is the number of
    those rows meeting its condition (None: every row)."""

    where: ColumnElement[bool]
    week_of: Any  # a time column
    counters: dict[str, ColumnElement[bool] | None]


WIDTH = 6  # counters in the widest pass: the passes are one UNION ALL of equal rows


def _finished(start: datetime, end: datetime) -> ColumnElement[bool]:
    """The finish time (statistics.finish_time) in the period."""
    return or_(
        and_(Ticket.status == "rejected", _in(Ticket.closed_at, start, end)),
        and_(Ticket.status == "escalated", _in(Ticket.escalated_at, start, end)),
        and_(
            Ticket.status.not_in(("rejected", "escalated", "duplicate")),
            _in(Ticket.resolved_at, start, end),
        ),
    )


def _passes(span: Period, now: datetime) -> list[_Pass]:
    start, end = span.start, span.end
    finished = _finished(start, end)
    settled = and_(finished, Ticket.status != "rejected")
    resolved = and_(_in(Ticket.resolved_at, start, end), Ticket.status != "duplicate")
    answered = response_time()
    return [
        _Pass(
            _in(Ticket.created_at, start, end),
            Ticket.created_at,
            {"reported": None, "hotline": Ticket.source == "hotline"},
        ),
        _Pass(
            # Counted once the outcome is known: answered, or the deadline has passed.
            and_(
                _in(Ticket.due_respond_at, start, end),
                or_(answered.is_not(None), Ticket.due_respond_at < now),
            ),
            Ticket.due_respond_at,
            {
                "response_due": None,
                "response_on_time": and_(answered.is_not(None), answered <= Ticket.due_respond_at),
            },
        ),
        _Pass(
            # Each arm a range on one index; the counters sort the rows out.
            or_(
                _in(Ticket.resolved_at, start, end),
                _in(Ticket.closed_at, start, end),
                _in(Ticket.escalated_at, start, end),
            ),
            case((resolved, Ticket.resolved_at), else_=None),
            {
                "finished": finished,
                "resolved_not_reopened": and_(
                    finished, Ticket.status.in_(("resolved", "closed")), Ticket.reopen_count == 0
                ),
                "settled": settled,
                "never_escalated": and_(settled, Ticket.escalated_at.is_(None)),
                "resolved": resolved,
                "reopened": and_(resolved, Ticket.reopen_count > 0),
            },
        ),
        _Pass(
            and_(_in(Ticket.rated_at, start, end), Ticket.rating.is_not(None)),
            Ticket.rated_at,
            {"rated": None, "satisfied": Ticket.rating >= SATISFIED_FROM},
        ),
    ]


def _pass_select(number: int, step: _Pass, where: ColumnElement[bool], weeks: Weeks) -> Select[Any]:
    flags = [
        (literal(1) if condition is None else case((condition, 1), else_=0)).label(f"c{i}")
        for i, condition in enumerate(step.counters.values())
    ]
    # Grouped in an outer query: PostgreSQL would not match an expression with bound
    # parameters written twice (select list and GROUP BY) as one.
    rows = (
        select(
            Ticket.community_code.label("community"),
            weeks.of_time(step.week_of).label("week"),
            *flags,
        )
        .where(where, step.where)
        .subquery()
    )
    sums = [func.sum(rows.c[f"c{i}"]) for i in range(len(flags))]
    return select(
        literal(number).label("pass"),
        rows.c.community,
        rows.c.week,
        *sums,
        *[literal(0) for _ in range(WIDTH - len(sums))],
    ).group_by(rows.c.community, rows.c.week)


async def read_tickets(
    session: AsyncSession,
    where: ColumnElement[bool],
    *,
    span: Period,
    now: datetime,
    figures: Figures,
) -> None:
    """Add the counters and counts of `span` read from the tickets under `where`."""
    passes = _passes(span, now)
    union = union_all(
        *(_pass_select(n, step, where, figures.weeks) for n, step in enumerate(passes))
    )
    for number, community, week, *values in await session.execute(union):
        counters = passes[number].counters
        # Each pass fills its own counters; the rest of the row is padding.
        counts = dict(zip(counters, (int(v or 0) for v in values), strict=False))
        figures.add(community, week, counts)
    rows = await session.execute(
        select(Ticket.status, Ticket.category, Ticket.source, Ticket.priority, func.count())
        .where(where, _in(Ticket.created_at, span.start, span.end))
        .group_by(Ticket.status, Ticket.category, Ticket.source, Ticket.priority)
    )
    for *values, n in rows:
        for key, value in zip(COUNT_KEYS, values, strict=True):
            figures.counts[f"{key}:{value}"] += int(n)


# --- from the daily rows ------------------------------------------------------------------------


def _days(path: str, first: date, last: date) -> ColumnElement[bool]:
    return and_(
        TicketDayFigures.day >= first,
        TicketDayFigures.day <= last,
        within(TicketDayFigures.community_path, path),
    )


async def read_days(
    session: AsyncSession, path: str, *, first: date, last: date, figures: Figures
) -> None:
    """Add the counters and counts of the days [first, last] of the communities under
    `path`, read from the daily rows."""
    where = _days(path, first, last)
    rows = (
        select(
            TicketDayFigures.community_code.label("community"),
            figures.weeks.of_day(TicketDayFigures.day).label("week"),
            *(getattr(TicketDayFigures, name) for name in COUNTERS),
        )
        .where(where)
        .subquery()
    )
    grouped = select(
        rows.c.community, rows.c.week, *(func.sum(rows.c[name]) for name in COUNTERS)
    ).group_by(rows.c.community, rows.c.week)
    for community, week, *values in await session.execute(grouped):
        figures.add(community, week, dict(zip(COUNTERS, (int(v) for v in values), strict=True)))
    each = func.jsonb_each_text(TicketDayFigures.counts).table_valued("key", "value")
    counts = await session.execute(
        select(each.c.key, func.sum(cast(each.c.value, Integer)))
        .select_from(TicketDayFigures)
        .join(each, true())
        .where(where)
        .group_by(each.c.key)
    )
    for key, n in counts:
        figures.counts[key] += int(n)


# --- medians ----------------------------------------------------------------------------------


def _minutes(earlier: Any, later: Any) -> ColumnElement[Any]:
    # As Python's (later - earlier).total_seconds() / 60: exact seconds, then a double.
    return cast(func.extract("epoch", later - earlier), Float) / 60


def _median_minutes(pairs: Any) -> float | None:
    minutes = [(later - earlier).total_seconds() / 60 for earlier, later in pairs]
    return round(median(minutes), 1) if minutes else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


async def medians(
    session: AsyncSession,
    where: ColumnElement[bool],
    *,
    live: Period | None,
    days: tuple[str, date, date] | None,
) -> tuple[float | None, float | None]:
    """The median minutes to a response and to a resolution: over the `days` (path, first,
    last) of the daily rows and the tickets of the `live` period."""
    answered = response_time()
    parts: dict[str, list[Select[Any]]] = {"ack": [], "resolve": []}
    if live is not None:
        responded = and_(where, _in(answered, live.start, live.end))
        resolved = and_(
            where,
            _in(Ticket.resolved_at, live.start, live.end),
            Ticket.status != "duplicate",
        )
        if session.get_bind().dialect.name != "postgresql":
            # SQLite has no ordered-set aggregates: the durations are sorted here.
            pairs = await session.execute(select(Ticket.created_at, answered).where(responded))
            ends = await session.execute(
                select(Ticket.created_at, Ticket.resolved_at).where(resolved)
            )
            return _median_minutes(pairs), _median_minutes(ends)
        parts["ack"].append(
            select(_minutes(Ticket.created_at, answered).label("m")).where(responded)
        )
        parts["resolve"].append(
            select(_minutes(Ticket.created_at, Ticket.resolved_at).label("m")).where(resolved)
        )
    if days is not None:
        on_days = _days(*days)
        for name, column in (
            ("ack", TicketDayFigures.ack_minutes),
            ("resolve", TicketDayFigures.resolve_minutes),
        ):
            parts[name].append(select(func.unnest(column).label("m")).where(on_days))
    found = []
    for selects in parts.values():
        values = (selects[0] if len(selects) == 1 else union_all(*selects)).subquery()
        found.append(select(func.percentile_cont(0.5).within_group(values.c.m)).scalar_subquery())
    acknowledge, resolve = (await session.execute(select(*found))).one()
    return _rounded(acknowledge), _rounded(resolve)


async def overdue(
    session: AsyncSession, where: ColumnElement[bool], *, now: datetime
) -> tuple[int, int]:
    respond, resolve = (
        await session.execute(
            select(
                _count(and_(Ticket.status == "submitted", Ticket.due_respond_at < now)),
                _count(Ticket.due_resolve_at < now),
            )
            # Written out, so the planner sees the partial index's own condition.
            .where(where, text(OPEN_CONDITION))
        )
    ).one()
    return int(respond), int(resolve)
