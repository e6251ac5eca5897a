"""Contractors' work orders: the small machine inside a ticket's assigned / in_progress.

DOMAIN.md: offered → accepted (or declined, back to staff) → in_progress → done (with
before/after evidence) → confirmed by staff (the ticket becomes resolved) or returned (back
to in_progress with a reason). Assigning a ticket to an organisation offers it an order;
reassigning the ticket, or rejecting, escalating or resolving it without the contractor
(`handling`), cancels the open order in the same transaction: an organisation never works
on a ticket that is no longer its own.

One table (MACHINE, on kit.machine), one way through it (`_move`): every move is a
`work_order_events` row (kit.events); anything else is kit's 409 `invalid_transition`
listing the moves allowed now. `cancel` is no one's to ask for: it is taken when the ticket
leaves the contractor's hands (`workorders.assign`, `handling`). Moves that
move the ticket too (start → in_progress, confirm → resolved) go through lifecycle, which
writes the ticket's own event and tells the webhook subscribers.

Who touches an order: its organisation's workers and systems (`intake:workorders:work` over
the ticket's place, and the token's `org` claim naming the order's organisation) make the
contractor's moves; staff handling the ticket confirm or return. Any other organisation, and
anyone outside the place, gets a 404: an order's existence is private.

Locks: the ticket first, then its orders, in every path (staff moves lock the ticket through
tickets.for_staff), so a contractor's move and a staff reassignment never deadlock.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import attachments, lifecycle, permissions
from services.intake.context import IntakeContext
from services.intake.models import Ticket, TicketMedia, WorkOrder, WorkOrderEvent
from services.intake.tickets import PERM_HANDLE, PERM_READ
from services.kit import events
from services.kit.auth import Principal
from services.kit.clients.identity import Organisation
from services.kit.errors import FieldError, InvalidInput, NotFound, PermissionDenied
from services.kit.machine import Machine, transition
from services.kit.permissions import Access
from services.kit.scope import within_any

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


def allowed_actions(principal: Principal, found: Loaded, side: Side) -> list[str]:
    """What the caller may do to the order now: its contractor's moves, or the answer of
    staff who handle the ticket (staff who only read it may do nothing)."""
    may = side == "contractor" or principal.can(PERM_HANDLE, found.ticket.place_path)
    return MACHINE.allowed_actions(found.order.status, {side} if may else set())


async def _move(
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


async def _step(
    session: AsyncSession,
    found: Loaded,
    mover: Mover,
    action: str,
    now: datetime,
    *,
    note: str | None = None,
    detail: dict[str, Any] | None = None,
) -> WorkOrderEvent:
    return await _move(
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


# --- Offering, cancelling: staff assign the ticket


async def _organisation(ctx: IntakeContext, ref: str) -> Organisation:
    pointer = "/body/assignee_ref"
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
) -> Organisation | None:
    """The organisation an assignment names (None for staff and teams), asked of identity
    before the request's first statement: a call made while the ticket is locked would hold
    the lock (and, on SQLite, every writer) for as long as identity takes (kit.calls)."""
    if assignee_kind != "contractor":
        return None
    return await _organisation(ctx, assignee_ref)


async def assign(
    session: AsyncSession,
    ticket: Ticket,
    actor: lifecycle.Actor,
    now: datetime,
    *,
    assignee_kind: Literal["staff", "team", "contractor"],
    assignee_ref: str,
    organisation: Organisation | None,
    note: str | None = None,
    instructions: str | None = None,
) -> WorkOrder | None:
    """Assign (or reassign) the ticket; to an organisation (resolved by `contractor_for`),
    with a work order offered to it. The open order of the previous assignment, if any, is
    cancelled."""
    if assignee_kind == "contractor":
        if organisation is None:
            raise ValueError("a contractor assignment needs its organisation")
        assignee_ref = str(organisation.id)
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
        ticket,
        actor,
        now,
        assignee_kind=assignee_kind,
        assignee_ref=assignee_ref,
        note=note,
    )
    await cancel_open(session, ticket, actor, now, because=event.action)
    if organisation is None:
        return None
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
    session: AsyncSession, ticket: Ticket, actor: lifecycle.Actor, now: datetime, *, because: str
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
        await _move(
            session,
            order,
            ticket,
            "cancel",
            frozenset({"ticket"}),
            actor.who,
            now,
            detail={"because": because},
        )
    return orders


# --- Finding an order, and who may see or move it


def hidden_order() -> NotFound:
    return NotFound("work_order_not_found", "No such work order.")


@dataclass(frozen=True)
class Loaded:
    order: WorkOrder
    ticket: Ticket


async def _load(session: AsyncSession, order_id: uuid.UUID, *, lock: bool) -> Loaded:
    ticket_id = await session.scalar(select(WorkOrder.ticket_id).where(WorkOrder.id == order_id))
    if ticket_id is None:
        raise hidden_order()
    # The ticket first, then the order: the order staff moves take them in.
    ticket = await session.get(Ticket, ticket_id, with_for_update=lock)
    order = await session.get(WorkOrder, order_id, with_for_update=lock)
    if ticket is None or order is None:
        raise hidden_order()
    return Loaded(order, ticket)


def _organisation_id(principal: Principal) -> uuid.UUID | None:
    try:
        return uuid.UUID(principal.organisation_id) if principal.organisation_id else None
    except ValueError:
        return None


def _is_theirs(principal: Principal, found: Loaded) -> bool:
    return _organisation_id(principal) == found.order.organisation_id and principal.can(
        PERM_WORK, found.ticket.place_path
    )


def _community_staff(principal: Principal, found: Loaded) -> bool:
    """Staff (no organisation) with a role over the ticket's place: they know it exists."""
    return principal.organisation_id is None and principal.sees(found.ticket.place_path)


