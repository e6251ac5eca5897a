"""The kernel's database pieces on both backends: times, the path range, SQLite writes."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import Integer, String, event, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.db import Database, UTCDateTime, binary_string, new_metadata
from services.kit.scope import child_path, subtree_bounds, within, within_any
from services.kit.testing import drop_database, fresh_database


class Base(DeclarativeBase):
    metadata = new_metadata()


class Record(Base):
    __tablename__ = "records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(binary_string(400), index=True)
    at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    label: Mapped[str] = mapped_column(String(20), default="")


@pytest.fixture
async def kit_db(backend: str) -> AsyncIterator[Database]:
    db = await fresh_database(backend, "kit", "kit_test")
    if not db.is_sqlite:
        async with db.engine.begin() as conn:
            await conn.exec_driver_sql('CREATE SCHEMA IF NOT EXISTS "kit_test"')
    async with db.engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield db
    await drop_database(db)


async def test_times_come_back_aware_and_in_utc(kit_db: Database) -> None:
    beijing = timezone(timedelta(hours=8))
    async with kit_db.session() as session:
        session.add(Record(id=1, path="/a/", at=datetime(2026, 6, 1, 9, 30, tzinfo=beijing)))
        await session.commit()
    async with kit_db.session(write=False) as session:
        at = await session.scalar(select(Record.at))
    assert at == datetime(2026, 6, 1, 1, 30, tzinfo=UTC)
    assert at is not None
    assert at.utcoffset() == timedelta(0)


async def test_the_subtree_range_matches_descendants_and_nothing_else(kit_db: Database) -> None:
    root, a, b = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    root_path = child_path(None, root)
    a_path = child_path(root_path, a)
    paths = {
        "root": root_path,
        "a": a_path,
        "a-child": child_path(a_path, uuid.uuid4()),
        "b": child_path(root_path, b),
        # Shares a's id as a text prefix without the separator: must not match.
        "a-lookalike": f"{root_path}{a}0/",
        "elsewhere": child_path(None, uuid.uuid4()),
    }
    async with kit_db.session() as session:
        for i, (label, path) in enumerate(paths.items()):
            session.add(Record(id=i + 1, path=path, label=label))
        await session.commit()
    async with kit_db.session(write=False) as session:
        under_a = set(
            await session.scalars(select(Record.label).where(within(Record.path, a_path)))
        )
        under_any = set(
            await session.scalars(
                select(Record.label).where(within_any(Record.path, [a_path, paths["b"]]))
            )
        )
        under_none = await session.scalar(
            select(func.count()).select_from(Record).where(within_any(Record.path, []))
        )
    assert under_a == {"a", "a-child"}
    assert under_any == {"a", "a-child", "b"}
    assert under_none == 0


def test_a_subtree_bound_needs_a_real_path() -> None:
    assert subtree_bounds("/x/") == ("/x/", "/x0")
    with pytest.raises(ValueError, match="not a place path"):
        subtree_bounds("x")


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_sqlite_writers_queue_so_check_then_insert_holds(kit_db: Database) -> None:
    """Two writers each check 'is the slot free?' then take it: only one may win."""

    async def take_slot(label: str) -> bool:
        async with kit_db.session(write=True) as session:
            taken = await session.scalar(
                select(func.count()).select_from(Record).where(Record.path == "/slot/")
            )
            await asyncio.sleep(0.05)  # widen the window between the check and the insert
            if taken:
                return False
            session.add(Record(path="/slot/", label=label))
            await session.commit()
            return True

    results = await asyncio.gather(*(take_slot(f"w{i}") for i in range(4)))
    assert sorted(results) == [False, False, False, True]
    async with kit_db.session(write=False) as session:
        assert await session.scalar(select(func.count()).select_from(Record)) == 1
        assert (await session.execute(text("PRAGMA journal_mode"))).scalar() == "wal"


async def test_a_single_read_holds_no_transaction(kit_db: Database) -> None:
    """A read of one statement (the scan's) keeps no snapshot open: a commit made while its
    connection is held is seen by its next statement, on both backends."""
    count = select(func.count()).select_from(Record)
    async with kit_db.single_read() as conn:
        assert await conn.scalar(count) == 0
        async with kit_db.session(write=True) as session:
            session.add(Record(id=1, path="/a/"))
            await session.commit()
        assert await conn.scalar(count) == 1


def _no_busy_wait(db: Database) -> None:
    """SQLite's own busy handler off on this database's connections: a second writer that
    reached BEGIN IMMEDIATE while another holds the lock would fail at once."""

    @event.listens_for(db.engine.sync_engine, "connect")
    def _at_once(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=0")
        cursor.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_sqlite_writers_of_one_process_wait_their_turn_not_in_the_busy_loop(
    kit_db: Database,
) -> None:
    """Eight writers at once: each waits for the one before it in the process (not in SQLite's
    busy handler, switched off here), none is told the database is locked, and no two are
    ever inside a write transaction together; one that fails gives its turn back."""
    await kit_db.dispose()  # new connections, with the busy handler off
    _no_busy_wait(kit_db)
    inside = 0
    most_inside = 0

    async def write(i: int) -> None:
        nonlocal inside, most_inside
        async with kit_db.session(write=True) as session:
            await session.execute(select(func.count()).select_from(Record))  # BEGIN IMMEDIATE
            inside += 1
            most_inside = max(most_inside, inside)
            await asyncio.sleep(0.01)  # others try to begin meanwhile
            session.add(Record(id=i + 1, path=f"/w{i}/"))
            inside -= 1
            if i == 3:
                raise RuntimeError("a writer that fails")  # rolled back by the context
            await session.commit()

    results = await asyncio.gather(*(write(i) for i in range(8)), return_exceptions=True)
    assert [type(r).__name__ for r in results] == ["NoneType"] * 3 + ["RuntimeError"] + [
        "NoneType"
    ] * 4
    assert most_inside == 1
    async with kit_db.session(write=False) as session:
        assert await session.scalar(select(func.count()).select_from(Record)) == 7


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_sqlite_writer_waiting_past_the_busy_timeout_is_told_the_database_is_locked(
    kit_db: Database,
) -> None:
    assert kit_db.writer is not None
    kit_db.writer.timeout_seconds = 0.05
    held = asyncio.Event()

    async def long_writer() -> None:
        async with kit_db.session(write=True) as session:
            session.add(Record(id=1, path="/long/"))
            await session.flush()
            held.set()
            await asyncio.sleep(0.3)
            await session.commit()

    first = asyncio.create_task(long_writer())
    await held.wait()

    async def late_writer() -> None:
        async with kit_db.session(write=True) as session:
            session.add(Record(id=2, path="/late/"))
            await session.flush()

    with pytest.raises(OperationalError, match="database is locked"):
        await late_writer()
    await first
    # The lock went back with the first writer's commit: the next writer goes straight in.
    async with kit_db.session(write=True) as session:
        session.add(Record(id=3, path="/next/"))
        await session.commit()


async def test_postgresql_writers_take_no_lock_of_the_process(kit_db: Database) -> None:
    """Many writers at once on PostgreSQL (row locks do the work there); one at a time on
    SQLite."""
    assert (kit_db.writer is None) is (not kit_db.is_sqlite)
