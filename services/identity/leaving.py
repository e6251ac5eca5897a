"""Leaving the platform: a resident deletes their account.

Retention rule (written here, as identity keeps it):
- Erased at once: the phone they sign in with (and its look-up hash), their name, a
  contact phone, the WeChat link, their household memberships (the home itself, a unit door
  and a room number, stays: it is no one's personal data and other members may live there),
  their children's records, their household claims and the document photos shown with
  them, the invites they issued that no one used, the one-time codes asked for with their
  phone and the texts carrying them, and the messages services sent them by id (their 消息
  on 我的).
- Ended at once: every session (refresh tokens revoked, access tokens refused everywhere
  within seconds through the revoked sessions list), and any token naming the account, a
  staff member's act-for token included (sessions.revoke_deleted_account).
- Kept: the resident's id with its creation and deletion dates, so the ids other records
  hold (the audit list, other services' event trails) still resolve to "deleted", a
  second deletion is a clear 410 and not a new account; and the audit list's rows, which
  hold ids and the staff members' acts (who acted for whom, why), kept as the audit record.

Then `resident.deleted` (payload: the id only) goes through identity's outbox to every
service subscribing to it, in the deletion's transaction: each forgets the person by its
own retention rule (intake: the reporter's name, phone and link; courier: the
registration, card and photo).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import sessions
from services.identity.audit import record_admin_event
from services.identity.models import (
    Dependant,
    Household,
    HouseholdClaim,
    HouseholdInvite,
    HouseholdMember,
    OneTimeCode,
    Resident,
    SentMessage,
    outbox,
)
from services.kit import peers
from services.kit.auth import Principal
from services.kit.errors import Gone, PermissionDenied
from services.kit.media.store import MediaStore

RESIDENT_DELETED = "resident.deleted"
# The texts a resident's own phone was sent for signing in (the code in clear).
SIGN_IN_TEMPLATES = ("otp_code",)


def account_deleted() -> Gone:
    return Gone("account_deleted", "This account has been deleted.")


async def delete_account(
    session: AsyncSession,
    *,
    resident: Resident,
    principal: Principal,
    documents: MediaStore,
    now: datetime,
) -> None:
    """Erase what identity holds about `resident` (the retention rule above), end their
    sessions and tell the other services. Only the resident themself: staff acting for
    someone may not end that person's account."""
    if principal.acting:
        raise PermissionDenied(
            "not_while_acting", "Only the resident themself may delete their account."
        )
    if resident.deleted_at is not None:
        raise account_deleted()
    if resident.phone_hash is not None:
        await session.execute(
            delete(OneTimeCode).where(OneTimeCode.phone_hash == resident.phone_hash)
        )
        await session.execute(
            delete(SentMessage).where(
                SentMessage.to_hash == resident.phone_hash,
                SentMessage.template.in_(SIGN_IN_TEMPLATES),
            )
        )
    await session.execute(delete(SentMessage).where(SentMessage.resident_id == resident.id))
    # The audit entry stays where the community's staff and admins read it: under a home.
    home = await session.scalar(
        select(Household.unit_path)
        .join(HouseholdMember, HouseholdMember.household_id == Household.id)
        .where(HouseholdMember.resident_id == resident.id)
        .order_by(HouseholdMember.joined_at)
        .limit(1)
    )
    await session.execute(delete(HouseholdMember).where(HouseholdMember.resident_id == resident.id))
    shown = await session.scalars(
        select(HouseholdClaim.document_id).where(
            HouseholdClaim.resident_id == resident.id, HouseholdClaim.document_id.is_not(None)
        )
    )
    await documents.purge(session, [d for d in shown if d is not None])
    await session.execute(delete(HouseholdClaim).where(HouseholdClaim.resident_id == resident.id))
    await session.execute(
        delete(HouseholdInvite).where(
            HouseholdInvite.created_by == resident.id, HouseholdInvite.used_at.is_(None)
        )
    )
    await session.execute(delete(Dependant).where(Dependant.guardian_id == resident.id))
    resident.phone_cipher = resident.phone_hash = None
    resident.display_name = resident.wechat_openid = None
    resident.contact_phone_cipher = resident.contact_phone_hash = None
    resident.deleted_at = now
    subject = f"resident:{resident.id}"
    await sessions.revoke_deleted_account(session, subject=subject, now=now)
    record_admin_event(
        session,
        actor=subject,
        action="resident.deleted",
        target_kind="resident",
        target_id=str(resident.id),
        now=now,
        place_path=home,
    )
    await outbox.publish(
        session,
        topic=RESIDENT_DELETED,
        key=subject,
        payload={"resident_id": str(resident.id)},
        now=now,
        destinations=peers.destinations(RESIDENT_DELETED, sender="identity"),
    )
    await session.flush()
