"""What needs doing at the warm stations, for the console's home page (kit.todo's shape).

Visits still open past their limit (the auto check-out worker is behind or stopped),
volunteer hours to confirm (`volunteering.todo_items`), and the kit's items at or under their
low-stock threshold and expiring (within the near-expiry setting, expired ones included).
Each is a count within the caller's places; `counter(...)` lists them all for the app's
`GET /v1/todo` (the kit's "expiring" depends on a setting, hence a counter made at start).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier import volunteering
from services.courier.models import SupplyItem, Visit
from services.courier.stations import PERM_READ
from services.courier.supplies import PERM_READ as PERM_SUPPLIES
from services.courier.supplies import local_day
from services.kit.auth import Principal
from services.kit.scope import within_any
from services.kit.todo import Label, TodoCounter, TodoItem


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
            # The open visits in the desk's list: the live view leaves those past their limit out.
            link="/console/courier/visits?status=open",
        ),
    ]


async def count_supplies(
    session: AsyncSession, principal: Principal, *, now: datetime, near_expiry_days: int
) -> list[TodoItem]:
    """The kit's items at or under their threshold, and those expiring: one query."""
    paths = principal.scope_paths(PERM_SUPPLIES)
    if not paths:
        return []
    soon = local_day(now) + timedelta(days=near_expiry_days)
    low, expiring = (
        await session.execute(
            select(
                func.coalesce(
                    func.sum(
                        case((SupplyItem.quantity <= SupplyItem.low_stock_threshold, 1), else_=0)
                    ),
                    0,
                ),
                func.coalesce(
                    func.sum(
                        case(
                            ((SupplyItem.quantity > 0) & (SupplyItem.expires_on <= soon), 1),
                            else_=0,
                        )
                    ),
                    0,
                ),
            ).where(within_any(SupplyItem.station_path, paths))
        )
    ).one()
    return [
        TodoItem(
            key="courier.supplies_low",
            label=Label(zh_cn="药箱物资库存不足", en="Kit items running low"),
            count=int(low),
            link="/console/courier/supplies?filter=low_stock",
        ),
        TodoItem(
            key="courier.supplies_expiring",
            label=Label(zh_cn="药品物资临期或过期", en="Kit items expiring"),
            count=int(expiring),
            link="/console/courier/supplies?filter=expiring",
        ),
    ]


def counter(*, near_expiry_days: int) -> TodoCounter:
    """Everything the stations need done, in the order the console's home shows it."""

    async def count(
        session: AsyncSession, principal: Principal, *, now: datetime
    ) -> list[TodoItem]:
        return [
            *await _visits_past_limit(session, principal, now=now),
            *await volunteering.todo_items(session, principal, now=now),
            *await count_supplies(session, principal, now=now, near_expiry_days=near_expiry_days),
        ]

    return count
