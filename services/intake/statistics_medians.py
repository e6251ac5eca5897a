"""The median minutes to a response and to a resolution (definitions: statistics.py).

On SQLite the times are sorted in Python; on PostgreSQL, percentile_cont over the tickets,
except where the daily rows answer (statistics_reads.py): a year of a district holds about
900,000 times, and sorting them was the statistics' main cost. There each median is two
short reads: the period's histogram of times (36 buckets of minutes, kept per community
and day, migration 0011) tells which bucket holds the middle and at which place in it; that
bucket's few thousand times are then read in order from the tickets' index of minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from statistics import median
from typing import Any, Literal

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Float,
    Integer,
    String,
    and_,
    cast,
    distinct,
    func,
    literal,
    select,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import Ticket
from services.intake.statistics_reads import _in, response_time, summary
from services.kit.coverage import Period
from services.kit.scope import within

# The medians' buckets, lower bounds in minutes (bucket i, from 1, holds [EDGES[i - 1],
# EDGES[i])); migration 0011's ticket_day_figures_bucket holds the same.
EDGES = (
    float("-inf"), 0, 1, 2, 3, 4, 6, 8, 11, 16, 23, 32, 45, 64, 91, 128, 181, 256, 362, 512,
    724, 1024, 1448, 2048, 2896, 4096, 5793, 8192, 11585, 16384, 23170, 32768, 46341, 65536,
    92682, 131072,
)  # fmt: skip
BUCKETS = len(EDGES)


@dataclass(frozen=True)
class _Times:
    """One median's times: the tickets' minutes, the milestone that puts them in a period,
    which tickets count, and the summary rows' column of their histogram."""

    minutes: Any
    at: Any
    counted: ColumnElement[bool]
    buckets: str


def _times() -> tuple[_Times, _Times]:
    return (
        _Times(Ticket.responded_minutes, response_time(), true(), "ack_buckets"),
        _Times(
            Ticket.resolved_minutes,
            Ticket.resolved_at,
            Ticket.status != "duplicate",
            "resolve_buckets",
        ),
    )


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
    span: Period,
    live: Period | None,
    days: tuple[str, date, date] | None,
) -> tuple[float | None, float | None]:
    """The median minutes to a response and to a resolution of the tickets under `where`
    in `span`: `days` (path, first, last) are answered by the daily rows' histograms, the
    rest (`live`) by the tickets."""
    if days is not None:
        middles = await _by_histogram(session, span=span, live=live, days=days)
        if middles is not None:
            return middles
    answered = response_time()
    responded = and_(where, _in(answered, span.start, span.end))
    resolved = and_(
        where, _in(Ticket.resolved_at, span.start, span.end), Ticket.status != "duplicate"
    )
    if session.get_bind().dialect.name != "postgresql":
        # SQLite has no ordered-set aggregates: the durations are sorted here.
        pairs = await session.execute(select(Ticket.created_at, answered).where(responded))
        ends = await session.execute(select(Ticket.created_at, Ticket.resolved_at).where(resolved))
        return _median_minutes(pairs), _median_minutes(ends)
    found = [
        select(func.percentile_cont(0.5).within_group(_minutes(Ticket.created_at, later)))
        .where(condition)
        .scalar_subquery()
        for later, condition in ((answered, responded), (Ticket.resolved_at, resolved))
    ]
    acknowledge, resolve = (await session.execute(select(*found))).one()
    return _rounded(acknowledge), _rounded(resolve)


async def _by_histogram(
    session: AsyncSession, *, span: Period, live: Period | None, days: tuple[str, date, date]
) -> tuple[float | None, float | None] | None:
    """Each median in two short reads instead of sorting the period's times: the period's
    histogram (the days' rows, plus the live period's tickets) tells which bucket holds the
    middle and at which place in it; that bucket's times are then read in order from the
    tickets' index of minutes, for the communities the days' rows hold under the path.
    None if the tickets moved between the reads (a session outside one snapshot)."""
    path, first, last = days
    kinds = _times()
    rows = summary(path, first, last)
    sums = [
        func.sum(type_coerce(rows.c[kind.buckets], ARRAY(Integer))[i])
        for kind in kinds
        for i in range(1, BUCKETS + 1)
    ]
    *totals, codes = (
        await session.execute(select(*sums, func.array_agg(distinct(rows.c.community_code))))
    ).one()
    histograms = [[int(n or 0) for n in totals[k * BUCKETS : (k + 1) * BUCKETS]] for k in (0, 1)]
    communities = set(codes or ())
    if live is not None:
        where = within(Ticket.place_path, path)
        today = union_all(
            *(
                select(
                    literal(k).label("kind"),
                    func.ticket_day_figures_bucket(kind.minutes).label("bucket"),
                    Ticket.community_code,
                    func.count().label("n"),
                )
                .where(where, kind.counted, _in(kind.at, live.start, live.end))
                .group_by(func.ticket_day_figures_bucket(kind.minutes), Ticket.community_code)
                for k, kind in enumerate(kinds)
            )
        )
        for k, bucket, community, n in await session.execute(today):
            histograms[k][bucket - 1] += n
            communities.add(community)
    found = []
    for kind, histogram in zip(kinds, histograms, strict=True):
        middle = await _middle(session, kind, histogram, span=span, codes=sorted(communities))
        if middle is False:
            return None
        found.append(middle)
    return found[0], found[1]


async def _middle(
    session: AsyncSession, kind: _Times, histogram: list[int], *, span: Period, codes: list[str]
) -> float | Literal[False] | None:
    """The median of `kind`'s times whose `histogram` is given; False if they disagree."""
    count = sum(histogram)
    if not count:
        return None
    # The middle places (from 0): one for an odd count, two to interpolate for an even one.
    low, high = (count - 1) // 2, count // 2
    # The buckets holding them, and how many times come before the first.
    ends = list(accumulate(histogram))
    bucket = next(i for i, end in enumerate(ends) if end > low)
    last = next(i for i, end in enumerate(ends) if end > high)
    before = ends[bucket] - histogram[bucket]
    condition = [
        _in(kind.at, span.start, span.end),
        kind.counted,
        Ticket.community_code.in_(select(func.unnest(literal(codes, ARRAY(String))))),
    ]
    if bucket:
        condition.append(kind.minutes >= EDGES[bucket])
    if last + 1 < BUCKETS:
        condition.append(kind.minutes < EDGES[last + 1])
    values = (
        (
            await session.execute(
                select(kind.minutes)
                .where(*condition)
                .order_by(kind.minutes)
                .offset(low - before)
                .limit(high - low + 1)
            )
        )
        .scalars()
        .all()
    )
    if len(values) != high - low + 1:
        return False
    # As percentile_cont(0.5): the lower middle plus half the way to the upper one.
    return _rounded(values[0] + (values[-1] - values[0]) * 0.5)
