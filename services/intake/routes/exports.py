"""Exports of the inbox's list (same filters, same scope) as CSV or Excel."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from services.intake import exports
from services.intake.context import ContextDep
from services.intake.models import Priority, Source, Status
from services.intake.routes.staff import BuildingParam
from services.intake.tickets import PERM_READ
from services.kit.app import SessionDep
from services.kit.auth import CurrentPrincipal, requires

router = APIRouter(prefix="/v1/exports", tags=["staff"])


def _filters(
    status: Status | None = None,
    category: Annotated[str | None, Query(max_length=20)] = None,
    priority: Priority | None = None,
    overdue: Annotated[bool | None, Query(description="Past a deadline and still open")] = None,
    source: Source | None = None,
    building: BuildingParam = None,
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
        created_from=created_from,
        created_to=created_to,
    )


FiltersDep = Annotated[exports.TicketFilters, Depends(_filters)]
DESCRIPTION = (
    f"At most {exports.EXPORT_LIMIT} rows (more is a 422 export_too_large). Reporters' names "
    "and phones are masked unless you hold identity:personal:reveal over the ticket's place."
)


async def _export(
    session: SessionDep,
    ctx: ContextDep,
    principal: CurrentPrincipal,
    filters: exports.TicketFilters,
    file_format: Literal["csv", "xlsx"],
) -> Response:
    found = await exports.export_tickets(session, ctx, principal, filters, file_format=file_format)
    return Response(
        content=found.content,
        media_type=found.media_type,
        headers={
            "Content-Disposition": exports.content_disposition(found.filename),
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
    session: SessionDep, ctx: ContextDep, principal: CurrentPrincipal, filters: FiltersDep
) -> Response:
    return await _export(session, ctx, principal, filters, "csv")


@router.get(
    "/tickets.xlsx",
    summary="The filtered ticket list as an Excel workbook",
    description=DESCRIPTION,
    openapi_extra=requires(PERM_READ),
    response_class=Response,
    responses={200: {"content": {exports.XLSX_TYPE: {}}}},
)
async def export_xlsx(
    session: SessionDep, ctx: ContextDep, principal: CurrentPrincipal, filters: FiltersDep
) -> Response:
    return await _export(session, ctx, principal, filters, "xlsx")
