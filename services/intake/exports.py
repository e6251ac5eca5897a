"""Exports of a filtered ticket list: CSV (UTF-8 with BOM) and Excel (.xlsx).

The filters and the scope are the inbox's (`tickets.inbox_query`): the caller's places are
part of the query, so an export never holds a ticket its author could not list.

Personal data: the reporter's name and phone are masked (张*, 138****1234) unless the
exporter holds `identity:personal:reveal` over the ticket's place; then they are in clear.
Without it, phones and ID numbers typed into the description are blanked too
(kit.redaction), as on the ticket page. The export itself is the reveal: whoever may see
a number on the ticket page may take it in a spreadsheet, and the file is out of our hands
once downloaded. Each export is logged (who, how many rows, how many in clear; never the
data itself). A durable audit row per export would need a table of intake's own (a
schema change, not made here).

Spreadsheet safety: a CSV cell that starts with = + - @ (or a tab or carriage return) is
prefixed with ' so Excel and LibreOffice never run it as a formula (OWASP "CSV
injection"). In the .xlsx, text is written as text cells (`write_string`), which are
never formulas, so no prefix is needed there.

Size: at most EXPORT_LIMIT rows; a larger selection is refused (422
`export_too_large`) rather than silently cut, so a file is always the whole list asked for.
The file is built in memory (about 15 MB of CSV at the limit).
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote

import xlsxwriter
from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import statistics
from services.intake.context import IntakeContext
from services.intake.models import Category, Ticket, audit
from services.intake.tickets import PERM_READ, inbox_query, overdue_clause, path_of_code
from services.kit import coverage
from services.kit.auth import Principal
from services.kit.clock import LOCAL_TZ
from services.kit.errors import FieldError, InvalidInput
from services.kit.personal import PERM_REVEAL, mask_phone
from services.kit.redaction import redact_personal

log = logging.getLogger("intake.exports")

EXPORT_LIMIT = 50_000
HEADERS = (
    "编号",
    "类别",
    "状态",
    "优先级",
    "来源",
    "地点编码",
    "描述",
    "报告时间",
    "受理时间",
    "解决时间",
    "评分",
    "联系人",
    "联系电话",
    "是否超期",
)
COLUMN_WIDTHS = (20, 10, 8, 8, 8, 14, 50, 17, 17, 17, 6, 10, 14, 8)
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
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
LOCAL_FORMAT = "%Y-%m-%d %H:%M"

Cell = str | int | datetime | None


@dataclass(frozen=True)
class TicketFilters:
    """The inbox's filters, as the console sends them."""

    status: str | None = None
    category: str | None = None
    priority: str | None = None
    overdue: bool | None = None
    source: str | None = None
    building: str | None = None  # a place code: tickets at or under it
    created_from: date | None = None  # Beijing days, inclusive
    created_to: date | None = None


@dataclass(frozen=True)
class Sheet:
    rows: list[tuple[Cell, ...]]
    revealed: int


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    media_type: str
    filename: str


def neutralise(text: str) -> str:
    """Text a spreadsheet will show, never evaluate."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _masked_name(name: str) -> str:
    return name[:1] + "*" * max(1, len(name) - 1)


async def sheet(
    session: AsyncSession,
    ctx: IntakeContext,
    principal: Principal,
    filters: TicketFilters,
    now: datetime,
) -> Sheet:
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
    total = int(
        await session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    )
    if total > EXPORT_LIMIT:
        raise InvalidInput(
            "export_too_large",
            f"{total} tickets match; an export holds at most {EXPORT_LIMIT}. Narrow the filters.",
            limit=EXPORT_LIMIT,
            total=total,
        )
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
    rows: list[tuple[Cell, ...]] = []
    revealed = 0
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
        entitled = principal.can(PERM_REVEAL, place_path)
        if (name or phone) and entitled:
            revealed += 1
        elif name or phone:
            name = _masked_name(name) if name else None
            phone = mask_phone(phone) if phone else None
        if not entitled:  # a phone typed into the description is masked like the column
            description = redact_personal(description)
        rows.append(
            (
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
        )
    return Sheet(rows=rows, revealed=revealed)


def _local(value: datetime) -> datetime:
    return value.astimezone(LOCAL_TZ)


def to_csv(rows: Sequence[tuple[Cell, ...]]) -> bytes:
    """RFC 4180 (CRLF, quotes doubled, fields quoted when needed), UTF-8 with a BOM so
    Excel opens the Chinese text correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return _local(value).strftime(LOCAL_FORMAT)
    if isinstance(value, int):
        return str(value)
    return neutralise(value)


def to_xlsx(rows: Sequence[tuple[Cell, ...]]) -> bytes:
    """One sheet, bold frozen header with a filter, datetimes as Beijing local time."""
    buffer = io.BytesIO()
    options: dict[str, Any] = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    with xlsxwriter.Workbook(buffer, options) as book:
        bold = book.add_format({"bold": True})
        when = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        sheet = book.add_worksheet("工单")
        for col, (title, width) in enumerate(zip(HEADERS, COLUMN_WIDTHS, strict=True)):
            sheet.write_string(0, col, title, bold)
            sheet.set_column(col, col, width)
        for r, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, datetime):
                    # Excel has no time zones: the local wall time, naive.
                    sheet.write_datetime(r, col, _local(value).replace(tzinfo=None), when)
                elif isinstance(value, int):
                    sheet.write_number(r, col, value)
                else:
                    sheet.write_string(r, col, value)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(HEADERS) - 1)
    return buffer.getvalue()


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII `filename` and, for other names, RFC 5987 `filename*`."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in filename)
    value = f'attachment; filename="{fallback}"'
    if fallback != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return value


async def _file_label(ctx: IntakeContext, principal: Principal, filters: TicketFilters) -> str:
    if filters.building:
        return filters.building.upper()
    scope = await coverage.scope_for(ctx.directory, principal, None, PERM_READ)
    return scope.place.code if scope.place else "all"


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"csv": ("text/csv; charset=utf-8", to_csv), "xlsx": (XLSX_TYPE, to_xlsx)}


async def export_tickets(
    session: AsyncSession,
    ctx: IntakeContext,
    principal: Principal,
    filters: TicketFilters,
    *,
    file_format: str,
) -> ExportFile:
    now = ctx.clock.now()
    media_type, render = FORMATS[file_format]
    label = await _file_label(ctx, principal, filters)
    found = await sheet(session, ctx, principal, filters, now)
    log.info(
        "tickets exported as %s by %s:%s: %d rows, %d with contact details in clear",
        file_format,
        principal.kind,
        principal.subject,
        len(found.rows),
        found.revealed,
    )
    # The export is recorded like a reveal and sent to identity's audit list (kit.audit).
    scopes = principal.scope_paths(PERM_READ)
    await audit.export(
        session,
        principal,
        what="tickets",
        rows=len(found.rows),
        revealed=found.revealed,
        fields=("reporter_name", "reporter_phone"),
        place_path=min(scopes, key=len) if scopes else None,
        now=now,
        filters={k: str(v) for k, v in asdict(filters).items() if v is not None},
    )
    day = now.astimezone(LOCAL_TZ).date().isoformat()
    return ExportFile(
        content=render(found.rows),
        media_type=media_type,
        filename=f"tickets-{label}-{day}.{file_format}",
    )
