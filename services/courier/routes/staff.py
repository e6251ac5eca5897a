"""Station staff: the station's profile, the live view, couriers' cards scanned or typed,
check-in by card and check-out. Every route is scoped to the station's place."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from services.courier import couriers, permissions, stations, visits
from services.courier.context import ContextDep
from services.courier.models import Courier
from services.courier.routes.deps import (
    CARDS,
    HANDLE,
    READ,
    CardsStationDep,
    HandleStationDep,
    IdempotentDep,
    ReadStationDep,
)
from services.courier.schemas.couriers import ScannedCourier
from services.courier.schemas.stations import LiveStation, StationOut, StationProfileIn
from services.courier.schemas.visits import CheckedIn, CheckInByCard, VisitOut
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import PrincipalDep, requires
from services.kit.caching import PERSONAL

router = APIRouter(prefix="/v1/stations/{station_id}", tags=["station staff"])

CardText = Annotated[str, Path(min_length=4, max_length=80)]


@router.put(
    "",
    summary="Set a station's opening hours, services and check-out limit",
    openapi_extra=requires(permissions.STATIONS_MANAGE),
)
async def save_profile(
    station_id: uuid.UUID,
    data: StationProfileIn,
    session: SessionDep,
    clock: ClockDep,
    ctx: ContextDep,
    principal: PrincipalDep,
) -> StationOut:
    # The place from directory first, outside the write transaction (kit.calls).
    place = await ctx.directory.place(station_id)
    station = await stations.save_profile(
        session, place, data=data, principal=principal, now=clock.now()
    )
    return await stations.describe(session, station, now=clock.now())


@router.get(
    "/live",
    summary="Who is in now (couriers by nickname, phones masked; anonymous counted)",
    openapi_extra=READ.declare(),
    dependencies=[PERSONAL],
)
async def live(
    station: ReadStationDep, session: SessionDep, clock: ClockDep, ctx: ContextDep
) -> LiveStation:
    return await stations.live_view(session, station, now=clock.now(), photos=ctx.photos)


@router.get(
    "/cards/{card}",
    summary="A scanned or typed courier card: who it is and whether they are in",
    openapi_extra=HANDLE.declare(),
    dependencies=[PERSONAL],
    responses={410: {"description": "card_revoked"}},
)
async def scan_card(
    card: CardText, station: HandleStationDep, session: SessionDep, ctx: ContextDep
) -> ScannedCourier:
    found = await couriers.find_card(session, card)
    courier = await session.get(Courier, found.courier_id)
    assert courier is not None  # the card's foreign key
    visit = await couriers.open_visit_of(session, courier.id)
    return ScannedCourier(
        courier_id=courier.id,
        nickname=courier.nickname,
        platform=courier.platform,
        phone_masked=courier.phone_masked,
        # The courier shows their card here: the desk sees their face (routes/photos.py).
        photo_url=couriers.photo_url(ctx.photos, courier.photo_id),
        open_visit=VisitOut.model_validate(visit) if visit else None,
    )


@router.post(
    "/cards/{card}/revoke",
    status_code=204,
    summary="Revoke a courier's card (lost, misused); the courier can take a new one",
    openapi_extra=CARDS.declare(),
)
async def revoke_card(
    card: CardText,
    station: CardsStationDep,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
) -> Response:
    found = await couriers.find_card(session, card)
    await couriers.revoke_card(session, found, actor=principal.actor, now=clock.now())
    return Response(status_code=204)


@router.post(
    "/visits",
    status_code=201,
    response_model=CheckedIn,
    summary="Check a courier in by their card (scanned or its short code typed)",
    openapi_extra=HANDLE.declare(),
    dependencies=[PERSONAL],
    responses={409: {"description": "station_closed, or visit_already_open"}},
)
async def check_in_by_card(
    data: CheckInByCard,
    station: HandleStationDep,
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    idem: IdempotentDep,
) -> Response:
    async def work() -> CheckedIn:
        card = await couriers.find_card(session, data.card)
        courier = await session.get(Courier, card.courier_id)
        visit = await visits.check_in(
            session,
            station,
            courier=courier,
            services=data.services,
            source="card",
            actor=visits.Actor.staff(principal),
            now=ctx.clock.now(),
            anonymous_limit=ctx.anonymous_visit,
        )
        return CheckedIn.model_validate(visit)

    return await idem.run(work, status_code=201)


@router.post(
    "/visits/{visit_id}/checkout",
    summary="Check a courier out",
    openapi_extra=HANDLE.declare(),
)
async def check_out(
    visit_id: uuid.UUID,
    station: HandleStationDep,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
) -> VisitOut:
    visit = await visits.at_station(session, visit_id, station=station)
    await visits.check_out(session, visit, actor=visits.Actor.staff(principal), now=clock.now())
    return VisitOut.model_validate(visit)
