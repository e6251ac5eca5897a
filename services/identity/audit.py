"""The record of administrative acts, and of every read of personal data in clear."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.models import AdminEvent, Reveal
from services.kit.pagination import PageParams, fetch_page
from services.kit.peers import EventIn
from services.kit.personal import PersonalDataCipher
from services.kit.scope import within_any


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


async def list_admin_events(
    session: AsyncSession,
    *,
    scope: list[str],
    actor: str,
    action: str | None,
    page: PageParams,
) -> tuple[list[AdminEvent], int]:
    """The acts within `scope` and the reader's own (`actor`), of one action when given,
    newest first; one page and the total."""
    statement = select(AdminEvent).where(
        within_any(AdminEvent.place_path, scope) | (AdminEvent.actor == actor)
    )
    if action:
        statement = statement.where(AdminEvent.action == action)
    return await fetch_page(session, statement.order_by(AdminEvent.at.desc()), page)


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


async def record_remote(session: AsyncSession, event: EventIn, now: datetime) -> None:
    """Another service's reveal or export (kit.audit), into the one audit list: who saw
    whose what, where, when. The event id is kept so the entry leads back to its source."""
    p = event.payload
    kind = "reveal" if event.topic == "audit.reveal" else "export"
    record_admin_event(
        session,
        actor=str(p["actor"])[:64],
        action=f"{event.source}.{kind}"[:40],
        target_kind=str(p["subject_kind"])[:20],
        target_id=str(p["subject_id"])[:64],
        now=datetime.fromisoformat(str(p["at"])),
        place_path=p.get("place_path"),
        source=event.source,
        event_id=str(event.id),
        actor_kind=p.get("actor_kind"),
        actor_name=p.get("actor_name"),
        fields=p.get("fields"),
        reason=p.get("reason"),
        **({"export": p["detail"]} if kind == "export" else {}),
    )
