"""Photos and videos on tickets (kit.media uploads): which uploads a report or a move may
use, attaching them in the ticket's own transaction, and who sees them, as signed links.

An upload is used once: it must exist, be unpurged, unattached and of the right kind when
the report (or the resolution) names it, and be the caller's: a report names each upload's
key (`upload_keys`, handed to the uploader only) unless its signed-in uploader files it;
staff and contractors attach only what they uploaded themselves. Refusals come before
anything is written, each at its JSON pointer (`/body/photo_ids/2`).

Who sees what: staff in scope see every photo of the ticket; its reporter the report's and
the resolution's; followers and the "+1" list none (neighbours must not see each other's
photos).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import Ticket, TicketMedia, media
from services.intake.schemas.common import TicketPhoto
from services.kit.media.models import MediaRef, StoredMedia
from services.kit.media.store import MediaStore, is_uploader

MAX_REPORT_PHOTOS = 6
# What the reporter is shown of a ticket's media: their own and the fix (a contractor's
# photos after the work are the fix; before and progress photos stay with the office).
REPORTER_PURPOSES = frozenset({"report", "resolution", "evidence_after"})


def report_refs(
    photo_ids: Sequence[uuid.UUID],
    video_id: uuid.UUID | None,
    keys: Mapping[uuid.UUID, str] | None = None,
) -> list[MediaRef]:
    """The uploads a report names, with where each was named and the key given for it (the
    schema caps the count)."""
    keys = keys or {}
    refs = [
        MediaRef(
            pointer=f"/body/photo_ids/{i}", media_id=media_id, kind="image", key=keys.get(media_id)
        )
        for i, media_id in enumerate(photo_ids)
    ]
    if video_id is not None:
        refs.append(
            MediaRef(
                pointer="/body/video_id", media_id=video_id, kind="video", key=keys.get(video_id)
            )
        )
    return refs


def photo_refs(
    photo_ids: Sequence[uuid.UUID], *, pointer: str = "/body/photo_ids"
) -> list[MediaRef]:
    return [
        MediaRef(pointer=f"{pointer}/{i}", media_id=media_id, kind="image")
        for i, media_id in enumerate(photo_ids)
    ]


async def check(
    session: AsyncSession,
    refs: Sequence[MediaRef],
    *,
    by: str,
    uploads: MediaStore | None = None,
) -> list[StoredMedia]:
    """The uploads, locked, if `by` (kit.media.router.uploader) may attach every one; a 422
    listing each that may not. With `uploads` (a report), an upload's key counts as its
    uploader's word; without, only `by`'s own signed-in uploads may be used."""
    if not refs:
        return []
    if uploads is not None:
        return await uploads.check_attachable(session, refs, by=by)
    return await media.check_attachable(
        session, refs, may_use=lambda item, _ref: is_uploader(item, by)
    )


async def attach(
    session: AsyncSession,
    *,
    ticket: Ticket,
    items: Sequence[StoredMedia],
    purpose: str,
    now: datetime,
    event_id: int | None = None,
    work_order_id: uuid.UUID | None = None,
) -> None:
    """Attach checked uploads to the ticket, in the order they were named."""
    if not items:
        return
    await media.attach(session, [item.id for item in items], to=f"ticket:{ticket.id}", now=now)
    for position, item in enumerate(items):
        session.add(
            TicketMedia(
                media_id=item.id,
                ticket_id=ticket.id,
                purpose=purpose,
                work_order_id=work_order_id,
                event_id=event_id,
                position=position,
                added_at=now,
            )
        )
    await session.flush()


@dataclass(frozen=True)
class Attached:
    """A photo or video of a ticket, still stored (purged ones are not listed)."""

    media_id: uuid.UUID
    kind: str
    purpose: str
    event_id: int | None
    has_thumbnail: bool


async def of_ticket(
    session: AsyncSession, ticket_id: uuid.UUID, *, purposes: frozenset[str] | None = None
) -> list[Attached]:
    table = media.table
    query = (
        select(
            TicketMedia.media_id,
            TicketMedia.purpose,
            TicketMedia.event_id,
            table.c.kind,
            table.c.thumbnail_key,
        )
        .join(table, table.c.id == TicketMedia.media_id)
        .where(TicketMedia.ticket_id == ticket_id, table.c.purged_at.is_(None))
        # The trail's order (events ascend), then as named; the same on both backends.
        .order_by(
            TicketMedia.added_at,
            func.coalesce(TicketMedia.event_id, 0),
            TicketMedia.position,
            TicketMedia.media_id,
        )
    )
    if purposes is not None:
        query = query.where(TicketMedia.purpose.in_(sorted(purposes)))
    return [
        Attached(
            media_id=row.media_id,
            kind=row.kind,
            purpose=row.purpose,
            event_id=row.event_id,
            has_thumbnail=row.thumbnail_key is not None,
        )
        for row in await session.execute(query)
    ]


def signed(store: MediaStore, attached: Sequence[Attached]) -> list[TicketPhoto]:
    """The photos as a page shows them: signed links that expire (kit.media)."""
    photos = []
    for item in attached:
        url, thumbnail_url = store.signed_urls(item.media_id, thumbnail=item.has_thumbnail)
        photos.append(
            TicketPhoto(
                id=item.media_id,
                kind="video" if item.kind == "video" else "image",
                purpose=item.purpose,
                url=url,
                thumbnail_url=thumbnail_url,
            )
        )
    return photos
