"""When a resident deletes their account at identity (`resident.deleted`, kit.peers).

Retention rule: the station keeps a courier's registration (nickname, platform, masked
phone, photo) and card so staff recognise them and a card checks them in; none of it is
needed once they leave. What the station reports stays true: visits are counted and
volunteer hours were confirmed, and those numbers are the station's, not the person's. So:
- the photo's bytes are deleted and the card revoked (its codes are kept as revoked, so
  they never name anyone else);
- the registration is kept as a row that names no one: the link to the account
  (`resident_subject`) becomes `left:<courier id>`, unique and matching no token; the
  nickname, the masked phone and the consent to be named on the recognition list go;
- its visits, sign-ups and confirmed hours stay attached to that row, so the statistics
  (unique couriers, repeat rate, platforms, volunteer hours) do not change.

Idempotent: a second delivery of one event is dropped by its id (kit.peers), and a second
event for one resident finds no courier of theirs any more and does nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier.models import Courier, CourierCard
from services.kit.media.store import MediaStore
from services.kit.peers import EventIn, payload_uuid

RESIDENT_DELETED = "resident.deleted"
LEFT_PREFIX = "left:"
# What staff lists show for a courier who left (a nickname is data, typed by couriers).
LEFT_NICKNAME = "已注销"


class ForgetCourier:
    """The `resident.deleted` handler: forget the courier the resident registered as."""

    def __init__(self, photos: MediaStore) -> None:
        self.photos = photos

    async def __call__(self, session: AsyncSession, event: EventIn, *, now: datetime) -> None:
        subject = f"resident:{payload_uuid(event, 'resident_id')}"
        courier = await session.scalar(
            select(Courier).where(Courier.resident_subject == subject).with_for_update()
        )
        if courier is None:
            return  # never registered, or forgotten already
        if courier.photo_id is not None:
            await self.photos.purge(session, [courier.photo_id])
        await session.execute(
            update(CourierCard)
            .where(CourierCard.courier_id == courier.id, CourierCard.status == "active")
            .values(status="revoked", revoked_at=now, revoked_by="system")
        )
        courier.resident_subject = f"{LEFT_PREFIX}{courier.id}"
        courier.nickname = LEFT_NICKNAME
        courier.phone_masked = None
        courier.photo_id = None
        courier.agrees_to_be_named = False
        courier.updated_at = now
        await session.flush()
