"""Events leave a service through a transactional outbox, delivered at least once, in order.

`publish` writes the event and one delivery row per destination in the caller's
transaction, so the event exists iff the business change commits. An `OutboxRelay` in each
replica claims due deliveries with a lease and hands each to the service's `deliver`
(e.g. an HMAC-signed webhook POST) outside any transaction, so a slow receiver holds no
database lock. Receivers de-duplicate by the event id, which never changes across retries.

Order: per (destination, key) only the oldest pending delivery may be claimed, so a failing
one holds back later events of its key for that destination and nothing else. Retries back
off exponentially (1 min .. 1 h by default); after `max_age` a delivery is marked dead and
the events behind it move on. The order is `sequence`, taken at insert: two transactions
publishing for one key should be serialised by the row of the thing they change (they are,
when both change it), or PostgreSQL may commit, and so send, the later number first.

    outbox = Outbox(Base.metadata)  # adds outbox_events and outbox_deliveries
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.clock import Clock
from services.kit.db import Database, UTCDateTime, check_in
from services.kit.workers import (
    ERROR_LENGTH,
    PollingWorker,
    RunReport,
    backoff,
    default_worker_id,
    error_summary,
)

log = logging.getLogger("kit.outbox")

DELIVERY_STATUSES = ("pending", "delivered", "dead")

# SQLite makes only an INTEGER PRIMARY KEY a rowid alias, which is what autoincrements.
_SEQUENCE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


@dataclass(frozen=True)
class OutboxEvent:
    id: uuid.UUID  # stable across retries: the receiver's de-duplication key
    sequence: int
    topic: str
    key: str
    payload: dict[str, Any]
    created_at: datetime


Deliver = Callable[[str, OutboxEvent], Awaitable[None]]
_EVENT_FIELDS = ("id", "sequence", "topic", "key", "payload", "created_at")


@dataclass(frozen=True)
class _Claimed:
    delivery_id: uuid.UUID
    destination: str
    attempts: int
    event: OutboxEvent


class Outbox:
    """The outbox tables of one service and `publish`."""

    def __init__(
        self,
        metadata: sa.MetaData,
        *,
        prefix: str = "outbox",
        route: Callable[[str], Iterable[str]] | None = None,
    ) -> None:
        # `route(topic)` gives the destinations when publish is not told them.
        self.route = route
        events, deliveries = f"{prefix}_events", f"{prefix}_deliveries"
        self.events = sa.Table(
            events,
            metadata,
            # The order of events; AUTOINCREMENT on SQLite so a purge never lets a number
            # be handed out twice.
            sa.Column("sequence", _SEQUENCE, primary_key=True, autoincrement=True),
            sa.Column("id", sa.Uuid, nullable=False, unique=True),
            sa.Column("topic", sa.String(100), nullable=False),
            sa.Column("key", sa.String(200), nullable=False),
            sa.Column("payload", sa.JSON, nullable=False),
            sa.Column("created_at", UTCDateTime, nullable=False, index=True),
            sqlite_autoincrement=True,
        )
        self.deliveries = sa.Table(
            deliveries,
            metadata,
            sa.Column("id", sa.Uuid, primary_key=True),
            sa.Column(
                "event_id",
                sa.Uuid,
                sa.ForeignKey(f"{events}.id", ondelete="CASCADE"),
                nullable=False,
            ),
            sa.Column("destination", sa.String(200), nullable=False),
            # Copied from the event, so "is an older event of this key still pending for
            # this destination?" is one probe of the index below.
            sa.Column("key", sa.String(200), nullable=False),
            sa.Column("sequence", _SEQUENCE, nullable=False),
            sa.Column("status", sa.String(10), nullable=False),
            sa.Column("attempts", sa.Integer, nullable=False),
            sa.Column("next_attempt_at", UTCDateTime, nullable=False),
            sa.Column("lease_until", UTCDateTime),
            sa.Column("leased_by", sa.String(100)),
            sa.Column("last_error", sa.String(ERROR_LENGTH)),
            sa.Column("delivered_at", UTCDateTime),
            sa.UniqueConstraint("event_id", "destination"),
            sa.CheckConstraint(check_in("status", DELIVERY_STATUSES), name="status"),
            sa.Index(f"ix_{deliveries}_status_next_attempt_at", "status", "next_attempt_at"),
            sa.Index(f"ix_{deliveries}_destination_key_sequence", "destination", "key", "sequence"),
        )

    async def publish(
        self,
        session: AsyncSession,
        *,
        topic: str,
        key: str,
        payload: Mapping[str, Any],
        now: datetime,
        destinations: Iterable[str] | None = None,
    ) -> uuid.UUID:
        """Record an event for each destination, in the caller's transaction; its id."""
        if destinations is None:
            if self.route is None:
                raise ValueError("publish needs destinations (or an Outbox route)")
            destinations = self.route(topic)
        event_id = uuid.uuid4()
        sequence = await session.scalar(
            sa.insert(self.events)
            .values(id=event_id, topic=topic, key=key, payload=dict(payload), created_at=now)
            .returning(self.events.c.sequence)
        )
        rows = [
            {
                "id": uuid.uuid4(),
                "event_id": event_id,
                "destination": destination,
                "key": key,
                "sequence": sequence,
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": now,
            }
            for destination in dict.fromkeys(destinations)  # each once, in the order given
        ]
        if rows:
            await session.execute(sa.insert(self.deliveries), rows)
        return event_id

    async def purge(self, session: AsyncSession, *, before: datetime) -> int:
        """Delete events older than `before` that nothing waits to deliver (retention)."""
        e, d = self.events, self.deliveries
        waiting = sa.exists().where(d.c.event_id == e.c.id, d.c.status == "pending")
        gone = await session.scalars(
            sa.delete(e).where(e.c.created_at < before, ~waiting).returning(e.c.id)
        )
        return len(gone.all())


