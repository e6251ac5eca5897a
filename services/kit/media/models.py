"""The media table of one service and what is stored in it: the rules that need only a
session (attach an upload once, list the unattached ones for purging)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.db import UTCDateTime, check_in
from services.kit.errors import FieldError, InvalidInput

MEDIA_KINDS = ("image", "video")
Kind = Literal["image", "video"]
Variant = Literal["original", "thumbnail"]
MB = 1024 * 1024


@dataclass(frozen=True)
class StoredMedia:
    """One row of the media table."""

    id: uuid.UUID
    kind: str
    content_type: str
    byte_size: int
    width: int | None
    height: int | None
    sha256: str
    storage_key: str
    thumbnail_key: str | None
    uploaded_by: str
    attached_to: str | None
    created_at: datetime
    attached_at: datetime | None
    purged_at: datetime | None


@dataclass(frozen=True)
class MediaRef:
    """An id a request refers to, where in the request it was (a JSON pointer), the kind it
    must be, and the upload key the request gave for it (if any)."""

    pointer: str
    media_id: uuid.UUID
    kind: Kind
    key: str | None = None


# Whether the caller may attach this upload, named by this ref (kit.media.store decides).
MayUse = Callable[[StoredMedia, MediaRef], bool]


class MediaLibrary:
    """The media table of one service, and the rules that need only a session."""

    def __init__(self, metadata: sa.MetaData, *, table: str = "media") -> None:
        self.table = sa.Table(
            table,
            metadata,
            sa.Column("id", sa.Uuid, primary_key=True),
            sa.Column("kind", sa.String(10), nullable=False),
            # What the content turned out to be (image/jpeg after re-encoding, video/mp4).
            sa.Column("content_type", sa.String(60), nullable=False),
            sa.Column("byte_size", sa.BigInteger, nullable=False),
            sa.Column("width", sa.Integer),
            sa.Column("height", sa.Integer),
            sa.Column("sha256", sa.String(64), nullable=False),
            # Keys in the storage (local disk under var/, or an S3-compatible bucket).
            sa.Column("storage_key", sa.String(200), nullable=False),
            sa.Column("thumbnail_key", sa.String(200)),
            # "staff:<subject>", "resident:<subject>", "client:<id>" or "anonymous".
            sa.Column("uploaded_by", sa.String(80), nullable=False),
            # What uses it ("ticket:<id>"); unattached uploads are purged after a day.
            sa.Column("attached_to", sa.String(80), index=True),
            sa.Column("created_at", UTCDateTime, nullable=False, index=True),
            sa.Column("attached_at", UTCDateTime),
            # Set when the bytes were deleted (retention); the row stays for the record.
            sa.Column("purged_at", UTCDateTime),
            sa.CheckConstraint(check_in("kind", MEDIA_KINDS), name="kind"),
        )

    async def add(self, session: AsyncSession, item: StoredMedia) -> None:
        await session.execute(sa.insert(self.table).values(**item.__dict__))

    async def get(self, session: AsyncSession, media_id: uuid.UUID) -> StoredMedia | None:
        row = (
            await session.execute(sa.select(self.table).where(self.table.c.id == media_id))
        ).one_or_none()
        return StoredMedia(**row._mapping) if row is not None else None

    async def lock(
        self, session: AsyncSession, ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, StoredMedia]:
        """The rows of `ids` that exist, locked until the transaction ends (PostgreSQL; on
        SQLite BEGIN IMMEDIATE already serialises writers): two requests cannot both attach
        one upload, nor a purge remove it while it is being attached."""
        if not ids:
            return {}
        rows = await session.execute(
            sa.select(self.table)
            .where(self.table.c.id.in_(list(ids)))
            .order_by(self.table.c.id)
            .with_for_update()
        )
        return {row.id: StoredMedia(**row._mapping) for row in rows}

    async def check_attachable(
        self, session: AsyncSession, refs: Sequence[MediaRef], *, may_use: MayUse | None = None
    ) -> list[StoredMedia]:
        """Each ref must be an existing, unpurged, unattached upload of its kind, named once,
        and (with `may_use`) the caller's to use; every failure is listed at its pointer
        (422 `invalid_media`), nothing is changed."""
        found = await self.lock(session, [ref.media_id for ref in refs])
        errors: list[FieldError] = []
        seen: set[uuid.UUID] = set()
        items: list[StoredMedia] = []
        for ref in refs:
            item = found.get(ref.media_id)
            problem: tuple[str, str] | None = None
            if ref.media_id in seen:
                problem = ("media_duplicate", "named twice")
            elif item is None:
                problem = ("media_not_found", "no upload with this id")
            elif item.purged_at is not None:
                problem = ("media_purged", "this upload has been deleted")
            elif item.attached_to is not None:
                problem = ("media_already_attached", "this upload is already in use")
            elif may_use is not None and not may_use(item, ref):
                problem = ("media_not_yours", "uploaded by someone else")
            elif item.kind != ref.kind:
                problem = ("media_wrong_kind", f"expected an {ref.kind}")
            seen.add(ref.media_id)
            if problem is not None:
                errors.append(FieldError(pointer=ref.pointer, detail=problem[1], code=problem[0]))
            elif item is not None:
                items.append(item)
        if errors:
            raise InvalidInput(
                "invalid_media", "Some photos or videos cannot be used; see errors.", errors=errors
            )
        return items

    async def attach(
        self, session: AsyncSession, ids: Sequence[uuid.UUID], *, to: str, now: datetime
    ) -> None:
        """Mark uploads as used by `to` ("ticket:<id>"). Only unattached, unpurged rows move;
        if any did not, another transaction won the race and this one must not go on."""
        if not ids:
            return
        result = await session.execute(
            sa.update(self.table)
            .where(
                self.table.c.id.in_(list(ids)),
                self.table.c.attached_to.is_(None),
                self.table.c.purged_at.is_(None),
            )
            .values(attached_to=to, attached_at=now)
        )
        if getattr(result, "rowcount", len(ids)) != len(set(ids)):
            raise InvalidInput(
                "invalid_media", "An upload was attached elsewhere in the meantime; try again."
            )

    async def unattached_before(
        self, session: AsyncSession, cutoff: datetime, *, limit: int
    ) -> list[uuid.UUID]:
        rows = await session.scalars(
            sa.select(self.table.c.id)
            .where(
                self.table.c.attached_to.is_(None),
                self.table.c.purged_at.is_(None),
                self.table.c.created_at < cutoff,
            )
            .order_by(self.table.c.created_at)
            .limit(limit)
        )
        return list(rows)
