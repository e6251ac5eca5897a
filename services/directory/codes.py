"""The QR code registry: issue, revoke, re-issue and resolve the codes posted at places.

A token is 12 characters of upper-case base32 (60 random bits): unguessable, and all of it
in QR alphanumeric mode. It is not the place's public code: it can be revoked (a sticker
torn off and misused) and re-issued, and every such change is recorded with who and when.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, literal, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from services.directory import permissions
from services.directory.models import Place, QrCode, QrCodeEvent
from services.directory.places import create_place, get_place, nearest_phone
from services.directory.schemas import CodeTarget, PlaceCreate
from services.kit.codes import CODE_TOKEN_ALPHABET, CODE_TOKEN_LENGTH, code_token
from services.kit.errors import BadRequest, Conflict, Gone, InvalidInput, NotFound
from services.kit.scope import within

TOKEN_ALPHABET = CODE_TOKEN_ALPHABET
TOKEN_LENGTH = CODE_TOKEN_LENGTH

PERM_CODES_MANAGE = permissions.CODES_MANAGE
PERM_CODES_PRINT = permissions.CODES_PRINT

# Which code kinds may be posted at which kind of place.
CODE_KINDS_FOR_PLACE: dict[str, tuple[str, ...]] = {
    "unit": ("unit", "notice_board"),
    "building": ("building", "notice_board"),
    "community": ("notice_board",),
    "street": (),
    "district": (),
    "venue": ("venue", "room"),
    "station": ("station",),
    "parking_area": ("parking_area",),
}


def new_token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def code_not_found() -> NotFound:
    return NotFound("code_not_found", "This code is not known. Call the community office.")


def normalise_token(raw: str) -> str:
    """Scanners may hand us the upper-case symbol or a lower-cased link: both are the code
    (the shape is kit's, checked the same way by every service before it asks us)."""
    token = code_token(raw)
    if token is None:
        raise BadRequest(
            "malformed_token",
            "This is not a code of ours: a code is 12 letters A-Z and digits 2-7.",
        )
    return token


def _record(
    session: AsyncSession,
    code: QrCode,
    action: str,
    actor: str,
    now: datetime,
    reason: str | None = None,
) -> None:
    session.add(
        QrCodeEvent(
            id=uuid.uuid4(), code_id=code.id, action=action, actor=actor, at=now, reason=reason
        )
    )


async def _insert_code(
    session: AsyncSession,
    *,
    place: Place,
    kind: str,
    target: CodeTarget | None,
    actor: str,
    now: datetime,
    replaces: QrCode | None = None,
) -> QrCode:
    # A collision in 2^60 is not expected; retrying keeps the unique index the only judge.
    for _ in range(3):
        code = QrCode(
            id=uuid.uuid4(),
            token=new_token(),
            kind=kind,
            place_id=place.id,
            place_path=place.path,
            target_service=target.service if target else None,
            target_id=target.id if target else None,
            status="active",
            issued_at=now,
            issued_by=actor,
            replaces_id=replaces.id if replaces else None,
        )
        try:
            async with session.begin_nested():
                session.add(code)
                await session.flush()
        except IntegrityError:
            continue
        return code
    raise Conflict("token_collision", "Could not draw a fresh token; try again.")


async def issue_code(
    session: AsyncSession,
    *,
    place: Place,
    kind: str,
    target: CodeTarget | None,
    actor: str,
    now: datetime,
) -> QrCode:
    allowed = CODE_KINDS_FOR_PLACE[place.kind]
    if kind not in allowed:
        raise InvalidInput(
            "code_kind_not_allowed",
            f"A {kind} code cannot be posted at a {place.kind}.",
            allowed_kinds=list(allowed),
        )
    existing = await session.scalar(
        select(QrCode.id).where(
            QrCode.place_id == place.id,
            QrCode.kind == kind,
            QrCode.status == "active",
            QrCode.target_service.is_(None)
            if target is None
            else QrCode.target_service == target.service,
            QrCode.target_id.is_(None) if target is None else QrCode.target_id == target.id,
        )
    )
    if existing is not None:
        raise Conflict(
            "code_exists", "This place already has an active code of this kind; re-issue it."
        )
    code = await _insert_code(session, place=place, kind=kind, target=target, actor=actor, now=now)
    _record(session, code, "issued", actor, now)
    return code


async def add_new_doors(
    session: AsyncSession, *, places: list[Place], actor: str, now: datetime
) -> None:
    """Many new places at once (the demo seed: a community's buildings and doors), each unit
    door with its code ("一楼一码"), in three multi-row INSERTs instead of a round trip or
    more each: new doors have no code yet, and the unique indexes judge codes and tokens.
    Places, codes and their events go in that order (the unit of work does not order rows
    of tables without relationships between their models)."""
    session.add_all(places)
    await session.flush()
    codes = [
        QrCode(
            id=uuid.uuid4(),
            token=new_token(),
            kind="unit",
            place_id=place.id,
            place_path=place.path,
            target_service=None,
            target_id=None,
            status="active",
            issued_at=now,
            issued_by=actor,
            replaces_id=None,
        )
        for place in places
        if place.kind == "unit"
    ]
    session.add_all(codes)
    await session.flush()
    for code in codes:
        _record(session, code, "issued", actor, now)
    await session.flush()


async def add_place(
    session: AsyncSession,
    *,
    data: PlaceCreate,
    parent: Place | None,
    actor: str,
    now: datetime,
) -> Place:
    """Create a place; a unit door gets its QR code at once ("一楼一码")."""
    place = await create_place(session, data=data, parent=parent, actor=actor, now=now)
    if place.kind == "unit":
        await issue_code(session, place=place, kind="unit", target=None, actor=actor, now=now)
    return place


async def get_code(session: AsyncSession, raw_token: str) -> QrCode:
    token = normalise_token(raw_token)
    code = await session.scalar(select(QrCode).where(QrCode.token == token))
    if code is None:
        raise code_not_found()
    return code


async def revoke_code(
    session: AsyncSession, *, code: QrCode, actor: str, now: datetime, reason: str
) -> QrCode:
    if code.status == "revoked":
        raise Conflict("code_revoked", "This code is already revoked.")
    code.status = "revoked"
    code.revoked_at = now
    code.revoked_by = actor
    _record(session, code, "revoked", actor, now, reason)
    return code


async def reissue_code(
    session: AsyncSession, *, code: QrCode, actor: str, now: datetime, reason: str
) -> QrCode:
    """Revoke the old token (if still active) and issue a new one that works at once."""
    if code.status == "active":
        await revoke_code(session, code=code, actor=actor, now=now, reason=reason)
    elif await session.scalar(select(QrCode.id).where(QrCode.replaces_id == code.id)):
        raise Conflict("code_already_reissued", "This code was already replaced.")
    place = await get_place(session, code.place_id)
    target = (
        CodeTarget(service=code.target_service, id=code.target_id)
        if code.target_service and code.target_id
        else None
    )
    fresh = await _insert_code(
        session, place=place, kind=code.kind, target=target, actor=actor, now=now, replaces=code
    )
    _record(session, fresh, "reissued", actor, now, reason)
    return fresh


@dataclass(frozen=True, slots=True)
class ScannedPlace:
    id: uuid.UUID
    code: str
    name: str
    kind: str
    path: str
    phone: str | None


@dataclass(frozen=True, slots=True)
class Scan:
    """What a scan resolves to: the code and its place's chain, read as plain rows."""

    token: str
    kind: str
    target: CodeTarget | None
    chain: list[ScannedPlace]  # root first, the code's place last

    @property
    def place(self) -> ScannedPlace:
        return self.chain[-1]


def resolve_statement() -> Select[Any]:
    """The code, its place and every place above it, in ONE statement: a walk up parent_id
    from the code's place, each step a primary-key lookup (index lookups only, at any size)."""
    places = Place.__table__
    qr_codes = QrCode.__table__
    token: BindParameter[str] = bindparam("token")
    chain = (
        select(
            places.c.id,
            places.c.code,
            places.c.name,
            places.c.kind,
            places.c.path,
            places.c.phone,
            places.c.parent_id,
            literal(0).label("depth"),
        )
        .join(qr_codes, qr_codes.c.place_id == places.c.id)
        .where(qr_codes.c.token == token)
        .cte("chain", recursive=True)
    )
    parent = places.alias("parent")
    chain = chain.union_all(
        select(
            parent.c.id,
            parent.c.code,
            parent.c.name,
            parent.c.kind,
            parent.c.path,
            parent.c.phone,
            parent.c.parent_id,
            (chain.c.depth + 1).label("depth"),
        ).join(chain, parent.c.id == chain.c.parent_id)
    )
    return (
        select(
            qr_codes.c.kind.label("code_kind"),
            qr_codes.c.status,
            qr_codes.c.target_service,
            qr_codes.c.target_id,
            chain.c.id,
            chain.c.code,
            chain.c.name,
            chain.c.kind,
            chain.c.path,
            chain.c.phone,
        )
        .select_from(chain)
        .join(qr_codes, qr_codes.c.token == token)
        .order_by(chain.c.depth.desc())
    )


# Built once; benchmarks/directory/scan.py times this same statement bare, as the floor.
RESOLVE = resolve_statement()


async def resolve_code(db: AsyncConnection | AsyncSession, raw_token: str) -> Scan:
    """The scanned code, its place and the place's ancestors; revoked codes are gone (410).

    Every scan of every sticker lands here: one statement, read into plain rows (no ORM
    objects), so the scan route runs it on a connection outside any transaction.
    """
    token = normalise_token(raw_token)
    rows = (await db.execute(RESOLVE, {"token": token})).all()
    if not rows:
        raise code_not_found()
    code = rows[0]
    chain = [ScannedPlace(r.id, r.code, r.name, r.kind, r.path, r.phone) for r in rows]
    if code.status != "active":
        community = next((p for p in reversed(chain) if p.kind == "community"), None)
        raise Gone(
            "code_revoked",
            "This code is no longer in use. Call the community office for the new one.",
            community={"name": community.name, "phone": nearest_phone(chain)}
            if community
            else None,
        )
    target = (
        CodeTarget(service=code.target_service, id=code.target_id)
        if code.target_service and code.target_id
        else None
    )
    return Scan(token=token, kind=code.code_kind, target=target, chain=chain)


async def code_history(session: AsyncSession, code: QrCode) -> list[QrCodeEvent]:
    rows = await session.scalars(
        select(QrCodeEvent).where(QrCodeEvent.code_id == code.id).order_by(QrCodeEvent.at)
    )
    return list(rows)


async def active_codes_under(
    session: AsyncSession, place: Place, *, kind: str
) -> list[tuple[QrCode, Place]]:
    """Active codes of one kind at or under a place, with their places, in print order."""
    rows = await session.execute(
        select(QrCode, Place)
        .join(Place, Place.id == QrCode.place_id)
        .where(
            within(QrCode.place_path, place.path), QrCode.kind == kind, QrCode.status == "active"
        )
        .order_by(Place.code)
    )
    return [(code, p) for code, p in rows]
