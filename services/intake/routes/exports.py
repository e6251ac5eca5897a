"""Exports of the inbox's list (same filters, same scope) as CSV or Excel."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from services.intake import exports
from services.intake.context import ContextDep
from services.intake.models import Priority, Source, Status
from services.intake.routes.staff import BuildingParam
from services.intake.tickets import PERM_READ
from services.kit import exports as kit_exports
from services.kit.app import SessionDep
from services.kit.auth import PrincipalDep, requires

router = APIRouter(prefix="/v1/exports", tags=["staff"])


def _filters(
    status: Status | None = None,
    category: Annotated[str | None, Query(max_length=20)] = None,
    priority: Priority | None = None,
    overdue: Annotated[bool | None, Query(description="Past a deadline and still open")] = None,
    source: Source | None = None,
    building: BuildingParam = None,
    due_today: Annotated[
        bool | None, Query(description="Open, its next deadline before midnight in Beijing")
    ] = None,
    created_from: Annotated[date | None, Query(description="First Beijing day reported")] = None,
    created_to: Annotated[date | None, Query(description="Last Beijing day, inclusive")] = None,
) -> exports.TicketFilters:
    return exports.TicketFilters(
        status=status,
        category=category,
        priority=priority,
        overdue=overdue,
        source=source,
        building=building,
        due_today=due_today,
        created_from=created_from,
        created_to=created_to,
    )


FiltersDep = Annotated[exports.TicketFilters, Depends(_filters)]
CLEAR_MEANS = (
    "Contact details in clear: needs identity:personal:reveal over "
    "every ticket in the export, and a reason (header X-Export-Reason)"
)
CsvRequestDep = Annotated[
    kit_exports.Request, Depends(kit_exports.request_of("csv", clear_means=CLEAR_MEANS))
]
XlsxRequestDep = Annotated[
    kit_exports.Request, Depends(kit_exports.request_of("xlsx", clear_means=CLEAR_MEANS))
]
DESCRIPTION = (
    f"At most {exports.EXPORT_LIMIT} rows (more is a 422 export_too_large). Masked for "
    "everyone by default (names 张*, phones 138****1234, numbers in the description "
    "blanked); no reason needed. `clear=true` with the reason in the X-Export-Reason header "
    "(percent-encoded UTF-8; a `reason` in the query string is a 422 reason_in_query) gives "
    " names and phones in "
    "clear, only to someone holding identity:personal:reveal over every ticket in it (403 "
    "export_clear_not_permitted otherwise; 422 reason_required without a reason). Every "
    "export is recorded in the audit list; the file's first row says who exported it, when "
    "and why (已脱敏 for a masked one)."
)


async def _export(
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    filters: exports.TicketFilters,
    request: kit_exports.Request,
) -> Response:
    found = await exports.export_tickets(
        session, ctx=ctx, principal=principal, filters=filters, request=request
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
    "/tickets.csv",
    summary="The filtered ticket list as CSV (UTF-8 with BOM, opens in Excel)",
    description=DESCRIPTION,
    openapi_extra=requires(PERM_READ),
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
async def export_csv(
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    filters: FiltersDep,
    request: CsvRequestDep,
) -> Response:
    return await _export(session, ctx, principal, filters, request)


@router.get(
    "/tickets.xlsx",
    summary="The filtered ticket list as an Excel workbook",
    description=DESCRIPTION,
    openapi_extra=requires(PERM_READ),
    response_class=Response,
    responses={200: {"content": {kit_exports.XLSX_TYPE: {}}}},
)
async def export_xlsx(
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    filters: FiltersDep,
    request: XlsxRequestDep,
) -> Response:
    return await _export(session, ctx, principal, filters, request)
