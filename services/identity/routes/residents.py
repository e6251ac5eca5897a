"""Residents' children, their phones revealed to the entitled, and messages to those on duty
(homes: routes/households.py and routes/household_claims.py)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response
from sqlalchemy import select

from services.identity import children, resident_search, residents
from services.identity.audit import reveal
from services.identity.context import ContextDep
from services.identity.models import Household, HouseholdMember
from services.identity.notify import PERM_NOTIFY, message_on_duty
from services.identity.permissions import scope_of
from services.identity.resident_messages import messages_to
from services.identity.residents import resident_id_of
from services.identity.schemas import (
    DependantIn,
    DependantOut,
    FoundResidentOut,
    MyMessageOut,
    NotifyIn,
    NotifyOut,
    PhoneLookupIn,
    RevealIn,
    RevealOut,
)
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import PrincipalDep, authorize, requires
from services.kit.errors import NotFound
from services.kit.pagination import Page, PageDep
from services.kit.personal import PERM_REVEAL, mask_phone

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
    # A record staff keep (no smartphone) has a contact's phone at most; a deleted account none.
    stored, field = (
        (resident.phone_cipher, "phone")
        if resident.phone_cipher
        else (resident.contact_phone_cipher, "contact_phone")
    )
    if stored is None:
        raise NotFound("phone_not_recorded", "No phone is recorded for this resident.")
    phone = reveal(
        session,
        cipher=ctx.cipher,
        stored=stored,
        actor=principal.subject,
        subject_kind="resident",
        subject_id=str(resident.id),
        field=field,
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


@router.get("/me/messages", summary="The messages services sent me, newest first")
async def my_messages(
    session: SessionDep, principal: PrincipalDep, page: PageDep
) -> Page[MyMessageOut]:
    rows, total = await messages_to(session, resident_id_of(principal), page=page)
    return Page[MyMessageOut](
        items=[
            MyMessageOut(
                id=m.id,
                template=m.template,
                text=m.body,
                channel=m.channel,
                delivered=m.accepted,
                sent_at=m.sent_at,
            )
            for m in rows
        ],
        total=total,
    )


@router.post(
    "/residents/find-by-phone",
    summary="Find a resident by the phone they gave (staff adding a team member)",
    description="The phone goes in the body, never the URL. Limited per searcher per hour "
    "(429 `resident_search_limited`); every search, found or not, is in the audit list as "
    "`resident.found_by_phone` without the number. Never open to residents.",
    openapi_extra=requires(resident_search.PERM_FIND),
)
async def find_resident(
    data: PhoneLookupIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> FoundResidentOut:
    scope = scope_of(principal, resident_search.PERM_FIND)
    resident, phone = await resident_search.find_by_phone(
        session,
        raw_phone=data.phone,
        actor=principal.actor,
        place_path=scope[0],
        cipher=ctx.cipher,
        policy=ctx.resident_search,
        now=clock.now(),
    )
    return FoundResidentOut(resident_id=resident.id, phone=mask_phone(phone))
