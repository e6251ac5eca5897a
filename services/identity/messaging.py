"""Sending a message to a person through kit's sender, and keeping what was sent."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.models import SentMessage
from services.kit.messages import Message, MessageSender
from services.kit.personal import PersonalDataCipher, mask_phone


async def send_and_record(
    session: AsyncSession,
    *,
    sender: MessageSender,
    cipher: PersonalDataCipher,
    message: Message,
    now: datetime,
    resident_id: uuid.UUID | None = None,
) -> SentMessage:
    """Send, and keep the record (naming the resident when one was messaged by id)."""
    delivery = await sender.send(message)
    sent = SentMessage(
        id=uuid.uuid4(),
        resident_id=resident_id,
        channel=delivery.channel,
        template=message.template,
        to_masked=mask_phone(message.phone),
        to_hash=cipher.lookup_hash(message.phone),
        body=message.text,
        accepted=delivery.accepted,
        sent_at=now,
    )
    session.add(sent)
    return sent


async def send_message(
    session: AsyncSession,
    *,
    sender: MessageSender,
    cipher: PersonalDataCipher,
    message: Message,
    now: datetime,
) -> bool:
    """Send to a phone (a sign-in code, the on-duty staff); whether the sender took it."""
    sent = await send_and_record(session, sender=sender, cipher=cipher, message=message, now=now)
    return sent.accepted
