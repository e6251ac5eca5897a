"""What other services may learn about residents' homes: whether a resident is a verified
member of a household and at which unit door, their households, and how many verified
households a place holds (a vote's quorum). Ids, counts and yes or no: never a phone, a name
or a room number (with the unit door, a room is an address)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import permissions
from services.identity.models import Household, HouseholdMember
from services.kit.scope import within, within_any

PERM_READ = permissions.HOUSEHOLDS_READ
PERM_COUNT = permissions.HOUSEHOLDS_COUNT


def is_verified(member: HouseholdMember | None, household: Household) -> bool:
    """Verified: community staff verified the member, and the household stands verified
    (a withdrawn verification clears either)."""
    return (
        member is not None and member.verified_at is not None and household.verified_at is not None
    )


def _verified_member_of_household() -> ColumnElement[bool]:
    return exists().where(
        HouseholdMember.household_id == Household.id, HouseholdMember.verified_at.is_not(None)
    )


@dataclass(frozen=True)
class Membership:
    household: Household
    member: HouseholdMember | None

    @property
    def verified(self) -> bool:
        return is_verified(self.member, self.household)


async def membership(
    session: AsyncSession, household: Household, *, resident_id: uuid.UUID
) -> Membership:
    member = await session.get(HouseholdMember, (household.id, resident_id))
    return Membership(household=household, member=member)


async def households_within(
    session: AsyncSession, resident_id: uuid.UUID, *, scope: list[str]
) -> list[tuple[Household, HouseholdMember]]:
    """The resident's households at places under `scope` (filtered in the query), oldest
    first: a client learns nothing of homes outside the places it acts on."""
    rows = await session.execute(
        select(Household, HouseholdMember)
        .join(HouseholdMember, HouseholdMember.household_id == Household.id)
        .where(HouseholdMember.resident_id == resident_id, within_any(Household.unit_path, scope))
        .order_by(HouseholdMember.joined_at, Household.id)
    )
    return [(h, m) for h, m in rows]


async def count_verified_under(session: AsyncSession, place_path: str) -> int:
    """Households at unit doors under the place (or at it) that stand verified with at least
    one verified member: one vote each."""
    total = await session.scalar(
        select(func.count())
        .select_from(Household)
        .where(
            and_(
                within(Household.unit_path, place_path),
                Household.verified_at.is_not(None),
                _verified_member_of_household(),
            )
        )
    )
    return int(total or 0)
