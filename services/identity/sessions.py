"""Access and refresh tokens: issuing, rotating and revoking.

A refresh token is random, stored hashed, and used once: refreshing hands out a new one in
the same family. A used token presented again means it was stolen, so the family is revoked.

A family is a session: its access tokens carry its id as `sid`. When a session ends (sign-out,
a replayed refresh token, the account disabled or its password reset) it is recorded as a
revoked session, which GET /v1/revocations publishes until its last access token has expired:
every service then refuses those tokens within seconds (kit.revocations).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import permissions
from services.identity.audit import record_admin_event
from services.identity.keys import KeyRing, access_claims
from services.identity.models import (
    Household,
    HouseholdMember,
    RefreshToken,
    Resident,
    RevokedSession,
    StaffUser,
)
from services.identity.staff import token_grants
from services.kit.auth import CLOCK_SKEW_SECONDS, Principal
from services.kit.db import insert_ignoring_conflicts
from services.kit.errors import NotFound, PermissionDenied, Unauthenticated
from services.kit.machine import required_text
from services.kit.revocations import deleted_account_entry

INVALID_REFRESH = "The session has ended; sign in again."
# Revoked sessions are kept this long (published only while their tokens may live).
REVOKED_KEPT = timedelta(days=7)
# Who may act for a resident: community staff who verify the homes of the resident's
# community (at the counter, on the phone for an elderly neighbour).
PERM_ACT_FOR = permissions.HOUSEHOLDS_VERIFY


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    expires_in: int
    refresh_token: str | None


@dataclass(frozen=True)
class TokenPolicy:
    issuer: str
    access_ttl: timedelta
    refresh_ttl: timedelta


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def staff_claims(session: AsyncSession, user: StaffUser) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "grants": await token_grants(session, user.id),
        "name": user.display_name,
    }
    if user.organisation_id:
        claims["org"] = str(user.organisation_id)
    return claims


async def _subject_claims(session: AsyncSession, subject: str) -> tuple[str, dict[str, Any]]:
    kind, _, raw_id = subject.partition(":")
    if kind == "staff":
        user = await session.get(StaffUser, uuid.UUID(raw_id))
        if user is None or user.disabled_at is not None:
            raise Unauthenticated("session_ended", INVALID_REFRESH)
        return "staff", await staff_claims(session, user)
    if kind == "resident":
        resident = await session.get(Resident, uuid.UUID(raw_id))
        if resident is None or resident.deleted_at is not None:
            raise Unauthenticated("session_ended", INVALID_REFRESH)
        return "resident", {}
    raise Unauthenticated("session_ended", INVALID_REFRESH)


async def issue_pair(
    session: AsyncSession,
    *,
    keys: KeyRing,
    policy: TokenPolicy,
    subject: str,
    now: datetime,
    family_id: uuid.UUID | None = None,
) -> TokenPair:
    kind, claims = await _subject_claims(session, subject)
    family_id = family_id or uuid.uuid4()
    access = keys.sign(
        access_claims(
            subject=subject,
            kind=kind,
            issuer=policy.issuer,
            now=now,
            ttl=policy.access_ttl,
            sid=str(family_id),
            **claims,
        )
    )
    refresh = secrets.token_urlsafe(32)
    session.add(
        RefreshToken(
            id=uuid.uuid4(),
            token_hash=_hash(refresh),
            family_id=family_id,
            subject=subject,
            issued_at=now,
            expires_at=now + policy.refresh_ttl,
        )
    )
    await session.flush()
    return TokenPair(access, int(policy.access_ttl.total_seconds()), refresh)


async def refresh_pair(
    session: AsyncSession,
    *,
    keys: KeyRing,
    policy: TokenPolicy,
    refresh_token: str,
    now: datetime,
) -> TokenPair:
    row = await session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == _hash(refresh_token))
    )
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        raise Unauthenticated("session_ended", INVALID_REFRESH)
    if await session.get(RevokedSession, str(row.family_id)) is not None:
        # Ended while this token was being issued (a refresh racing a sign-out).
        raise Unauthenticated("session_ended", INVALID_REFRESH)
    if row.used_at is not None:
        # Replay of a rotated token: end every session of this family.
        await revoke_family(session, family_id=row.family_id, now=now, reason="replayed")
        raise Unauthenticated("session_ended", INVALID_REFRESH, keep_changes=True)
    row.used_at = now
    return await issue_pair(
        session, keys=keys, policy=policy, subject=row.subject, now=now, family_id=row.family_id
    )


async def revoke_family(
    session: AsyncSession, *, family_id: uuid.UUID, now: datetime, reason: str
) -> None:
    """End a session: its refresh tokens, and (published as revoked) its access tokens."""
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    await _record_revoked(session, sids=[str(family_id)], now=now, reason=reason)


async def sign_out(session: AsyncSession, *, refresh_token: str, now: datetime) -> None:
    row = await session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == _hash(refresh_token))
    )
    if row is not None:
        await revoke_family(session, family_id=row.family_id, now=now, reason="signed_out")


async def revoke_subject(
    session: AsyncSession, *, subject: str, now: datetime, reason: str
) -> None:
    """A disabled account (or one whose password was reset) loses every session at once:
    its refresh tokens, and its access tokens everywhere within seconds."""
    # A session whose access token may still be unexpired has a refresh token issued with
    # it, unexpired too.
    families = await session.scalars(
        select(RefreshToken.family_id)
        .where(
            RefreshToken.subject == subject,
            RefreshToken.revoked_at.is_(None),
            RefreshToken.expires_at > now,
        )
        .distinct()
    )
    await _record_revoked(session, sids=[str(f) for f in families], now=now, reason=reason)
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.subject == subject, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


async def revoke_deleted_account(session: AsyncSession, *, subject: str, now: datetime) -> None:
    """A deleted account: every session ended (revoke_subject), and the account itself listed
    (kit.revocations.deleted_account_entry), so a token naming it that no session of its
    own carries, staff's act-for token for the resident, is refused everywhere too."""
    await revoke_subject(session, subject=subject, now=now, reason="account_deleted")
    await _record_revoked(
        session, sids=[deleted_account_entry(subject)], now=now, reason="account_deleted"
    )


