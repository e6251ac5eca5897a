"""住户核验: community staff's queue of residents' claims, oldest first, and their decisions."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import household_review
from services.identity.context import ContextDep, IdentityContext
from services.identity.households import PERM_VERIFY, DocumentLinks, current_claim, document_links
from services.identity.models import Household, HouseholdClaim, Resident
from services.identity.routes.households import household_out
from services.identity.schemas import ClaimOut, ClaimPage, ClaimReasonIn, HouseholdOut
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import PrincipalDep, requires
from services.kit.pagination import PageDep
from services.kit.personal import mask_phone

router = APIRouter(prefix="/v1", tags=["household claims"])

Status = Literal["pending", "verified", "refused", "left", "withdrawn"]


async def _claim_out(
    session: AsyncSession,
    claim: HouseholdClaim,
    household: Household,
    resident: Resident,
    ctx: IdentityContext,
    *,
    detail: bool = False,
) -> ClaimOut:
    links = (
        await document_links(session, claim, documents=ctx.documents) if detail else DocumentLinks()
    )
    return ClaimOut(
        id=claim.id,
        status=claim.status,
        via=claim.via,
        relation=claim.relation,
        claimed_at=claim.claimed_at,
        decided_at=claim.decided_at,
        reason=claim.reason,
        household_id=household.id,
        unit_place_id=household.unit_place_id,
        unit_code=household.unit_code,
        room_no=household.room_no,
        resident_id=resident.id,
        resident_phone=(
            mask_phone(ctx.cipher.decrypt(resident.phone_cipher)) if resident.phone_cipher else None
        ),
        has_document=claim.document_id is not None,
        document_url=links.url,
        document_thumbnail_url=links.thumbnail,
        document_purged=links.purged,
    )


@router.get(
    "/household-claims",
    summary="Claims in my communities, oldest first (default: those waiting)",
    openapi_extra=requires(PERM_VERIFY),
)
async def list_claims(
    session: SessionDep,
    principal: PrincipalDep,
    ctx: ContextDep,
    page: PageDep,
    status: Annotated[Status, Query()] = "pending",
) -> ClaimPage:
    rows, total = await household_review.queue(session, principal, status=status, page=page)
    return ClaimPage(
        items=[await _claim_out(session, c, h, r, ctx) for c, h, r in rows], total=total
    )


@router.get(
    "/household-claims/{claim_id:uuid}",
    summary="A claim with its document (a signed, expiring link)",
    openapi_extra=requires(PERM_VERIFY),
)
async def get_claim(
    claim_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, ctx: ContextDep
) -> ClaimOut:
    claim, household, resident = await household_review.claim_in_scope(
        session, claim_id, principal=principal
    )
    return await _claim_out(session, claim, household, resident, ctx, detail=True)


@router.post(
    "/household-claims/{claim_id:uuid}/approve",
    summary="Verify a waiting claim: the resident lives there",
    openapi_extra=requires(PERM_VERIFY),
)
async def approve_claim(
    claim_id: uuid.UUID,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> ClaimOut:
    claim, household, resident = await household_review.claim_in_scope(
        session, claim_id, principal=principal, lock=True
    )
    await household_review.approve(
        session, claim, household=household, actor=principal.actor, now=clock.now()
    )
    return await _claim_out(session, claim, household, resident, ctx, detail=True)


@router.post(
    "/household-claims/{claim_id:uuid}/refuse",
    summary="Refuse a waiting claim with a reason the resident sees",
    openapi_extra=requires(PERM_VERIFY),
)
async def refuse_claim(
    claim_id: uuid.UUID,
    data: ClaimReasonIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> ClaimOut:
    claim, household, resident = await household_review.claim_in_scope(
        session, claim_id, principal=principal, lock=True
    )
    await household_review.refuse(
        session,
        claim,
        household=household,
        reason=data.reason,
        actor=principal.actor,
        now=clock.now(),
    )
    return await _claim_out(session, claim, household, resident, ctx, detail=True)


@router.post(
    "/household-claims/{claim_id:uuid}/withdraw",
    summary="Withdraw a verification (moved out), with a reason; other services are told",
    openapi_extra=requires(PERM_VERIFY),
)
async def withdraw_claim(
    claim_id: uuid.UUID,
    data: ClaimReasonIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> ClaimOut:
    claim, household, resident = await household_review.claim_in_scope(
        session, claim_id, principal=principal, lock=True
    )
    await household_review.withdraw(
        session,
        claim,
        household=household,
        reason=data.reason,
        actor=principal.actor,
        now=clock.now(),
    )
    return await _claim_out(session, claim, household, resident, ctx, detail=True)


@router.post(
    "/households/{household_id:uuid}/members/{resident_id:uuid}/verify",
    summary="Community staff confirm a resident lives there (by home and resident)",
    openapi_extra=requires(PERM_VERIFY),
)
async def verify_member(
    household_id: uuid.UUID,
    resident_id: uuid.UUID,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> HouseholdOut:
    household = await household_review.household_in_scope(
        session, household_id, principal=principal
    )
    await household_review.verify_member(
        session,
        household=household,
        resident_id=resident_id,
        actor=principal.actor,
        now=clock.now(),
    )
    claim = await current_claim(session, household.id, resident_id=resident_id)
    assert claim is not None
    return await household_out(session, household, claim, ctx)
