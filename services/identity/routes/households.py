"""A resident's homes (我的家): claim one at the scanned door, see its status, invite another
adult, join with an invite, leave."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import households, residents
from services.identity.context import ContextDep, IdentityContext
from services.identity.models import Household, HouseholdClaim
from services.identity.residents import resident_id_of
from services.identity.schemas import HouseholdIn, HouseholdOut, InviteAcceptIn, InviteOut
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import PrincipalDep
from services.kit.clients.directory import PlaceRef
from services.kit.errors import FieldError, InvalidInput

router = APIRouter(prefix="/v1", tags=["households"])


async def household_out(
    session: AsyncSession, household: Household, claim: HouseholdClaim, ctx: IdentityContext
) -> HouseholdOut:
    links = await households.document_links(
        session, claim, documents=ctx.documents, thumbnail=False
    )
    return HouseholdOut(
        id=household.id,
        unit_place_id=household.unit_place_id,
        unit_code=household.unit_code,
        room_no=household.room_no,
        verified=household.verified_at is not None,
        member_verified=claim.status == "verified",
        status=claim.status,
        relation=claim.relation,
        via=claim.via,
        claim_id=claim.id,
        claimed_at=claim.claimed_at,
        reason=claim.reason,
        document_url=links.url,
        document_purged=links.purged,
    )


async def _claimed_door(data: HouseholdIn, ctx: IdentityContext) -> PlaceRef:
    """The door claimed, from directory: within the scanned code's place."""
    if data.token is None and data.unit_place_id is None:
        detail = "请在自家单元门或楼门扫码后登记。"
        raise InvalidInput(
            "door_required",
            detail,
            errors=[FieldError(pointer="/body/token", detail=detail, code="door_required")],
        )
    if data.token is None:
        assert data.unit_place_id is not None
        return (await ctx.directory.place(data.unit_place_id, pointer="/body/unit_place_id")).ref()
    scanned = await ctx.directory.resolve_code(data.token, pointer="/body/token")
    if data.unit_place_id is None or data.unit_place_id == scanned.place.id:
        unit = scanned.place
    else:
        unit = (await ctx.directory.place(data.unit_place_id, pointer="/body/unit_place_id")).ref()
    households.check_door(unit, scanned.place)
    return unit


@router.post("/me/households", status_code=201, summary="Claim my home at the scanned door")
async def claim_household(
    data: HouseholdIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> HouseholdOut:
    resident_id = resident_id_of(principal)
    # Directory first, before this request's first statement (kit.calls).
    unit = await _claimed_door(data, ctx)
    resident = await residents.get_resident(session, resident_id)
    now = clock.now()
    if data.document_id is not None:
        await households.attach_document(
            session,
            documents=ctx.documents,
            document_id=data.document_id,
            upload_key=data.document_upload_key,
            by=principal.actor,
            now=now,
        )
    household, _ = await households.join_household(
        session,
        resident=resident,
        unit=unit,
        room_no=data.room_no,
        relation=data.relation,
        now=now,
        document_id=data.document_id,
    )
    claim = await households.current_claim(session, household.id, resident_id=resident.id)
    assert claim is not None
    return await household_out(session, household, claim, ctx)


@router.get("/me/households", summary="My homes: each claim's status, and why if refused")
async def my_households(
    session: SessionDep, principal: PrincipalDep, ctx: ContextDep
) -> list[HouseholdOut]:
    rows = await households.claims_of(session, resident_id_of(principal))
    return [await household_out(session, h, c, ctx) for h, c in rows]


@router.delete(
    "/me/households/{household_id:uuid}",
    status_code=204,
    summary="Leave a home (or take back my waiting claim)",
)
async def leave_household(
    household_id: uuid.UUID, session: SessionDep, clock: ClockDep, principal: PrincipalDep
) -> Response:
    await households.leave(
        session, household_id=household_id, resident_id=resident_id_of(principal), now=clock.now()
    )
    return Response(status_code=204)


@router.post(
    "/me/households/{household_id:uuid}/invites",
    status_code=201,
    summary="Invite another adult to my verified home: a one-time code, valid 7 days",
)
async def invite_to_household(
    household_id: uuid.UUID,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> InviteOut:
    code, row = await households.invite(
        session,
        household_id=household_id,
        inviter_id=resident_id_of(principal),
        cipher=ctx.cipher,
        now=clock.now(),
    )
    return InviteOut(code=code, expires_at=row.expires_at)


@router.post(
    "/me/household-invites/accept",
    status_code=201,
    summary="Join a home with an invite code (verified at once: a verified member vouched)",
)
async def accept_invite(
    data: InviteAcceptIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> HouseholdOut:
    resident = await residents.get_resident(session, resident_id_of(principal))
    household, claim = await households.accept_invite(
        session,
        code=data.code,
        resident=resident,
        relation=data.relation,
        cipher=ctx.cipher,
        now=clock.now(),
    )
    return await household_out(session, household, claim, ctx)
