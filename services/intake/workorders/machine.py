"""The work-order state machine (on kit.machine) and the one way through it: `move_order`
writes the `work_order_events` row of every move, `move` is the same for a mover's step on
a loaded order. The vocabularies and accesses the other modules share are here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import lifecycle, permissions
from services.intake.models import Ticket, WorkOrder, WorkOrderEvent
from services.intake.tickets import PERM_HANDLE, PERM_READ
from services.kit import events
from services.kit.auth import Principal
from services.kit.machine import Machine, transition
from services.kit.permissions import Access

PERM_WORK = permissions.WORKORDERS_WORK
# Who reads an order: its organisation (contractor), or staff who read the ticket.
READ_ACCESS = Access(PERM_WORK, (PERM_READ,))
# Who moves it: its contractor; staff confirm or return the work.
WORK_ACCESS = Access(PERM_WORK)
CONFIRM_ACCESS = Access(PERM_HANDLE)
OPEN_ORDER_STATUSES = ("offered", "accepted", "in_progress", "done")
# Who takes work orders: contractors, and property companies (物业 + 专业公司, DOMAIN.md).
WORKING_KINDS = ("contractor", "property_company")
# The photos a contractor adds to a ticket through its order.
WORK_PURPOSES = frozenset({"evidence_before", "evidence_after", "progress"})
Side = Literal["contractor", "staff"]


MACHINE = Machine(
    "work order",
    (
        transition("accept", "offered", "accepted", "contractor", milestone="accepted_at"),
        transition(
            "decline",
            "offered",
            "declined",
            "contractor",
            requires="reason",
            milestone="declined_at",
        ),
        transition("start", "accepted", "in_progress", "contractor", milestone="started_at"),
        transition("progress", "in_progress", "in_progress", "contractor", requires="note"),
        transition(
            "done", "in_progress", "done", "contractor", requires="note", milestone="done_at"
        ),
        transition("confirm", "done", "confirmed", "staff", milestone="confirmed_at"),
        transition("return", "done", "in_progress", "staff", requires="reason"),
        # Taken by the ticket's move, never asked for: the ticket left the contractor's hands.
        transition(
            "cancel", " ".join(OPEN_ORDER_STATUSES), "cancelled", "ticket", milestone="cancelled_at"
        ),
    ),
)


@dataclass(frozen=True)
class Mover:
    """Who moves an order: their side, and the same caller as an actor on the ticket."""

    side: Side
    ticket_actor: lifecycle.Actor

    @property
    def who(self) -> events.Actor:
        return self.ticket_actor.who

    @classmethod
    def contractor(cls, principal: Principal, ticket: Ticket) -> Mover:
        return cls("contractor", lifecycle.Actor.contractor(principal, ticket))

    @classmethod
    def staff(cls, principal: Principal, ticket: Ticket) -> Mover:
        return cls("staff", lifecycle.Actor.staff(principal, ticket))


@dataclass(frozen=True)
class Loaded:
    """An order and its ticket, loaded together (`queries.load`)."""

    order: WorkOrder
    ticket: Ticket


def allowed_actions(principal: Principal, found: Loaded, side: Side) -> list[str]:
    """What the caller may do to the order now: its contractor's moves, or the answer of
    staff who handle the ticket (staff who only read it may do nothing)."""
    may = side == "contractor" or principal.can(PERM_HANDLE, found.ticket.place_path)
    return MACHINE.allowed_actions(found.order.status, {side} if may else set())


async def move_order(
    session: AsyncSession,
    order: WorkOrder,
    ticket: Ticket,
    action: str,
    roles: frozenset[str],
    who: events.Actor,
    now: datetime,
    *,
    note: str | None = None,
    detail: dict[str, Any] | None = None,
) -> WorkOrderEvent:
    step = MACHINE.find(order.status, action, roles)
    previous = MACHINE.enter(order, step, now)
    event = WorkOrderEvent(
        work_order_id=order.id,
        from_status=previous,
        to_status=step.target,
        action=action,
        **who.columns(),
        public_note=note,
        at=now,
        detail=detail or {},
    )
    order.updated_at = now
    # The polled staff inbox changes with the ticket's updated_at: a decline shows there.
    ticket.updated_at = now
    session.add(event)
    await session.flush()
    return event


async def move(
    session: AsyncSession,
    found: Loaded,
    mover: Mover,
    action: str,
    now: datetime,
    *,
    note: str | None = None,
    detail: dict[str, Any] | None = None,
) -> WorkOrderEvent:
    return await move_order(
        session,
        found.order,
        found.ticket,
        action,
        frozenset({mover.side}),
        mover.who,
        now,
        note=note,
        detail=detail,
    )
