"""Exports of a service's lists as CSV (UTF-8 with BOM) and Excel (.xlsx), the same way in
every service: masked by default, in clear only as a deliberate, recorded act.

A service defines only its columns and rows (`Column`, and rows of `Cell`s where a
personal cell is a `Personal` value); this module does the rest:

- **Masked by default, for everyone.** A masked export needs no reason and holds no
  personal data: names as 张*, phones as 138****1234, and every free-text column passed
  through `kit.redaction.redact_personal` (a phone a resident typed into a description is
  blanked, as on the public pages). Holding `identity:personal:reveal` changes nothing here.
- **Clear export.** Asked for explicitly (`clear=true`), only by someone who holds the
  reveal permission over every row in it (403 `export_clear_not_permitted` otherwise, never
  a file with some rows in clear), and only with a reason they typed (422
  `reason_required`), sent in the `X-Export-Reason` header (`request_of`): never in the
  query string, which access logs, proxies and browser history keep (422
  `reason_in_query`). Free text is then left as written.
- **The record.** Every export, masked or clear, is recorded in the service's
  `personal_data_audit` table and sent to identity's audit list (`kit.audit`): who, when,
  the reason, the filters, how many rows, how many numbers in clear.
- **The file's own note.** Its first row (CSV and .xlsx alike) says who exported it, when
  and why, or "已脱敏" for a masked one, so a file found on a shared drive tells its story.
- **Spreadsheet safety.** A CSV cell that starts with = + - @ (or a tab or carriage return)
  is prefixed with ' so Excel and LibreOffice never run it as a formula (OWASP "CSV
  injection"). In the .xlsx, text is written as text cells (`write_string`), never formulas.
- **Size.** At most a service's limit of rows; a larger selection is refused (422
  `export_too_large`) rather than silently cut, so a file is always the whole list asked for.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from urllib.parse import quote, unquote

import fastapi
import xlsxwriter
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.audit import AuditTrail
from services.kit.auth import Principal
from services.kit.clock import LOCAL_TZ
from services.kit.errors import FieldError, InvalidInput, PermissionDenied
from services.kit.personal import PERM_REVEAL, mask_phone
from services.kit.redaction import redact_personal

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
LOCAL_FORMAT = "%Y-%m-%d %H:%M"
REASON_MAX = 200
REASON_MIN = 2
# Where a clear export's reason travels: a header, percent-encoded UTF-8. Never the query
# string, which access logs, proxies and browser history keep (400 `reason_in_query`).
REASON_HEADER = "X-Export-Reason"
_REASON_POINTER = f"/header/{REASON_HEADER}"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
MASKED_NOTE = "已脱敏"

Format = Literal["csv", "xlsx"]
Kind = Literal["text", "free_text", "name", "phone"]


@dataclass(frozen=True)
class Column:
    """A column: its title, its width in .xlsx, and what it holds. `free_text` is redacted
    in a masked export; `name` and `phone` are masked there."""

    title: str
    width: int = 12
    kind: Kind = "text"
    field: str | None = None  # the personal field's name in the audit record


Cell = str | int | datetime | None


@dataclass(frozen=True)
class Row:
    """A row's cells and the place whose reveal permission its personal cells need."""

    cells: tuple[Cell, ...]
    place_path: str


@dataclass(frozen=True)
class Request:
    """What the caller asked for: the format, clear or masked, and why."""

    file_format: Format
    clear: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    media_type: str
    filename: str
    rows: int
    revealed: int  # rows with personal data in clear
    numbers: int  # phone numbers in clear


