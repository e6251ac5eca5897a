"""Intake's schema: categories and their per-street settings, tickets, their event trail,
followers, media, work orders, referrals, webhook subscriptions, plus kit tables."""

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
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.audit import AuditTrail
from services.kit.db import UTCDateTime, binary_string, check_in, new_metadata
from services.kit.events import Actor, EventRow
from services.kit.idempotency import IdempotencyKeys
from services.kit.jobs import JobQueue
from services.kit.media.models import MediaLibrary
from services.kit.outbox import Outbox
from services.kit.peers import ReceivedEvents


class Base(DeclarativeBase):
    metadata = new_metadata()


# Each vocabulary once: the Literal the schemas use and the tuple the CHECK constraints use.
Status = Literal[
    "submitted",
    "acknowledged",
    "assigned",
    "in_progress",
    "resolved",
    "closed",
    "rejected",
    "duplicate",
    "escalated",
]
STATUSES: tuple[str, ...] = get_args(Status)
OPEN_STATUSES = ("submitted", "acknowledged", "assigned", "in_progress")
OPEN_CONDITION = check_in("status", OPEN_STATUSES)
Priority = Literal["urgent", "utility", "normal", "complex"]
PRIORITIES: tuple[str, ...] = get_args(Priority)
Source = Literal["qr", "patrol", "hotline", "contractor", "staff"]
SOURCES: tuple[str, ...] = get_args(Source)
HANDLER_KINDS = ("team", "contractor")  # whom a category's tickets are suggested to
# What a photo or video is attached to a ticket for.
MEDIA_PURPOSES = ("report", "resolution", "evidence_before", "evidence_after", "progress")
# A contractor's work order inside the ticket's assigned / in_progress (DOMAIN.md).
WorkOrderStatus = Literal[
    "offered", "accepted", "declined", "in_progress", "done", "confirmed", "cancelled"
]
WORK_ORDER_STATUSES: tuple[str, ...] = get_args(WorkOrderStatus)
# A referral to the urban-management enforcement office (城管) with its own status.
ReferralStatus = Literal["sent", "received", "accepted", "declined", "concluded"]
REFERRAL_STATUSES: tuple[str, ...] = get_args(ReferralStatus)

PATH_LENGTH = 400
TOKEN_LENGTH = 40
DESCRIPTION_LENGTH = 2000
# SQLite makes only an INTEGER PRIMARY KEY a rowid alias, which is what autoincrements.
EVENT_ID = BigInteger().with_variant(Integer(), "sqlite")


class Category(Base):
    __tablename__ = "categories"
    __table_args__ = (CheckConstraint(check_in("default_priority", PRIORITIES), name="priority"),)

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(60))
    icon: Mapped[str] = mapped_column(String(40))
    default_priority: Mapped[str] = mapped_column(String(10))
    # {"urgent": [respond_minutes, resolve_minutes], ...}; missing priorities use DOMAIN.md's.
    deadline_minutes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CategorySetting(Base):
    """A street office's (or the district's) own take on a category: switched off, another
    default priority, a default handler, other deadlines. Each value left null is inherited:
    from the nearest place above that sets it, else from the category itself
    (categories.effective)."""

    __tablename__ = "category_settings"
    __table_args__ = (
        UniqueConstraint("scope_place_id", "category"),
        CheckConstraint(
            f"default_priority IS NULL OR {check_in('default_priority', PRIORITIES)}",
            name="priority",
        ),
        CheckConstraint(
            f"default_handler_kind IS NULL OR {check_in('default_handler_kind', HANDLER_KINDS)}",
            name="handler_kind",
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # A street or the district (directory), and its path: a ticket's place finds the
    # settings above it with an IN over its ancestor paths.
    scope_place_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    scope_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH), index=True)
    category: Mapped[str] = mapped_column(ForeignKey("categories.code", ondelete="CASCADE"))
    active: Mapped[bool | None] = mapped_column(Boolean)
    default_priority: Mapped[str | None] = mapped_column(String(10))
    # Suggested to staff when they assign a new ticket: a team (its name) or a contractor
    # organisation (its identity id), with the name shown for it.
    default_handler_kind: Mapped[str | None] = mapped_column(String(12))
    default_handler_ref: Mapped[str | None] = mapped_column(String(64))
    default_handler_name: Mapped[str | None] = mapped_column(String(100))
    # {"urgent": [respond_minutes, resolve_minutes], ...}; each priority left out inherits.
    deadline_minutes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(80))  # "staff:<subject>"