class OutboxRelay(PollingWorker):
    """Delivers due events to their destinations; safe to run in every replica."""

    name = "outbox-relay"

    def __init__(
        self,
        db: Database,
        outbox: Outbox,
        *,
        clock: Clock,
        deliver: Deliver,
        worker_id: str | None = None,
        lease: timedelta = timedelta(minutes=2),
        delivery_timeout: float = 30.0,
        retry_base: timedelta = timedelta(minutes=1),
        retry_cap: timedelta = timedelta(hours=1),
        max_age: timedelta = timedelta(days=3),
        batch_size: int = 20,
    ) -> None:
        super().__init__(clock)
        if delivery_timeout >= lease.total_seconds():
            # A delivery outliving its lease could be sent again by another replica.
            raise ValueError("delivery_timeout must be shorter than the lease")
        self.db = db
        self.outbox = outbox
        self.deliver = deliver
        self.worker_id = worker_id or default_worker_id()
        self.lease = lease
        self.delivery_timeout = delivery_timeout
        self.retry_base = retry_base
        self.retry_cap = retry_cap
        self.max_age = max_age
        self.batch_size = batch_size

    async def run_due(self, now: datetime | None = None) -> RunReport:
        return await self.relay_due(now)

    async def relay_due(self, now: datetime | None = None) -> RunReport:
        """Deliver everything due at `now` (default: the clock's now) that order allows."""
        now = now if now is not None else self.clock.now()
        report = RunReport()
        while not self._stopping.is_set():
            claimed = await self._claim(now)
            if not claimed:
                break
            # Heads of different (destination, key) pairs: independent, so sent together.
            outcomes = await asyncio.gather(*(self._attempt(c, now) for c in claimed))
            report.succeeded += outcomes.count("delivered")
            report.retried += outcomes.count("retry")
            report.gave_up += outcomes.count("dead")
        return report

    async def _claim(self, now: datetime) -> list[_Claimed]:
        d, e = self.outbox.deliveries, self.outbox.events
        older = d.alias("older")
        blocked = sa.exists().where(
            older.c.destination == d.c.destination,
            older.c.key == d.c.key,
            older.c.status == "pending",
            older.c.sequence < d.c.sequence,
        )
        async with self.db.session(write=True) as session:
            # PostgreSQL: rows another relay is claiming are skipped, not waited for; the
            # NOT EXISTS still sees them pending, so nothing behind them is taken either.
            # SQLite: BEGIN IMMEDIATE makes the claim one writer at a time.
            ids = list(
                await session.scalars(
                    sa.select(d.c.id)
                    .where(
                        d.c.status == "pending",
                        d.c.next_attempt_at <= now,
                        sa.or_(d.c.lease_until.is_(None), d.c.lease_until < now),
                        ~blocked,
                    )
                    .order_by(d.c.sequence)
                    .limit(self.batch_size)
                    .with_for_update(skip_locked=True)
                )
            )
            if not ids:
                return []
            await session.execute(
                sa.update(d)
                .where(d.c.id.in_(ids))
                .values(
                    attempts=d.c.attempts + 1,
                    lease_until=now + self.lease,
                    leased_by=self.worker_id,
                )
            )
            rows = (
                await session.execute(
                    sa.select(
                        d.c.id.label("delivery_id"),
                        d.c.destination,
                        d.c.attempts,
                        *(c.label(f"event_{c.name}") for c in e.c),
                    )
                    .join(e, e.c.id == d.c.event_id)
                    .where(d.c.id.in_(ids))
                    .order_by(d.c.sequence)
                )
            ).mappings()
            claimed = [
                _Claimed(
                    delivery_id=r["delivery_id"],
                    destination=r["destination"],
                    attempts=r["attempts"],
                    event=OutboxEvent(**{f: r[f"event_{f}"] for f in _EVENT_FIELDS}),
                )
                for r in rows
            ]
            await session.commit()
        return claimed

    async def _attempt(self, claimed: _Claimed, now: datetime) -> str:
        d = self.outbox.deliveries
        try:
            async with asyncio.timeout(self.delivery_timeout):
                await self.deliver(claimed.destination, claimed.event)
        except Exception as exc:
            values: dict[str, Any] = {"last_error": error_summary(exc)}
            if now - claimed.event.created_at >= self.max_age:
                outcome = values["status"] = "dead"
                log.warning(
                    "event %s to %s is dead after %d attempts: %s",
                    claimed.event.id,
                    claimed.destination,
                    claimed.attempts,
                    values["last_error"],
                )
            else:
                outcome = "retry"
                wait = backoff(claimed.attempts, self.retry_base, self.retry_cap)
                values["next_attempt_at"] = now + wait
        else:
            outcome = "delivered"
            values = {"status": outcome, "delivered_at": now, "last_error": None}
        async with self.db.session(write=True) as session:
            # Only while the lease is ours: if it ran out, another relay owns the row now.
            await session.execute(
                sa.update(d)
                .where(d.c.id == claimed.delivery_id, d.c.leased_by == self.worker_id)
                .values(lease_until=None, leased_by=None, **values)
            )
            await session.commit()
        return outcome
