"""The place tree: which kind of place may hang under which, and how a place is written.

district → street (街道/镇) → community (社区) → building (楼) → unit door (单元), and sites
(venue, warm station, parking area) under a community or a street.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.directory import permissions
from services.directory.models import Place
from services.directory.schemas import PlaceCreate, PlaceUpdate
from services.kit.errors import Conflict, FieldError, InvalidInput, NotFound
from services.kit.scope import child_path, path_ids, within

# Which kinds a place of each kind may hang under (None: it is a root).
ALLOWED_PARENTS: dict[str, tuple[str, ...] | None] = {
    "district": None,
    "street": ("district",),
    "community": ("street",),
    "building": ("community",),
    "unit": ("building",),
    "venue": ("community", "street"),
    "station": ("community", "street"),
    "parking_area": ("community", "street"),
}

# A permission on the parent is what writing a child needs.
PERM_PLACES_WRITE = permissions.PLACES_WRITE


def place_not_found() -> NotFound:
    return NotFound("place_not_found", "No such place.")


async def get_place(session: AsyncSession, place_id: uuid.UUID) -> Place:
    place = await session.get(Place, place_id)
    if place is None:
        raise place_not_found()
    return place


async def get_place_by_code(session: AsyncSession, code: str) -> Place:
    place = await session.scalar(select(Place).where(Place.code == code.upper()))
    if place is None:
        raise place_not_found()
    return place


async def ancestors_of(session: AsyncSession, place: Place) -> list[Place]:
    """Root first, parent last: one query over the ids in the path."""
    ids = path_ids(place.path)[:-1]
    if not ids:
        return []
    rows = (await session.scalars(select(Place).where(Place.id.in_(ids)))).all()
    by_id = {p.id: p for p in rows}
    return [by_id[i] for i in ids if i in by_id]


def check_parent(kind: str, parent: Place | None) -> None:
    allowed = ALLOWED_PARENTS[kind]
    if allowed is None:
        if parent is not None:
            raise InvalidInput(
                "invalid_parent",
                f"A {kind} is a root place and has no parent.",
                errors=[FieldError(pointer="/body/parent_id", detail="must be empty")],
            )
        return
    if parent is None or parent.kind not in allowed:
        found = parent.kind if parent is not None else "no parent"
        raise InvalidInput(
            "invalid_parent",
            f"A {kind} belongs under a {' or a '.join(allowed)}, not under {found}.",
            errors=[
                FieldError(
                    pointer="/body/parent_id",
                    detail=f"must be a {' or '.join(allowed)}",
                    code="invalid_parent",
                )
            ],
            allowed_parent_kinds=list(allowed),
        )


async def _code_taken(session: AsyncSession, code: str) -> bool:
    return await session.scalar(select(Place.id).where(Place.code == code)) is not None


def new_place(*, data: PlaceCreate, parent: Place | None, actor: str, now: datetime) -> Place:
    """A place under `parent`, not yet in a session: create_place adds it after checking its
    code; a load of many new places at once (the demo seed) adds them and flushes once, the
    unique index on the code the only judge."""
    check_parent(data.kind, parent)
    place_id = uuid.uuid4()
    return Place(
        id=place_id,
        code=data.code,
        name=data.name.strip(),
        kind=data.kind,
        parent_id=parent.id if parent else None,
        path=child_path(parent.path if parent else None, place_id),
        position=data.position,
        address=data.address,
        latitude=data.latitude,
        longitude=data.longitude,
        phone=data.phone,
        created_at=now,
        created_by=actor,
        updated_at=now,
    )


async def create_place(
    session: AsyncSession,
    *,
    data: PlaceCreate,
    parent: Place | None,
    actor: str,
    now: datetime,
) -> Place:
    if await _code_taken(session, data.code):
        raise Conflict("place_code_taken", f"The code {data.code} is already used by a place.")
    place = new_place(data=data, parent=parent, actor=actor, now=now)
    session.add(place)
    try:
        await session.flush()
    except IntegrityError:
        # Lost a race for the same code: the same answer as the check above.
        raise Conflict("place_code_taken", f"The code {data.code} is already used.") from None
    return place


def update_place(place: Place, *, data: PlaceUpdate, now: datetime) -> Place:
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(place, name, value.strip() if isinstance(value, str) else value)
    place.updated_at = now
    return place


def list_places_statement(
    *,
    parent_id: uuid.UUID | None = None,
    kind: str | None = None,
    under: Place | None = None,
    query: str | None = None,
) -> Select[Place]:
    statement = select(Place)
    if parent_id is not None:
        statement = statement.where(Place.parent_id == parent_id)
    if kind is not None:
        statement = statement.where(Place.kind == kind)
    if under is not None:
        statement = statement.where(within(Place.path, under.path))
    if query:
        pattern = f"%{query.strip()}%"
        statement = statement.where(Place.name.like(pattern) | Place.code.like(pattern.upper()))
    return statement.order_by(Place.position, Place.code)


class _HasPhone(Protocol):
    @property
    def phone(self) -> str | None: ...


def nearest_phone(chain: Sequence[_HasPhone]) -> str | None:
    """The office phone closest to the place (a community's before its street's)."""
    for place in reversed(chain):
        if place.phone:
            return place.phone
    return None
