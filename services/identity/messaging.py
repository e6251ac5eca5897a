"""Sending a message to a person through kit's sender, and keeping what was sent."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.models import SentMessage
from services.kit.messages import Message, MessageSender
from services.kit.personal import PersonalDataCipher, mask_phone


async def send_message(
    session: AsyncSession,
    *,
    sender: MessageSender,
    cipher: PersonalDataCipher,
    message: Message,
    now: datetime,
) -> bool:
    delivery = await sender.send(message)
    session.add(
        SentMessage(
            id=uuid.uuid4(),
            channel=delivery.channel,
            template=message.template,
            to_masked=mask_phone(message.phone),
            to_hash=cipher.lookup_hash(message.phone),
            body=message.text,
            accepted=delivery.accepted,
            sent_at=now,
        )
    )
    return delivery.accepted
