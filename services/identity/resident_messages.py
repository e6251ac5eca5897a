"""Messages another service sends a resident by id (a booking reminder, a permit's decision):
texted through kit's sender to the phone identity holds, recorded with the resident's id,
and listed on the resident's 我的 page. Sign-in codes are never listed (a stolen session
would otherwise read the next code)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import permissions
from services.identity.messaging import send_and_record
from services.identity.models import Resident, SentMessage
from services.kit.messages import Message, MessageSender
from services.kit.pagination import PageParams, fetch_page
from services.kit.personal import PersonalDataCipher

PERM_MESSAGE = permissions.RESIDENTS_MESSAGE


async def message_resident(
    session: AsyncSession,
    resident: Resident,
    *,
    template: str,
    text: str,
    sender: MessageSender,
    cipher: PersonalDataCipher,
    now: datetime,
) -> SentMessage | None:
    """The record of what was sent; None when the resident has no phone on record (staff
    recorded them without one): nothing is sent and the caller is told so, not refused."""
    # WeChat template messages join here once kit has their adapter: a linked openid first.
    if not resident.phone_cipher:
        return None
    message = Message(phone=cipher.decrypt(resident.phone_cipher), template=template, text=text)
    return await send_and_record(
        session, sender=sender, cipher=cipher, message=message, now=now, resident_id=resident.id
    )


async def messages_to(
    session: AsyncSession, resident_id: uuid.UUID, *, page: PageParams
) -> tuple[list[SentMessage], int]:
    """The messages services sent the resident by id, newest first; one page and the total."""
    statement = (
        select(SentMessage)
        .where(SentMessage.resident_id == resident_id)
        .order_by(SentMessage.sent_at.desc(), SentMessage.id)
    )
    return await fetch_page(session, statement, page=page)
