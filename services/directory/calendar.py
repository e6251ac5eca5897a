"""Public holidays and make-up workdays, kept by staff as data.

China moves weekends around its holidays (调休): a Saturday can be a workday and a Thursday a
holiday, so "working day" is the weekday rule corrected by this table. Later services use it
for closures and for deadlines counted in working days.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.directory import permissions
from services.directory.models import CalendarDay
from services.kit.errors import InvalidInput, NotFound

PERM_CALENDAR_WRITE = permissions.CALENDAR_WRITE
MAX_WORKING_DAYS = 366


async def days_in_year(session: AsyncSession, year: int) -> list[CalendarDay]:
    rows = await session.scalars(
        select(CalendarDay)
        .where(CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31))
        .order_by(CalendarDay.day)
    )
    return list(rows)


async def set_day(
    session: AsyncSession, *, day: date, kind: str, name: str, actor: str, now: datetime
) -> CalendarDay:
    weekend = day.weekday() >= 5
    if kind == "workday" and not weekend:
        raise InvalidInput("not_a_weekend", "A make-up workday must fall on a Saturday or Sunday.")
    entry = await session.get(CalendarDay, day)
    if entry is None:
        entry = CalendarDay(day=day, kind=kind, name=name, updated_at=now, updated_by=actor)
        session.add(entry)
    else:
        entry.kind, entry.name, entry.updated_at, entry.updated_by = kind, name, now, actor
    await session.flush()
    return entry


async def remove_day(session: AsyncSession, *, day: date) -> None:
    entry = await session.get(CalendarDay, day)
    if entry is None:
        raise NotFound("calendar_day_not_found", "That day is an ordinary day already.")
    await session.delete(entry)


async def working_day(session: AsyncSession, day: date) -> tuple[bool, str]:
    entry = await session.get(CalendarDay, day)
    if entry is not None:
        return entry.kind == "workday", entry.name
    return (day.weekday() < 5), ("weekday" if day.weekday() < 5 else "weekend")


async def add_working_days(session: AsyncSession, *, start: date, days: int) -> date:
    """The date `days` working days after `start` (start itself not counted)."""
    if not 0 <= days <= MAX_WORKING_DAYS:
        raise InvalidInput("days_out_of_range", f"days must be 0 to {MAX_WORKING_DAYS}.")
    # One query for the whole window: holidays never stretch a year by more than ~30 days.
    window_end = start + timedelta(days=days * 2 + 40)
    exceptions = {
        e.day: e.kind
        for e in await session.scalars(
            select(CalendarDay).where(CalendarDay.day > start, CalendarDay.day <= window_end)
        )
    }
    current, remaining = start, days
    while remaining > 0:
        current += timedelta(days=1)
        kind = exceptions.get(current)
        is_working = kind == "workday" if kind else current.weekday() < 5
        if is_working:
            remaining -= 1
    return current
