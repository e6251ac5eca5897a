"""The medicine kit and supplies of a warm station: items, restocks, and uses at a visit.

Stock never goes negative: a use is one conditional UPDATE (`quantity >= n`) judged by its
rowcount, so concurrent uses of the last pack leave one winner on SQLite (BEGIN IMMEDIATE)
and on PostgreSQL (the row lock, the condition re-checked after the other commits); the
table's CHECK refuses whatever slipped past. Expiry is judged on the station's local day
(Asia/Shanghai): an item is usable through its expiry date. An expired item is refused
(409 `item_expired`) and the refusal raises an alert to the on-duty staff, which is the one
thing that refusal stores (kit.errors' keep_changes); an item out of stock is a 409
`item_out_of_stock` and stores nothing.

Which medicine a named courier took is health data: a use row links to its visit (and so to
the courier) only until the retention sweep cuts it (supply_alerts.unlink_old_uses); the
uses are never written to the visit's event trail or to a log.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier import permissions
from services.courier.models import (
    Station,
    SupplyAlert,
    SupplyItem,
    SupplyRestock,
    SupplyUse,
    Visit,
)
from services.courier.schemas.supplies import (
    KitItem,
    RestockIn,
    SupplyItemIn,
    SupplyItemOut,
    SupplyItemUpdate,
)
from services.courier.supply_alerts import raise_alert
from services.kit.auth import Principal
from services.kit.clock import LOCAL_TZ
from services.kit.errors import Conflict, FieldError, InvalidInput, NotFound
from services.kit.pagination import PageParams, fetch_page

PERM_READ = permissions.SUPPLIES_READ
PERM_MANAGE = permissions.SUPPLIES_MANAGE
PERM_DISPENSE = permissions.SUPPLIES_DISPENSE


def local_day(now: datetime) -> date:
    """The station's day (Beijing time): what expiry dates are judged against."""
    return now.astimezone(LOCAL_TZ).date()


def item_not_found() -> NotFound:
    return NotFound("item_not_found", "药箱里没有这件物品。")


def is_expired(item: SupplyItem, today: date) -> bool:
    return item.expires_on is not None and item.expires_on < today


def is_near_expiry(item: SupplyItem, today: date, *, days: int) -> bool:
    return (
        item.expires_on is not None
        and not is_expired(item, today)
        and item.expires_on <= today + timedelta(days=days)
    )


def describe(item: SupplyItem, *, today: date, near_expiry_days: int) -> SupplyItemOut:
    return SupplyItemOut(
        id=item.id,
        station_id=item.station_id,
        name=item.name,
        kind=item.kind,
        unit=item.unit,
        quantity=item.quantity,
        low_stock_threshold=item.low_stock_threshold,
        expires_on=item.expires_on,
        low_stock=item.quantity <= item.low_stock_threshold,
        near_expiry=item.quantity > 0 and is_near_expiry(item, today, days=near_expiry_days),
        expired=item.quantity > 0 and is_expired(item, today),
        stocked_at=item.stocked_at,
        updated_at=item.updated_at,
    )


def on_offer(item: SupplyItem, *, today: date) -> KitItem:
    return KitItem(
        id=item.id,
        name=item.name,
        kind=item.kind,
        unit=item.unit,
        available=item.quantity > 0 and not is_expired(item, today),
    )


def _expiry_required() -> InvalidInput:
    return InvalidInput(
        "expiry_required",
        "药品必须填写有效期。",
        errors=[FieldError(pointer="/body/expires_on", detail="required for medicine")],
    )


def _name_taken(name: str) -> Conflict:
    return Conflict("item_exists", f"药箱里已经有“{name}”了，请直接补货。")


async def items_at(session: AsyncSession, station: Station) -> list[SupplyItem]:
    return list(
        await session.scalars(
            select(SupplyItem)
            .where(SupplyItem.station_id == station.id)
            .order_by(SupplyItem.kind, SupplyItem.name)
        )
    )


async def item_at(session: AsyncSession, item_id: uuid.UUID, *, station: Station) -> SupplyItem:
    item = await session.get(SupplyItem, item_id)
    if item is None or item.station_id != station.id:
        raise item_not_found()
    return item


async def add_item(
    session: AsyncSession,
    station: Station,
    *,
    data: SupplyItemIn,
    principal: Principal,
    now: datetime,
) -> SupplyItem:
    """A new item of the station's kit, with its first stock (a restock record if any)."""
    if data.kind == "medicine" and data.expires_on is None:
        raise _expiry_required()
    name = data.name.strip()
    item = SupplyItem(
        id=uuid.uuid4(),
        station_id=station.id,
        station_path=station.place_path,
        name=name,
        kind=data.kind,
        unit=data.unit.strip(),
        quantity=data.quantity,
        low_stock_threshold=data.low_stock_threshold,
        expires_on=data.expires_on,
        stocked_at=now,
        created_at=now,
        updated_at=now,
        updated_by=principal.actor,
    )
    try:
        async with session.begin_nested():  # the same name added twice at once
            session.add(item)
            await session.flush()
    except IntegrityError as exc:
        raise _name_taken(name) from exc
    if data.quantity > 0:
        session.add(
            SupplyRestock(
                id=uuid.uuid4(),
                item_id=item.id,
                quantity=data.quantity,
                written_off=0,
                expires_on=data.expires_on,
                at=now,
                actor=principal.actor,
                actor_name=principal.actor_name,
            )
        )
        await session.flush()
    return item


