"""Staff's list of visits across the stations in their places (the console's 到访记录)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from services.courier import visits
from services.courier.models import VisitStatus
from services.courier.routes.deps import READ
from services.courier.schemas.visits import VisitOut, VisitRow
from services.kit.app import SessionDep
from services.kit.auth import Principal
from services.kit.caching import PERSONAL
from services.kit.coverage import local_midnight
from services.kit.pagination import Page, PageDep
from services.kit.permissions import listing

router = APIRouter(prefix="/v1", tags=["station staff"])

# Days a visit can have started on: the calendar's ends would overflow its Beijing midnight.
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)

ReaderDep = Annotated[Principal, Depends(listing(READ))]


@router.get(
    "/visits",
    summary="Visits at the stations in your places, newest first",
    openapi_extra=READ.declare(),
    dependencies=[PERSONAL],
)
async def list_visits(
    session: SessionDep,
    reader: ReaderDep,
    page: PageDep,
    station_id: uuid.UUID | None = None,
    status: Annotated[VisitStatus | None, Query()] = None,
    from_day: Annotated[
        date | None,
        Query(alias="from", ge=FIRST_DAY, le=LAST_DAY, description="First Beijing day started"),
    ] = None,
    to_day: Annotated[
        date | None,
        Query(alias="to", ge=FIRST_DAY, le=LAST_DAY, description="Last Beijing day started"),
    ] = None,
) -> Page[VisitRow]:
    # A visit belongs to the local day it starts (as in the statistics).
    rows, total = await visits.listed(
        session,
        page,
        paths=reader.scope_paths(READ.permission),
        station_id=station_id,
        status=status,
        started_from=local_midnight(from_day) if from_day else None,
        started_before=local_midnight(to_day + timedelta(days=1)) if to_day else None,
    )
    return Page[VisitRow](
        items=[
            VisitRow(
                **VisitOut.model_validate(visit).model_dump(),
                nickname=courier.nickname if courier else None,
                platform=courier.platform if courier else None,
            )
            for visit, courier in rows
        ],
        total=total,
    )
