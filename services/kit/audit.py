"""Who saw which personal data: the audited reveal and the record of an export.

Each service records them in its own `personal_data_audit` table, in the transaction of
the read (so a reveal that happened is recorded, and only then), and publishes them
through its outbox to every service subscribing to `audit.*` (identity, whose audit list
is then one list of who saw what for a whole street office). Never the value itself: who,
whose what, where, when and why.

    audit = AuditTrail(Base.metadata, outbox, source="intake")
    await audit.reveal(session, principal, subject_kind="ticket", subject_id=..., ...)
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit import peers
from services.kit.auth import Principal
from services.kit.db import UTCDateTime, binary_string
from services.kit.outbox import Outbox

REVEAL = "audit.reveal"
EXPORT = "audit.export"
PATH_LENGTH = 400


class AuditTrail:
    """A service's `personal_data_audit` table and the events it sends."""

    def __init__(
        self,
        metadata: sa.MetaData,
        outbox: Outbox,
        *,
        source: str,
        destinations: Callable[[str], Sequence[str]] | None = None,
        table_name: str = "personal_data_audit",
    ) -> None:
        self.outbox = outbox
        self.source = source
        self._destinations = destinations or (lambda t: peers.destinations(t, sender=source))
        self.table = sa.Table(
            table_name,
            metadata,
            sa.Column("id", sa.Uuid, primary_key=True),
            sa.Column("kind", sa.String(10), nullable=False),  # reveal | export
            sa.Column("actor", sa.String(80), nullable=False),
            sa.Column("actor_kind", sa.String(20), nullable=False),
            sa.Column("actor_name", sa.String(100)),
            sa.Column("subject_kind", sa.String(40), nullable=False),
            sa.Column("subject_id", sa.String(80), nullable=False),
            sa.Column("fields", sa.String(200), nullable=False),
            sa.Column("reason", sa.String(200)),
            sa.Column("place_path", binary_string(PATH_LENGTH)),
            sa.Column("detail", sa.JSON, nullable=False),
            sa.Column("at", UTCDateTime, nullable=False, index=True),
            sa.CheckConstraint("kind IN ('reveal', 'export')", name="kind"),
        )

    async def reveal(
        self,
        session: AsyncSession,
        principal: Principal,
        *,
        subject_kind: str,
        subject_id: str,
        fields: Sequence[str],
        place_path: str | None,
        now: datetime,
        reason: str | None = None,
    ) -> uuid.UUID:
        """Record that `principal` read `fields` of a subject in clear."""
        return await self._record(
            session,
            "reveal",
            principal,
            subject_kind=subject_kind,
            subject_id=subject_id,
            fields=fields,
            place_path=place_path,
            now=now,
            reason=reason,
            detail={},
        )

    async def export(
        self,
        session: AsyncSession,
        principal: Principal,
        *,
        what: str,
        rows: int,
        revealed: int,
        fields: Sequence[str],
        numbers: int = 0,
        place_path: str | None,
        now: datetime,
        filters: dict[str, Any] | None = None,
        reason: str | None = None,
        clear: bool = False,
        file_format: str | None = None,
    ) -> uuid.UUID:
        """Record an export: what, why, with which filters, how many rows, how many
        personal values in clear (none for a masked export)."""
        return await self._record(
            session,
            "export",
            principal,
            subject_kind=what,
            subject_id="*",
            fields=fields if revealed else (),
            place_path=place_path,
            now=now,
            reason=reason,
            detail={
                "rows": rows,
                "revealed": revealed,
                "numbers_in_clear": numbers,
                "clear": clear,
                "format": file_format,
                "filters": filters or {},
            },
        )

    async def _record(
        self,
        session: AsyncSession,
        kind: str,
        principal: Principal,
        *,
        subject_kind: str,
        subject_id: str,
        fields: Sequence[str],
        place_path: str | None,
        now: datetime,
        reason: str | None,
        detail: dict[str, Any],
    ) -> uuid.UUID:
        row = {
            "id": uuid.uuid4(),
            "kind": kind,
            "actor": principal.actor,
            "actor_kind": principal.actor_kind,
            "actor_name": principal.actor_name,
            "subject_kind": subject_kind,
            "subject_id": subject_id,
            "fields": ",".join(fields),
            "reason": reason or principal.reason,
            "place_path": place_path,
            "detail": detail,
            "at": now,
        }
        await session.execute(sa.insert(self.table).values(**row))
        topic = REVEAL if kind == "reveal" else EXPORT
        payload = {
            **{k: v for k, v in row.items() if k not in ("id", "at")},
            "record_id": str(row["id"]),
            "at": now.isoformat(),
            "source": self.source,
        }
        await self.outbox.publish(
            session,
            topic=topic,
            key=f"{self.source}:{subject_kind}:{subject_id}",
            payload=payload,
            now=now,
            destinations=self._destinations(topic),
        )
        return uuid.UUID(str(row["id"]))
