"""Residents' homes and children: households verified by community staff, dependants."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import permissions
from services.identity.audit import record_admin_event
from services.identity.models import Dependant, Household, HouseholdMember, Resident
from services.kit.clients.directory import PlaceRef as PlaceInfo
from services.kit.errors import Conflict, Gone, InvalidInput, NotFound
from services.kit.personal import PersonalDataCipher

PERM_VERIFY = permissions.HOUSEHOLDS_VERIFY
RELATIONS = ("owner", "tenant", "family")


async def get_resident(session: AsyncSession, resident_id: uuid.UUID) -> Resident:
    resident = await session.get(Resident, resident_id)
    if resident is None:
        raise NotFound("resident_not_found", "No such resident.")
    if resident.deleted_at is not None:
        # Its token may live a few seconds more (kit.revocations): nothing is added to it.
        raise Gone("account_deleted", "This account has been deleted.")
    return resident


async def join_household(
    session: AsyncSession,
    *,
    resident: Resident,
    unit: PlaceInfo,
    room_no: str,
    relation: str,
    now: datetime,
) -> tuple[Household, HouseholdMember]:
    """Claim a home at a unit door; it counts once community staff verify it."""
    if unit.kind != "unit":
        raise InvalidInput("not_a_unit_door", "A household belongs to a unit door.")
    room = room_no.strip().upper()
    household = await session.scalar(
        select(Household).where(Household.unit_place_id == unit.id, Household.room_no == room)
    )
    if household is None:
        household = Household(
            id=uuid.uuid4(),
            unit_place_id=unit.id,
            unit_path=unit.path,
            unit_code=unit.code,
            room_no=room,
            created_at=now,
        )
        session.add(household)
        await session.flush()
    if await session.get(HouseholdMember, (household.id, resident.id)) is not None:
        raise Conflict("already_member", "You are already in this household.")
    member = HouseholdMember(
        household_id=household.id, resident_id=resident.id, relation=relation, joined_at=now
    )
    session.add(member)
    await session.flush()
    return household, member


async def get_household(session: AsyncSession, household_id: uuid.UUID) -> Household:
    household = await session.get(Household, household_id)
    if household is None:
        raise NotFound("household_not_found", "No such household.")
    return household


async def verify_member(
    session: AsyncSession,
    *,
    household: Household,
    resident_id: uuid.UUID,
    actor: str,
    now: datetime,
) -> HouseholdMember:
    member = await session.get(HouseholdMember, (household.id, resident_id))
    if member is None:
        raise NotFound("member_not_found", "This resident has not asked to join the household.")
    member.verified_at, member.verified_by = now, actor
    if household.verified_at is None:
        household.verified_at, household.verified_by = now, actor
    record_admin_event(
        session,
        actor=actor,
        action="household.verified",
        target_kind="household",
        target_id=str(household.id),
        now=now,
        place_path=household.unit_path,
        resident=str(resident_id),
    )
    return member


async def households_of(
    session: AsyncSession, resident_id: uuid.UUID
) -> list[tuple[Household, HouseholdMember]]:
    rows = await session.execute(
        select(Household, HouseholdMember)
        .join(HouseholdMember, HouseholdMember.household_id == Household.id)
        .where(HouseholdMember.resident_id == resident_id)
        .order_by(HouseholdMember.joined_at)
    )
    return [(h, m) for h, m in rows]


async def add_dependant(
    session: AsyncSession,
    *,
    guardian: Resident,
    name: str,
    birth_year: int,
    cipher: PersonalDataCipher,
    now: datetime,
) -> Dependant:
    if not now.year - 18 < birth_year <= now.year:
        raise InvalidInput("not_a_child", "A dependant is a child under 18.")
    dependant = Dependant(
        id=uuid.uuid4(),
        guardian_id=guardian.id,
        name_cipher=cipher.encrypt(name.strip()),
        birth_year=birth_year,
        created_at=now,
    )
    session.add(dependant)
    await session.flush()
    return dependant


async def dependants_of(session: AsyncSession, guardian_id: uuid.UUID) -> list[Dependant]:
    rows = await session.scalars(
        select(Dependant).where(Dependant.guardian_id == guardian_id).order_by(Dependant.created_at)
    )
    return list(rows)


async def child_of(
    session: AsyncSession, guardian_id: uuid.UUID, *, dependant_id: uuid.UUID
) -> Dependant:
    """The guardian's own child; anyone else's, or none, is the same 404 (a service learns
    nothing about children outside the guardian it names)."""
    dependant = await session.scalar(
        select(Dependant).where(Dependant.id == dependant_id, Dependant.guardian_id == guardian_id)
    )
    if dependant is None:
        raise NotFound("dependant_not_found", "No such child in this guardian's care.")
    return dependant