async def for_contractor(
    session: AsyncSession, principal: Principal, order_id: uuid.UUID
) -> Loaded:
    """An order its organisation moves (locked for the move)."""
    found = await _load(session, order_id, lock=True)
    if _is_theirs(principal, found):
        return found
    if _community_staff(principal, found):
        raise PermissionDenied(
            "contractors_only", "Only the organisation the order is offered to takes this step."
        )
    raise hidden_order()


async def for_staff(session: AsyncSession, principal: Principal, order_id: uuid.UUID) -> Loaded:
    """An order the community confirms or returns (locked for the move)."""
    found = await _load(session, order_id, lock=True)
    if principal.can(PERM_HANDLE, found.ticket.place_path):
        return found
    if _is_theirs(principal, found) or _community_staff(principal, found):
        raise PermissionDenied(
            "forbidden", f"Your roles here do not include {PERM_HANDLE}: staff confirm the work."
        )
    raise hidden_order()


async def for_reader(
    session: AsyncSession, principal: Principal, order_id: uuid.UUID
) -> tuple[Loaded, Side]:
    """An order to look at, and as whom: its contractor, or staff who read the ticket."""
    found = await _load(session, order_id, lock=False)
    if _is_theirs(principal, found):
        return found, "contractor"
    if any(principal.can(p, found.ticket.place_path) for p in READ_ACCESS.alternatives):
        return found, "staff"
    if _community_staff(principal, found):
        raise PermissionDenied("forbidden", f"Your roles here do not include {PERM_READ}.")
    raise hidden_order()


def list_query(principal: Principal, *, status: str | None = None) -> Select[Any]:
    """The caller's orders, scoped in the query: a contractor's own organisation's orders in
    its places; for staff, the orders of the tickets they read."""
    organisation_id = _organisation_id(principal)
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


# --- The contractor's moves


async def accept(
    session: AsyncSession, found: Loaded, mover: Mover, now: datetime, *, note: str | None
) -> WorkOrderEvent:
    return await _step(session, found, mover, "accept", now, note=(note or "").strip() or None)


