"""The medicine kit and supplies: items, restocks, uses (health data: see supplies.py) and
alerts, and kit's job queue."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal, get_args

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from services.courier.models.base import (
    PATH_LENGTH,
    Base,
)
from services.kit.db import UTCDateTime, binary_string, check_in
from services.kit.jobs import JobQueue

# The medicine kit and supplies (services/courier/supplies.py, supply_alerts.py).
SupplyKind = Literal["medicine", "supply"]
SUPPLY_KINDS: tuple[str, ...] = get_args(SupplyKind)
# Why on-duty staff are alerted about an item: stock at or under its threshold, an expiry
# within the warning period, or an expiry passed with stock still on the shelf.
SupplyCondition = Literal["low_stock", "near_expiry", "expired"]
SUPPLY_CONDITIONS: tuple[str, ...] = get_args(SupplyCondition)
# Who recorded a use: the courier on their phone (through the visit's token) or staff.
SupplyUser = Literal["courier", "staff"]
SUPPLY_USERS: tuple[str, ...] = get_args(SupplyUser)
ACTOR_LENGTH = 80


class SupplyItem(Base):
    """One item of a station's kit (创可贴, 布洛芬, 暖宝宝): how many are on the shelf, in
    what unit, until when they keep, and the count at which staff want a warning."""

    __tablename__ = "supply_items"
    __table_args__ = (
        CheckConstraint(check_in("kind", SUPPLY_KINDS), name="kind"),
        # Never negative, whatever the race: uses decrement conditionally, and the table
        # refuses what slips past.
        CheckConstraint("quantity >= 0", name="quantity"),
        CheckConstraint("low_stock_threshold >= 0", name="low_stock_threshold"),
        UniqueConstraint("station_id", "name", name="uq_supply_items_station_name"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    station_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH), index=True)
    name: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(10))
    # 盒, 片, 瓶, 个, 贴, 包 ...: how the quantity is counted.
    unit: Mapped[str] = mapped_column(String(8))
    quantity: Mapped[int] = mapped_column(Integer)
    low_stock_threshold: Mapped[int] = mapped_column(Integer)
    # The earliest expiry of what is on the shelf (a local date: usable through that day);
    # required for medicine, optional for supplies.
    expires_on: Mapped[date | None] = mapped_column(Date)
    # When the stock was last topped up: a low-stock alert is raised once per such period.
    stocked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(ACTOR_LENGTH))


class SupplyRestock(Base):
    """A restock record: who added how many, when, of which batch and expiry, and how many
    old ones they took off the shelf (expired or damaged) at the same time."""

    __tablename__ = "supply_restocks"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity"),
        CheckConstraint("written_off >= 0", name="written_off"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("supply_items.id", ondelete="CASCADE"), index=True
    )
    quantity: Mapped[int] = mapped_column(Integer)
    written_off: Mapped[int] = mapped_column(Integer, default=0)
    expires_on: Mapped[date | None] = mapped_column(Date)
    batch: Mapped[str | None] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(ACTOR_LENGTH))
    actor_name: Mapped[str | None] = mapped_column(String(100))


class SupplyUse(Base):
    """One use of a kit item during a visit. Which medicine a named courier took is health
    data: `visit_id` is the only link to the courier, and the retention sweep cuts it
    (COURIER_SUPPLY_USE_RETENTION_DAYS); item, station, quantity and time stay for counts."""

    __tablename__ = "supply_uses"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity"),
        CheckConstraint(check_in("recorded_by", SUPPLY_USERS), name="recorded_by"),
        Index("ix_supply_uses_station_used_at", "station_id", "used_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("supply_items.id", ondelete="CASCADE"), index=True
    )
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    station_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH), index=True)
    visit_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), index=True
    )
    quantity: Mapped[int] = mapped_column(Integer)
    used_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The courier's own phone ("courier", never their subject: that would be a second link)
    # or staff at the desk (staff:<id>).
    recorded_by: Mapped[str] = mapped_column(String(8))
    staff_actor: Mapped[str | None] = mapped_column(String(ACTOR_LENGTH))
    # When the link to the visit (and so to the courier) was cut.
    unlinked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SupplyAlert(Base):
    """An alert to the station's on-duty staff about one item: raised once per occasion
    (a stock period for low stock, an expiry date for the others), sent by a job."""

    __tablename__ = "supply_alerts"
    __table_args__ = (
        CheckConstraint(check_in("condition", SUPPLY_CONDITIONS), name="condition"),
        UniqueConstraint("item_id", "condition", "occasion", name="uq_supply_alerts_occasion"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supply_items.id", ondelete="CASCADE"))
    station_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH), index=True)
    condition: Mapped[str] = mapped_column(String(12))
    # The stocked_at (low stock) or expires_on (near expiry, expired) it was raised for.
    occasion: Mapped[str] = mapped_column(String(40))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Set when identity took the message; how many staff were on duty then.
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    on_duty: Mapped[int | None] = mapped_column(Integer)


jobs = JobQueue(Base.metadata)
