"""Where the statistics' numbers come from (the definitions: statistics.py's docstring).

Two sources give the same numbers:

- **the tickets**, one grouped pass per milestone (created, response deadline, finish and
  resolution, rating): each pass reads the tickets whose milestone falls in the period, a
  range on that milestone's index, and counts them per community and ISO week;
- **the summary rows** (`ticket_day_figures` and `ticket_week_figures`, kept by a trigger
  on PostgreSQL, migrations 0010 and 0011): the same counters per community and Beijing
  day or ISO week, read for the days before today when the scope holds whole communities
  (a week row for each whole week, a day row for each day at either end). Today (and any
  later day of the period) is still read from the tickets: whether a response deadline
  counts depends on the time of asking.

Both fill one `Figures`: in all, per community, per week. The medians are
statistics_medians.py's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Interval,
    Select,
    Subquery,
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

from services.intake.models import OPEN_CONDITION, Ticket, TicketDayFigures, TicketWeekFigures
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


# --- from the daily and weekly rows -------------------------------------------------------------

SUMMARY = (*COUNTERS, "counts", "ack_buckets", "resolve_buckets")


def summary(path: str, first: date, last: date) -> Subquery:
    """The figures of the communities under `path` for the days [first, last]: a week
    row for each whole ISO week, a day row for each day at either end. `day` is the day,
    or the week's Monday."""
    monday = first + timedelta(days=-first.weekday() % 7)
    sunday = last - timedelta(days=(last.weekday() + 1) % 7)
    ends = [(first, last)]
    parts: list[Select[Any]] = []
    if monday + timedelta(days=6) <= sunday:
        ends = [(first, monday - timedelta(days=1)), (sunday + timedelta(days=1), last)]
        weeks = TicketWeekFigures
        parts.append(
            select(weeks.community_code, weeks.week.label("day"), *_columns(weeks)).where(
                weeks.week >= monday,
                weeks.week <= sunday,
                within(weeks.community_path, path),
            )
        )
    days = TicketDayFigures
    for start, end in ends:
        if start <= end:
            parts.append(
                select(days.community_code, days.day, *_columns(days)).where(
                    days.day >= start, days.day <= end, within(days.community_path, path)
                )
            )
    return union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()


def _columns(table: Any) -> list[Any]:
    return [getattr(table, name) for name in SUMMARY]


async def read_days(
    session: AsyncSession, path: str, *, first: date, last: date, figures: Figures
) -> None:
    """Add the counters and counts of the days [first, last] of the communities under
    `path`, read from the daily and weekly rows."""
    rows = summary(path, first, last)
    week = figures.weeks.of_day(rows.c.day).label("week")
    inner = select(rows.c.community_code.label("community"), week, *(rows.c[n] for n in COUNTERS))
    by_week = inner.subquery()
    grouped = select(
        by_week.c.community, by_week.c.week, *(func.sum(by_week.c[n]) for n in COUNTERS)
    ).group_by(by_week.c.community, by_week.c.week)
    for community, week_index, *values in await session.execute(grouped):
        figures.add(
            community, week_index, dict(zip(COUNTERS, (int(v) for v in values), strict=True))
        )
    each = func.jsonb_each_text(rows.c.counts).table_valued("key", "value")
    counts = await session.execute(
        select(each.c.key, func.sum(cast(each.c.value, Integer)))
        .select_from(rows)
        .join(each, true())
        .group_by(each.c.key)
    )
    for key, n in counts:
        figures.counts[key] += int(n)


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
