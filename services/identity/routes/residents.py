"""Residents' children, their phones revealed to the entitled, and messages to those on duty
(homes: routes/households.py and routes/household_claims.py)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response
from sqlalchemy import select

from services.identity import children, residents
from services.identity.audit import reveal
from services.identity.context import ContextDep
from services.identity.models import Household, HouseholdMember
from services.identity.notify import PERM_NOTIFY, message_on_duty
from services.identity.routes.households import resident_id_of
from services.identity.schemas import (
    DependantIn,
    DependantOut,
    NotifyIn,
    NotifyOut,
    RevealIn,
    RevealOut,
)
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import PrincipalDep, authorize, requires
from services.kit.errors import NotFound
from services.kit.personal import PERM_REVEAL

router = APIRouter(prefix="/v1", tags=["residents"])


@router.post(
    "/residents/{resident_id:uuid}/phone/reveal",
    summary="Show a resident's phone to staff of their community (recorded)",
    openapi_extra=requires(PERM_REVEAL),
)
async def reveal_resident_phone(
    resident_id: uuid.UUID,
    data: RevealIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> RevealOut:
    resident = await residents.get_resident(session, resident_id)
    homes = await session.scalars(
        select(Household.unit_path)
        .join(HouseholdMember)
        .where(HouseholdMember.resident_id == resident.id)
    )
    # Entitled: staff with the permission over one of the resident's homes.
    if not any(principal.can(PERM_REVEAL, path) for path in homes):
        raise NotFound("resident_not_found", "No such resident.")
    phone = reveal(
        session,
        cipher=ctx.cipher,
        stored=resident.phone_cipher,
        actor=principal.subject,
        subject_kind="resident",
        subject_id=str(resident.id),
        field="phone",
        reason=data.reason,
        now=clock.now(),
    )
    return RevealOut(phone=phone)


@router.post("/me/dependants", status_code=201, summary="Add a child in my care (with consent)")
async def add_dependant(
    data: DependantIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> DependantOut:
    guardian = await residents.get_resident(session, resident_id_of(principal))
    dependant = await children.add_dependant(
        session,
        guardian=guardian,
        name=data.name,
        birth_year=data.birth_year,
        cipher=ctx.cipher,
        now=clock.now(),
        consent=data.consent,
    )
    return DependantOut(
        id=dependant.id,
        name=data.name.strip(),
        birth_year=dependant.birth_year,
        consented_at=dependant.consented_at,
    )


@router.get("/me/dependants", summary="The children in my care")
async def my_dependants(
    session: SessionDep, principal: PrincipalDep, ctx: ContextDep
) -> list[DependantOut]:
    rows = await children.dependants_of(session, resident_id_of(principal))
    return [
        DependantOut(
            id=d.id,
            name=ctx.cipher.decrypt(d.name_cipher),
            birth_year=d.birth_year,
            consented_at=d.consented_at,
        )
        for d in rows
    ]


@router.delete(
    "/me/dependants/{dependant_id:uuid}", status_code=204, summary="Remove a child from my care"
)
async def remove_dependant(
    dependant_id: uuid.UUID, session: SessionDep, principal: PrincipalDep
) -> Response:
    await children.remove_dependant(
        session, guardian_id=resident_id_of(principal), dependant_id=dependant_id
    )
    return Response(status_code=204)


@router.post(
    "/notifications/on-duty",
    summary="Message the on-duty staff of a role over a place",
    openapi_extra=requires(PERM_NOTIFY),
)
async def notify_on_duty(
    data: NotifyIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> NotifyOut:
    authorize(principal, PERM_NOTIFY, data.place_path)
    found, sent = await message_on_duty(
        session,
        role=data.role,
        place_path=data.place_path,
        template=data.template,
        text=data.text,
        sender=ctx.sender,
        cipher=ctx.cipher,
        now=clock.now(),
    )
    return NotifyOut(on_duty=found, sent=sent)
