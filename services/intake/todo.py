"""What needs doing in intake, for the console's home page: tickets to acknowledge, overdue
and due today, counted in the caller's places (kit.todo's shape)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import OPEN_STATUSES, Ticket
from services.intake.tickets import PERM_READ, overdue_clause
from services.kit.auth import Principal
from services.kit.clock import LOCAL_TZ
from services.kit.scope import within_any
from services.kit.todo import Label, TodoItem


def end_of_local_day(now: datetime) -> datetime:
    """Midnight after `now` in Beijing: "today" is the street office's day, not UTC's."""
    today = now.astimezone(LOCAL_TZ).date()
    return datetime.combine(today + timedelta(days=1), time(0), LOCAL_TZ)


def due_before_clause(at: datetime) -> ColumnElement[bool]:
    """The ticket's next deadline (respond while submitted, else resolve) is before `at`:
    the same pairing as tickets.overdue_clause."""
    return or_(
        and_(Ticket.status == "submitted", Ticket.due_respond_at < at),
        and_(Ticket.status.in_(OPEN_STATUSES), Ticket.due_resolve_at < at),
    )


async def count_todo(
    session: AsyncSession, principal: Principal, *, now: datetime
) -> list[TodoItem]:
    paths = principal.scope_paths(PERM_READ)
    if not paths:
        return []  # no intake role anywhere: nothing of intake's to show
    overdue = overdue_clause(now)
    due_today = and_(due_before_clause(end_of_local_day(now)), ~overdue)

    def counted(clause: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((clause, 1), else_=0)), 0)

    submitted, late, today = (
        await session.execute(
            select(
                counted(Ticket.status == "submitted"), counted(overdue), counted(due_today)
            ).where(within_any(Ticket.place_path, paths))
        )
    ).one()
    return [
        TodoItem(
            key="intake.submitted",
            label=Label(zh_cn="待受理", en="To acknowledge"),
            count=int(submitted),
            link="/console/tickets?status=submitted",
        ),
        TodoItem(
            key="intake.overdue",
            label=Label(zh_cn="已超时", en="Overdue"),
            count=int(late),
            link="/console/tickets?overdue=1",
        ),
        TodoItem(
            key="intake.due_today",
            label=Label(zh_cn="今日到期", en="Due today"),
            count=int(today),
            link="/console/tickets",
        ),
    ]
