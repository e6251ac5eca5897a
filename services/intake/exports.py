"""Exports of a filtered ticket list: CSV (UTF-8 with BOM) and Excel (.xlsx).

Intake defines only the columns and the rows; masking, the clear export's reason and
permission, the audit record, the file's note, formula neutralisation and the writing are
kit's (`services.kit.exports`), shared by every service that exports.

The filters and the scope are the inbox's (`tickets.inbox_query`): the caller's places are
part of the query, so an export never holds a ticket its author could not list.

Personal data: masked for everyone by default (张*, 138****1234, and phones typed into the
description blanked by kit.redaction). With `clear=true` and a typed reason, the names and
phones are in clear, but only if the exporter may reveal them at every ticket's place.

Size: at most EXPORT_LIMIT rows; a larger selection is refused (422 `export_too_large`).
The file is built in memory (about 15 MB of CSV at the limit).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import inbox, statistics
from services.intake.context import IntakeContext
from services.intake.models import Category, Ticket, audit
from services.intake.tickets import PERM_READ, inbox_query, overdue_clause, path_of_code
from services.kit import coverage
from services.kit import exports as kit_exports
from services.kit.auth import Principal
from services.kit.clock import LOCAL_TZ
from services.kit.errors import FieldError, InvalidInput
from services.kit.exports import Column, ExportFile, Row, content_disposition

log = logging.getLogger("intake.exports")

EXPORT_LIMIT = 50_000
COLUMNS = (
    Column("编号", 20),
    Column("类别", 10),
    Column("状态", 8),
    Column("优先级", 8),
    Column("来源", 8),
    Column("地点编码", 14),
    Column("描述", 50, kind="free_text"),
    Column("报告时间", 17),
    Column("受理时间", 17),
    Column("解决时间", 17),
    Column("评分", 6),
    Column("联系人", 10, kind="name", field="reporter_name"),
    Column("联系电话", 14, kind="phone", field="reporter_phone"),
    Column("是否超期", 8),
)
HEADERS = tuple(c.title for c in COLUMNS)
STATUS_ZH = {
    "submitted": "待受理",
    "acknowledged": "已受理",
    "assigned": "已派单",
    "in_progress": "处理中",
    "resolved": "已解决",
    "closed": "已办结",
    "rejected": "不予受理",
    "duplicate": "重复合并",
    "escalated": "已上报",
}
PRIORITY_ZH = {"urgent": "紧急", "utility": "水电气热", "normal": "一般", "complex": "复杂"}
SOURCE_ZH = {
    "qr": "扫码",
    "patrol": "巡查",
    "hotline": "12345热线",
    "contractor": "服务商",
    "staff": "工作人员",
}
XLSX_TYPE = kit_exports.XLSX_TYPE


@dataclass(frozen=True)
class TicketFilters:
    """The inbox's filters, as the console sends them."""

    status: str | None = None
    category: str | None = None
    priority: str | None = None
    overdue: bool | None = None
    source: str | None = None
    building: str | None = None  # a place code: tickets at or under it
    due_today: bool | None = None
    created_from: date | None = None  # Beijing days, inclusive
    created_to: date | None = None


async def sheet(
    session: AsyncSession,
    *,
    ctx: IntakeContext,
    principal: Principal,
    filters: TicketFilters,
    now: datetime,
) -> list[Row]:
    """The tickets in the caller's scope matching the filters, personal cells in clear
    (kit.exports masks them unless a clear export is allowed)."""
    if filters.created_from and filters.created_to and filters.created_from > filters.created_to:
        raise InvalidInput(
            "invalid_period",
            "created_from comes after created_to.",
            errors=[
                FieldError(
                    pointer="/query/created_from", detail="after created_to", code="invalid_period"
                )
            ],
        )
    query = inbox_query(
        principal,
        now,
        status=filters.status,
        category=filters.category,
        priority=filters.priority,
        overdue=filters.overdue,
        source=filters.source,
        under_path=await path_of_code(ctx, filters.building, pointer="/query/building"),
        created_from=(
            coverage.local_midnight(filters.created_from) if filters.created_from else None
        ),
        created_before=(
            coverage.local_midnight(filters.created_to + timedelta(days=1))
            if filters.created_to
            else None
        ),
    )
    query = inbox.narrowed(query, now, due_today=filters.due_today)
    total = int(
        await session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    )
    kit_exports.check_limit(total, EXPORT_LIMIT)
    names = {
        code: name for code, name in await session.execute(select(Category.code, Category.name_zh))
    }
    result = await session.execute(
        query.with_only_columns(
            Ticket.number,
            Ticket.category,
            Ticket.status,
            Ticket.priority,
            Ticket.source,
            Ticket.place_code,
            Ticket.description,
            Ticket.created_at,
            statistics.response_time(),
            Ticket.resolved_at,
            Ticket.rating,
            Ticket.reporter_name_cipher,
            Ticket.reporter_phone_cipher,
            case((overdue_clause(now), 1), else_=0),
            Ticket.place_path,
        )
    )
    rows: list[Row] = []
    for (
        number,
        category,
        status,
        priority,
        source,
        place_code,
        description,
        created_at,
        answered_at,
        resolved_at,
        rating,
        name_cipher,
        phone_cipher,
        overdue,
        place_path,
    ) in result:
        name = ctx.cipher.decrypt(name_cipher) if name_cipher else None
        phone = ctx.cipher.decrypt(phone_cipher) if phone_cipher else None
        cells = (
            number,
            names.get(category, category),
            STATUS_ZH.get(status, status),
            PRIORITY_ZH.get(priority, priority),
            SOURCE_ZH.get(source, source),
            place_code,
            description,
            created_at,
            answered_at,
            resolved_at,
            rating,
            name,
            phone,
            "是" if overdue else "否",
        )
        rows.append(Row(cells=cells, place_path=place_path))
    return rows


async def _file_label(ctx: IntakeContext, principal: Principal, filters: TicketFilters) -> str:
    if filters.building:
        return filters.building.upper()
    scope = await coverage.scope_for(ctx.directory, principal, None, PERM_READ)
    return scope.place.code if scope.place else "all"


async def export_tickets(
    session: AsyncSession,
    *,
    ctx: IntakeContext,
    principal: Principal,
    filters: TicketFilters,
    request: kit_exports.Request,
) -> ExportFile:
    now = ctx.clock.now()
    kit_exports.clean_reason(request)  # before reading anything
    label = await _file_label(ctx, principal, filters)
    rows = await sheet(session, ctx=ctx, principal=principal, filters=filters, now=now)
    scopes = principal.scope_paths(PERM_READ)
    day = now.astimezone(LOCAL_TZ).date().isoformat()
    suffix = "-clear" if request.clear else ""
    found = await kit_exports.export(
        session,
        audit=audit,
        principal=principal,
        request=request,
        what="tickets",
        columns=COLUMNS,
        rows=rows,
        filters=asdict(filters),
        place_path=min(scopes, key=len) if scopes else None,
        filename=f"tickets-{label}-{day}{suffix}.{request.file_format}",
        sheet_name="工单",
        now=now,
    )
    log.info(
        "tickets exported as %s by %s:%s: %d rows, %d contact values in clear",
        request.file_format,
        principal.kind,
        principal.subject,
        found.rows,
        found.revealed,
    )
    return found


__all__ = ["EXPORT_LIMIT", "HEADERS", "TicketFilters", "content_disposition", "export_tickets"]
