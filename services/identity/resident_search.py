"""Staff adding a resident to a team (a venue's dance team, a building's volunteers) find
them by the phone the resident gave them: the resident's id, and the phone masked.

Never open to residents (a number would tell them whether a neighbour has an account), and
limited per searcher: each search is a row in the audit list (who searched, when, whether
someone was found; never the number), and those rows are what the limit counts, the way
sign-in codes are counted by their rows (otp), so every replica agrees without a shared cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import permissions
from services.identity.audit import record_admin_event
from services.identity.models import AdminEvent, Resident
from services.kit.errors import NotFound, TooManyRequests
from services.kit.personal import PersonalDataCipher, parse_mobile

PERM_FIND = permissions.RESIDENTS_FIND
SEARCHED = "resident.found_by_phone"
WINDOW = timedelta(hours=1)


@dataclass(frozen=True)
class SearchPolicy:
    per_hour: int


async def _check_limit(
    session: AsyncSession, *, actor: str, policy: SearchPolicy, now: datetime
) -> None:
    since = now - WINDOW
    recent = list(
        await session.scalars(
            select(AdminEvent.at)
            .where(AdminEvent.action == SEARCHED, AdminEvent.actor == actor, AdminEvent.at > since)
            .order_by(AdminEvent.at)
        )
    )
    if len(recent) >= policy.per_hour:
        # The oldest search in the window leaves it first.
        wait = max(1, int((recent[-policy.per_hour] + WINDOW - now).total_seconds()) + 1)
        raise TooManyRequests(
            "resident_search_limited",
            f"At most {policy.per_hour} phone searches an hour; try again in {wait} s.",
            headers={"Retry-After": str(wait)},
            retry_after=wait,
        )


async def find_by_phone(
    session: AsyncSession,
    *,
    raw_phone: str,
    actor: str,
    place_path: str,
    cipher: PersonalDataCipher,
    policy: SearchPolicy,
    now: datetime,
) -> tuple[Resident, str]:
    """The resident with this phone, and the phone as typed, normalised (the answer masks
    it: the searcher knows it already); a 404 otherwise. Either way the search is recorded
    (in the searcher's place, so its admins see it) and counted."""
    await _check_limit(session, actor=actor, policy=policy, now=now)
    phone = parse_mobile(raw_phone)
    resident = await session.scalar(
        select(Resident).where(Resident.phone_hash == cipher.lookup_hash(phone))
    )
    record_admin_event(
        session,
        actor=actor,
        action=SEARCHED,
        target_kind="resident",
        target_id=str(resident.id) if resident else "-",
        now=now,
        place_path=place_path,
        found=resident is not None,
    )
    if resident is None:
        # Kept: a search that found no one still counts, and is on the record.
        raise NotFound("resident_not_found", "No resident has this phone.", keep_changes=True)
    return resident, phone
