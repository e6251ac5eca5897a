"""Message the staff on duty: "an urgent report came in at 3号楼" reaches whoever is working."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import permissions
from services.identity.messaging import send_message
from services.identity.models import Grant, StaffUser
from services.kit.messages import Message, MessageSender
from services.kit.personal import PersonalDataCipher
from services.kit.scope import ancestor_paths

PERM_NOTIFY = permissions.NOTIFY


async def on_duty_staff(session: AsyncSession, *, role: str, place_path: str) -> list[StaffUser]:
    """On-duty, enabled staff holding `role` on the place or any place above it."""
    rows = await session.scalars(
        select(StaffUser)
        .join(Grant, Grant.user_id == StaffUser.id)
        .where(
            Grant.role == role,
            Grant.withdrawn_at.is_(None),
            # A grant covers the place when it sits on one of the place's ancestors (or itself).
            Grant.place_path.in_(ancestor_paths(place_path)),
            StaffUser.on_duty.is_(True),
            StaffUser.disabled_at.is_(None),
        )
        .distinct()
    )
    return list(rows)


async def message_on_duty(
    session: AsyncSession,
    *,
    role: str,
    place_path: str,
    template: str,
    text: str,
    sender: MessageSender,
    cipher: PersonalDataCipher,
    now: datetime,
) -> tuple[int, int]:
    """(staff found on duty, messages accepted); staff without a phone are counted, not sent."""
    staff = await on_duty_staff(session, role=role, place_path=place_path)
    accepted = 0
    for user in staff:
        if user.phone_cipher is None:
            continue
        message = Message(phone=cipher.decrypt(user.phone_cipher), template=template, text=text)
        if await send_message(session, sender=sender, cipher=cipher, message=message, now=now):
            accepted += 1
    return len(staff), accepted