def _not_null_index(column: str, *include: str) -> Index:
    """No entry for NULL (0011, 0013); `include`: the medians read from the index alone."""
    where = text(f"{column} IS NOT NULL")
    kw: dict[str, Any] = {"postgresql_include": [*include, "community_code"]} if include else {}
    return Index(f"ix_tickets_{column}", column, postgresql_where=where, sqlite_where=where, **kw)


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        CheckConstraint(check_in("status", STATUSES), name="status"),
        CheckConstraint(check_in("priority", PRIORITIES), name="priority"),
        CheckConstraint(check_in("source", SOURCES), name="source"),
        CheckConstraint("rating IS NULL OR (rating BETWEEN 1 AND 5)", name="rating"),
        # The "+1" suggestion: open tickets of one category at one building.
        Index("ix_tickets_building_category_status", "building_id", "category", "status"),
        Index("ix_tickets_status_due_resolve_at", "status", "due_resolve_at"),
        # The statistics' overdue snapshot: the open tickets of a subtree, from the index alone.
        Index(
            "ix_tickets_open_place_path",
            "place_path",
            postgresql_include=["status", "due_respond_at", "due_resolve_at"],
            postgresql_where=text(OPEN_CONDITION),
            sqlite_where=text(OPEN_CONDITION),
        ),
        *map(_not_null_index, ("responded_at", "resolved_at", "closed_at", "escalated_at")),
        *map(_not_null_index, ("rated_at", "reporter_subject", "reporter_phone_hash")),
        _not_null_index("responded_minutes", "responded_at"),
        _not_null_index("resolved_minutes", "resolved_at", "status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # "TGYZL-2026-000123": community code, local year, the community's sequence.
    number: Mapped[str] = mapped_column(String(48), unique=True)
    # The reporter's secret handle to follow, rate and reopen without an account.
    tracking_token: Mapped[str] = mapped_column(String(TOKEN_LENGTH), unique=True)
    community_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    community_code: Mapped[str] = mapped_column(String(32))
    building_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    place_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    place_code: Mapped[str] = mapped_column(String(32))
    # The door code a resident's report was filed from: the tracking page's way back to
    # that building's hub (null for hotline, Open311 and staff reports).
    code_token: Mapped[str | None] = mapped_column(String(16))
    # The unit door's path, copied from directory: every scope test runs on it.
    place_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH), index=True)
    category: Mapped[str] = mapped_column(ForeignKey("categories.code", ondelete="RESTRICT"))
    description: Mapped[str] = mapped_column(String(DESCRIPTION_LENGTH))
    priority: Mapped[str] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(15))
    # A signed-in resident's subject: "my reports" across phones looks tickets up by it.
    reporter_subject: Mapped[str | None] = mapped_column(String(64))
    reporter_name_cipher: Mapped[str | None] = mapped_column(String(400))
    reporter_phone_cipher: Mapped[str | None] = mapped_column(String(200))
    reporter_phone_hash: Mapped[str | None] = mapped_column(String(64))
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    # The statistics' milestones (statistics.py), indexed: a period is a range on each.
    due_respond_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    due_resolve_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The first move out of `submitted` (acknowledge, assign, reject, merge): the response
    # the response rate judges; later moves (a reassignment) never change it.
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Minutes from the report, as the medians take them: set by a trigger on PostgreSQL (0011).
    responded_minutes: Mapped[float | None] = mapped_column(Float)
    resolved_minutes: Mapped[float | None] = mapped_column(Float)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    rating: Mapped[int | None] = mapped_column(Integer)
    rating_comment: Mapped[str | None] = mapped_column(String(500))
    assignee_kind: Mapped[str | None] = mapped_column(String(12))
    assignee_ref: Mapped[str | None] = mapped_column(String(64))
    duplicate_of_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="RESTRICT")
    )
    # The case id in the system that pushed it (12345 hotline, Open311 client): a second
    # push of one case finds this ticket instead of filing another.
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    # When retention removed the reporter's name, phone and photos (N days after closing).
    personal_purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


