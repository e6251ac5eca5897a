"""The record of administrative acts, and of every read of personal data in clear."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.models import AdminEvent, Reveal
from services.kit.personal import PersonalDataCipher


def record_admin_event(
    session: AsyncSession,
    *,
    actor: str,
    action: str,
    target_kind: str,
    target_id: str,
    now: datetime,
    place_path: str | None = None,
    **detail: Any,
) -> None:
    session.add(
        AdminEvent(
            id=uuid.uuid4(),
            actor=actor,
            action=action,
            target_kind=target_kind,
            target_id=target_id,
            place_path=place_path,
            detail=detail,
            at=now,
        )
    )


def reveal(
    session: AsyncSession,
    *,
    cipher: PersonalDataCipher,
    stored: str,
    actor: str,
    subject_kind: str,
    subject_id: str,
    field: str,
    reason: str,
    now: datetime,
) -> str:
    """The clear value of an encrypted field, for someone entitled; the read is recorded."""
    session.add(
        Reveal(
            id=uuid.uuid4(),
            actor=actor,
            subject_kind=subject_kind,
            subject_id=subject_id,
            field=field,
            reason=reason,
            at=now,
        )
    )
    return cipher.decrypt(stored)
