"""Referrals to enforcement (城管): staff send a ticket's evidence package; the agency over
the ticket's place reads and answers it. Outside the caller's places a referral is a 404."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from services.intake import lifecycle, partner_presenters, referrals, tickets
from services.intake.context import ContextDep
from services.intake.models import ReferralStatus
from services.intake.referrals import PERM_ANSWER
from services.intake.schemas.referrals import (
    ReferralAnswer,
    ReferralIn,
    ReferralOut,
    ReferralSummary,
)
from services.intake.tickets import PERM_HANDLE, PERM_READ
from services.kit.app import SessionDep
from services.kit.auth import Principal, PrincipalDep, requires
from services.kit.db import Database
from services.kit.pagination import Page, PageDep, fetch_page
from services.kit.permissions import Access, listing

router = APIRouter(prefix="/v1", tags=["referrals"])
# Read by the agency and by staff who read the ticket; the matrix checks the first.
READ_ACCESS = Access(PERM_ANSWER, (PERM_READ,))
READ = READ_ACCESS.declare()
ListReaderDep = Annotated[Principal, Depends(listing(READ_ACCESS))]


@router.post(
    "/tickets/{ticket_id:uuid}/referrals",
    status_code=201,
    summary="Send the ticket's evidence package to an enforcement agency",
    description="Place, times, description, the contractors' findings and the chosen media; "
    "never the reporter's name or phone.",
    openapi_extra=requires(PERM_HANDLE),
)
async def refer(
    ticket_id: uuid.UUID,
    data: ReferralIn,
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    request: Request,
) -> ReferralOut:
    # The address from directory first: the ticket's place code from a read of its own,
    # before this request's write transaction takes its first lock (kit.calls).
    db: Database = request.app.state.db
    async with db.session(write=False) as reading:
        place_code = await tickets.place_code_of(reading, ticket_id)
    address = await ctx.directory.address(place_code) if place_code else []
    ticket = await tickets.for_staff(
        session, principal=principal, ticket_id=ticket_id, permission=PERM_HANDLE
    )
    actor = lifecycle.Actor.staff(principal, ticket)
    referral = await referrals.refer(
        session,
        ctx=ctx,
        ticket=ticket,
        actor=actor,
        now=ctx.clock.now(),
        agency=data.agency,
        note=data.note,
        media_ids=data.media_ids,
        address=address,
    )
    return await partner_presenters.referral(session, referral, ticket=ticket, media=ctx.media)


@router.get(
    "/referrals",
    summary="Referrals of the tickets in your places (the agency's, or staff's)",
    openapi_extra=READ,
)
async def list_referrals(
    session: SessionDep,
    principal: ListReaderDep,
    page: PageDep,
    status: ReferralStatus | None = None,
) -> Page[ReferralSummary]:
    rows, total = await fetch_page(
        session, referrals.list_query(principal, status=status), page=page
    )
    numbers = await referrals.ticket_numbers(session, rows)
    return Page[ReferralSummary](
        items=[partner_presenters.referral_summary(r, numbers[r.ticket_id]) for r in rows],
        total=total,
    )


@router.get(
    "/referrals/{referral_id:uuid}",
    summary="One referral with its package (photos as signed links)",
    openapi_extra=READ,
)
async def get_referral(
    referral_id: uuid.UUID, session: SessionDep, ctx: ContextDep, principal: PrincipalDep
) -> ReferralOut:
    found = await referrals.for_reader(session, principal=principal, referral_id=referral_id)
    return await partner_presenters.referral(
        session, found.referral, ticket=found.ticket, media=ctx.media
    )


@router.post(
    "/referrals/{referral_id:uuid}/answer",
    summary="The agency answers: received, accepted or declined, concluded",
    openapi_extra=requires(PERM_ANSWER),
)
async def answer_referral(
    referral_id: uuid.UUID,
    data: ReferralAnswer,
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
) -> ReferralOut:
    found = await referrals.for_agency(session, principal=principal, referral_id=referral_id)
    await referrals.answer(
        session,
        found=found,
        principal=principal,
        now=ctx.clock.now(),
        status=data.status,
        agency_reference=data.agency_reference,
        outcome=data.outcome,
    )
    return await partner_presenters.referral(
        session, found.referral, ticket=found.ticket, media=ctx.media
    )
