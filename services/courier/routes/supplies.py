"""The medicine kit and supplies: staff keep the items and restock them, see the alerts
sent to the on-duty staff and record what a courier takes at the desk; a visit's detail
lists the items used only for staff holding courier:supplies:dispense (health data).
Couriers see the kit on offer and take an item during their visit through its token."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path
from fastapi.responses import Response

from services.courier import stations, supplies, visits
from services.courier.context import ContextDep
from services.courier.models import Courier, SupplyItem, SupplyUse
from services.courier.routes.deps import (
    READ,
    SUPPLIES_DISPENSE,
    SUPPLIES_MANAGE,
    SUPPLIES_READ,
    IdempotentDep,
    ReadStationDep,
    SuppliesDispenseStationDep,
    SuppliesManageStationDep,
    SuppliesReadStationDep,
)
from services.courier.schemas.supplies import (
    KitItem,
    RestockIn,
    RestockOut,
    SupplyAlertOut,
    SupplyItemIn,
    SupplyItemOut,
    SupplyItemUpdate,
    SupplyUseIn,
    SupplyUseOut,
    VisitDetail,
)
from services.courier.schemas.visits import VisitOut
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import OptionalPrincipalDep, PrincipalDep
from services.kit.caching import PERSONAL
from services.kit.pagination import Page, PageDep

router = APIRouter(prefix="/v1/stations/{station_id}", tags=["station staff"])
couriers_router = APIRouter(prefix="/v1", tags=["couriers"])

VisitToken = Annotated[str, Path(min_length=8, max_length=40, pattern=r"^[A-Za-z0-9]+$")]
USE_REFUSALS: dict[int | str, dict[str, Any]] = {
    404: {"description": "visit_not_found"},
    409: {"description": "item_out_of_stock, item_expired (on-duty staff alerted), visit_not_open"},
    422: {"description": "item_not_found: not in this station's kit"},
}


def _use_out(use: SupplyUse, item: SupplyItem) -> SupplyUseOut:
    return SupplyUseOut(
        id=use.id,
        item_id=item.id,
        name=item.name,
        kind=item.kind,
        unit=item.unit,
        quantity=use.quantity,
        used_at=use.used_at,
        recorded_by=use.recorded_by,
    )


@router.get(
    "/supplies",
    summary="The station's kit: stock, expiry, and what needs attention",
    openapi_extra=SUPPLIES_READ.declare(),
)
async def list_items(
    station: SuppliesReadStationDep, session: SessionDep, clock: ClockDep, ctx: ContextDep
) -> list[SupplyItemOut]:
    today = supplies.local_day(clock.now())
    return [
        supplies.describe(item, today=today, near_expiry_days=ctx.near_expiry_days)
        for item in await supplies.items_at(session, station)
    ]


@router.post(
    "/supplies",
    status_code=201,
    summary="Add an item to the kit, with its first stock",
    openapi_extra=SUPPLIES_MANAGE.declare(),
    responses={409: {"description": "item_exists"}, 422: {"description": "expiry_required"}},
)
async def add_item(
    data: SupplyItemIn,
    station: SuppliesManageStationDep,
    session: SessionDep,
    clock: ClockDep,
    ctx: ContextDep,
    principal: PrincipalDep,
) -> SupplyItemOut:
    now = clock.now()
    item = await supplies.add_item(session, station, data=data, principal=principal, now=now)
    return supplies.describe(
        item, today=supplies.local_day(now), near_expiry_days=ctx.near_expiry_days
    )


@router.patch(
    "/supplies/{item_id}",
    summary="Correct an item's name, unit or low-stock threshold",
    openapi_extra=SUPPLIES_MANAGE.declare(),
    responses={409: {"description": "item_exists"}},
)
async def update_item(
    item_id: uuid.UUID,
    data: SupplyItemUpdate,
    station: SuppliesManageStationDep,
    session: SessionDep,
    clock: ClockDep,
    ctx: ContextDep,
    principal: PrincipalDep,
) -> SupplyItemOut:
    now = clock.now()
    item = await supplies.item_at(session, item_id, station=station)
    await supplies.update_item(session, item, data=data, principal=principal, now=now)
    return supplies.describe(
        item, today=supplies.local_day(now), near_expiry_days=ctx.near_expiry_days
    )


@router.post(
    "/supplies/{item_id}/restocks",
    status_code=201,
    summary="Record a restock: how many, the batch and its expiry, old ones written off",
    openapi_extra=SUPPLIES_MANAGE.declare(),
    responses={422: {"description": "expiry_required, written_off_exceeds_stock"}},
)
async def restock(
    item_id: uuid.UUID,
    data: RestockIn,
    station: SuppliesManageStationDep,
    session: SessionDep,
    clock: ClockDep,
    ctx: ContextDep,
    principal: PrincipalDep,
) -> SupplyItemOut:
    now = clock.now()
    item = await supplies.item_at(session, item_id, station=station)
    await supplies.restock(session, item, data=data, principal=principal, now=now)
    await session.refresh(item)
    return supplies.describe(
        item, today=supplies.local_day(now), near_expiry_days=ctx.near_expiry_days
    )


@router.get(
    "/supplies/{item_id}/restocks",
    summary="An item's restock records, newest first",
    openapi_extra=SUPPLIES_READ.declare(),
)
async def list_restocks(
    item_id: uuid.UUID, station: SuppliesReadStationDep, session: SessionDep, page: PageDep
) -> Page[RestockOut]:
    item = await supplies.item_at(session, item_id, station=station)
    rows, total = await supplies.restocks_of(session, item, page=page)
    return Page[RestockOut](items=[RestockOut.model_validate(r) for r in rows], total=total)


@router.get(
    "/supply-alerts",
    summary="Alerts about the kit sent to the on-duty staff, newest first",
    openapi_extra=SUPPLIES_READ.declare(),
)
async def list_alerts(
    station: SuppliesReadStationDep, session: SessionDep, page: PageDep
) -> Page[SupplyAlertOut]:
    rows, total = await supplies.alerts_at(session, station, page=page)
    return Page[SupplyAlertOut](
        items=[
            SupplyAlertOut(
                id=a.id,
                item_id=a.item_id,
                item_name=name,
                condition=a.condition,
                occasion=a.occasion,
                raised_at=a.raised_at,
                notified_at=a.notified_at,
                on_duty=a.on_duty,
            )
            for a, name in rows
        ],
        total=total,
    )


@router.post(
    "/visits/{visit_id}/supplies",
    status_code=201,
    response_model=SupplyUseOut,
    summary="Record what a courier takes from the kit at the desk (send an Idempotency-Key)",
    openapi_extra=SUPPLIES_DISPENSE.declare(),
    dependencies=[PERSONAL],
    responses=USE_REFUSALS,
)
async def dispense(
    visit_id: uuid.UUID,
    data: SupplyUseIn,
    station: SuppliesDispenseStationDep,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    idem: IdempotentDep,
) -> Response:
    async def work() -> SupplyUseOut:
        visit = await visits.at_station(session, visit_id, station=station)
        use = await supplies.use_item(
            session,
            visit,
            item_id=data.item_id,
            quantity=data.quantity,
            recorded_by="staff",
            staff_actor=principal.actor,
            now=clock.now(),
        )
        item = await session.get(SupplyItem, use.item_id)
        assert item is not None
        return _use_out(use, item)

    return await idem.run(work, status_code=201)


@router.get(
    "/visits/{visit_id}",
    summary="A visit at the station: who (nickname, masked phone) and, for staff holding "
    "courier:supplies:dispense, the items used (health data)",
    openapi_extra=READ.declare(),
    dependencies=[PERSONAL],
)
async def visit_detail(
    visit_id: uuid.UUID, station: ReadStationDep, session: SessionDep, principal: PrincipalDep
) -> VisitDetail:
    visit = await visits.at_station(session, visit_id, station=station)
    courier = await session.get(Courier, visit.courier_id) if visit.courier_id else None
    used = None
    if principal.can(supplies.PERM_DISPENSE, station.place_path):
        used = [_use_out(u, i) for u, i in await supplies.uses_on_visit(session, visit)]
    return VisitDetail(
        **VisitOut.model_validate(visit).model_dump(),
        nickname=courier.nickname if courier else None,
        phone_masked=courier.phone_masked if courier else None,
        supplies_used=used,
    )


@couriers_router.get(
    "/stations/{station_id}/kit",
    summary="What a courier may take from the station's kit now (public; no counts)",
)
async def kit(station_id: uuid.UUID, session: SessionDep, clock: ClockDep) -> list[KitItem]:
    station = await stations.get_station(session, station_id)
    today = supplies.local_day(clock.now())
    return [supplies.on_offer(i, today=today) for i in await supplies.items_at(session, station)]


@couriers_router.post(
    "/visits/{token}/supplies",
    status_code=201,
    response_model=SupplyUseOut,
    summary="Take an item from the kit during my visit (send an Idempotency-Key)",
    dependencies=[PERSONAL],
    responses=USE_REFUSALS,
)
async def take(
    token: VisitToken,
    data: SupplyUseIn,
    session: SessionDep,
    clock: ClockDep,
    principal: OptionalPrincipalDep,
    idem: IdempotentDep,
) -> Response:
    async def work() -> SupplyUseOut:
        visit = await visits.by_token(session, token)
        use = await supplies.use_item(
            session,
            visit,
            item_id=data.item_id,
            quantity=data.quantity,
            recorded_by="courier",
            staff_actor=None,
            now=clock.now(),
        )
        item = await session.get(SupplyItem, use.item_id)
        assert item is not None
        return _use_out(use, item)

    return await idem.run(work, status_code=201)


@couriers_router.get(
    "/visits/{token}/supplies",
    summary="What I took from the kit during my visit",
    dependencies=[PERSONAL],
)
async def my_supplies(token: VisitToken, session: SessionDep) -> list[SupplyUseOut]:
    visit = await visits.by_token(session, token)
    return [_use_out(u, i) for u, i in await supplies.uses_on_visit(session, visit)]
