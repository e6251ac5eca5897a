"""The monthly recognition list: staff publish it for a place once the month is over;
anyone reads it (couriers who agree to be named only, by nickname)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from services.courier import permissions, recognition, stations
from services.courier.context import ContextDep
from services.courier.schemas.activities import MONTH_PATTERN, RecognitionIn, RecognitionOut
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import PrincipalDep, requires
from services.kit.pagination import Page, PageDep

router = APIRouter(prefix="/v1/recognitions", tags=["recognition"])


@router.post(
    "",
    status_code=201,
    summary="Publish a month's recognition list for a place (after the month is over)",
    openapi_extra=requires(permissions.RECOGNITION_PUBLISH),
    responses={409: {"description": "recognition_already_published, nothing_to_recognise"}},
)
async def publish(
    data: RecognitionIn,
    session: SessionDep,
    clock: ClockDep,
    ctx: ContextDep,
    principal: PrincipalDep,
) -> RecognitionOut:
    # The place from directory first, outside the write transaction (kit.calls).
    place = await ctx.directory.place(data.place_id, pointer="/body/place_id")
    published = await recognition.publish(
        session, place, data=data, principal=principal, now=clock.now()
    )
    return await recognition.present(session, published)


@router.get("", summary="Published recognition lists, the latest month first (public)")
async def list_recognitions(
    session: SessionDep,
    page: PageDep,
    place_id: uuid.UUID | None = None,
    station_id: Annotated[
        uuid.UUID | None, Query(description="lists its couriers see: at, above or near it")
    ] = None,
    month: Annotated[str | None, Query(pattern=MONTH_PATTERN)] = None,
) -> Page[RecognitionOut]:
    around = None
    if station_id is not None:
        around = (await stations.get_station(session, station_id)).place_path
    rows, total = await recognition.listed(
        session, page, place_id=place_id, month=month, around=around
    )
    return Page[RecognitionOut](
        items=[await recognition.present(session, row) for row in rows], total=total
    )


@router.get("/{list_id:uuid}", summary="One published recognition list (public)")
async def get_recognition(list_id: uuid.UUID, session: SessionDep) -> RecognitionOut:
    return await recognition.present(session, await recognition.get_list(session, list_id))
