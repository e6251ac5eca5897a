"""What needs doing at the warm stations, for the console's home page (kit.todo's shape).

Visits still open past their limit (the auto check-out worker is behind or stopped) and
volunteer hours to confirm (`volunteering.todo_items`). The supplies (low stock, expiring
items) add theirs here, each a count within the caller's places: append to `count_todo`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier import volunteering
from services.courier.models import Visit
from services.courier.stations import PERM_READ
from services.kit.auth import Principal
from services.kit.scope import within_any
from services.kit.todo import Label, TodoItem


async def count_todo(
    session: AsyncSession, principal: Principal, *, now: datetime
) -> list[TodoItem]:
    items = await _visits_past_limit(session, principal, now=now)
    items += await volunteering.todo_items(session, principal, now=now)
    return items


async def _visits_past_limit(
    session: AsyncSession, principal: Principal, *, now: datetime
) -> list[TodoItem]:
    paths = principal.scope_paths(PERM_READ)
    if not paths:
        return []  # no courier role anywhere: nothing of the stations' to show
    overdue = await session.scalar(
        select(func.count())
        .select_from(Visit)
        .where(
            Visit.status == "open",
            Visit.closes_at <= now,
            within_any(Visit.station_path, paths),
        )
    )
    return [
        TodoItem(
            key="courier.visits_past_limit",
            label=Label(zh_cn="超时未签退", en="Visits past their limit"),
            count=int(overdue or 0),
            link="/console/courier",
        ),
    ]
