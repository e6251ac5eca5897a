"""Station profiles: opening hours, services offered, and the live numbers (couriers present,
charging points free), kept here and keyed by directory's place of kind `station`."""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime, time

from sqlalchemy import and_, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier import couriers, permissions
from services.courier.models import Courier, Station, Visit
from services.courier.schemas.stations import (
    DayHours,
    LiveNumbers,
    LiveStation,
    PresentCourier,
    StationOut,
    StationProfileIn,
)
from services.kit.auth import Principal, authorize
from services.kit.clients.directory import PlaceDetail
from services.kit.clock import LOCAL_TZ
from services.kit.errors import Conflict, InvalidInput, NotFound
from services.kit.media.store import MediaStore

PERM_MANAGE = permissions.STATIONS_MANAGE
PERM_READ = permissions.VISITS_READ


def station_not_found() -> NotFound:
    return NotFound("station_not_found", "没有找到这个暖心驿站，或它还没有开放签到。")


def is_open(hours: list[dict[str, str | int]], at: datetime) -> bool:
    """Whether `at` falls in one of the opening periods, judged in Beijing time."""
    local = at.astimezone(LOCAL_TZ)
    now = local.time().replace(tzinfo=None)
    for period in hours:
        if period["weekday"] != local.weekday():
            continue
        if (
            time.fromisoformat(str(period["opens"]))
            <= now
            < time.fromisoformat(str(period["closes"]))
        ):
            return True
    return False


def refuse_if_closed(station: Station, at: datetime) -> None:
    if not is_open(station.hours, at):
        raise Conflict(
            "station_closed",
            f"{station.name}现在不在开放时间，暂时不能签到。",
            hours=station.hours,
        )


async def get_station(session: AsyncSession, station_id: uuid.UUID) -> Station:
    station = await session.get(Station, station_id)
    if station is None:
        raise station_not_found()
    return station


async def station_for(
    session: AsyncSession, station_id: uuid.UUID, *, principal: Principal | None, permission: str
) -> Station:
    """A station staff act on: a 404 when they hold no role anywhere above it (kit.auth)."""
    station = await get_station(session, station_id)
    authorize(principal, permission, station.place_path, hidden=station_not_found())
    return station


def _hours_data(hours: list[DayHours]) -> list[dict[str, str | int]]:
    ordered = sorted(hours, key=lambda h: (h.weekday, h.opens))
    for before, after in itertools.pairwise(ordered):
        if before.weekday == after.weekday and after.opens < before.closes:
            raise InvalidInput("hours_overlap", "同一天的开放时段有重叠。")
    return [
        {
            "weekday": h.weekday,
            "opens": h.opens.strftime("%H:%M"),
            "closes": h.closes.strftime("%H:%M"),
        }
        for h in ordered
    ]


async def save_profile(
    session: AsyncSession,
    place: PlaceDetail,
    *,
    data: StationProfileIn,
    principal: Principal,
    now: datetime,
) -> Station:
    """Create or replace a station's profile; the place (name, path) is directory's, read
    by the caller before this transaction."""
    if place.kind != "station":
        raise InvalidInput("not_a_station", "这个地点不是暖心驿站。")
    authorize(principal, PERM_MANAGE, place.path, hidden=station_not_found())
    station = await session.get(Station, place.id)
    if station is None:
        station = Station(id=place.id)
        session.add(station)
    station.place_code = place.code
    station.name = place.name
    station.place_path = place.path
    station.hours = _hours_data(data.hours)
    station.rest_seats = data.rest_seats
    station.charging_points = data.charging_points
    station.microwave = data.microwave
    station.water = data.water
    station.medicine_kit = data.medicine_kit
    station.auto_close_minutes = data.auto_close_minutes
    station.updated_at = now
    station.updated_by = principal.actor
    await session.flush()
    return station


def _present(station_id: uuid.UUID, now: datetime) -> list[object]:
    # An open visit past its limit is no longer counted, even before the worker closes it.
    return [Visit.station_id == station_id, Visit.status == "open", Visit.closes_at > now]


async def live_numbers(session: AsyncSession, station: Station, *, now: datetime) -> LiveNumbers:
    """Couriers present and charging points free: one query over the open visits."""
    present, charging = (
        await session.execute(
            select(
                func.count(),
                func.coalesce(func.sum(case((Visit.uses_charging, 1), else_=0)), 0),
            ).where(and_(*_present(station.id, now)))  # type: ignore[arg-type]
        )
    ).one()
    return LiveNumbers(
        present=int(present),
        charging_free=max(0, station.charging_points - int(charging)),
        open_now=is_open(station.hours, now),
    )


async def describe(session: AsyncSession, station: Station, *, now: datetime) -> StationOut:
    return StationOut(
        id=station.id,
        place_code=station.place_code,
        name=station.name,
        hours=[DayHours.model_validate(h) for h in station.hours],
        rest_seats=station.rest_seats,
        charging_points=station.charging_points,
        microwave=station.microwave,
        water=station.water,
        medicine_kit=station.medicine_kit,
        auto_close_minutes=station.auto_close_minutes,
        live=await live_numbers(session, station, now=now),
    )


async def list_stations(session: AsyncSession) -> list[Station]:
    return list(await session.scalars(select(Station).order_by(Station.place_code)))


async def live_view(
    session: AsyncSession, station: Station, *, now: datetime, photos: MediaStore
) -> LiveStation:
    """Who is in: registered couriers by nickname (phone masked), anonymous ones counted.
    Columns, not entities: the view is polled, and loading 30 visits and their couriers as
    ORM objects cost as much as the rest of the request (benchmarks/courier/live.py)."""
    rows = (
        await session.execute(
            select(
                Visit.id,
                Visit.started_at,
                Visit.services,
                Visit.uses_charging,
                Visit.courier_id,
                Courier.nickname,
                Courier.platform,
                Courier.phone_masked,
                Courier.photo_id,
            )
            .outerjoin(Courier, Courier.id == Visit.courier_id)
            .where(and_(*_present(station.id, now)))  # type: ignore[arg-type]
            .order_by(Visit.started_at)
        )
    ).all()
    present = [
        PresentCourier(
            visit_id=row.id,
            nickname=row.nickname,
            platform=row.platform,
            phone_masked=row.phone_masked,
            photo_url=couriers.photo_url(photos, row.photo_id),
            since=row.started_at,
            services=row.services,
        )
        for row in rows
        if row.courier_id is not None and row.nickname is not None
    ]
    charging = sum(1 for row in rows if row.uses_charging)
    return LiveStation(
        station_id=station.id,
        name=station.name,
        present=len(rows),
        couriers=present,
        anonymous_present=len(rows) - len(present),
        charging_points=station.charging_points,
        charging_free=max(0, station.charging_points - charging),
        open_now=is_open(station.hours, now),
    )
