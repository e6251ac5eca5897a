"""Residents' homes: a claim at a unit door, what staff decide, invites, leaving.

A resident claims a home (a unit door and a room number) at the door whose code they
scanned, with their relation and optionally a photo of a document. The claim waits
(待核验) until community staff approve it (已核验) or refuse it with a reason the resident
sees (未通过). A verified member may invite another adult with a one-time code: a verified
member vouched, so the invitee is verified at once (recorded as `resident:<inviter>`).
A member leaves; staff withdraw a verification (moved out), which tells other services
(`household.verification_withdrawn` through the outbox) so parking can act on permits.

The one rule other services' answers rest on: a `HouseholdMember` row exists while a claim
waits or holds, and `verified_at IS NOT NULL` means verified. Refused, left and withdrawn
claims remove the row; their trail stays in `household_claims` and the admin events.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import permissions
from services.identity.audit import record_admin_event
from services.identity.models import (
    RELATIONS,
    Household,
    HouseholdClaim,
    HouseholdInvite,
    HouseholdMember,
    Resident,
    media,
)
from services.kit.clients.directory import PlaceRef
from services.kit.errors import Conflict, Gone, InvalidInput, NotFound, PermissionDenied
from services.kit.media.models import MediaRef
from services.kit.media.store import MediaStore
from services.kit.personal import PersonalDataCipher
from services.kit.scope import is_within

PERM_VERIFY = permissions.HOUSEHOLDS_VERIFY
WITHDRAWN_TOPIC = "household.verification_withdrawn"
INVITE_LIFETIME = timedelta(days=7)
# Typeable on a phone and read aloud: no 0/O, 1/I/L.
INVITE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
INVITE_LENGTH = 8
# The claims a resident still sees on 我的家 (a left claim is gone from their page).
SHOWN_TO_RESIDENT = ("pending", "verified", "refused", "withdrawn")
# A claim that waits or holds (its member row exists).
OPEN = ("pending", "verified")


def check_door(unit: PlaceRef, scanned: PlaceRef) -> None:
    """The claimed door is the scanned code's place or under it (a building's code lists its
    doors), and is a unit door."""
    if unit.kind != "unit":
        raise InvalidInput("not_a_unit_door", "请选择单元门：住户登记在某个单元门下。")
    if not is_within(unit.path, scanned.path):
        raise InvalidInput(
            "door_outside_code", "这个单元门不在您扫的二维码所在的位置，请在自家楼门扫码登记。"
        )


def normal_room(room_no: str) -> str:
    room = room_no.strip().upper()
    if not room or len(room) > 10:
        raise InvalidInput("invalid_room_no", "请填写房间号，例如 502。")
    return room


async def _household_at(
    session: AsyncSession, unit: PlaceRef, *, room: str, now: datetime
) -> Household:
    """The home at (door, room), made if new. Two first claims at once both insert; the
    unique index lets one in and the other reads the row it made."""
    query = select(Household).where(Household.unit_place_id == unit.id, Household.room_no == room)
    household = await session.scalar(query)
    if household is not None:
        return household
    household = Household(
        id=uuid.uuid4(),
        unit_place_id=unit.id,
        unit_path=unit.path,
        unit_code=unit.code,
        room_no=room,
        created_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(household)
    except IntegrityError:
        found = await session.scalar(query)
        if found is None:  # pragma: no cover - the winner's row is committed before we fail
            raise
        return found
    return household


async def join_household(
    session: AsyncSession,
    *,
    resident: Resident,
    unit: PlaceRef,
    room_no: str,
    relation: str,
    now: datetime,
    document_id: uuid.UUID | None = None,
) -> tuple[Household, HouseholdMember]:
    """Claim a home at a unit door; it counts once community staff verify it. While one
    claim on a home waits, another resident's claim is refused (409 `claim_pending`)."""
    if unit.kind != "unit":
        raise InvalidInput("not_a_unit_door", "请选择单元门：住户登记在某个单元门下。")
    if relation not in RELATIONS:
        raise InvalidInput("invalid_relation", "请选择与这户的关系：业主、租户或家属。")
    household = await _household_at(session, unit, room=normal_room(room_no), now=now)
    await _not_yet_member(session, household, resident_id=resident.id)
    member = HouseholdMember(
        household_id=household.id, resident_id=resident.id, relation=relation, joined_at=now
    )
    claim = HouseholdClaim(
        id=uuid.uuid4(),
        household_id=household.id,
        resident_id=resident.id,
        relation=relation,
        status="pending",
        via="claim",
        document_id=document_id,
        claimed_at=now,
    )
    try:
        async with session.begin_nested():
            session.add_all([member, claim])
    except IntegrityError:
        # The savepoint's rollback took the new rows out of the session.
        await _not_yet_member(session, household, resident_id=resident.id)
        raise Conflict(
            "claim_pending",
            "这户已有一个登记正在等待社区核验，请核验完成后再试，或请家人邀请您加入。",
        ) from None
    return household, member