async def decline(
    session: AsyncSession, found: Loaded, mover: Mover, now: datetime, *, reason: str | None
) -> WorkOrderEvent:
    """Back to staff: the ticket stays assigned to the organisation until staff reassign it;
    they see the declined order, with its reason, in the ticket's detail."""
    text = MACHINE.required("decline", reason=reason)["reason"]
    return await _step(session, found, mover, "decline", now, note=text)


async def start(
    session: AsyncSession, found: Loaded, mover: Mover, now: datetime
) -> WorkOrderEvent:
    event = await _step(session, found, mover, "start", now)
    # The ticket goes in_progress with the organisation as its assignee.
    await lifecycle.start(session, found.ticket, mover.ticket_actor, now)
    return event


async def progress(
    session: AsyncSession,
    found: Loaded,
    mover: Mover,
    now: datetime,
    *,
    note: str | None,
    photo_ids: Sequence[uuid.UUID],
) -> WorkOrderEvent:
    text = MACHINE.required("progress", note=note)["note"]
    photos = await attachments.check(session, attachments.photo_refs(photo_ids))
    event = await _step(
        session,
        found,
        mover,
        "progress",
        now,
        note=text,
        detail={"photo_ids": [str(p.id) for p in photos]},
    )
    await attachments.attach(
        session, found.ticket, photos, purpose="progress", now=now, work_order_id=found.order.id
    )
    return event


async def done(
    session: AsyncSession,
    found: Loaded,
    mover: Mover,
    now: datetime,
    *,
    note: str | None,
    before_ids: Sequence[uuid.UUID],
    after_ids: Sequence[uuid.UUID],
) -> WorkOrderEvent:
    """Done, with what was found and done and at least one photo taken after the work."""
    text = MACHINE.required("done", note=note)["note"]
    if not after_ids:
        raise InvalidInput(
            "evidence_required",
            "Mark the work done with at least one photo taken after it.",
            errors=[
                FieldError(pointer="/body/after_photo_ids", detail="at least one", code="required")
            ],
        )
    # One check for both lists: a photo named as both before and after is refused.
    photos = await attachments.check(
        session,
        [
            *attachments.photo_refs(before_ids, pointer="/body/before_photo_ids"),
            *attachments.photo_refs(after_ids, pointer="/body/after_photo_ids"),
        ],
    )
    before, after = photos[: len(before_ids)], photos[len(before_ids) :]
    event = await _step(
        session,
        found,
        mover,
        "done",
        now,
        note=text,
        detail={"before": [str(p.id) for p in before], "after": [str(p.id) for p in after]},
    )
    for purpose, items in (("evidence_before", before), ("evidence_after", after)):
        await attachments.attach(
            session, found.ticket, items, purpose=purpose, now=now, work_order_id=found.order.id
        )
    return event


# --- The community's answer


async def last_done(session: AsyncSession, order: WorkOrder) -> WorkOrderEvent | None:
    return await session.scalar(
        select(WorkOrderEvent)
        .where(WorkOrderEvent.work_order_id == order.id, WorkOrderEvent.action == "done")
        .order_by(WorkOrderEvent.id.desc())
        .limit(1)
    )


async def confirm(
    session: AsyncSession, found: Loaded, mover: Mover, now: datetime, *, note: str | None
) -> WorkOrderEvent:
    """The work is accepted: the ticket is resolved with the contractor's note and its
    after-photos (already the ticket's, attached when the work was marked done)."""
    finished = await last_done(session, found.order)
    event = await _step(
        session,
        found,
        mover,
        "confirm",
        now,
        note=(note or "").strip() or None,
    )
    assert finished is not None  # an order is done only through a done event
    resolution = await lifecycle.resolve(
        session, found.ticket, mover.ticket_actor, now, note=finished.public_note
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
    session: AsyncSession, found: Loaded, mover: Mover, now: datetime, *, reason: str | None
) -> WorkOrderEvent:
    """Not good enough: back to in_progress, with the reason, counted."""
    text = MACHINE.required("return", reason=reason)["reason"]
    event = await _step(session, found, mover, "return", now, note=text)
    found.order.return_count += 1
    found.order.done_at = None
    return event


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
