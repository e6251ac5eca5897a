"""Residents' own records (households, children) and what community staff do with them."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from sqlalchemy import select

from services.identity import resident_search, residents
from services.identity.audit import reveal
from services.identity.context import ContextDep
from services.identity.models import Household, HouseholdMember
from services.identity.notify import PERM_NOTIFY, message_on_duty
from services.identity.permissions import scope_of
from services.identity.resident_messages import messages_to
from services.identity.schemas import (
    DependantIn,
    DependantOut,
    FoundResidentOut,
    HouseholdIn,
    HouseholdOut,
    MyMessageOut,
    NotifyIn,
    NotifyOut,
    PhoneLookupIn,
    RevealIn,
    RevealOut,
)
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import Principal, PrincipalDep, authorize, requires
from services.kit.errors import NotFound, PermissionDenied
from services.kit.pagination import Page, PageDep
from services.kit.personal import PERM_REVEAL, mask_phone

router = APIRouter(prefix="/v1", tags=["residents"])


def _resident_id(principal: Principal) -> uuid.UUID:
    kind, _, raw = principal.subject.partition(":")
    if kind != "resident":
        raise PermissionDenied("residents_only", "Sign in with your phone to do this.")
    return uuid.UUID(raw)


def _household_out(household: Household, member: HouseholdMember) -> HouseholdOut:
    return HouseholdOut(
        id=household.id,
        unit_place_id=household.unit_place_id,
        unit_code=household.unit_code,
        room_no=household.room_no,
        verified=household.verified_at is not None,
        member_verified=member.verified_at is not None,
    )


@router.post("/me/households", status_code=201, summary="Ask to be recorded at a home")
async def join_household(
    data: HouseholdIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> HouseholdOut:
    # Directory first, before this request's first statement (kit.calls).
    unit = await ctx.directory.place(data.unit_place_id, pointer="/body/unit_place_id")
    resident = await residents.get_resident(session, _resident_id(principal))
    household, member = await residents.join_household(
        session,
        resident=resident,
        unit=unit,
        room_no=data.room_no,
        relation=data.relation,
        now=clock.now(),
    )
    return _household_out(household, member)


@router.get("/me/households", summary="My homes and whether they are verified")
async def my_households(session: SessionDep, principal: PrincipalDep) -> list[HouseholdOut]:
    rows = await residents.households_of(session, _resident_id(principal))
    return [_household_out(h, m) for h, m in rows]


@router.post(
    "/households/{household_id:uuid}/members/{resident_id:uuid}/verify",
    summary="Community staff confirm a resident lives there",
    openapi_extra=requires(residents.PERM_VERIFY),
)
async def verify_member(
    household_id: uuid.UUID,
    resident_id: uuid.UUID,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
) -> HouseholdOut:
    not_found = NotFound("household_not_found", "No such household.")
    household = await session.get(Household, household_id)
    if household is None:
        raise not_found
    authorize(principal, residents.PERM_VERIFY, household.unit_path, hidden=not_found)
    member = await residents.verify_member(
        session,
        household=household,
        resident_id=resident_id,
        actor=principal.subject,
        now=clock.now(),
    )
    return _household_out(household, member)


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


@router.post("/me/dependants", status_code=201, summary="Add a child in my care")
async def add_dependant(
    data: DependantIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> DependantOut:
    guardian = await residents.get_resident(session, _resident_id(principal))
    dependant = await residents.add_dependant(
        session,
        guardian=guardian,
        name=data.name,
        birth_year=data.birth_year,
        cipher=ctx.cipher,
        now=clock.now(),
    )
    return DependantOut(id=dependant.id, name=data.name.strip(), birth_year=dependant.birth_year)


@router.get("/me/dependants", summary="The children in my care")
async def my_dependants(
    session: SessionDep, principal: PrincipalDep, ctx: ContextDep
) -> list[DependantOut]:
    rows = await residents.dependants_of(session, _resident_id(principal))
    return [
        DependantOut(id=d.id, name=ctx.cipher.decrypt(d.name_cipher), birth_year=d.birth_year)
        for d in rows
    ]


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
    rows, total = await messages_to(session, _resident_id(principal), page=page)
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
