"""Courier profiles and their personal cards.

A courier signs in as an identity resident (phone and one-time code) and registers once:
nickname, platform, whether they may be named on the recognition list. This service then
issues a card: a QR payload and a short code anyone can type (no 0/O, 1/I/L), revocable and
re-issued on request. Only the masked phone, from identity at registration, is kept here.
An optional profile photo is a kit.media upload the courier names on their profile; the one
it replaces (or a removed one) is purged at once.
"""

from __future__ import annotations

import re
import secrets
import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier import permissions
from services.courier.models import Courier, CourierCard, Visit
from services.courier.schemas.couriers import CardOut, CourierIn, CourierUpdate
from services.kit.auth import Principal
from services.kit.errors import Conflict, Gone, NotFound, PermissionDenied
from services.kit.media.models import MediaRef
from services.kit.media.store import MediaStore

PERM_CARDS = permissions.CARDS_MANAGE
# The QR code carries this prefix and the card's token; staff may type the short code.
QR_PREFIX = "SQWB-COURIER:"
SHORT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
SHORT_LENGTH = 8
TOKEN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
TOKEN_LENGTH = 24
_SEPARATORS = re.compile(r"[\s-]+")


def resident_subject(principal: Principal) -> str:
    """The signed-in resident's subject; staff and API clients are not couriers."""
    if principal.kind != "resident" or principal.acting:
        raise PermissionDenied("residents_only", "请先用手机号登录（骑手本人）。")
    return principal.subject


def not_registered() -> NotFound:
    return NotFound("courier_not_registered", "你还没有登记为骑手，请先登记。")


def _short_code() -> str:
    return "".join(secrets.choice(SHORT_ALPHABET) for _ in range(SHORT_LENGTH))


def _token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def card_out(card: CourierCard) -> CardOut:
    code = card.short_code
    return CardOut(
        qr_payload=f"{QR_PREFIX}{card.token}",
        short_code=f"{code[:4]}-{code[4:]}",
        issued_at=card.issued_at,
    )


async def courier_of(session: AsyncSession, principal: Principal) -> Courier | None:
    return await session.scalar(
        select(Courier).where(Courier.resident_subject == resident_subject(principal))
    )


async def my_courier(session: AsyncSession, principal: Principal) -> Courier:
    courier = await courier_of(session, principal)
    if courier is None:
        raise not_registered()
    return courier


async def issue_card(session: AsyncSession, courier: Courier, *, now: datetime) -> CourierCard:
    """A new active card; the one before it (if any) is revoked by its holder's request."""
    for old in await session.scalars(
        select(CourierCard).where(
            CourierCard.courier_id == courier.id, CourierCard.status == "active"
        )
    ):
        old.status, old.revoked_at, old.revoked_by = "revoked", now, "courier"
    await session.flush()
    card = CourierCard(
        id=uuid.uuid4(),
        courier_id=courier.id,
        token=_token(),
        short_code=_short_code(),
        status="active",
        issued_at=now,
    )
    session.add(card)
    await session.flush()
    return card


async def register(
    session: AsyncSession,
    principal: Principal,
    *,
    data: CourierIn,
    phone_masked: str | None,
    now: datetime,
) -> tuple[Courier, CourierCard]:
    """Register the signed-in resident as a courier (once) and issue their first card."""
    subject = resident_subject(principal)
    if await courier_of(session, principal) is not None:
        raise Conflict("courier_already_registered", "你已经登记过了。")
    courier = Courier(
        id=uuid.uuid4(),
        resident_subject=subject,
        nickname=data.nickname.strip(),
        platform=data.platform,
        phone_masked=phone_masked,
        agrees_to_be_named=data.agrees_to_be_named,
        registered_at=now,
        updated_at=now,
    )
    session.add(courier)
    try:
        await session.flush()
    except IntegrityError as exc:  # the same resident registering twice at once
        raise Conflict("courier_already_registered", "你已经登记过了。") from exc
    return courier, await issue_card(session, courier, now=now)


def update(courier: Courier, *, data: CourierUpdate, now: datetime) -> Courier:
    if data.nickname is not None:
        courier.nickname = data.nickname.strip()
    if data.platform is not None:
        courier.platform = data.platform
    if data.agrees_to_be_named is not None:
        courier.agrees_to_be_named = data.agrees_to_be_named
    courier.updated_at = now
    return courier


async def active_card(session: AsyncSession, courier: Courier) -> CourierCard | None:
    return await session.scalar(
        select(CourierCard).where(
            CourierCard.courier_id == courier.id, CourierCard.status == "active"
        )
    )


async def find_card(session: AsyncSession, raw: str) -> CourierCard:
    """A card by what a scanner or a person hands in: the QR payload, its token or the short
    code (any case, with or without the dash). A revoked card is a 410 `card_revoked`."""
    text = raw.strip()
    token = text[len(QR_PREFIX) :] if text.upper().startswith(QR_PREFIX) else text
    short = _SEPARATORS.sub("", text).upper()
    card = await session.scalar(select(CourierCard).where(CourierCard.token == token))
    if card is None and len(short) == SHORT_LENGTH:
        card = await session.scalar(select(CourierCard).where(CourierCard.short_code == short))
    if card is None:
        raise NotFound("card_not_found", "没有这张骑手卡，请核对卡上的短码。")
    if card.status != "active":
        raise Gone("card_revoked", "这张骑手卡已经注销，请骑手在手机上出示新卡。")
    return card


async def revoke_card(
    session: AsyncSession, card: CourierCard, *, actor: str, now: datetime
) -> CourierCard:
    card.status, card.revoked_at, card.revoked_by = "revoked", now, actor
    await session.flush()
    return card


async def open_visit_of(session: AsyncSession, courier_id: uuid.UUID) -> Visit | None:
    return await session.scalar(
        select(Visit).where(Visit.courier_id == courier_id, Visit.status == "open")
    )


def photo_url(photos: MediaStore, photo_id: uuid.UUID | None) -> str | None:
    """The photo's thumbnail (a JPEG of at most 480 px: an avatar) behind a signed link
    that expires; handed only to whoever may see the courier (routes/photos.py)."""
    if photo_id is None:
        return None
    url, thumbnail = photos.signed_urls(photo_id, thumbnail=True)
    return thumbnail or url


async def set_photo(
    session: AsyncSession,
    courier: Courier,
    *,
    media_id: uuid.UUID,
    upload_key: str | None,
    photos: MediaStore,
    by: str,
    now: datetime,
) -> Courier:
    """Name an upload as the courier's photo: theirs (signed in as its uploader, or with its
    key), an image, not used elsewhere (kit.media: 422 `invalid_media` otherwise). The photo
    it replaces is purged: a face is not kept once its owner took it down."""
    ref = MediaRef(pointer="/body/media_id", media_id=media_id, kind="image", key=upload_key)
    await photos.check_attachable(session, [ref], by=by)
    await photos.library.attach(session, [media_id], to=f"courier:{courier.id}", now=now)
    old, courier.photo_id, courier.updated_at = courier.photo_id, media_id, now
    if old is not None:
        await photos.purge(session, [old])
    await session.flush()
    return courier


async def remove_photo(
    session: AsyncSession, courier: Courier, *, photos: MediaStore, now: datetime
) -> Courier:
    """Take the photo down: the profile forgets it and its bytes are deleted."""
    if courier.photo_id is not None:
        await photos.purge(session, [courier.photo_id])
        courier.photo_id, courier.updated_at = None, now
        await session.flush()
    return courier
