"""The outbox: nothing lost while a receiver is down, in order per key, once per relay claim."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import String, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.clock import FrozenClock
from services.kit.db import Database, new_metadata
from services.kit.outbox import Outbox, OutboxEvent, OutboxRelay
from services.kit.testing import drop_database, empty_tables, run_replicas
from tests.kit.support import database_with, schema_drift


class Base(DeclarativeBase):
    metadata = new_metadata()


outbox = Outbox(Base.metadata, route=lambda topic: ["hook-1", "hook-2"])


class Thing(Base):
    """The business change an event announces."""

    __tablename__ = "things"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))


T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
HOOKS = ["hook-1", "hook-2"]


class Receiver:
    """A webhook subscriber that can be down, for everyone or for some keys or events."""

    def __init__(self) -> None:
        self.up = True
        self.refuse: set[Any] = set()  # keys, destinations or event ids it fails on
        self.received: list[tuple[str, OutboxEvent]] = []
        self.calls = 0

    async def __call__(self, destination: str, event: OutboxEvent) -> None:
        self.calls += 1
        await asyncio.sleep(0)  # let concurrent relays interleave here
        if not self.up or {destination, event.key, event.id} & self.refuse:
            raise ConnectionError("receiver down")
        self.received.append((destination, event))

    def seen(self, destination: str, key: str | None = None) -> list[uuid.UUID]:
        return [
            e.id for d, e in self.received if d == destination and (key is None or e.key == key)
        ]


@pytest.fixture(scope="module")
async def outbox_db(backend: str) -> AsyncIterator[Database]:
    db = await database_with(backend, "kit_outbox", Base.metadata)
    yield db
    await drop_database(db)


@pytest.fixture
async def db(outbox_db: Database) -> Database:
    await empty_tables(outbox_db, Base.metadata)
    return outbox_db


async def publish(db: Database, key: str, n: int = 1, **kw: Any) -> list[uuid.UUID]:
    """`n` events of `key`, each with its own business change, one transaction each."""
    ids = []
    for _ in range(n):
        async with db.session() as session:
            thing = Thing(name=key)
            session.add(thing)
            await session.flush()
            ids.append(
                await outbox.publish(
                    session,
                    topic="thing.changed",
                    key=key,
                    payload={"thing": thing.id},
                    now=kw.get("now", T0),
                    destinations=kw.get("destinations"),
                )
            )
            await session.commit()
    return ids


def relay(db: Database, receiver: Receiver, **kw: Any) -> OutboxRelay:
    return OutboxRelay(db, outbox, clock=FrozenClock(T0), deliver=receiver, **kw)


async def delivery_states(db: Database) -> list[tuple[str, int]]:
    d = outbox.deliveries
    async with db.session(write=False) as session:
        rows = await session.execute(select(d.c.status, d.c.attempts).order_by(d.c.sequence))
        return [(r.status, r.attempts) for r in rows]


async def test_a_receiver_down_for_an_hour_gets_everything_after_once_and_in_order(
    db: Database,
) -> None:
    a = await publish(db, "a", 3)
    b = await publish(db, "b", 2)
    receiver = Receiver()
    receiver.up = False
    worker = relay(db, receiver)

    now = T0
    while now < T0 + timedelta(hours=1):
        assert (await worker.relay_due(now)).succeeded == 0
        now += timedelta(minutes=5)
    # Only the head of each (destination, key) is tried, and less and less often.
    assert receiver.calls <= 4 * 7
    assert {s for s, _ in await delivery_states(db)} == {"pending"}

    receiver.up = True
    while now < T0 + timedelta(hours=3) and len(receiver.received) < 10:
        await worker.relay_due(now)
        now += timedelta(minutes=5)
    assert now <= T0 + timedelta(hours=2)  # the backoff is capped at an hour
    for hook in HOOKS:
        assert receiver.seen(hook, "a") == a
        assert receiver.seen(hook, "b") == b
    assert len(receiver.received) == 10  # each exactly once
    assert {s for s, _ in await delivery_states(db)} == {"delivered"}
    event = receiver.received[0][1]
    assert (event.topic, event.created_at, type(event.payload["thing"])) == (
        "thing.changed",
        T0,
        int,
    )


async def test_an_event_whose_transaction_rolls_back_is_never_delivered(db: Database) -> None:
    async def failing_change() -> None:
        async with db.session() as session:
            session.add(Thing(name="lost"))
            await outbox.publish(
                session, topic="thing.changed", key="k", payload={}, now=T0, destinations=HOOKS
            )
            raise RuntimeError("the business change failed")

    with pytest.raises(RuntimeError):
        await failing_change()
    receiver = Receiver()
    assert (await relay(db, receiver).relay_due(T0 + timedelta(days=1))).succeeded == 0
    assert receiver.calls == 0
    async with db.session(write=False) as session:
        assert await session.scalar(select(func.count()).select_from(outbox.events)) == 0


async def test_a_failing_key_or_destination_does_not_hold_back_the_others(db: Database) -> None:
    receiver = Receiver()
    receiver.refuse = {"a", "hook-2"}
    a = await publish(db, "a", 2)
    b = await publish(db, "b", 2)
    worker = relay(db, receiver)

    await worker.relay_due(T0)
    assert receiver.seen("hook-1", "b") == b
    assert receiver.seen("hook-1", "a") == receiver.seen("hook-2") == []
    d = outbox.deliveries
    async with db.session(write=False) as session:
        rows = await session.execute(select(d.c.destination, d.c.key, d.c.attempts))
        tried = sorted((r.destination, r.key, r.attempts) for r in rows if r.attempts)
    # One try for each blocked head; the events behind them wait their turn.
    assert tried == [
        ("hook-1", "a", 1),
        ("hook-1", "b", 1),
        ("hook-1", "b", 1),
        ("hook-2", "a", 1),
        ("hook-2", "b", 1),
    ]

    receiver.refuse = set()
    await worker.relay_due(T0 + timedelta(seconds=59))  # not yet: the first retry is at 1 min
    assert len(receiver.received) == 2
    await worker.relay_due(T0 + timedelta(minutes=1))
    assert receiver.seen("hook-1", "a") == receiver.seen("hook-2", "a") == a
    assert receiver.seen("hook-2", "b") == b


async def test_a_delivery_past_max_age_is_dead_and_lets_its_key_move_on(db: Database) -> None:
    poison, after = await publish(db, "a", 2, destinations=["hook-1"])
    receiver = Receiver()
    receiver.refuse = {poison}
    worker = relay(db, receiver, max_age=timedelta(hours=2))
    now = T0
    while now <= T0 + timedelta(hours=3):
        await worker.relay_due(now)
        now += timedelta(minutes=10)
    assert receiver.seen("hook-1") == [after]
    assert [s for s, _ in await delivery_states(db)] == ["dead", "delivered"]

    async with db.session() as session:
        assert await outbox.purge(session, before=T0 + timedelta(days=1)) == 2
        await session.commit()
    assert await delivery_states(db) == []


async def test_two_relays_at_once_deliver_each_event_once_in_order(db: Database) -> None:
    keys = {key: await publish(db, key, 5) for key in ("a", "b", "c", "d")}
    receiver = Receiver()
    reports = await run_replicas(relay(db, receiver, batch_size=3), 2, now=T0)
    assert sum(r.succeeded for r in reports) == 40
    if not db.is_sqlite:
        # Side by side for real (SQLite queues the writers, so one may well take it all).
        assert all(r.succeeded for r in reports)
    assert len(receiver.received) == receiver.calls == 40
    for hook in HOOKS:
        for key, ids in keys.items():
            assert receiver.seen(hook, key) == ids


async def test_the_tables_reflect_back_as_declared(db: Database) -> None:
    assert await schema_drift(db, Base.metadata) == []
