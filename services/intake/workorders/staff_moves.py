"""The staff's moves on work orders: assigning a ticket to an organisation offers it an
order, the ticket leaving the contractor's hands cancels the open one, and staff handling
the ticket confirm the work done or return it (`for_staff`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import lifecycle
from services.intake.models import Ticket, TicketMedia, WorkOrder, WorkOrderEvent
from services.intake.tickets import PERM_HANDLE, IntakeContext
from services.intake.workorders.machine import (
    MACHINE,
    OPEN_ORDER_STATUSES,
    PERM_WORK,
    WORKING_KINDS,
    Loaded,
    Mover,
    move,
    move_order,
)
from services.intake.workorders.queries import (
    hidden_order,
    is_community_staff,
    is_theirs,
    last_done,
    load,
)
from services.kit.auth import Principal
from services.kit.clients.identity import CoveredPlace, Organisation
from services.kit.errors import Conflict, FieldError, InvalidInput, PermissionDenied
from services.kit.scope import is_within

# --- Offering, cancelling: staff assign the ticket


ASSIGNEE_POINTER = "/body/assignee_ref"


@dataclass(frozen=True)
class Contractor:
    """The organisation an assignment names, and the places where it takes work orders
    (its keys' and its workers' places, as identity knows them)."""

    organisation: Organisation
    places: tuple[CoveredPlace, ...]

    def covers(self, place_path: str) -> bool:
        return any(is_within(place_path, place.path) for place in self.places)


async def _organisation(ctx: IntakeContext, ref: str) -> Organisation:
    pointer = ASSIGNEE_POINTER
    try:
        organisation_id = uuid.UUID(ref)
    except ValueError:
        raise InvalidInput(
            "unknown_organisation",
            "Name the contractor organisation by its id.",
            errors=[FieldError(pointer=pointer, detail="not an id", code="unknown_organisation")],
        ) from None
    organisation = await ctx.identity.organisation(organisation_id, pointer=pointer)
    if organisation.kind not in WORKING_KINDS:
        raise InvalidInput(
            "not_a_contractor",
            "Work orders go to contractors and property companies.",
            errors=[FieldError(pointer=pointer, detail=organisation.kind, code="not_a_contractor")],
        )
    return organisation


async def contractor_for(
    ctx: IntakeContext, *, assignee_kind: str, assignee_ref: str
) -> Contractor | None:
    """The organisation an assignment names and where it works (None for staff and teams),
    asked of identity before the request's first statement: a call made while the ticket is
    locked would hold the lock (and, on SQLite, every writer) for as long as identity takes
    (kit.calls)."""
    if assignee_kind != "contractor":
        return None
    organisation = await _organisation(ctx, assignee_ref)
    places = await ctx.identity.coverage(
        organisation.id, permission=PERM_WORK, pointer=ASSIGNEE_POINTER
    )
    return Contractor(organisation, tuple(places))


def _not_covering(contractor: Contractor) -> Conflict:
    names = [place.name for place in contractor.places]
    where = "、".join(names) if names else "no place"
    return Conflict(
        "contractor_not_covering_place",
        f"{contractor.organisation.name} takes work orders only at: {where}. Its keys and "
        "workers do not cover this ticket's place, so no one there could work on the order.",
        errors=[
            FieldError(
                pointer=ASSIGNEE_POINTER,
                detail="does not cover the ticket's place",
                code="contractor_not_covering_place",
            )
        ],
        organisation_name=contractor.organisation.name,
        covered_places=names,
    )


async def assign(
    session: AsyncSession,
    *,
    ticket: Ticket,
    actor: lifecycle.Actor,
    now: datetime,
    assignee_kind: Literal["staff", "team", "contractor"],
    assignee_ref: str,
    contractor: Contractor | None,
    note: str | None = None,
    instructions: str | None = None,
) -> WorkOrder | None:
    """Assign (or reassign) the ticket; to an organisation (resolved by `contractor_for`),
    with a work order offered to it, if it works at the ticket's place (409
    `contractor_not_covering_place` otherwise). The open order of the previous assignment,
    if any, is cancelled."""
    if assignee_kind == "contractor":
        if contractor is None:
            raise ValueError("a contractor assignment needs its organisation")
        if not contractor.covers(ticket.place_path):
            raise _not_covering(contractor)
        assignee_ref = str(contractor.organisation.id)
    elif instructions is not None:
        raise InvalidInput(
            "instructions_for_contractors",
            "Instructions go with a work order: assign to a contractor organisation.",
            errors=[
                FieldError(pointer="/body/instructions", detail="contractors only", code="invalid")
            ],
        )
    event = await lifecycle.assign(
        session,
        ticket=ticket,
        actor=actor,
        now=now,
        assignee_kind=assignee_kind,
        assignee_ref=assignee_ref,
        note=note,
    )
    await cancel_open(session, ticket=ticket, actor=actor, now=now, because=event.action)
    if contractor is None:
        return None
    organisation = contractor.organisation
    order = await _offer(session, ticket, organisation, actor, now, instructions=instructions)
    event.detail = {
        **event.detail,
        "work_order": order.number,
        "organisation_name": organisation.name,
    }
    return order


async def _offer(
    session: AsyncSession,
    ticket: Ticket,
    organisation: Organisation,
    actor: lifecycle.Actor,
    now: datetime,
    *,
    instructions: str | None,
) -> WorkOrder:
    # The ticket row is locked (tickets.for_staff): two assignments cannot share a number.
    count = await session.scalar(
        select(func.count()).select_from(WorkOrder).where(WorkOrder.ticket_id == ticket.id)
    )
    order = WorkOrder(
        id=uuid.uuid4(),
        number=f"{ticket.number}-W{int(count or 0) + 1}",
        ticket_id=ticket.id,
        organisation_id=organisation.id,
        organisation_name=organisation.name[:100],
        status="offered",
        instructions=(instructions or "").strip() or None,
        offered_at=now,
        return_count=0,
        offered_by=actor.label,
        updated_at=now,
    )
    session.add(order)
    await session.flush()
    session.add(
        WorkOrderEvent(
            work_order_id=order.id,
            from_status=None,
            to_status="offered",
            action="offer",
            **actor.who.columns(),
            public_note=order.instructions,
            at=now,
            detail={
                "organisation_id": str(organisation.id),
                "organisation_name": order.organisation_name,
            },
        )
    )
    await session.flush()
    return order


async def cancel_open(
    session: AsyncSession, *, ticket: Ticket, actor: lifecycle.Actor, now: datetime, because: str
) -> list[WorkOrder]:
    """Cancel the ticket's open order (at most one): the ticket has left the contractor's
    hands (`because` names the ticket's move: reassign, reject, escalate, resolve)."""
    rows = await session.scalars(
        select(WorkOrder)
        .where(WorkOrder.ticket_id == ticket.id, WorkOrder.status.in_(OPEN_ORDER_STATUSES))
        .order_by(WorkOrder.offered_at)
        .with_for_update()
    )
    orders = list(rows)
    for order in orders:
        await move_order(
            session,
            order=order,
            ticket=ticket,
            action="cancel",
            roles=frozenset({"ticket"}),
            who=actor.who,
            now=now,
            detail={"because": because},
        )
    return orders


# --- The community's answer


async def for_staff(session: AsyncSession, *, principal: Principal, order_id: uuid.UUID) -> Loaded:
    """An order the community confirms or returns (locked for the move)."""
    found = await load(session, order_id, lock=True)
    if principal.can(PERM_HANDLE, found.ticket.place_path):
        return found
    if is_theirs(principal, found) or is_community_staff(principal, found):
        raise PermissionDenied(
            "forbidden", f"Your roles here do not include {PERM_HANDLE}: staff confirm the work."
        )
    raise hidden_order()


async def confirm(
    session: AsyncSession, *, found: Loaded, mover: Mover, now: datetime, note: str | None
) -> WorkOrderEvent:
    """The work is accepted: the ticket is resolved with the contractor's note and its
    after-photos (already the ticket's, attached when the work was marked done)."""
    finished = await last_done(session, found.order)
    event = await move(
        session,
        found=found,
        mover=mover,
        action="confirm",
        now=now,
        note=(note or "").strip() or None,
    )
    assert finished is not None  # an order is done only through a done event
    resolution = await lifecycle.resolve(
        session, ticket=found.ticket, actor=mover.ticket_actor, now=now, note=finished.public_note
    )
    after = [str(i) for i in finished.detail.get("after", [])]
    resolution.detail = {**resolution.detail, "photo_ids": after, "work_order": found.order.number}
    if after:
        # They show under the resolution in the ticket's trail.
        await session.execute(
            update(TicketMedia)
            .where(TicketMedia.media_id.in_([uuid.UUID(i) for i in after]))
            .values(event_id=resolution.id)
        )
    return event


async def return_work(
    session: AsyncSession, *, found: Loaded, mover: Mover, now: datetime, reason: str | None
) -> WorkOrderEvent:
    """Not good enough: back to in_progress, with the reason, counted."""
    text = MACHINE.required("return", reason=reason)["reason"]
    event = await move(session, found=found, mover=mover, action="return", now=now, note=text)
    found.order.return_count += 1
    found.order.done_at = None
    return event
