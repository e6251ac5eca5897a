"""Couriers' side of activities: what is on near a station (public), signing up and
cancelling (a registered courier), and `GET /v1/me/volunteering` in kit's shared shape."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from services.courier import activities, couriers, stations, volunteering
from services.courier.models import ActivityKind
from services.courier.routes.deps import IdempotentDep
from services.courier.schemas.activities import ActivityOut
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import OptionalPrincipalDep, PrincipalDep
from services.kit.caching import PERSONAL
from services.kit.pagination import Page, PageDep
from services.kit.shapes.volunteering import VOLUNTEERING_PATH, MyVolunteering

router = APIRouter(prefix="/v1", tags=["activities"])


@router.get(
    "/activities",
    summary="Activities and volunteering tasks, soonest first (public)",
    description="With `station_id`: those at the station and those posted by the street or "
    "community it hangs under. A signed-in courier sees `signed_up` on each.",
)
async def list_activities(
    session: SessionDep,
    clock: ClockDep,
    page: PageDep,
    principal: OptionalPrincipalDep,
    station_id: uuid.UUID | None = None,
    kind: Annotated[ActivityKind | None, Query()] = None,
    upcoming: Annotated[bool, Query(description="false: past and cancelled ones too")] = True,
) -> Page[ActivityOut]:
    around = None
    if station_id is not None:
        around = (await stations.get_station(session, station_id)).place_path
    rows, total = await activities.listed(
        session, page, around=around, kind=kind, since=clock.now() if upcoming else None
    )
    mine: set[uuid.UUID] | None = None
    if principal is not None and principal.kind == "resident" and not principal.acting:
        courier = await couriers.courier_of(session, principal)
        if courier is not None:
            mine = await activities.signed_up_ids(session, courier, among=[a.id for a in rows])
    return Page[ActivityOut](
        items=[
            activities.present(a, signed_up=None if mine is None else a.id in mine) for a in rows
        ],
        total=total,
    )


@router.get("/activities/{activity_id:uuid}", summary="One activity (public)")
async def get_activity(activity_id: uuid.UUID, session: SessionDep) -> ActivityOut:
    return activities.present(await activities.get_activity(session, activity_id))


@router.post(
    "/activities/{activity_id:uuid}/signup",
    status_code=201,
    response_model=ActivityOut,
    summary="Sign me up (a registered courier) while places are left",
    description="Send an Idempotency-Key: a retry on a weak network replays the answer.",
    dependencies=[PERSONAL],
    responses={
        409: {
            "description": "activity_full, already_signed_up, activity_started, activity_cancelled"
        }
    },
)
async def sign_up(
    activity_id: uuid.UUID,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    idem: IdempotentDep,
) -> Response:
    async def work() -> ActivityOut:
        courier = await couriers.my_courier(session, principal)
        activity = await activities.get_activity(session, activity_id)
        await activities.sign_up(session, activity, courier=courier, now=clock.now())
        return activities.present(activity, signed_up=True)

    return await idem.run(work, status_code=201)


@router.delete(
    "/activities/{activity_id:uuid}/signup",
    status_code=204,
    summary="Cancel my sign-up before the activity starts (the place goes back)",
    dependencies=[PERSONAL],
)
async def cancel_sign_up(
    activity_id: uuid.UUID, session: SessionDep, clock: ClockDep, principal: PrincipalDep
) -> Response:
    courier = await couriers.my_courier(session, principal)
    activity = await activities.get_activity(session, activity_id)
    await activities.cancel_sign_up(session, activity, courier=courier, now=clock.now())
    return Response(status_code=204)


@router.get(
    VOLUNTEERING_PATH.removeprefix(router.prefix),
    summary="My volunteering: tasks, hours (confirmed or planned) and confirmed hours in total",
    description="The shape every service answers for the resident's 我的 page "
    "(services/kit/shapes/volunteering.schema.json). A resident who never registered as a "
    "courier has none.",
    dependencies=[PERSONAL],
    responses={403: {"description": "residents_only"}},
)
async def my_volunteering(session: SessionDep, principal: PrincipalDep) -> MyVolunteering:
    return await volunteering.mine(session, await couriers.courier_of(session, principal))
