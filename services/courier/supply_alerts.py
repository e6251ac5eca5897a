"""Alerts about the kit to the station's on-duty staff, the kit's watch, and the retention
sweep that forgets who took which medicine.

An alert is a `supply_alerts` row, unique per item, condition and occasion (the stock period
for low stock, the expiry date for near expiry and expired), inserted ignoring conflicts, so
a use, a refused use and the watch in any number of replicas raise each alert once. The row
and a kit.jobs job are written in the transaction that raises it; the job asks identity to
message the on-duty `station_staff` over the station (courier's own API key, scope
identity:notify) as a two-phase job: read, call with no transaction open, record. Texts name
the station and the item, never a courier.

The watch (`SupplyWatch`, a kit.workers.PollingWorker, every COURIER_SUPPLY_WATCH_SECONDS)
raises what time alone brings (stock expiring within COURIER_SUPPLY_NEAR_EXPIRY_DAYS, stock
expired, stock at or under its threshold) and cuts the link between a use and its visit
COURIER_SUPPLY_USE_RETENTION_DAYS after the use: the use keeps its item, station, quantity
and local day (the time of day goes too, so it cannot be matched back to a visit).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import cast

from sqlalchemy import Table, and_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier.models import Station, SupplyAlert, SupplyItem, SupplyUse, jobs
from services.kit.clock import LOCAL_TZ, Clock
from services.kit.db import Database, insert_ignoring_conflicts
from services.kit.jobs import AnyHandler, Job, TwoPhase
from services.kit.workers import PollingWorker, RunReport, default_worker_id

SUPPLY_ALERT = "supply_alert"
ON_DUTY_ROLE = "station_staff"
BATCH = 500
TEXTS = {
    "low_stock": (
        "supply_low_stock",
        "【暖心驿站】{station}：{item}仅剩 {quantity}{unit}（提醒线 {threshold}），请及时补货。",
    ),
    "near_expiry": (
        "supply_near_expiry",
        "【暖心驿站】{station}：{item}将于 {expires_on} 过期（余 {quantity}{unit}），请留意更换。",
    ),
    "expired": (
        "supply_expired",
        "【暖心驿站】{station}：{item}已于 {expires_on} 过期，已停止领用，请下架更换。",
    ),
}

# Message the on-duty staff of a role over a place: (role, place_path, template, text) ->
# how many were on duty (identity's notify_on_duty).
Notify = Callable[[str, str, str, str], Awaitable[int]]


def occasion_of(item: SupplyItem, condition: str) -> str:
    if condition == "low_stock":
        return item.stocked_at.isoformat()
    return item.expires_on.isoformat() if item.expires_on else ""


async def raise_alert(
    session: AsyncSession, item: SupplyItem, *, condition: str, now: datetime
) -> bool:
    """Raise `condition` for the item's current occasion, once: False when it was raised
    before (by a concurrent use, a replica's watch, an earlier refusal)."""
    t = cast(Table, SupplyAlert.__table__)
    alert_id = uuid.uuid4()
    inserted = await session.scalar(
        insert_ignoring_conflicts(session, t)
        .values(
            id=alert_id,
            item_id=item.id,
            station_path=item.station_path,
            condition=condition,
            occasion=occasion_of(item, condition),
            raised_at=now,
        )
        .on_conflict_do_nothing(index_elements=["item_id", "condition", "occasion"])
        .returning(t.c.id)
    )
    if inserted is None:
        return False
    await jobs.schedule(
        session,
        kind=SUPPLY_ALERT,
        run_at=now,
        now=now,
        payload={"alert_id": str(alert_id)},
        unique_key=f"{SUPPLY_ALERT}:{alert_id}",
    )
    return True


async def raise_due_alerts(session: AsyncSession, *, now: datetime, near_expiry_days: int) -> int:
    """What time alone brings: stock expiring soon or expired, stock at its threshold;
    each raised once (an occasion raised before is a conflict ignored: no second job)."""
    today = now.astimezone(LOCAL_TZ).date()
    soon = today + timedelta(days=near_expiry_days)
    raised = 0
    checks = (
        ("expired", and_(SupplyItem.quantity > 0, SupplyItem.expires_on < today)),
        (
            "near_expiry",
            and_(
                SupplyItem.quantity > 0,
                SupplyItem.expires_on >= today,
                SupplyItem.expires_on <= soon,
            ),
        ),
        ("low_stock", SupplyItem.quantity <= SupplyItem.low_stock_threshold),
    )
    for condition, due in checks:
        # A kit holds dozens of items, not thousands: one read per condition.
        items = list(await session.scalars(select(SupplyItem).where(due)))
        for item in items:
            raised += await raise_alert(session, item, condition=condition, now=now)
    return raised


async def unlink_old_uses(session: AsyncSession, *, now: datetime, retention: timedelta) -> int:
    """Cut the link between uses older than `retention` and their visits (so their
    couriers), keeping item, station, quantity and the local day: how many were cut."""
    cut = 0
    while True:
        rows = (
            await session.execute(
                select(SupplyUse.id, SupplyUse.used_at)
                .where(SupplyUse.unlinked_at.is_(None), SupplyUse.used_at < now - retention)
                .limit(BATCH)
            )
        ).all()
        for use_id, used_at in rows:
            day = datetime.combine(used_at.astimezone(LOCAL_TZ).date(), time(), LOCAL_TZ)
            await session.execute(
                update(SupplyUse)
                .where(SupplyUse.id == use_id)
                .values(visit_id=None, staff_actor=None, used_at=day, unlinked_at=now)
            )
        cut += len(rows)
        if len(rows) < BATCH:
            return cut


@dataclass(frozen=True)
class Plan:
    alert_id: uuid.UUID
    place_path: str
    template: str
    text: str


def handlers(*, notify: Notify) -> dict[str, AnyHandler]:
    """The alert job, bound to identity's on-duty messaging."""

    async def read(session: AsyncSession, job: Job) -> Plan | None:
        alert_id = uuid.UUID(str(job.payload["alert_id"]))
        row = (
            await session.execute(
                select(SupplyAlert, SupplyItem, Station)
                .join(SupplyItem, SupplyItem.id == SupplyAlert.item_id)
                .join(Station, Station.id == SupplyItem.station_id)
                .where(SupplyAlert.id == alert_id)
            )
        ).first()
        if row is None or row[0].notified_at is not None:
            return None  # gone, or told already (a second run)
        alert, item, station = row
        template, text = TEXTS[alert.condition]
        return Plan(
            alert_id=alert.id,
            place_path=station.place_path,
            template=template,
            text=text.format(
                station=station.name,
                item=item.name,
                quantity=item.quantity,
                unit=item.unit,
                threshold=item.low_stock_threshold,
                expires_on=alert.occasion if alert.condition != "low_stock" else "",
            ),
        )

    async def call(plan: Plan, job: Job) -> int:
        return await notify(ON_DUTY_ROLE, plan.place_path, plan.template, plan.text)

    async def record(session: AsyncSession, job: Job, plan: Plan, on_duty: int) -> None:
        await session.execute(
            update(SupplyAlert)
            .where(SupplyAlert.id == plan.alert_id, SupplyAlert.notified_at.is_(None))
            .values(notified_at=job.now, on_duty=on_duty)
        )

    return {SUPPLY_ALERT: TwoPhase(read=read, call=call, record=record)}


# Deletes photo uploads no courier named on a profile within a day (kit.media's
# MediaStore.purge_unattached): how many.
PurgeUnclaimed = Callable[[AsyncSession], Awaitable[int]]


class SupplyWatch(PollingWorker):
    """Raises the kit's alerts that time brings, forgets old links and deletes unclaimed
    photo uploads; safe in N replicas (alerts are unique per occasion, the unlinking is
    idempotent, a purge locks the rows it deletes)."""

    name = "courier-supply-watch"

    def __init__(
        self,
        db: Database,
        *,
        clock: Clock,
        near_expiry_days: int,
        retention: timedelta,
        purge_unclaimed_photos: PurgeUnclaimed | None = None,
        worker_id: str | None = None,
    ) -> None:
        super().__init__(clock)
        self.db = db
        self.purge_unclaimed_photos = purge_unclaimed_photos
        self.near_expiry_days = near_expiry_days
        self.retention = retention
        self.worker_id = worker_id or default_worker_id()

    async def run_due(self, now: datetime | None = None) -> RunReport:
        at = now or self.clock.now()
        async with self.db.session(write=True) as session:
            raised = await raise_due_alerts(session, now=at, near_expiry_days=self.near_expiry_days)
            cut = await unlink_old_uses(session, now=at, retention=self.retention)
            if self.purge_unclaimed_photos is not None:
                cut += await self.purge_unclaimed_photos(session)
            await session.commit()
        return RunReport(succeeded=raised + cut)
