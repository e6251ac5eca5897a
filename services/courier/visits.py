"""A visit's one state machine (kit.machine): open → closed (checked out by the courier or
staff) or auto_closed (by the worker, past the visit's limit). Every move writes a
`visit_events` row (kit.events).

Check-ins come from the station's code (a registered courier's phone, or anyone's, which
makes an anonymous visit) or from staff scanning a courier's card. One courier holds at most
one open visit: a partial unique index says so, whatever the race.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier.couriers import open_visit_of
from services.courier.models import Courier, Station, Visit, VisitEvent
from services.courier.stations import refuse_if_closed
from services.kit import events
from services.kit.auth import Principal
from services.kit.errors import Conflict, NotFound
from services.kit.machine import Machine, transition
from services.kit.pagination import PageParams, fetch_page
from services.kit.scope import within_any

Role = Literal["courier", "staff", "system"]
CHECK_IN = "check_in"
CHECK_OUT = "check_out"
AUTO_CLOSE = "auto_close"
SERVICES = "services"
TOKEN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
TOKEN_LENGTH = 32

MACHINE = Machine(
    "visit",
    (
        transition(CHECK_OUT, "open", "closed", "courier staff", milestone="closed_at"),
        transition(AUTO_CLOSE, "open", "auto_closed", "system", milestone="closed_at"),
    ),
)


@dataclass(frozen=True)
class Actor:
    """Who moves a visit: the row's actor and the roles they hold on this visit."""

    who: events.Actor
    roles: frozenset[Role]

    @classmethod
    def staff(cls, principal: Principal) -> Actor:
        return cls(events.Actor.of(principal), frozenset({"staff"}))

    @classmethod
    def holder(cls, principal: Principal | None) -> Actor:
        """Whoever holds the visit's token: the courier's own phone, signed in or not."""
        who = events.Actor.of(principal) if principal else events.Actor("courier", "resident")
        return cls(who, frozenset({"courier"}))

    @classmethod
    def system(cls) -> Actor:
        return cls(events.Actor.system(), frozenset({"system"}))


def already_open() -> Conflict:
    return Conflict("visit_already_open", "你已经在驿站签到了，请先签退再签到。")


def visit_not_found() -> NotFound:
    return NotFound("visit_not_found", "没有找到这次到访。")


def _event(
    visit: Visit,
    action: str,
    actor: Actor,
    at: datetime,
    *,
    from_status: str | None,
    detail: dict[str, Any] | None = None,
) -> VisitEvent:
    return VisitEvent(
        visit_id=visit.id,
        from_status=from_status,
        to_status=visit.status,
        action=action,
        **actor.who.columns(),
        at=at,
        detail=detail or {},
    )


def _use(visit: Visit, services: Sequence[str]) -> list[str]:
    """Add `services` to the visit's; the ones new to it (charging holds a point)."""
    added = [s for s in dict.fromkeys(services) if s not in visit.services]
    visit.services = [*visit.services, *added]
    visit.uses_charging = "charging" in visit.services
    return added


async def close_if_expired(session: AsyncSession, visit: Visit, *, now: datetime) -> bool:
    """Close an open visit past its limit as the worker would (the worker may not have run
    yet); False when it is still running or someone else closed it first."""
    if visit.status != "open" or visit.closes_at > now:
        return False
    closed = await auto_close(session, visit.id, now=now)
    session.expire(visit)  # the UPDATE went past the ORM: read it again when needed
    return closed


async def check_in(
    session: AsyncSession,
    station: Station,
    *,
    courier: Courier | None,
    services: Sequence[str],
    source: str,
    actor: Actor,
    now: datetime,
    anonymous_limit: timedelta,
) -> Visit:
    """Open a visit at `station` for `courier` (None: an anonymous one)."""
    refuse_if_closed(station, now)
    if courier is not None:
        current = await open_visit_of(session, courier.id)
        if current is not None and not await close_if_expired(session, current, now=now):
            raise already_open()
    limit = anonymous_limit if courier is None else timedelta(minutes=station.auto_close_minutes)
    visit = Visit(
        id=uuid.uuid4(),
        token="".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH)),
        station_id=station.id,
        station_path=station.place_path,
        courier_id=courier.id if courier else None,
        status="open",
        source=source,
        services=[],
        uses_charging=False,
        started_at=now,
        closes_at=now + limit,
    )
    _use(visit, services)
    checked_in = _event(
        visit, CHECK_IN, actor, now, from_status=None, detail={"services": visit.services}
    )
    if courier is None:
        # Nothing unique to collide on (the index is per courier): no savepoint, one flush
        # for the visit and its event (the most frequent check-in, two statements fewer).
        session.add_all([visit, checked_in])
        await session.flush()
        return visit
    try:
        # A savepoint: a concurrent check-in of the same courier that committed first makes
        # this insert fail on the partial unique index (PostgreSQL waits for it to commit).
        async with session.begin_nested():
            session.add(visit)
            await session.flush()
    except IntegrityError as exc:
        raise already_open() from exc
    session.add(checked_in)
    await session.flush()
    return visit