async def _record_revoked(
    session: AsyncSession, *, sids: list[str], now: datetime, reason: str
) -> None:
    await session.execute(
        delete(RevokedSession).where(RevokedSession.revoked_at < now - REVOKED_KEPT)
    )
    if not sids:
        return
    table = cast(Table, RevokedSession.__table__)
    await session.execute(
        insert_ignoring_conflicts(session, table)
        .values([{"sid": sid, "revoked_at": now, "reason": reason} for sid in sids])
        .on_conflict_do_nothing(index_elements=["sid"])
    )


async def revoked_sessions(
    session: AsyncSession, *, now: datetime, access_ttl: timedelta
) -> list[str]:
    """The ended sessions whose access tokens may still be unexpired (a token issued as its
    session ended lives access_ttl, and is taken CLOCK_SKEW_SECONDS longer), in order."""
    since = now - access_ttl - timedelta(seconds=2 * CLOCK_SKEW_SECONDS)
    rows = await session.scalars(
        select(RevokedSession.sid)
        .where(RevokedSession.revoked_at >= since)
        .order_by(RevokedSession.sid)
    )
    return list(rows)


async def act_for(
    session: AsyncSession,
    *,
    keys: KeyRing,
    policy: TokenPolicy,
    staff: Principal,
    resident_id: uuid.UUID,
    reason: str | None,
    now: datetime,
) -> TokenPair:
    """A short-lived access token for staff acting for a resident, in the manner of RFC 8693:
    `sub` is the resident, `act` names the staff member, `reason` says why. No refresh token:
    acting for someone ends with the errand, or with the staff member's session (the token
    carries its `sid`: signed out or disabled, it is refused too). Recorded in the audit list.

    Staff may act for residents living under a place where they hold PERM_ACT_FOR; any
    other resident is a 404, their existence not revealed.
    """
    why = required_text(reason, "reason")
    if staff.kind != "staff" or staff.acting:
        raise PermissionDenied("staff_only", "Only staff act for a resident.")
    not_found = NotFound("resident_not_found", "No such resident.")
    resident = await session.get(Resident, resident_id)
    if resident is None:
        raise not_found
    homes = await session.scalars(
        select(Household.unit_path)
        .join(HouseholdMember)
        .where(HouseholdMember.resident_id == resident.id)
    )
    home = next((path for path in homes if staff.can(PERM_ACT_FOR, path)), None)
    if home is None:
        raise not_found
    subject = f"resident:{resident.id}"
    record_admin_event(
        session,
        actor=staff.actor,
        action="act_for",
        target_kind="resident",
        target_id=str(resident.id),
        now=now,
        place_path=home,
        reason=why,
    )
    access = keys.sign(
        access_claims(
            subject=subject,
            kind="resident",
            issuer=policy.issuer,
            now=now,
            ttl=policy.access_ttl,
            act={"sub": staff.actor, "name": staff.actor_name},
            reason=why,
            **({"sid": staff.claims["sid"]} if staff.claims.get("sid") else {}),
        )
    )
    return TokenPair(access, int(policy.access_ttl.total_seconds()), None)
