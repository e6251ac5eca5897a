"""Station profiles (keyed by directory's place), courier profiles (with their photo) and
their cards, visits and their event trail; kit tables: the couriers' photos (kit.media),
idempotency keys, the outbox and the personal-data audit of exports."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from services.courier.models.base import (
    CARD_STATUSES,
    EVENT_ID,
    OPEN_VISIT,
    PATH_LENGTH,
    PLATFORMS,
    SUBJECT_LENGTH,
    TOKEN_LENGTH,
    VISIT_SOURCES,
    VISIT_STATUSES,
    Base,
)
from services.kit.audit import AuditTrail
from services.kit.db import UTCDateTime, binary_string, check_in
from services.kit.events import EventRow
from services.kit.idempotency import IdempotencyKeys
from services.kit.media.models import MediaLibrary
from services.kit.outbox import Outbox
from services.kit.peers import ReceivedEvents


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
    # The optional profile photo: a kit.media upload of theirs, attached as
    # "courier:<id>"; the one it replaces is purged at once (personal data).
    photo_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
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

# Couriers' profile photos (kit.media's table): uploaded, then named on the profile.
media = MediaLibrary(Base.metadata)


# Exports recorded here and sent to identity's audit list (kit.audit), through the outbox.
outbox = Outbox(Base.metadata)
audit = AuditTrail(Base.metadata, outbox, source="courier")
# Events taken from other services' outboxes, each once (kit.peers: resident.deleted).
received_events = ReceivedEvents(Base.metadata)
