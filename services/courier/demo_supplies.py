"""Demo data: 天街暖心驿站's medicine kit and supplies, stocked by the station's demo staff
(station_tgy) at the start of the demo week, with one medicine near its expiry (the watch
alerts it when `make run` starts) and the uses of the week's visits taken off the shelf."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta

from services.courier.models import Station, SupplyItem, SupplyRestock, SupplyUse, Visit
from services.kit.clock import LOCAL_TZ
from services.kit.demo import demo_staff_id

STAFF = f"staff:{demo_staff_id('station_tgy')}"
STAFF_NAME = "驿站站长"
# name, kind, unit, stock at the week's start, low-stock threshold, keeps for (days; None:
# no expiry), how likely a visit takes one. 藿香正气水 expires within the warning period.
KIT: tuple[tuple[str, str, str, int, int, int | None, float], ...] = (
    ("创可贴", "supply", "片", 60, 10, 700, 0.05),
    ("碘伏棉签", "medicine", "包", 12, 3, 240, 0.015),
    ("藿香正气水", "medicine", "盒", 10, 2, 12, 0.01),
    ("布洛芬缓释胶囊", "medicine", "盒", 6, 2, 400, 0.008),
    ("感冒灵颗粒", "medicine", "盒", 8, 2, 210, 0.01),
    ("口罩", "supply", "个", 100, 20, None, 0.06),
    ("暖宝宝", "supply", "片", 50, 10, 500, 0.05),
    ("充电线", "supply", "根", 6, 2, None, 0.004),
)


def _items(station: Station, stocked: datetime, today: date) -> list[SupplyItem]:
    return [
        SupplyItem(
            id=uuid.uuid5(station.id, f"kit:{name}"),
            station_id=station.id,
            station_path=station.place_path,
            name=name,
            kind=kind,
            unit=unit,
            quantity=stock,
            low_stock_threshold=threshold,
            expires_on=today + timedelta(days=keeps) if keeps is not None else None,
            stocked_at=stocked,
            created_at=stocked,
            updated_at=stocked,
            updated_by=STAFF,
        )
        for name, kind, unit, stock, threshold, keeps, _chance in KIT
    ]


def stock_the_kit(
    rng: random.Random, station: Station, visits: list[Visit], *, now: datetime
) -> list[SupplyItem | SupplyRestock | SupplyUse]:
    """The kit's rows: items, their first stock, and the week's uses (never below zero)."""
    first = min((v.started_at for v in visits), default=now)
    stocked = first - timedelta(hours=2)
    items = _items(station, stocked, now.astimezone(LOCAL_TZ).date())
    rows: list[SupplyItem | SupplyRestock | SupplyUse] = [*items]
    rows += [
        SupplyRestock(
            id=uuid.uuid4(),
            item_id=item.id,
            quantity=item.quantity,
            written_off=0,
            expires_on=item.expires_on,
            batch=f"DEMO-{stocked:%Y%m}",
            at=stocked,
            actor=STAFF,
            actor_name=STAFF_NAME,
        )
        for item in items
    ]
    for visit in sorted(visits, key=lambda v: v.started_at):
        for item, (*_, chance) in zip(items, KIT, strict=True):
            if item.quantity <= item.low_stock_threshold + 1 or rng.random() >= chance:
                continue
            item.quantity -= 1
            staff_desk = rng.random() < 0.3
            rows.append(
                SupplyUse(
                    id=uuid.uuid4(),
                    item_id=item.id,
                    station_id=station.id,
                    station_path=station.place_path,
                    visit_id=visit.id,
                    quantity=1,
                    used_at=visit.started_at + timedelta(minutes=rng.randint(1, 8)),
                    recorded_by="staff" if staff_desk else "courier",
                    staff_actor=STAFF if staff_desk else None,
                )
            )
    return rows
