"""Directory's schema: the place tree, the QR code registry and the holiday calendar."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from services.kit.db import UTCDateTime, binary_string, check_in, new_metadata
from services.kit.outbox import Outbox
from services.kit.peers import ReceivedEvents


class Base(DeclarativeBase):
    metadata = new_metadata()


PLACE_KINDS = (
    "district",
    "street",
    "community",
    "building",
    "unit",
    "venue",
    "station",
    "parking_area",
)
CODE_KINDS = ("unit", "building", "notice_board", "venue", "room", "station", "parking_area")
CODE_STATUSES = ("active", "revoked")
CODE_ACTIONS = ("issued", "revoked", "reissued")
CALENDAR_KINDS = ("holiday", "workday")

PATH_LENGTH = 400  # 8 levels of 36-character ids and separators, with room to spare


class Place(Base):
    __tablename__ = "places"
    __table_args__ = (CheckConstraint(check_in("kind", PLACE_KINDS), name="kind"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("places.id", ondelete="RESTRICT"), index=True
    )
    # Ancestors and self, "/<id>/<id>/"; copied by every service that keeps a record here.
    path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    address: Mapped[str | None] = mapped_column(String(200))
    # WGS-84; converted to GCJ-02 only at the map's edge.
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # An office's public phone (a community office), never a person's.
    phone: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class QrCode(Base):
    __tablename__ = "qr_codes"
    __table_args__ = (
        CheckConstraint(check_in("kind", CODE_KINDS), name="kind"),
        CheckConstraint(check_in("status", CODE_STATUSES), name="status"),
        Index("ix_qr_codes_place_path", "place_path"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # Stored upper-case; looked up case-insensitively by upper-casing the input.
    token: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    place_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("places.id", ondelete="RESTRICT"))
    place_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH))
    # An object of another service this code opens (e.g. "rooms" + a room id).
    target_service: Mapped[str | None] = mapped_column(String(20))
    target_id: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(10), default="active")
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by: Mapped[str | None] = mapped_column(String(64))
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("qr_codes.id"))

    place: Mapped[Place] = relationship(lazy="raise")


class QrCodeEvent(Base):
    """Every issue, revocation and re-issue: who, when and why."""

    __tablename__ = "qr_code_events"
    __table_args__ = (CheckConstraint(check_in("action", CODE_ACTIONS), name="action"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    code_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("qr_codes.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(10))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str | None] = mapped_column(String(200))


class CalendarDay(Base):
    """An exception to the ordinary week: a public holiday, or a make-up workday."""

    __tablename__ = "calendar_days"
    __table_args__ = (CheckConstraint(check_in("kind", CALENDAR_KINDS), name="kind"),)

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(50))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(64))


# Events to other services (kit.peers): a place moving will be one (not supported yet).
outbox = Outbox(Base.metadata)
received_events = ReceivedEvents(Base.metadata)
