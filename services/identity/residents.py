"""Residents: who they are, and the homes they are members of. The rules on homes live in
`households` (claims, invites, leaving) and `household_review` (what staff decide); those on
children in `children`. The names below stay here for callers that know them here (the demo
seeding path)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import permissions
from services.identity.children import add_dependant, dependants_of
from services.identity.household_review import verify_member
from services.identity.households import RELATIONS, join_household
from services.identity.models import Dependant, Household, HouseholdMember, Resident
from services.kit.auth import Principal
from services.kit.errors import Gone, NotFound, PermissionDenied

PERM_VERIFY = permissions.HOUSEHOLDS_VERIFY

__all__ = [
    "PERM_VERIFY",
    "RELATIONS",
    "add_dependant",
    "dependants_of",
    "get_household",
    "get_resident",
    "households_of",
    "join_household",
    "resident_id_of",
    "verify_member",
]


def resident_id_of(principal: Principal) -> uuid.UUID:
    """The signed-in resident's id (also while staff act for them); anyone else is refused."""
    kind, _, raw = principal.subject.partition(":")
    if kind != "resident":
        raise PermissionDenied("residents_only", "请用手机号登录后再操作。")
    return uuid.UUID(raw)


async def get_resident(session: AsyncSession, resident_id: uuid.UUID) -> Resident:
    resident = await session.get(Resident, resident_id)
    if resident is None:
        raise NotFound("resident_not_found", "没有这位住户。")
    if resident.deleted_at is not None:
        # Its token may live a few seconds more (kit.revocations): nothing is added to it.
        raise Gone("account_deleted", "This account has been deleted.")
    return resident


async def get_household(session: AsyncSession, household_id: uuid.UUID) -> Household:
    household = await session.get(Household, household_id)
    if household is None:
        raise NotFound("household_not_found", "没有这户。")
    return household


async def households_of(
    session: AsyncSession, resident_id: uuid.UUID
) -> list[tuple[Household, HouseholdMember]]:
    """The homes a resident is a member of (waiting or verified: see `verified_at`)."""
    rows = await session.execute(
        select(Household, HouseholdMember)
        .join(HouseholdMember, HouseholdMember.household_id == Household.id)
        .where(HouseholdMember.resident_id == resident_id)
        .order_by(HouseholdMember.joined_at)
    )
    return [(h, m) for h, m in rows]


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
