"""Finding a work order and who may read it; the caller's list, an order's trail, a
ticket's orders. The contractor's and the staff's loaders for a move are with their moves.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import Ticket, WorkOrder, WorkOrderEvent
from services.intake.tickets import PERM_READ
from services.intake.workorders.machine import PERM_WORK, READ_ACCESS, Loaded, Side
from services.kit.auth import Principal
from services.kit.errors import NotFound, PermissionDenied
from services.kit.scope import within_any


def hidden_order() -> NotFound:
    return NotFound("work_order_not_found", "No such work order.")


async def load(session: AsyncSession, order_id: uuid.UUID, *, lock: bool) -> Loaded:
    ticket_id = await session.scalar(select(WorkOrder.ticket_id).where(WorkOrder.id == order_id))
    if ticket_id is None:
        raise hidden_order()
    # The ticket first, then the order: the order staff moves take them in.
    ticket = await session.get(Ticket, ticket_id, with_for_update=lock)
    order = await session.get(WorkOrder, order_id, with_for_update=lock)
    if ticket is None or order is None:
        raise hidden_order()
    return Loaded(order, ticket)


def organisation_of(principal: Principal) -> uuid.UUID | None:
    try:
        return uuid.UUID(principal.organisation_id) if principal.organisation_id else None
    except ValueError:
        return None


def is_theirs(principal: Principal, found: Loaded) -> bool:
    return organisation_of(principal) == found.order.organisation_id and principal.can(
        PERM_WORK, found.ticket.place_path
    )


def is_community_staff(principal: Principal, found: Loaded) -> bool:
    """Staff (no organisation) with a role over the ticket's place: they know it exists."""
    return principal.organisation_id is None and principal.sees(found.ticket.place_path)


async def for_reader(
    session: AsyncSession, principal: Principal, order_id: uuid.UUID
) -> tuple[Loaded, Side]:
    """An order to look at, and as whom: its contractor, or staff who read the ticket."""
    found = await load(session, order_id, lock=False)
    if is_theirs(principal, found):
        return found, "contractor"
    if any(principal.can(p, found.ticket.place_path) for p in READ_ACCESS.alternatives):
        return found, "staff"
    if is_community_staff(principal, found):
        raise PermissionDenied("forbidden", f"Your roles here do not include {PERM_READ}.")
    raise hidden_order()


def list_query(principal: Principal, *, status: str | None = None) -> Select[Any]:
    """The caller's orders, scoped in the query: a contractor's own organisation's orders in
    its places; for staff, the orders of the tickets they read."""
    organisation_id = organisation_of(principal)
    theirs: ColumnElement[bool] = false()
    if organisation_id is not None:
        theirs = and_(
            WorkOrder.organisation_id == organisation_id,
            within_any(Ticket.place_path, principal.scope_paths(PERM_WORK)),
        )
    query = (
        select(WorkOrder)
        .join(Ticket, Ticket.id == WorkOrder.ticket_id)
        .where(or_(theirs, within_any(Ticket.place_path, principal.scope_paths(PERM_READ))))
    )
    if status is not None:
        query = query.where(WorkOrder.status == status)
    return query.order_by(WorkOrder.offered_at.desc(), WorkOrder.id)


async def tickets_of(session: AsyncSession, orders: Sequence[WorkOrder]) -> dict[uuid.UUID, Ticket]:
    ids = {order.ticket_id for order in orders}
    if not ids:
        return {}
    return {t.id: t for t in await session.scalars(select(Ticket).where(Ticket.id.in_(ids)))}


async def last_done(session: AsyncSession, order: WorkOrder) -> WorkOrderEvent | None:
    return await session.scalar(
        select(WorkOrderEvent)
        .where(WorkOrderEvent.work_order_id == order.id, WorkOrderEvent.action == "done")
        .order_by(WorkOrderEvent.id.desc())
        .limit(1)
    )


async def events_of(
    session: AsyncSession, order_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[WorkOrderEvent]]:
    grouped: dict[uuid.UUID, list[WorkOrderEvent]] = {i: [] for i in order_ids}
    if not order_ids:
        return grouped
    rows = await session.scalars(
        select(WorkOrderEvent)
        .where(WorkOrderEvent.work_order_id.in_(list(order_ids)))
        .order_by(WorkOrderEvent.id)
    )
    for event in rows:
        grouped[event.work_order_id].append(event)
    return grouped


async def of_ticket(session: AsyncSession, ticket_id: uuid.UUID) -> list[WorkOrder]:
    rows = await session.scalars(
        select(WorkOrder)
        .where(WorkOrder.ticket_id == ticket_id)
        .order_by(WorkOrder.offered_at, WorkOrder.number)
    )
    return list(rows)


async def place_code_of(session: AsyncSession, order_id: uuid.UUID) -> str | None:
    """The place code of an order's ticket, read before a write transaction begins so its
    address is asked of directory outside it (kit.calls); None for no such order."""
    code: str | None = await session.scalar(
        select(Ticket.place_code)
        .join(WorkOrder, WorkOrder.ticket_id == Ticket.id)
        .where(WorkOrder.id == order_id)
    )
    return code
