"""Exports of the visits in a period (the statistics' place and period) as CSV (UTF-8 with
BOM) and Excel (.xlsx), through kit's exports (services/kit/exports.py): masking, the
clear export's reason and reveal permission, the audit record, the file's first-row note,
formula neutralisation and the writing are kit's; this module has the columns and rows.

Personal data: a registered courier's nickname is masked (王*) unless the export is clear
(`clear=true`, a typed reason, identity:personal:reveal over every row's station). The
phone is always the masked one (138****0000): this service never holds the number, so a
clear export has none to reveal. Anonymous visits are rows with no courier.

Size: at most EXPORT_LIMIT rows (a year of a busy street); more is a 422
`export_too_large`, never a file cut short.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier.context import CourierContext
from services.courier.models import PLATFORM_NAMES, Courier, Station, Visit, audit
from services.courier.statistics import PERM_READ, in_scope
from services.kit import exports as kit_exports
from services.kit.auth import Principal
from services.kit.clock import LOCAL_TZ
from services.kit.coverage import Period, period, scope_for
from services.kit.exports import Column, ExportFile, Row

log = logging.getLogger("courier.exports")

EXPORT_LIMIT = 100_000
COLUMNS = (
    Column("驿站", 16),
    Column("签到时间", 17),
    Column("签退时间", 17),
    Column("状态", 8),
    Column("签到方式", 10),
    Column("使用服务", 16),
    Column("匿名", 6),
    Column("骑手昵称", 12, kind="name", field="courier_nickname"),
    Column("平台", 8),
    # Masked at registration by identity: never a number in clear, whatever the export.
    Column("手机号（已隐去）", 14),
)
HEADERS = tuple(c.title for c in COLUMNS)
STATUS_ZH = {"open": "在站", "closed": "已签退", "auto_closed": "超时自动签退"}
SOURCE_ZH = {"code": "扫驿站码", "card": "扫骑手卡"}
SERVICE_ZH = {"charging": "充电", "heating": "热饭", "water": "饮水"}


def _services(names: list[str]) -> str:
    return "、".join(SERVICE_ZH.get(n, n) for n in names)


async def sheet(session: AsyncSession, path: str, *, span: Period) -> list[Row]:
    """The visits that started in `span` at the stations under `path`, oldest first, the
    nickname in clear (kit.exports masks it unless a clear export is allowed)."""
    where = in_scope(path, span)
    total = int(await session.scalar(select(func.count()).select_from(Visit).where(where)) or 0)
    kit_exports.check_limit(total, EXPORT_LIMIT)
    result = await session.execute(
        select(
            Station.name,
            Visit.started_at,
            Visit.closed_at,
            Visit.status,
            Visit.source,
            Visit.services,
            Courier.nickname,
            Courier.platform,
            Courier.phone_masked,
            Visit.station_path,
        )
        .join(Station, Station.id == Visit.station_id)
        .outerjoin(Courier, Courier.id == Visit.courier_id)
        .where(where)
        .order_by(Visit.started_at, Visit.id)
    )
    rows: list[Row] = []
    for name, started, closed, status, source, used, nickname, platform, phone, at in result:
        cells = (
            name,
            started,
            closed,
            STATUS_ZH.get(status, status),
            SOURCE_ZH.get(source, source),
            _services(used),
            "是" if nickname is None else "否",
            nickname,
            PLATFORM_NAMES.get(platform, platform) if platform else None,
            phone,
        )
        rows.append(Row(cells=cells, place_path=at))
    return rows


async def export_visits(
    session: AsyncSession,
    *,
    ctx: CourierContext,
    principal: Principal,
    place_id: uuid.UUID | None,
    first_day: date | None,
    last_day: date | None,
    request: kit_exports.Request,
) -> ExportFile:
    now = ctx.clock.now()
    kit_exports.clean_reason(request)  # before reading anything
    scope = await scope_for(ctx.directory, principal, place_id, PERM_READ)
    span = period(first_day, last_day, today=ctx.clock.local_now().date())
    rows = await sheet(session, scope.path, span=span)
    label = scope.place.code if scope.place else "all"
    day = now.astimezone(LOCAL_TZ).date().isoformat()
    suffix = "-clear" if request.clear else ""
    found = await kit_exports.export(
        session,
        audit=audit,
        principal=principal,
        request=request,
        what="visits",
        columns=COLUMNS,
        rows=rows,
        filters={
            "place_id": place_id,
            "from": span.first_day.isoformat(),
            "to": span.last_day.isoformat(),
        },
        place_path=scope.path,
        filename=f"visits-{label}-{span.first_day}-{span.last_day}-{day}{suffix}.{request.file_format}",
        sheet_name="到访记录",
        now=now,
    )
    log.info(
        "visits exported as %s by %s:%s: %d rows, %d in clear",
        request.file_format,
        principal.kind,
        principal.subject,
        found.rows,
        found.revealed,
    )
    return found


__all__ = ["EXPORT_LIMIT", "HEADERS", "export_visits"]