async def _not_yet_member(
    session: AsyncSession, household: Household, *, resident_id: uuid.UUID
) -> None:
    if await session.get(HouseholdMember, (household.id, resident_id)) is not None:
        raise Conflict("already_member", "您已经登记在这户了。")


async def attach_document(
    session: AsyncSession,
    *,
    documents: MediaStore,
    document_id: uuid.UUID,
    upload_key: str | None,
    by: str,
    now: datetime,
) -> None:
    """The claim's document photo: the resident's own upload, an image, not used elsewhere
    (kit.media: 422 `invalid_media` otherwise). Attached before the claim is stored, in the
    same transaction: a claim that fails leaves it unattached (purged within a day); a
    decided claim's document is purged by DOCUMENT_RETENTION_DAYS."""
    ref = MediaRef(pointer="/body/document_id", media_id=document_id, kind="image", key=upload_key)
    await documents.check_attachable(session, [ref], by=by)
    await documents.library.attach(session, [document_id], to=f"household-document:{by}", now=now)


@dataclass(frozen=True)
class DocumentLinks:
    """A claim's document as a page shows it: signed, expiring links while its bytes are
    kept; `purged` once retention deleted them (say so, rather than a link that is gone)."""

    url: str | None = None
    thumbnail: str | None = None
    purged: bool = False


async def document_links(
    session: AsyncSession, claim: HouseholdClaim, *, documents: MediaStore, thumbnail: bool = True
) -> DocumentLinks:
    """Links to the claim's document; only for the resident themself and staff verifying in
    scope (the routes decide)."""
    if claim.document_id is None:
        return DocumentLinks()
    item = await documents.library.get(session, claim.document_id)
    if item is None or item.purged_at is not None:
        return DocumentLinks(purged=True)
    url, thumb = documents.signed_urls(claim.document_id, thumbnail=thumbnail)
    return DocumentLinks(url, thumb)


# How long a claim's document photo (a deed, a lease: personal data of the whole family) is
# kept. It is needed only while staff decide the claim; once decided (verified, refused,
# withdrawn or left) the decision, its reason and the admin event are the record, and the
# photo would only be a liability. A grace period after the decision leaves time for a
# resident's question or a colleague's second look. Configurable:
# IDENTITY_HOUSEHOLD_DOCUMENT_RETENTION_DAYS. A waiting claim's document is always kept.
DOCUMENT_RETENTION_DAYS = 30
DECIDED = ("verified", "refused", "withdrawn", "left")


async def purge_decided_documents(
    session: AsyncSession,
    documents: MediaStore,
    *,
    now: datetime,
    keep_days: int = DOCUMENT_RETENTION_DAYS,
    batch: int = 200,
) -> int:
    """Delete the bytes of documents of claims decided more than `keep_days` ago (the media
    rows stay, marked purged, so the claim can say its document is no longer kept); how
    many were purged. Safe in several replicas: kit.media locks the rows it purges."""
    cutoff = now - timedelta(days=keep_days)
    table = media.table
    due = (
        select(HouseholdClaim.document_id)
        .join(table, table.c.id == HouseholdClaim.document_id)
        .where(
            HouseholdClaim.status.in_(DECIDED),
            HouseholdClaim.decided_at < cutoff,
            table.c.purged_at.is_(None),
        )
        .order_by(HouseholdClaim.decided_at)
        .limit(batch)
    )
    total = 0
    while ids := [i for i in (await session.scalars(due)).all() if i is not None]:
        await documents.purge(session, ids)
        total += len(ids)
    return total


async def current_claim(
    session: AsyncSession, household_id: uuid.UUID, *, resident_id: uuid.UUID
) -> HouseholdClaim | None:
    """The resident's claim on a home that waits or holds, else their latest one."""
    return await session.scalar(
        select(HouseholdClaim)
        .where(
            HouseholdClaim.household_id == household_id,
            HouseholdClaim.resident_id == resident_id,
        )
        .order_by(
            HouseholdClaim.status.in_(OPEN).desc(),
            HouseholdClaim.claimed_at.desc(),
            HouseholdClaim.id,
        )
        .limit(1)
    )


async def claims_of(
    session: AsyncSession, resident_id: uuid.UUID
) -> list[tuple[Household, HouseholdClaim]]:
    """A resident's homes as their page shows them: the latest claim at each, oldest home
    first (a home they left is not shown)."""
    rows = await session.execute(
        select(Household, HouseholdClaim)
        .join(HouseholdClaim, HouseholdClaim.household_id == Household.id)
        .where(HouseholdClaim.resident_id == resident_id)
    )
    latest: dict[uuid.UUID, tuple[Household, HouseholdClaim]] = {}
    # Latest first; of two at one moment, the one that waits or holds.
    ordered = sorted(rows, key=lambda r: (r[1].claimed_at, r[1].status in OPEN), reverse=True)
    for household, claim in ordered:
        latest.setdefault(household.id, (household, claim))
    shown = [pair for pair in latest.values() if pair[1].status in SHOWN_TO_RESIDENT]
    return sorted(shown, key=lambda pair: pair[1].claimed_at)


