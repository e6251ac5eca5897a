"""Activities, volunteering sign-ups and hours, and the monthly recognition list."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal, get_args

from sqlalchemy import (
    CheckConstraint,
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