async def by_token(session: AsyncSession, token: str) -> Visit:
    visit = await session.scalar(select(Visit).where(Visit.token == token))
    if visit is None:
        raise visit_not_found()
    return visit


async def at_station(session: AsyncSession, visit_id: uuid.UUID, *, station: Station) -> Visit:
    visit = await session.get(Visit, visit_id)
    if visit is None or visit.station_id != station.id:
        raise visit_not_found()
    return visit


async def use_services(
    session: AsyncSession, visit: Visit, *, services: Sequence[str], actor: Actor, now: datetime
) -> Visit:
    """Services picked during the visit (charging, heating, water)."""
    if visit.status != "open" or visit.closes_at <= now:
        raise Conflict("visit_not_open", "这次到访已经结束了。")
    added = _use(visit, services)
    if added:
        session.add(
            _event(visit, SERVICES, actor, now, from_status="open", detail={"added": added})
        )
    await session.flush()
    return visit


async def check_out(session: AsyncSession, visit: Visit, *, actor: Actor, now: datetime) -> Visit:
    """Check out (the courier's phone or staff); a visit already ended is a 409."""
    move = MACHINE.find(visit.status, CHECK_OUT, actor.roles)
    previous = MACHINE.enter(visit, move, now)
    session.add(_event(visit, CHECK_OUT, actor, now, from_status=previous))
    await session.flush()
    return visit


async def auto_close(session: AsyncSession, visit_id: uuid.UUID, *, now: datetime) -> bool:
    """Close one visit as the system, if it is still open: the UPDATE's condition makes a
    second replica (or a check-out racing it) a no-op, so each visit is closed once."""
    closed = await session.execute(
        update(Visit)
        .where(Visit.id == visit_id, Visit.status == "open")
        .values(status="auto_closed", closed_at=now)
        .execution_options(synchronize_session=False)
    )
    if closed.rowcount != 1:  # type: ignore[attr-defined]
        return False
    session.add(
        VisitEvent(
            visit_id=visit_id,
            from_status="open",
            to_status="auto_closed",
            action=AUTO_CLOSE,
            **events.Actor.system().columns(),
            at=now,
            detail={},
        )
    )
    await session.flush()
    return True


async def listed(
    session: AsyncSession,
    page: PageParams,
    *,
    paths: Sequence[str],
    station_id: uuid.UUID | None = None,
    status: str | None = None,
    started_from: datetime | None = None,
    started_before: datetime | None = None,
) -> tuple[list[tuple[Visit, Courier | None]], int]:
    """Visits at the stations within `paths`, newest first, with their couriers; optionally
    only those that started in [started_from, started_before)."""
    statement = select(Visit).where(within_any(Visit.station_path, paths))
    if station_id is not None:
        statement = statement.where(Visit.station_id == station_id)
    if status is not None:
        statement = statement.where(Visit.status == status)
    if started_from is not None:
        statement = statement.where(Visit.started_at >= started_from)
    if started_before is not None:
        statement = statement.where(Visit.started_at < started_before)
    rows, total = await fetch_page(
        session, statement.order_by(Visit.started_at.desc(), Visit.id), page=page
    )
    ids = {v.courier_id for v in rows if v.courier_id is not None}
    found = (
        {c.id: c for c in await session.scalars(select(Courier).where(Courier.id.in_(ids)))}
        if ids
        else {}
    )
    return [(v, found.get(v.courier_id) if v.courier_id else None) for v in rows], total


async def of_courier(
    session: AsyncSession, courier: Courier, *, page: PageParams
) -> tuple[list[tuple[Visit, str]], int]:
    """A registered courier's own visits, newest first, each with its station's name."""
    statement = (
        select(Visit)
        .where(Visit.courier_id == courier.id)
        .order_by(Visit.started_at.desc(), Visit.id)
    )
    rows, total = await fetch_page(session, statement, page=page)
    ids = {v.station_id for v in rows}
    names: dict[uuid.UUID, str] = {}
    if ids:
        found = await session.execute(select(Station.id, Station.name).where(Station.id.in_(ids)))
        names = {station_id: name for station_id, name in found}
    return [(v, names.get(v.station_id, "")) for v in rows], total
