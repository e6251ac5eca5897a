"""The station's figures for a place and a period, and the visits of that period exported
as CSV or Excel (masked by default)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from services.courier import exports, statistics
from services.courier.context import ContextDep
from services.courier.schemas.statistics import CourierStatistics
from services.kit import exports as kit_exports
from services.kit.app import SessionDep
from services.kit.auth import PrincipalDep, requires

router = APIRouter(prefix="/v1", tags=["statistics"])

PlaceParam = Annotated[
    uuid.UUID | None,
    Query(description="A station, community, street or district; default: your widest place"),
]
# The calendar's ends would overflow a day's Beijing midnight: a 422, never a 500.
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)
FromParam = Annotated[
    date | None,
    Query(
        alias="from",
        ge=FIRST_DAY,
        le=LAST_DAY,
        description="First Beijing day; default: 29 days before `to`",
    ),
]
ToParam = Annotated[
    date | None,
    Query(
        alias="to",
        ge=FIRST_DAY,
        le=LAST_DAY,
        description="Last Beijing day, inclusive; default: today",
    ),
]


@router.get(
    "/statistics",
    summary="Visits per day and hour, unique couriers, repeat rate, services and platforms",
    description=(
        "Definitions: the module docstring of services/courier/statistics.py. A visit counts "
        "on the Beijing day it starts; anonymous visits count in visits, never in couriers."
    ),
    openapi_extra=requires(statistics.PERM_READ),
    response_model=CourierStatistics,
)
async def get_statistics(
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    place_id: PlaceParam = None,
    first_day: FromParam = None,
    last_day: ToParam = None,
) -> CourierStatistics:
    return await statistics.for_place(
        session,
        ctx=ctx,
        principal=principal,
        place_id=place_id,
        first_day=first_day,
        last_day=last_day,
    )


CLEAR_MEANS = (
    "Nicknames in clear: needs identity:personal:reveal over every "
    "station in the export, and a reason (header X-Export-Reason)"
)
CsvRequestDep = Annotated[
    kit_exports.Request, Depends(kit_exports.request_of("csv", clear_means=CLEAR_MEANS))
]
XlsxRequestDep = Annotated[
    kit_exports.Request, Depends(kit_exports.request_of("xlsx", clear_means=CLEAR_MEANS))
]
DESCRIPTION = (
    f"The visits that started in the period at the place's stations, oldest first; at most "
    f"{exports.EXPORT_LIMIT} rows (more is a 422 export_too_large). Masked for everyone by "
    "default (nicknames 王*; phones are only ever kept masked); no reason needed. "
    "`clear=true` with the reason in the X-Export-Reason header "
    "(percent-encoded UTF-8; a `reason` in the query string is a 422 reason_in_query) gives "
    " nicknames in clear, only to someone holding "
    "identity:personal:reveal over every station in it (403 export_clear_not_permitted "
    "otherwise; 422 reason_required without a reason). Every export is recorded in the audit "
    "list; the file's first row says who exported it, when and why (已脱敏 for a masked one)."
)


async def _export(
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    place_id: uuid.UUID | None,
    first_day: date | None,
    last_day: date | None,
    request: kit_exports.Request,
) -> Response:
    found = await exports.export_visits(
        session,
        ctx=ctx,
        principal=principal,
        place_id=place_id,
        first_day=first_day,
        last_day=last_day,
        request=request,
    )
    return Response(
        content=found.content,
        media_type=found.media_type,
        headers={
            "Content-Disposition": kit_exports.content_disposition(found.filename),
            "Cache-Control": "private, no-store",
        },
    )


@router.get(
    "/exports/visits.csv",
    summary="The period's visits as CSV (UTF-8 with BOM, opens in Excel)",
    description=DESCRIPTION,
    openapi_extra=requires(statistics.PERM_READ),
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
async def export_csv(
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    request: CsvRequestDep,
    place_id: PlaceParam = None,
    first_day: FromParam = None,
    last_day: ToParam = None,
) -> Response:
    return await _export(session, ctx, principal, place_id, first_day, last_day, request)


@router.get(
    "/exports/visits.xlsx",
    summary="The period's visits as an Excel workbook",
    description=DESCRIPTION,
    openapi_extra=requires(statistics.PERM_READ),
    response_class=Response,
    responses={200: {"content": {kit_exports.XLSX_TYPE: {}}}},
)
async def export_xlsx(
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    request: XlsxRequestDep,
    place_id: PlaceParam = None,
    first_day: FromParam = None,
    last_day: ToParam = None,
) -> Response:
    return await _export(session, ctx, principal, place_id, first_day, last_day, request)
