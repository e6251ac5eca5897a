"""The warm station's schema: station profiles (keyed by directory's place), courier
profiles and their cards, visits and their event trail, plus kit tables."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal, get_args

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
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


# --- Activities, volunteering and the recognition list (services/courier/activities.py,
# volunteering.py, recognition.py).

# Seasonal care (winter warmth, summer cooling), festival events (三八 flower arranging,
# 端午 粽子), and volunteering tasks communities post (garbage-sorting guide, 学雷锋日).
ActivityKind = Literal["seasonal_care", "festival", "volunteering"]
ACTIVITY_KINDS: tuple[str, ...] = get_args(ActivityKind)
ActivityStatus = Literal["open", "cancelled"]
ACTIVITY_STATUSES: tuple[str, ...] = get_args(ActivityStatus)
SignupStatus = Literal["signed_up", "cancelled"]
SIGNUP_STATUSES: tuple[str, ...] = get_args(SignupStatus)
# Most volunteer hours (counted from confirmed hours), or most helpful (chosen by staff).
RecognitionCategory = Literal["volunteer_hours", "most_helpful"]
RECOGNITION_CATEGORIES: tuple[str, ...] = get_args(RecognitionCategory)


class Activity(Base):
    """An activity at a station, or posted by a community or street for its couriers, with a
    capacity. `taken` counts the places signed up for; it only moves by a conditional UPDATE
    (`taken < capacity`), so concurrent sign-ups never overfill it."""

    __tablename__ = "activities"
    __table_args__ = (
        CheckConstraint(check_in("kind", ACTIVITY_KINDS), name="kind"),
        CheckConstraint(check_in("status", ACTIVITY_STATUSES), name="status"),
        CheckConstraint("capacity > 0", name="capacity"),
        CheckConstraint("taken >= 0 AND taken <= capacity", name="taken"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("planned_minutes >= 0", name="planned_minutes"),
        Index("ix_activities_starts_at", "starts_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(500), default="")
    # What a volunteer does (垃圾分类引导员); None for care and festival activities.
    role: Mapped[str | None] = mapped_column(String(30))
    # Directory's place posting it (a station, a community or a street), copied when made.
    place_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    place_name: Mapped[str] = mapped_column(String(100))
    place_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH), index=True)
    # Where to meet, as people say it (天街暖心驿站, 中里社区3号楼垃圾分类点).
    location: Mapped[str] = mapped_column(String(100))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    capacity: Mapped[int] = mapped_column(Integer)
    taken: Mapped[int] = mapped_column(Integer, default=0)
    # The volunteer hours a sign-up is worth, in minutes (staff may confirm otherwise).
    planned_minutes: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(80))
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ActivitySignup(Base):
    """A registered courier's place at an activity; one row per courier and activity (a
    cancelled one is taken up again on a new sign-up). Hours are confirmed once, by a
    conditional UPDATE on `confirmed_at IS NULL`."""

    __tablename__ = "activity_signups"
    __table_args__ = (
        CheckConstraint(check_in("status", SIGNUP_STATUSES), name="status"),
        CheckConstraint(
            "confirmed_minutes IS NULL OR confirmed_minutes > 0", name="confirmed_minutes"
        ),
        UniqueConstraint("activity_id", "courier_id", name="uq_activity_signups_courier"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    activity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    courier_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("couriers.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(10))
    signed_up_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    confirmed_minutes: Mapped[int | None] = mapped_column(Integer)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    confirmed_by: Mapped[str | None] = mapped_column(String(80))


class RecognitionList(Base):
    """A month's recognition list staff published for a place; one per place, month and
    category. Its entries are kept as published; readers see only couriers who (still)
    agree to be named."""

    __tablename__ = "recognition_lists"
    __table_args__ = (
        CheckConstraint(check_in("category", RECOGNITION_CATEGORIES), name="category"),
        UniqueConstraint("place_id", "month", "category", name="uq_recognition_lists_month"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    place_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    place_name: Mapped[str] = mapped_column(String(100))
    place_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH), index=True)
    # "2026-11": a Beijing calendar month that has ended.
    month: Mapped[str] = mapped_column(String(7))
    category: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(60))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_by: Mapped[str] = mapped_column(String(80))


class RecognitionEntry(Base):
    __tablename__ = "recognition_entries"

    list_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("recognition_lists.id", ondelete="CASCADE"), primary_key=True
    )
    rank: Mapped[int] = mapped_column(Integer, primary_key=True)
    courier_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("couriers.id", ondelete="CASCADE"), index=True
    )
    # Confirmed volunteer minutes in the month (volunteer_hours lists).
    minutes: Mapped[int | None] = mapped_column(Integer)
    # Why staff chose them (most_helpful lists).
    reason: Mapped[str | None] = mapped_column(String(100))
