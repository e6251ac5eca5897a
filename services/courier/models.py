"""The warm station's schema: station profiles (keyed by directory's place), courier
profiles and their cards, visits and their event trail, the medicine kit and supplies, plus
kit tables."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal, get_args

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.db import UTCDateTime, binary_string, check_in, new_metadata
from services.kit.events import EventRow
from services.kit.idempotency import IdempotencyKeys
from services.kit.jobs import JobQueue


class Base(DeclarativeBase):
    metadata = new_metadata()


# Each vocabulary once: the Literal the schemas use and the tuple the CHECK constraints use.
Platform = Literal["meituan", "eleme", "jd", "sf", "shansong", "other"]
PLATFORMS: tuple[str, ...] = get_args(Platform)
PLATFORM_NAMES = {
    "meituan": "美团",
    "eleme": "饿了么",
    "jd": "京东",
    "sf": "顺丰",
    "shansong": "闪送",
    "other": "其他",
}
VisitStatus = Literal["open", "closed", "auto_closed"]
VISIT_STATUSES: tuple[str, ...] = get_args(VisitStatus)
# What a courier used during a visit (the medicine kit's items come with supplies).
ServiceUsed = Literal["charging", "heating", "water"]
SERVICES_USED: tuple[str, ...] = get_args(ServiceUsed)
# How a visit began: the station's code on the courier's phone, or staff scanning a card.
VisitSource = Literal["code", "card"]
VISIT_SOURCES: tuple[str, ...] = get_args(VisitSource)
CardStatus = Literal["active", "revoked"]
CARD_STATUSES: tuple[str, ...] = get_args(CardStatus)

OPEN_VISIT = "status = 'open'"
PATH_LENGTH = 400
TOKEN_LENGTH = 40
SUBJECT_LENGTH = 64
# SQLite makes only an INTEGER PRIMARY KEY a rowid alias, which is what autoincrements.
EVENT_ID = BigInteger().with_variant(Integer(), "sqlite")


class Station(Base):
    """A warm station's profile, kept here; the place itself (name, path, code) is
    directory's, copied when staff save the profile."""

    __tablename__ = "stations"
    __table_args__ = (
        CheckConstraint("charging_points >= 0", name="charging_points"),
        CheckConstraint("rest_seats >= 0", name="rest_seats"),
        CheckConstraint("auto_close_minutes > 0", name="auto_close_minutes"),
    )

    # Directory's place id (kind `station`): the code's target is `courier:<this id>`.
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    place_code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    place_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH), unique=True)
    # [{"weekday": 0..6 (Monday 0), "opens": "08:00", "closes": "22:00"}], Beijing time;
    # a weekday without a row is a closed day.
    hours: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    rest_seats: Mapped[int] = mapped_column(Integer)
    charging_points: Mapped[int] = mapped_column(Integer)
    microwave: Mapped[bool] = mapped_column(Boolean)
    water: Mapped[bool] = mapped_column(Boolean)
    medicine_kit: Mapped[bool] = mapped_column(Boolean)
    # A registered courier's visit still open this long after check-in is closed by the
    # worker (auto_closed); a visit keeps the limit it started with.
    auto_close_minutes: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # "staff:<subject>"
    updated_by: Mapped[str] = mapped_column(String(80))


class Courier(Base):
    """A courier who registered: an identity resident with a nickname and a platform."""

    __tablename__ = "couriers"
    __table_args__ = (CheckConstraint(check_in("platform", PLATFORMS), name="platform"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # "resident:<uuid>", as identity's token names them.
    resident_subject: Mapped[str] = mapped_column(String(SUBJECT_LENGTH), unique=True)
    nickname: Mapped[str] = mapped_column(String(20))
    platform: Mapped[str] = mapped_column(String(10))
    # Only the masked phone (138****0000) from identity: staff recognise a courier by it,
    # and this service never holds the number.
    phone_masked: Mapped[str | None] = mapped_column(String(20))
    # May be named on the monthly recognition list.
    agrees_to_be_named: Mapped[bool] = mapped_column(Boolean, default=False)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CourierCard(Base):
    """A courier's personal card: a QR payload (the token) and a short code to type; one
    active card per courier, revoked ones kept so their codes never name anyone else."""

    __tablename__ = "courier_cards"
    __table_args__ = (
        CheckConstraint(check_in("status", CARD_STATUSES), name="status"),
        Index(
            "uq_courier_cards_active_courier",
            "courier_id",
            unique=True,
            sqlite_where=text("status = 'active'"),
            postgresql_where=text("status = 'active'"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    courier_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("couriers.id", ondelete="CASCADE"), index=True
    )
    token: Mapped[str] = mapped_column(String(TOKEN_LENGTH), unique=True)
    short_code: Mapped[str] = mapped_column(String(12), unique=True)
    status: Mapped[str] = mapped_column(String(8))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by: Mapped[str | None] = mapped_column(String(80))


class Visit(Base):
    """One stay at a station: open until checked out, or closed by the worker past its
    limit. Anonymous visits have no courier and count in visits and "present now" only."""

    __tablename__ = "visits"
    __table_args__ = (
        CheckConstraint(check_in("status", VISIT_STATUSES), name="status"),
        CheckConstraint(check_in("source", VISIT_SOURCES), name="source"),
        # One open visit per courier, whatever the race (anonymous visits have no courier:
        # NULLs never collide).
        Index(
            "uq_visits_open_courier",
            "courier_id",
            unique=True,
            sqlite_where=text(OPEN_VISIT),
            postgresql_where=text(OPEN_VISIT),
        ),
        # The worker's scan and the live view: open visits by deadline / by station.
        Index(
            "ix_visits_open_closes_at",
            "closes_at",
            sqlite_where=text(OPEN_VISIT),
            postgresql_where=text(OPEN_VISIT),
        ),
        Index("ix_visits_station_status", "station_id", "status"),
        Index("ix_visits_station_started_at", "station_id", "started_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # The phone's key to its own visit (services, check-out): shown once, at check-in.
    token: Mapped[str] = mapped_column(String(TOKEN_LENGTH), unique=True)
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    station_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH), index=True)
    courier_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("couriers.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(12))
    source: Mapped[str] = mapped_column(String(8))
    # ["charging", "heating"]: a visit using charging holds a point until it ends.
    services: Mapped[list[str]] = mapped_column(JSON, default=list)
    uses_charging: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # When the worker closes it if nobody checked out (its limit, fixed at check-in).
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def anonymous(self) -> bool:
        return self.courier_id is None


class VisitEvent(EventRow, Base):
    """Every move of a visit (check in, services, check out, auto close), kit.events' columns."""

    __tablename__ = "visit_events"
    status_length = 12

    id: Mapped[int] = mapped_column(EVENT_ID, primary_key=True, autoincrement=True)
    visit_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), index=True
    )


idempotency = IdempotencyKeys(Base.metadata)


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
