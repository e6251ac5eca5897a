"""Couriers' side: the station's profile and live numbers, the one-tap check-in from the
station's code (no account needed), services picked and check-out through the visit's token.

Answers carrying a visit's token are personal: never cached (kit.caching).
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from services.courier import couriers, stations, visits
from services.courier.context import ContextDep
from services.courier.routes.deps import IdempotentDep
from services.courier.schemas.stations import StationOut
from services.courier.schemas.visits import CheckedIn, CheckInByCode, ServicesIn, VisitOut
from services.kit.abuse import anonymous_write_limit, body_field
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import OptionalPrincipalDep
from services.kit.caching import PERSONAL

router = APIRouter(prefix="/v1", tags=["couriers"])

# Anonymous check-ins, per phone, per network and per station code (kit.abuse;
# COURIER_ANONYMOUS_LIMITS): a script cannot inflate the station's figures.
CHECK_IN_LIMIT = anonymous_write_limit(
    "check_ins",
    per_device="4/hour",
    per_address="60/hour",
    per_door="150/hour",
    door=body_field("code_token"),
)
VisitToken = Annotated[str, Path(min_length=8, max_length=40, pattern=r"^[A-Za-z0-9]+$")]


@router.get("/stations", summary="The warm stations, with their live numbers (public)")
async def list_stations(session: SessionDep, clock: ClockDep) -> list[StationOut]:
    now = clock.now()
    return [
        await stations.describe(session, s, now=now) for s in await stations.list_stations(session)
    ]


@router.get(
    "/stations/{station_id}",
    summary="A station's hours and services, couriers present and charging points free",
    description="The station's id is its directory place's, the target of its QR code "
    "(`courier:<id>`).",
)
async def get_station(station_id: uuid.UUID, session: SessionDep, clock: ClockDep) -> StationOut:
    station = await stations.get_station(session, station_id)
    return await stations.describe(session, station, now=clock.now())


@router.post(
    "/visits",
    status_code=201,
    response_model=CheckedIn,
    summary="Check in at a station from its QR code: one tap, no account needed",
    description="A registered courier's token makes the visit theirs; without one the visit "
    "is anonymous (counted, never named, closed after an hour). Send an Idempotency-Key.",
    dependencies=[PERSONAL, CHECK_IN_LIMIT],
    responses={
        409: {"description": "station_closed, or visit_already_open"},
        429: {"description": "Too many anonymous check-ins from this phone or network"},
    },
)
async def check_in(
    data: CheckInByCode,
    session: SessionDep,
    ctx: ContextDep,
    principal: OptionalPrincipalDep,
    idem: IdempotentDep,
) -> Response:
    # Directory first, before the idempotency key's row or any statement (kit.calls).
    station_id = await ctx.station_codes.station_of(data.code_token)

    async def work() -> CheckedIn:
        station = await stations.get_station(session, station_id)
        courier = None
        if principal is not None and principal.kind == "resident" and not principal.acting:
            courier = await couriers.courier_of(session, principal)
        visit = await visits.check_in(
            session,
            station,
            courier=courier,
            services=data.services,
            source="code",
            actor=visits.Actor.holder(principal),
            now=ctx.clock.now(),
            anonymous_limit=ctx.anonymous_visit,
        )
        return CheckedIn.model_validate(visit)

    return await idem.run(work, status_code=201)


@router.get(
    "/visits/{token}",
    summary="My visit, through the token its check-in gave",
    dependencies=[PERSONAL],
)
async def my_visit(token: VisitToken, session: SessionDep) -> VisitOut:
    return VisitOut.model_validate(await visits.by_token(session, token))


@router.post(
    "/visits/{token}/services",
    summary="Services used during my visit (charging holds a point until check-out)",
    dependencies=[PERSONAL],
)
async def use_services(
    token: VisitToken,
    data: ServicesIn,
    session: SessionDep,
    clock: ClockDep,
    principal: OptionalPrincipalDep,
) -> VisitOut:
    visit = await visits.by_token(session, token)
    await visits.use_services(
        session,
        visit,
        services=data.services,
        actor=visits.Actor.holder(principal),
        now=clock.now(),
    )
    return VisitOut.model_validate(visit)


@router.post(
    "/visits/{token}/checkout",
    summary="Check out of my visit",
    dependencies=[PERSONAL],
    responses={409: {"description": "The visit has ended already (invalid_transition)"}},
)
async def check_out(
    token: VisitToken, session: SessionDep, clock: ClockDep, principal: OptionalPrincipalDep
) -> VisitOut:
    visit = await visits.by_token(session, token)
    await visits.check_out(session, visit, actor=visits.Actor.holder(principal), now=clock.now())
    return VisitOut.model_validate(visit)
