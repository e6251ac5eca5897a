"""Seeing the whole (接诉即办 → 未诉先办): the three rates, hotspots, proactive tasks."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from services.intake import hotspots, presenters, statistics
from services.intake.context import ContextDep
from services.intake.routes.deps import IdempotentDep
from services.intake.schemas.hotspots import Hotspots, ProactiveTask
from services.intake.schemas.statistics import Statistics
from services.intake.schemas.tickets import TicketSummary
from services.intake.tickets import PERM_HANDLE, PERM_READ
from services.kit import coverage
from services.kit.app import SessionDep
from services.kit.auth import PrincipalDep, requires

router = APIRouter(prefix="/v1", tags=["statistics"])

PlaceParam = Annotated[
    uuid.UUID | None,
    Query(description="A community, street or district; default: your widest place"),
]


@router.get(
    "/statistics",
    summary="The three rates and the figures behind them, for a place and a period",
    description=(
        "Definitions: the module docstring of services/intake/statistics.py. Each rate comes "
        "with its numerator and denominator; a rate is null when its denominator is 0."
    ),
    openapi_extra=requires(PERM_READ),
    response_model=Statistics,
)
async def get_statistics(
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    place_id: PlaceParam = None,
    first_day: Annotated[
        date | None,
        Query(alias="from", description="First Beijing day; default: 29 days before `to`"),
    ] = None,
    last_day: Annotated[
        date | None, Query(alias="to", description="Last Beijing day, inclusive; default: today")
    ] = None,
) -> Statistics:
    return await statistics.for_place(
        session,
        ctx=ctx,
        principal=principal,
        place_id=place_id,
        first_day=first_day,
        last_day=last_day,
    )


@router.get(
    "/hotspots",
    summary="Buildings with repeated tickets of one category, and categories on the rise",
    openapi_extra=requires(PERM_READ),
    response_model=Hotspots,
)
async def get_hotspots(
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    place_id: PlaceParam = None,
    days: Annotated[int, Query(ge=1, le=365, description="The window, in days")] = 30,
    min_count: Annotated[int, Query(ge=2, le=1000, description="Tickets that make one")] = 3,
) -> Hotspots:
    scope = await coverage.scope_for(ctx.directory, principal, place_id, PERM_READ)
    return await hotspots.find(
        session, ctx=ctx, scope=scope, days=days, min_count=min_count, now=ctx.clock.now()
    )


@router.post(
    "/hotspots/tasks",
    status_code=201,
    summary="File a proactive task (source patrol) at a hotspot's building or unit door",
    openapi_extra=requires(PERM_HANDLE),
    response_model=TicketSummary,
)
async def create_task(
    data: ProactiveTask,
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    idem: IdempotentDep,
) -> Response:
    # Directory first, before the idempotency key's row (kit.calls).
    location = await hotspots.locate_task(ctx, data)

    async def work() -> TicketSummary:
        ticket = await hotspots.file_task(
            session, ctx=ctx, principal=principal, data=data, location=location
        )
        return presenters.summary(ticket, ctx.clock.now())

    return await idem.run(work, status_code=201)