async def unverify_if_nobody_left(session: AsyncSession, household: Household) -> None:
    still = await session.scalar(
        select(
            exists().where(
                HouseholdMember.household_id == household.id,
                HouseholdMember.verified_at.is_not(None),
            )
        )
    )
    if not still:
        household.verified_at, household.verified_by = None, None


async def leave(
    session: AsyncSession, *, household_id: uuid.UUID, resident_id: uuid.UUID, now: datetime
) -> None:
    """The resident leaves a home (or takes back a waiting claim)."""
    household = await session.get(Household, household_id)
    member = await session.get(HouseholdMember, (household_id, resident_id)) if household else None
    if household is None or member is None:
        raise NotFound("household_not_found", "您不在这户的登记中。")
    claim = await current_claim(session, household_id, resident_id=resident_id)
    if claim is not None and claim.status in OPEN:
        claim.status, claim.decided_at, claim.decided_by = "left", now, f"resident:{resident_id}"
    await session.delete(member)
    await session.flush()
    await unverify_if_nobody_left(session, household)
    record_admin_event(
        session,
        actor=f"resident:{resident_id}",
        action="household.left",
        target_kind="household",
        target_id=str(household.id),
        now=now,
        place_path=household.unit_path,
        resident=str(resident_id),
    )


# Invites -----------------------------------------------------------------------------------


def new_invite_code() -> str:
    return "".join(secrets.choice(INVITE_ALPHABET) for _ in range(INVITE_LENGTH))


def normal_invite_code(code: str) -> str:
    return code.strip().upper().replace(" ", "").replace("-", "")


async def invite(
    session: AsyncSession,
    *,
    household_id: uuid.UUID,
    inviter_id: uuid.UUID,
    cipher: PersonalDataCipher,
    now: datetime,
) -> tuple[str, HouseholdInvite]:
    """A one-time code for another adult to join, from a verified member; valid 7 days."""
    member = await session.get(HouseholdMember, (household_id, inviter_id))
    if member is None:
        raise NotFound("household_not_found", "您不在这户的登记中。")
    if member.verified_at is None:
        raise PermissionDenied("not_verified_member", "这户核验通过后，才能邀请家人加入。")
    code = new_invite_code()
    row = HouseholdInvite(
        id=uuid.uuid4(),
        household_id=household_id,
        code_hash=cipher.lookup_hash(f"invite:{code}"),
        created_by=inviter_id,
        created_at=now,
        expires_at=now + INVITE_LIFETIME,
    )
    session.add(row)
    await session.flush()
    return code, row


async def accept_invite(
    session: AsyncSession,
    *,
    code: str,
    resident: Resident,
    relation: str,
    cipher: PersonalDataCipher,
    now: datetime,
) -> tuple[Household, HouseholdClaim]:
    """Join a home with an invite: verified at once (a verified member vouched), recorded.
    Unknown 404, expired 410, used 409; each code joins one person, even if two try at once."""
    if relation not in RELATIONS:
        raise InvalidInput("invalid_relation", "请选择与这户的关系：业主、租户或家属。")
    code_hash = cipher.lookup_hash(f"invite:{normal_invite_code(code)}")
    row = await session.scalar(
        select(HouseholdInvite).where(HouseholdInvite.code_hash == code_hash)
    )
    if row is None:
        raise NotFound("invite_not_found", "邀请码不正确，请核对后重新输入。")
    if row.used_at is not None:
        raise Conflict("invite_used", "这个邀请码已经用过了，请家人重新邀请。")
    if row.expires_at <= now:
        raise Gone("invite_expired", "这个邀请码已过期（7 天内有效），请家人重新邀请。")
    inviter = await session.get(HouseholdMember, (row.household_id, row.created_by))
    if inviter is None or inviter.verified_at is None:
        raise Gone("invite_void", "邀请您的家人已不在这户的登记中，邀请码已失效。")
    household = await session.get(Household, row.household_id)
    assert household is not None
    await _not_yet_member(session, household, resident_id=resident.id)
    used = await session.execute(
        update(HouseholdInvite)
        .where(HouseholdInvite.id == row.id, HouseholdInvite.used_at.is_(None))
        .values(used_at=now, used_by=resident.id)
        .execution_options(synchronize_session=False)
    )
    if used.rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict("invite_used", "这个邀请码已经用过了，请家人重新邀请。")
    vouched_by = f"resident:{row.created_by}"
    session.add(
        HouseholdMember(
            household_id=household.id,
            resident_id=resident.id,
            relation=relation,
            joined_at=now,
            verified_at=now,
            verified_by=vouched_by,
        )
    )
    claim = HouseholdClaim(
        id=uuid.uuid4(),
        household_id=household.id,
        resident_id=resident.id,
        relation=relation,
        status="verified",
        via="invite",
        claimed_at=now,
        decided_at=now,
        decided_by=vouched_by,
    )
    session.add(claim)
    await session.flush()
    record_admin_event(
        session,
        actor=f"resident:{resident.id}",
        action="household.joined_by_invite",
        target_kind="household",
        target_id=str(household.id),
        now=now,
        place_path=household.unit_path,
        resident=str(resident.id),
        invited_by=str(row.created_by),
    )
    return household, claim