async def update_item(
    session: AsyncSession,
    item: SupplyItem,
    *,
    data: SupplyItemUpdate,
    principal: Principal,
    now: datetime,
) -> SupplyItem:
    if data.name is not None and data.name.strip() != item.name:
        taken = await session.scalar(
            select(SupplyItem.id).where(
                SupplyItem.station_id == item.station_id, SupplyItem.name == data.name.strip()
            )
        )
        if taken is not None:
            raise _name_taken(data.name.strip())
        item.name = data.name.strip()
    if data.unit is not None:
        item.unit = data.unit.strip()
    if data.low_stock_threshold is not None:
        item.low_stock_threshold = data.low_stock_threshold
    item.updated_at, item.updated_by = now, principal.actor
    await session.flush()
    return item


async def restock(
    session: AsyncSession,
    item: SupplyItem,
    *,
    data: RestockIn,
    principal: Principal,
    now: datetime,
) -> SupplyRestock:
    """Add stock (and take `written_off` old ones off the shelf); the item then keeps until
    the earliest expiry on the shelf, and a new stock period begins for low-stock alerts."""
    if item.kind == "medicine" and data.expires_on is None:
        raise _expiry_required()
    locked = await session.get(SupplyItem, item.id, with_for_update=True, populate_existing=True)
    assert locked is not None
    if data.written_off > locked.quantity:
        raise InvalidInput(
            "written_off_exceeds_stock",
            f"架上只有 {locked.quantity}{locked.unit}，不能下架更多。",
            errors=[FieldError(pointer="/body/written_off", detail="more than in stock")],
        )
    left = locked.quantity - data.written_off
    # All of the old stock gone: its expiry goes with it; otherwise the earliest one stays.
    expiries = [d for d in (locked.expires_on if left else None, data.expires_on) if d]
    locked.quantity = left + data.quantity
    locked.expires_on = min(expiries) if expiries else None
    locked.stocked_at = locked.updated_at = now
    locked.updated_by = principal.actor
    record = SupplyRestock(
        id=uuid.uuid4(),
        item_id=locked.id,
        quantity=data.quantity,
        written_off=data.written_off,
        expires_on=data.expires_on,
        batch=data.batch.strip() if data.batch else None,
        at=now,
        actor=principal.actor,
        actor_name=principal.actor_name,
    )
    session.add(record)
    await session.flush()
    return record


async def restocks_of(
    session: AsyncSession, item: SupplyItem, *, page: PageParams
) -> tuple[list[SupplyRestock], int]:
    return await fetch_page(
        session,
        select(SupplyRestock)
        .where(SupplyRestock.item_id == item.id)
        .order_by(SupplyRestock.at.desc(), SupplyRestock.id),
        page=page,
    )


async def use_item(
    session: AsyncSession,
    visit: Visit,
    *,
    item_id: uuid.UUID,
    quantity: int,
    recorded_by: str,
    staff_actor: str | None,
    now: datetime,
) -> SupplyUse:
    """Take `quantity` of an item of the visit's station during the open visit."""
    if visit.status != "open" or visit.closes_at <= now:
        raise Conflict("visit_not_open", "这次到访已经结束了。")
    item = await session.get(SupplyItem, item_id)
    if item is None or item.station_id != visit.station_id:
        raise InvalidInput(
            "item_not_found",
            "药箱里没有这件物品。",
            errors=[FieldError(pointer="/body/item_id", detail="not in this station's kit")],
        )
    today = local_day(now)
    if item.quantity > 0 and is_expired(item, today):
        await raise_alert(session, item, condition="expired", now=now)
        # The alert is the one thing this refusal keeps: no use, no stock taken.
        raise Conflict(
            "item_expired",
            f"{item.name}已过期，不能领用，已通知驿站值班人员更换。",
            keep_changes=True,
            expired_on=item.expires_on.isoformat() if item.expires_on else None,
        )
    taken = await session.execute(
        update(SupplyItem)
        .where(SupplyItem.id == item.id, SupplyItem.quantity >= quantity)
        .values(quantity=SupplyItem.quantity - quantity)
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        await session.refresh(item)
        raise Conflict(
            "item_out_of_stock",
            f"{item.name}库存不足（剩 {item.quantity}{item.unit}），请联系驿站工作人员。",
            available=item.quantity,
        )
    await session.refresh(item)
    use = SupplyUse(
        id=uuid.uuid4(),
        item_id=item.id,
        station_id=item.station_id,
        station_path=item.station_path,
        visit_id=visit.id,
        quantity=quantity,
        used_at=now,
        recorded_by=recorded_by,
        staff_actor=staff_actor,
    )
    session.add(use)
    await session.flush()
    if item.quantity <= item.low_stock_threshold:
        await raise_alert(session, item, condition="low_stock", now=now)
    return use


async def uses_on_visit(session: AsyncSession, visit: Visit) -> list[tuple[SupplyUse, SupplyItem]]:
    rows = await session.execute(
        select(SupplyUse, SupplyItem)
        .join(SupplyItem, SupplyItem.id == SupplyUse.item_id)
        .where(SupplyUse.visit_id == visit.id)
        .order_by(SupplyUse.used_at, SupplyUse.id)
    )
    return [(use, item) for use, item in rows.all()]


async def alerts_at(
    session: AsyncSession, station: Station, *, page: PageParams
) -> tuple[list[tuple[SupplyAlert, str]], int]:
    """The alerts raised about the station's kit, newest first, with each item's name."""
    rows, total = await fetch_page(
        session,
        select(SupplyAlert)
        .join(SupplyItem, SupplyItem.id == SupplyAlert.item_id)
        .where(SupplyItem.station_id == station.id)
        .order_by(SupplyAlert.raised_at.desc(), SupplyAlert.id),
        page=page,
    )
    found = await session.execute(
        select(SupplyItem.id, SupplyItem.name).where(SupplyItem.id.in_({a.item_id for a in rows}))
    )
    names = {item_id: name for item_id, name in found.all()}
    return [(a, names[a.item_id]) for a in rows], total