_COUNTS = JSON().with_variant(postgresql.JSONB(), "postgresql")
_HISTOGRAM = JSON().with_variant(postgresql.ARRAY(Integer()), "postgresql")


class _FigureColumns:
    """A community's figures over a day or week (statistics.py): the counters, the counts of
    the reports ("status:closed" -> n), the times per bucket of minutes (statistics_medians)."""

    community_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    # The community's own path (a prefix of its tickets' place paths): the scope test.
    community_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH))
    reported: Mapped[int] = mapped_column(Integer)
    hotline: Mapped[int] = mapped_column(Integer)
    response_due: Mapped[int] = mapped_column(Integer)
    response_on_time: Mapped[int] = mapped_column(Integer)
    finished: Mapped[int] = mapped_column(Integer)
    resolved_not_reopened: Mapped[int] = mapped_column(Integer)
    settled: Mapped[int] = mapped_column(Integer)
    never_escalated: Mapped[int] = mapped_column(Integer)
    resolved: Mapped[int] = mapped_column(Integer)
    reopened: Mapped[int] = mapped_column(Integer)
    rated: Mapped[int] = mapped_column(Integer)
    satisfied: Mapped[int] = mapped_column(Integer)
    counts: Mapped[dict[str, int]] = mapped_column(_COUNTS)
    ack_buckets: Mapped[list[int]] = mapped_column(_HISTOGRAM)
    resolve_buckets: Mapped[list[int]] = mapped_column(_HISTOGRAM)


class TicketDayFigures(_FigureColumns, Base):
    """The figures per community and Beijing day, kept by a trigger on PostgreSQL (0010,
    0011) instead of reading every ticket; empty on SQLite, where the tickets are read."""

    __tablename__ = "ticket_day_figures"
    day: Mapped[date] = mapped_column(Date, primary_key=True, sort_order=-1)


class TicketWeekFigures(_FigureColumns, Base):
    """The same per community and ISO week in Beijing (`week`: its Monday), same trigger."""

    __tablename__ = "ticket_week_figures"
    week: Mapped[date] = mapped_column(Date, primary_key=True, sort_order=-1)


class TicketEvent(EventRow, Base):
    """One row per transition (and per rating, text, alert, referral, reveal): the audit
    trail and the rates' source (kit.events for the columns)."""

    __tablename__ = "ticket_events"
    status_length = 15

    # Ascending: the trail's order even when several steps share one timestamp.
    id: Mapped[int] = mapped_column(EVENT_ID, primary_key=True, autoincrement=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE"), index=True
    )

    @classmethod
    def in_place(
        cls,
        ticket: Ticket,
        action: str,
        actor: Actor,
        at: datetime,
        *,
        public_note: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> TicketEvent:
        """A step on the trail that leaves the ticket's status where it is: a rating after
        closing, a text sent, an alert, a referral, a reveal of the reporter's number."""
        return cls(
            ticket_id=ticket.id,
            from_status=ticket.status,
            to_status=ticket.status,
            action=action,
            **actor.columns(),
            public_note=public_note,
            at=at,
            detail=detail or {},
        )


class TicketFollower(Base):
    """A neighbour's "+1 me too": counted with the ticket and told of its progress."""

    __tablename__ = "ticket_followers"
    __table_args__ = (UniqueConstraint("ticket_id", "resident_subject"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE"), index=True
    )
    # Their own tracking token (shows the ticket, allows no reporter action) and the door
    # they scanned: their link's way back to their building's hub.
    follower_token: Mapped[str] = mapped_column(String(TOKEN_LENGTH), unique=True)
    code_token: Mapped[str | None] = mapped_column(String(16))
    resident_subject: Mapped[str | None] = mapped_column(String(64), index=True)
    # A merged duplicate's reporter follows this ticket now; their old page points here.
    merged_from_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="SET NULL")
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class TicketCounter(Base):
    """The last ticket number given per community and year (numbers never repeat)."""

    __tablename__ = "ticket_counters"

    community_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)