def neutralise(text: str) -> str:
    """Text a spreadsheet will show, never evaluate."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def mask_name(name: str) -> str:
    return name[:1] + "*" * max(1, len(name) - 1)


def clean_reason(request: Request) -> str | None:
    """The typed reason of a clear export (422 `reason_required` without one); None for a
    masked export, which needs none."""
    if not request.clear:
        return None
    reason = " ".join((request.reason or "").split())
    if len(reason) < REASON_MIN:
        raise InvalidInput(
            "reason_required",
            "An export with contact details in clear needs the reason it is made.",
            errors=[FieldError(pointer=_REASON_POINTER, detail="required", code="reason_required")],
        )
    if len(reason) > REASON_MAX:
        raise InvalidInput(
            "reason_too_long",
            f"The reason holds at most {REASON_MAX} characters.",
            errors=[FieldError(pointer=_REASON_POINTER, detail="too long", code="reason_too_long")],
        )
    return reason


def request_of(file_format: Format, *, clear_means: str) -> Any:
    """The dependency reading an export route's request: `?clear=true` and the reason from
    the `X-Export-Reason` header (`clear_means`: what clear gives, for the API docs)."""

    # Defaults, not Annotated: `clear_means` is this closure's, which postponed annotations
    # could not see.
    def request(
        http_request: fastapi.Request,
        clear: bool = fastapi.Query(False, description=clear_means),
        reason: str | None = fastapi.Header(
            None,
            alias=REASON_HEADER,
            description="Why, for a clear export: percent-encoded UTF-8 "
            "(encodeURIComponent). Never in the query string.",
        ),
    ) -> Request:
        if "reason" in http_request.query_params:
            raise InvalidInput(
                "reason_in_query",
                f"导出原因不能放在网址里，请放在 {REASON_HEADER} 请求头中。"
                f" (The reason goes in the {REASON_HEADER} header, never in the URL.)",
                errors=[
                    FieldError(pointer="/query/reason", detail="not here", code="reason_in_query")
                ],
            )
        return Request(file_format=file_format, clear=clear, reason=_decoded(reason))

    return request


def _decoded(header: str | None) -> str | None:
    if header is None:
        return None
    try:
        return unquote(header, errors="strict")
    except UnicodeDecodeError:
        raise InvalidInput(
            "reason_not_encoded",
            f"导出原因须为百分号编码的 UTF-8。 (The {REASON_HEADER} header is percent-encoded"
            " UTF-8.)",
            errors=[
                FieldError(pointer=_REASON_POINTER, detail="not UTF-8", code="reason_not_encoded")
            ],
        ) from None


def check_limit(total: int, limit: int) -> None:
    """Refuse (422 `export_too_large`) a selection larger than `limit`, never cut it."""
    if total > limit:
        raise InvalidInput(
            "export_too_large",
            f"{total} rows match; an export holds at most {limit}. Narrow the filters.",
            limit=limit,
            total=total,
        )


def check_clear(principal: Principal, rows: Sequence[Row]) -> None:
    """A clear export only for someone entitled over every row in it."""
    refused = sum(1 for row in rows if not principal.can(PERM_REVEAL, row.place_path))
    if refused:
        raise PermissionDenied(
            "export_clear_not_permitted",
            f"You may not see contact details in clear for {refused} of the {len(rows)} rows; "
            "export them masked, or narrow the filters to your places.",
            refused=refused,
            total=len(rows),
        )


def present(
    columns: Sequence[Column], rows: Sequence[Row], *, clear: bool
) -> tuple[list[tuple[Cell, ...]], int, int]:
    """The cells as the file holds them, how many rows hold personal data in clear and how
    many phone numbers are in clear."""
    out: list[tuple[Cell, ...]] = []
    revealed = numbers = 0
    for row in rows:
        cells: list[Cell] = []
        personal = False
        for column, value in zip(columns, row.cells, strict=True):
            if isinstance(value, str) and column.kind != "text":
                if clear:
                    personal = personal or column.kind in ("name", "phone")
                    numbers += column.kind == "phone"
                elif column.kind == "name":
                    value = mask_name(value)
                elif column.kind == "phone":
                    value = mask_phone(value)
                else:
                    value = redact_personal(value)
            cells.append(value)
        out.append(tuple(cells))
        revealed += personal
    return out, revealed, numbers


def note(principal: Principal, now: datetime, reason: str | None) -> str:
    """The file's first row: who exported it, when, and why (or that it is masked)."""
    who = principal.actor_name or principal.actor
    when = now.astimezone(LOCAL_TZ).strftime(LOCAL_FORMAT)
    if reason is None:
        return f"导出人：{who}；导出时间：{when}；{MASKED_NOTE}（联系方式与描述中的号码已隐去）"
    return (
        f"导出人：{who}；导出时间：{when}；含联系方式（明文）；导出原因：{reason}；"
        "请妥善保管，勿外传"
    )


def _local(value: datetime) -> datetime:
    return value.astimezone(LOCAL_TZ)


def to_csv(columns: Sequence[Column], rows: Sequence[tuple[Cell, ...]], note: str) -> bytes:
    """RFC 4180 (CRLF, quotes doubled, fields quoted when needed), UTF-8 with a BOM so
    Excel opens the Chinese text correctly. The note is the first row, the titles the
    second."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(note)])
    writer.writerow([c.title for c in columns])
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


def to_xlsx(
    columns: Sequence[Column], rows: Sequence[tuple[Cell, ...]], note: str, *, sheet_name: str
) -> bytes:
    """One sheet: the note on the first row, a bold frozen header with a filter on the
    second, datetimes as Beijing local time."""
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
        sheet = book.add_worksheet(sheet_name)
        sheet.write_string(0, 0, note)
        for col, column in enumerate(columns):
            sheet.write_string(1, col, column.title, bold)
            sheet.set_column(col, col, column.width)
        for r, row in enumerate(rows, start=2):
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
        sheet.freeze_panes(2, 0)
        sheet.autofilter(1, 0, max(len(rows) + 1, 2), len(columns) - 1)
    return buffer.getvalue()


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII `filename` and, for other names, RFC 5987 `filename*`."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in filename)
    value = f'attachment; filename="{fallback}"'
    if fallback != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return value


async def export(
    session: AsyncSession,
    *,
    audit: AuditTrail,
    principal: Principal,
    request: Request,
    what: str,
    columns: Sequence[Column],
    rows: Sequence[Row],
    filters: Mapping[str, Any],
    place_path: str | None,
    filename: str,
    sheet_name: str,
    now: datetime,
) -> ExportFile:
    """Check, mask or not, record and write the file. The caller has already checked the
    reason (`clean_reason`, before reading anything) and the limit (`check_limit`)."""
    reason = clean_reason(request)
    if request.clear:
        check_clear(principal, rows)
    cells, revealed, numbers = present(columns, rows, clear=request.clear)
    personal = tuple(c.field or c.title for c in columns if c.kind in ("name", "phone"))
    await audit.export(
        session,
        principal,
        what=what,
        rows=len(cells),
        revealed=revealed,
        numbers=numbers,
        fields=personal,
        place_path=place_path,
        now=now,
        filters={k: str(v) for k, v in filters.items() if v is not None},
        reason=reason,
        clear=request.clear,
        file_format=request.file_format,
    )
    text = note(principal, now, reason)
    if request.file_format == "csv":
        content, media_type = to_csv(columns, cells, text), CSV_TYPE
    else:
        content, media_type = to_xlsx(columns, cells, text, sheet_name=sheet_name), XLSX_TYPE
    return ExportFile(
        content=content,
        media_type=media_type,
        filename=filename,
        rows=len(cells),
        revealed=revealed,
        numbers=numbers,
    )
