"""Staff side: the inbox (scoped in the query) and the moves of the state machine.

A ticket's existence is private: outside every place of the caller it is a 404.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from services.intake import (
    contact,
    duplicates,
    followers,
    handling,
    lifecycle,
    presenters,
    tickets,
)
from services.intake import inbox as listing_rules
from services.intake.context import ContextDep
from services.intake.models import Priority, Source, Status, Ticket
from services.intake.schemas.tickets import (
    Acknowledge,
    Assign,
    Duplicate,
    Escalate,
    Reason,
    ReporterContactOut,
    Resolve,
    TicketDetail,
    TicketSummary,
)
from services.intake.tickets import PERM_HANDLE, PERM_READ
from services.intake.workorders import staff_moves
from services.kit.app import SessionDep
from services.kit.auth import Principal, PrincipalDep, requires
from services.kit.conditional import etag, not_modified
from services.kit.pagination import Page, PageDep, fetch_page
from services.kit.permissions import Access, guard, listing
from services.kit.personal import PERM_REVEAL

router = APIRouter(prefix="/v1/tickets", tags=["staff"])
# Handling a ticket: the route declares it and _handling enforces it, from this one value.
HANDLE_ACCESS = Access(PERM_HANDLE)
HANDLE = HANDLE_ACCESS.declare()
READ_ACCESS = Access(PERM_READ)
# The inbox's reader: a caller who reads tickets nowhere gets the export's 403, not [].
ListReaderDep = Annotated[Principal, Depends(listing(READ_ACCESS))]
BuildingParam = Annotated[
    str | None,
    Query(
        max_length=32,
        pattern=r"^[A-Za-z0-9-]+$",
        description="A building's code (TGYZL-03); any place code works: tickets under it",
    ),
]


@router.get(
    "",
    summary="The inbox: tickets in your places",
    description="Polled by the console: send the ETag back in If-None-Match for a 304.",
    openapi_extra=READ_ACCESS.declare(),
    response_model=Page[TicketSummary],
)
async def inbox(
    request: Request,
    response: Response,
    session: SessionDep,
    ctx: ContextDep,
    principal: ListReaderDep,
    page: PageDep,
    status: Status | None = None,
    category: Annotated[str | None, Query(max_length=20)] = None,
    priority: Priority | None = None,
    overdue: Annotated[bool | None, Query(description="Past a deadline and still open")] = None,
    source: Source | None = None,
    building: BuildingParam = None,
    due_today: Annotated[
        bool | None,
        Query(description="Open, its next deadline before midnight in Beijing, not yet passed"),
    ] = None,
    sort: Annotated[
        listing_rules.Sort,
        Query(description="pending: 待受理 first, then open by deadline; -x reverses x"),
    ] = listing_rules.DEFAULT_SORT,
) -> Page[TicketSummary] | Response:
    now = ctx.clock.now()
    under = await tickets.path_of_code(ctx, building, pointer="/query/building")
    query = tickets.inbox_query(
        principal,
        now,
        status=status,
        category=category,
        priority=priority,
        overdue=overdue,
        source=source,
        under_path=under,
    )
    query = listing_rules.ordered(listing_rules.narrowed(query, now, due_today=due_today), sort)
    version = await tickets.inbox_version(session, query=query, now=now)
    scope = sorted(principal.scope_paths(PERM_READ))
    tag = etag(*version, request.url.query, *scope)
    if (unchanged := not_modified(request, response, tag)) is not None:
        return unchanged
    rows, total = await fetch_page(session, query, page=page)
    counts = await followers.follower_counts(session, [t.id for t in rows])
    names = await listing_rules.place_names(ctx, rows)
    items = [
        presenters.summary(t, now, followers=counts.get(t.id, 0), place_name=names.get(t.place_id))
        for t in rows
    ]
    return Page[TicketSummary](items=items, total=total)


@router.post(
    "/{ticket_id:uuid}/reporter-contact",
    summary="The reporter's name and phone in clear, to call them back (recorded on the trail)",
    openapi_extra=requires(PERM_REVEAL),
)
async def reporter_contact(
    ticket_id: uuid.UUID, session: SessionDep, ctx: ContextDep, principal: PrincipalDep
) -> ReporterContactOut:
    revealed = await contact.reveal_reporter_contact(
        session, ctx=ctx, principal=principal, ticket_id=ticket_id
    )
    return ReporterContactOut(name=revealed.name, phone=revealed.phone)


@router.get(
    "/{ticket_id:uuid}", summary="One ticket with its trail", openapi_extra=requires(PERM_READ)
)
async def get_ticket(
    ticket_id: uuid.UUID, session: SessionDep, ctx: ContextDep, principal: PrincipalDep
) -> TicketDetail:
    ticket = await tickets.for_staff(
        session, principal=principal, ticket_id=ticket_id, permission=PERM_READ
    )
    return await presenters.detail(
        session,
        ticket,
        principal=principal,
        now=ctx.clock.now(),
        cipher=ctx.cipher,
        media=ctx.media,
    )


@dataclass(frozen=True)
class Handling:
    """A ticket the caller may handle, loaded (and locked) once per request."""

    ticket: Ticket
    staff: Principal
    actor: lifecycle.Actor
    now: datetime


@guard(HANDLE_ACCESS)
async def _handling(
    ticket_id: uuid.UUID, session: SessionDep, ctx: ContextDep, principal: PrincipalDep
) -> Handling:
    ticket = await tickets.for_staff(
        session, principal=principal, ticket_id=ticket_id, permission=PERM_HANDLE
    )
    actor = lifecycle.Actor.staff(principal, ticket)
    return Handling(ticket, principal, actor, ctx.clock.now())


HandlingDep = Annotated[Handling, Depends(_handling)]


async def _answer(session: SessionDep, ctx: ContextDep, h: Handling) -> TicketDetail:
    return await presenters.detail(
        session, h.ticket, principal=h.staff, now=h.now, cipher=ctx.cipher, media=ctx.media
    )


@router.post(
    "/{ticket_id:uuid}/acknowledge",
    summary="Acknowledge after calling the reporter back (or reading an anonymous report)",
    openapi_extra=HANDLE,
)
async def acknowledge(
    data: Acknowledge, h: HandlingDep, session: SessionDep, ctx: ContextDep
) -> TicketDetail:
    await lifecycle.acknowledge(
        session,
        ticket=h.ticket,
        actor=h.actor,
        now=h.now,
        outcome=data.outcome,
        note=data.note,
        internal_note=data.internal_note,
    )
    return await _answer(session, ctx, h)


@router.post(
    "/{ticket_id:uuid}/assign",
    summary="Assign (or reassign) to a person, a team or a contractor (a work order)",
    openapi_extra=HANDLE,
)
async def assign(
    ticket_id: uuid.UUID,
    data: Assign,
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
) -> TicketDetail:
    # Identity first, before the ticket is loaded and locked (kit.calls).
    contractor = await staff_moves.contractor_for(
        ctx, assignee_kind=data.assignee_kind, assignee_ref=data.assignee_ref
    )
    h = await _handling(ticket_id, session, ctx, principal)
    # To a contractor organisation this offers it a work order; the open one is cancelled.
    await staff_moves.assign(
        session,
        ticket=h.ticket,
        actor=h.actor,
        now=h.now,
        assignee_kind=data.assignee_kind,
        assignee_ref=data.assignee_ref,
        contractor=contractor,
        note=data.note,
        instructions=data.instructions,
    )
    return await _answer(session, ctx, h)


@router.post("/{ticket_id:uuid}/start", summary="The assignee starts work", openapi_extra=HANDLE)
async def start(h: HandlingDep, session: SessionDep, ctx: ContextDep) -> TicketDetail:
    await lifecycle.start(session, ticket=h.ticket, actor=h.actor, now=h.now)
    return await _answer(session, ctx, h)


@router.post("/{ticket_id:uuid}/resolve", summary="Resolved, with a note", openapi_extra=HANDLE)
async def resolve(
    data: Resolve, h: HandlingDep, session: SessionDep, ctx: ContextDep
) -> TicketDetail:
    # An open work order is cancelled with it (handling): the contractor's part is over.
    await handling.resolve(
        session, ticket=h.ticket, actor=h.actor, now=h.now, note=data.note, photo_ids=data.photo_ids
    )
    return await _answer(session, ctx, h)


@router.post("/{ticket_id:uuid}/reject", summary="Reject, with the reason", openapi_extra=HANDLE)
async def reject(
    data: Reason, h: HandlingDep, session: SessionDep, ctx: ContextDep
) -> TicketDetail:
    await handling.reject(session, ticket=h.ticket, actor=h.actor, now=h.now, reason=data.reason)
    return await _answer(session, ctx, h)


@router.post(
    "/{ticket_id:uuid}/reopen", summary="Reopen a resolved or closed ticket", openapi_extra=HANDLE
)
async def reopen(
    data: Reason, h: HandlingDep, session: SessionDep, ctx: ContextDep
) -> TicketDetail:
    await lifecycle.reopen(session, ticket=h.ticket, actor=h.actor, now=h.now, reason=data.reason)
    return await _answer(session, ctx, h)


@router.post(
    "/{ticket_id:uuid}/escalate",
    summary="Hand over to the street office or 12345",
    openapi_extra=HANDLE,
)
async def escalate(
    data: Escalate, h: HandlingDep, session: SessionDep, ctx: ContextDep
) -> TicketDetail:
    await handling.escalate(
        session, ticket=h.ticket, actor=h.actor, now=h.now, level=data.level, note=data.note
    )
    return await _answer(session, ctx, h)


@router.post(
    "/{ticket_id:uuid}/duplicate", summary="Merge into another open ticket", openapi_extra=HANDLE
)
async def duplicate(
    data: Duplicate, h: HandlingDep, session: SessionDep, ctx: ContextDep
) -> TicketDetail:
    await duplicates.merge_duplicate(
        session,
        principal=h.staff,
        ticket=h.ticket,
        original_id=data.duplicate_of,
        note=data.note,
        now=h.now,
    )
    return await _answer(session, ctx, h)