class TicketMedia(Base):
    """A photo or video (kit.media id) attached to a ticket, a move or a work order."""

    __tablename__ = "ticket_media"
    __table_args__ = (CheckConstraint(check_in("purpose", MEDIA_PURPOSES), name="purpose"),)

    media_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(20))
    work_order_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("work_orders.id", ondelete="CASCADE")
    )
    event_id: Mapped[int | None] = mapped_column(EVENT_ID)
    position: Mapped[int] = mapped_column(Integer, default=0)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WorkOrder(Base):
    """A ticket offered to a contractor organisation (identity) and worked through its API."""

    __tablename__ = "work_orders"
    __table_args__ = (
        CheckConstraint(check_in("status", WORK_ORDER_STATUSES), name="status"),
        Index("ix_work_orders_organisation_id_status", "organisation_id", "status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # "TGYZL-2026-000123-W1": the ticket's number and the order's sequence on it.
    number: Mapped[str] = mapped_column(String(56), unique=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    organisation_name: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(12))
    instructions: Mapped[str | None] = mapped_column(String(2000))
    offered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    declined_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    return_count: Mapped[int] = mapped_column(Integer, default=0)
    # "staff:<subject>"
    offered_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WorkOrderEvent(EventRow, Base):
    """Every move of a work order (offer, accept, decline, progress, done, confirm, return,
    cancel), with kit.events' columns."""

    __tablename__ = "work_order_events"
    status_length = 12

    id: Mapped[int] = mapped_column(EVENT_ID, primary_key=True, autoincrement=True)
    work_order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("work_orders.id", ondelete="CASCADE"), index=True
    )


class Referral(Base):
    """An evidence package sent to the urban-management enforcement office (城管)."""

    __tablename__ = "referrals"
    __table_args__ = (CheckConstraint(check_in("status", REFERRAL_STATUSES), name="status"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # "TGYZL-2026-000123-R1"
    number: Mapped[str] = mapped_column(String(56), unique=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE"), index=True
    )
    agency: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(12))
    # The snapshot sent: place, times, description, findings, media ids (no reporter data).
    package: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(String(2000))
    # The agency's own case number and its answer, once it replies.
    agency_reference: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str | None] = mapped_column(String(2000))
    created_by: Mapped[str] = mapped_column(String(80))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WebhookSubscription(Base):
    """A receiver of ticket events under one place (a street office for its street)."""

    __tablename__ = "webhook_subscriptions"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    url: Mapped[str] = mapped_column(String(500))
    # The signing secret, shown once at creation and kept encrypted (PersonalDataCipher).
    secret_cipher: Mapped[str] = mapped_column(String(200))
    scope_place_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    # The subscribed place's path: tickets at or below it are sent (an IN over ancestors).
    scope_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH), index=True)
    # ["ticket.created", "ticket.status_changed"]
    topics: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # "staff:<subject>"
    created_by: Mapped[str] = mapped_column(String(80))
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


jobs = JobQueue(Base.metadata)
outbox = Outbox(Base.metadata)
audit = AuditTrail(Base.metadata, outbox, source="intake")  # reveals, exports -> identity
received_events = ReceivedEvents(Base.metadata)  # resident.deleted, once (kit.peers)
idempotency = IdempotencyKeys(Base.metadata)
media = MediaLibrary(Base.metadata)
