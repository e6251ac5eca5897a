"""What needs doing in intake, for the console's home page: tickets to acknowledge, overdue
and due today, counted in the caller's places (kit.todo's shape)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.inbox import due_today_clause
from services.intake.models import Ticket
from services.intake.tickets import PERM_READ, overdue_clause
from services.kit.auth import Principal
from services.kit.scope import within_any
from services.kit.todo import Label, TodoItem


async def count_todo(
    session: AsyncSession, principal: Principal, *, now: datetime
) -> list[TodoItem]:
    paths = principal.scope_paths(PERM_READ)
    if not paths:
        return []  # no intake role anywhere: nothing of intake's to show
    overdue = overdue_clause(now)
    due_today = due_today_clause(now)

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
            link="/console/tickets?due_today=1",
        ),
    ]
