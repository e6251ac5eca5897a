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
from services.identity.models import Household, HouseholdMember, Resident
from services.kit.errors import NotFound

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
    "verify_member",
]


async def get_resident(session: AsyncSession, resident_id: uuid.UUID) -> Resident:
    resident = await session.get(Resident, resident_id)
    if resident is None:
        raise NotFound("resident_not_found", "没有这位住户。")
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
