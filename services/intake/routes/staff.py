"""Staff side: the inbox (scoped in the query) and the moves of the state machine.

A ticket's existence is private: outside every place of the caller it is a 404.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from services.intake import lifecycle, tickets, views
from services.intake.models import Ticket
from services.intake.routes.deps import ContextDep
from services.intake.schemas import (
    Acknowledge,
    Assign,
    Duplicate,
    Escalate,
    Priority,
    Reason,
    Resolve,
    Status,
    TicketDetail,
    TicketSummary,
)
from services.intake.tickets import PERM_HANDLE, PERM_READ
from services.kit.app import SessionDep
from services.kit.auth import CurrentPrincipal, OptionalPrincipal, Principal, requires
from services.kit.pagination import Page, PageDep, fetch_page

router = APIRouter(prefix="/v1/tickets", tags=["staff"])
HANDLE = requires(PERM_HANDLE)


@router.get("", summary="The inbox: tickets in your places", openapi_extra=requires(PERM_READ))
async def inbox(
    session: SessionDep,
    ctx: ContextDep,
    principal: CurrentPrincipal,
    page: PageDep,
    status: Status | None = None,
    category: Annotated[str | None, Query(max_length=20)] = None,
    priority: Priority | None = None,
    overdue: Annotated[bool | None, Query(description="Past a deadline and still open")] = None,
) -> Page[TicketSummary]:
    now = ctx.clock.now()
    query = tickets.inbox_query(
        principal, now, status=status, category=category, priority=priority, overdue=overdue
    )
    rows, total = await fetch_page(session, query, page)
    return Page[TicketSummary](items=[views.summary(t, now) for t in rows], total=total)


@router.get("/{ticket_id}", summary="One ticket with its trail", openapi_extra=requires(PERM_READ))
async def get_ticket(
    ticket_id: uuid.UUID, session: SessionDep, ctx: ContextDep, principal: CurrentPrincipal
) -> TicketDetail:
    ticket = await tickets.for_staff(session, principal, ticket_id, PERM_READ)
    return await views.detail(session, ticket, now=ctx.clock.now(), cipher=ctx.cipher)


async def _handle(
    session: SessionDep, principal: Principal | None, ticket_id: uuid.UUID
) -> tuple[Ticket, Principal, lifecycle.Actor]:
    ticket = await tickets.for_staff(session, principal, ticket_id, PERM_HANDLE)
    assert principal is not None  # for_staff refused anyone else
    return ticket, principal, lifecycle.Actor.staff(principal.subject, ticket)


@router.post(
    "/{ticket_id}/acknowledge",
    summary="Acknowledge after calling the reporter back (or reading an anonymous report)",
    openapi_extra=HANDLE,
)
async def acknowledge(
    ticket_id: uuid.UUID,
    data: Acknowledge,
    session: SessionDep,
    ctx: ContextDep,
    principal: CurrentPrincipal,
) -> TicketDetail:
    ticket, _, actor = await _handle(session, principal, ticket_id)
    now = ctx.clock.now()
    await lifecycle.acknowledge(session, ticket, actor, now, outcome=data.outcome, note=data.note)
    return await views.detail(session, ticket, now=now, cipher=ctx.cipher)


@router.post(
    "/{ticket_id}/assign",
    summary="Assign (or reassign) to a person or a team",
    openapi_extra=HANDLE,
)
async def assign(
    ticket_id: uuid.UUID,
    data: Assign,
    session: SessionDep,
    ctx: ContextDep,
    principal: CurrentPrincipal,
) -> TicketDetail:
    ticket, _, actor = await _handle(session, principal, ticket_id)
    now = ctx.clock.now()
    await lifecycle.assign(
        session,
        ticket,
        actor,
        now,
        assignee_kind=data.assignee_kind,
        assignee_ref=data.assignee_ref,
        note=data.note,
    )
    return await views.detail(session, ticket, now=now, cipher=ctx.cipher)


@router.post("/{ticket_id}/start", summary="The assignee starts work", openapi_extra=HANDLE)
async def start(
    ticket_id: uuid.UUID, session: SessionDep, ctx: ContextDep, principal: OptionalPrincipal
) -> TicketDetail:
    ticket, _, actor = await _handle(session, principal, ticket_id)
    now = ctx.clock.now()
    await lifecycle.start(session, ticket, actor, now)
    return await views.detail(session, ticket, now=now, cipher=ctx.cipher)


@router.post("/{ticket_id}/resolve", summary="Resolved, with a note", openapi_extra=HANDLE)
async def resolve(
    ticket_id: uuid.UUID,
    data: Resolve,
    session: SessionDep,
    ctx: ContextDep,
    principal: CurrentPrincipal,
) -> TicketDetail:
    ticket, _, actor = await _handle(session, principal, ticket_id)
    now = ctx.clock.now()
    await lifecycle.resolve(session, ticket, actor, now, note=data.note, photo_ids=data.photo_ids)
    return await views.detail(session, ticket, now=now, cipher=ctx.cipher)


@router.post("/{ticket_id}/reject", summary="Reject, with the reason", openapi_extra=HANDLE)
async def reject(
    ticket_id: uuid.UUID,
    data: Reason,
    session: SessionDep,
    ctx: ContextDep,
    principal: CurrentPrincipal,
) -> TicketDetail:
    ticket, _, actor = await _handle(session, principal, ticket_id)
    now = ctx.clock.now()
    await lifecycle.reject(session, ticket, actor, now, reason=data.reason)
    return await views.detail(session, ticket, now=now, cipher=ctx.cipher)


@router.post(
    "/{ticket_id}/reopen", summary="Reopen a resolved or closed ticket", openapi_extra=HANDLE
)
async def reopen(
    ticket_id: uuid.UUID,
    data: Reason,
    session: SessionDep,
    ctx: ContextDep,
    principal: CurrentPrincipal,
) -> TicketDetail:
    ticket, _, actor = await _handle(session, principal, ticket_id)
    now = ctx.clock.now()
    await lifecycle.reopen(session, ticket, actor, now, reason=data.reason)
    return await views.detail(session, ticket, now=now, cipher=ctx.cipher)


@router.post(
    "/{ticket_id}/escalate", summary="Hand over to the street office or 12345", openapi_extra=HANDLE
)
async def escalate(
    ticket_id: uuid.UUID,
    data: Escalate,
    session: SessionDep,
    ctx: ContextDep,
    principal: CurrentPrincipal,
) -> TicketDetail:
    ticket, _, actor = await _handle(session, principal, ticket_id)
    now = ctx.clock.now()
    await lifecycle.escalate(session, ticket, actor, now, level=data.level, note=data.note)
    return await views.detail(session, ticket, now=now, cipher=ctx.cipher)


@router.post(
    "/{ticket_id}/duplicate", summary="Merge into another open ticket", openapi_extra=HANDLE
)
async def duplicate(
    ticket_id: uuid.UUID,
    data: Duplicate,
    session: SessionDep,
    ctx: ContextDep,
    principal: CurrentPrincipal,
) -> TicketDetail:
    ticket, staff, _ = await _handle(session, principal, ticket_id)
    now = ctx.clock.now()
    await tickets.merge_duplicate(
        session, staff, ticket, original_id=data.duplicate_of, note=data.note, now=now
    )
    return await views.detail(session, ticket, now=now, cipher=ctx.cipher)
