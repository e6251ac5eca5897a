"""SQLite statements in one trip to aiosqlite's thread (kit.sqlite), none at all inside a
write transaction, and rows inserted without a unit-of-work flush (kit.db.insert_row), on
both backends where they apply."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiosqlite.core
import pytest
from sqlalchemy import Integer, String, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.db import Database, insert_row, new_metadata
from services.kit.sqlite import OneTripConnection, WalCheckpoints
from services.kit.testing import drop_database
from tests.kit.support import database_with


class Base(DeclarativeBase):
    metadata = new_metadata()


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text: Mapped[str] = mapped_column(String(50), unique=True)
    kind: Mapped[str] = mapped_column(String(10), default="plain")
    tags: Mapped[str | None] = mapped_column(String(50))


@pytest.fixture
async def notes_db(backend: str) -> AsyncIterator[Database]:
    db = await database_with(backend, "kit_notes", Base.metadata)
    yield db
    await drop_database(db)


@pytest.fixture
def trips() -> Iterator[list[Any]]:
    """Every call handed to an aiosqlite thread while the test runs."""
    seen: list[Any] = []
    original = aiosqlite.core.Connection._execute

    async def counting(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(fn)
        return await original(self, fn, *args, **kwargs)

    aiosqlite.core.Connection._execute = counting  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        aiosqlite.core.Connection._execute = original  # type: ignore[method-assign]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_sqlite_statement_is_one_trip_with_its_rows_count_and_errors_as_before(
    notes_db: Database, trips: list[Any]
) -> None:
    async with notes_db.engine.connect() as conn:
        await conn.execute(select(func.count()).select_from(Note))  # connected, BEGIN done
        trips.clear()
        rows = (await conn.execute(text("SELECT 1 AS one UNION ALL SELECT 2 ORDER BY one"))).all()
        assert [r.one for r in rows] == [1, 2]
        assert len(trips) == 1
        # An INSERT ... RETURNING gives its rows; an UPDATE its count.
        returned = await conn.execute(
            text("INSERT INTO notes (text, kind) VALUES ('a', 'x'), ('b', 'x') RETURNING id")
        )
        assert len(returned.all()) == 2
        changed = await conn.execute(update(Note).where(Note.kind == "x").values(kind="y"))
        assert changed.rowcount == 2
        # A stream reads every row, in order, in chunks.
        streamed = await conn.stream(select(Note.text).order_by(Note.text))
        assert [r async for r in streamed.scalars()] == ["a", "b"]
        # A constraint's refusal is SQLAlchemy's usual error.
        with pytest.raises(IntegrityError):
            await conn.execute(text("INSERT INTO notes (text, kind) VALUES ('a', 'z')"))


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_write_and_a_read_by_key_run_on_the_loops_thread_other_reads_on_aiosqlites(
    notes_db: Database, trips: list[Any]
) -> None:
    async with notes_db.session(write=True) as session:
        await insert_row(session, Note(text="a"))
        await session.execute(update(Note).values(kind="y"))
        assert await session.scalar(select(func.count()).select_from(Note)) == 1
        with pytest.raises(IntegrityError):
            await insert_row(session, Note(text="a"))
        await session.rollback()
        # The next transaction of the same session: BEGIN IMMEDIATE again, no trip either.
        await insert_row(session, Note(text="b"))
        await session.commit()
    # A read of one row by key outside any transaction (the scan of a code) neither.
    async with notes_db.single_read() as conn:
        assert (await conn.execute(select(Note.kind).where(Note.text == "b"))).scalar() == "plain"
    assert trips == []
    # A read session's statements (a long statistics query, say) go to the thread.
    async with notes_db.session(write=False) as session:
        assert await session.scalar(select(Note.text)) == "b"
    assert len(trips) >= 1


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_write_that_waits_for_another_process_leaves_the_event_loop_free(
    notes_db: Database,
) -> None:
    # Another process (a CLI, say) holds SQLite's write lock for a moment.
    path = notes_db.url.split("///", 1)[1]
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO notes (text, kind) VALUES ('theirs', 'plain')")
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    ticks = 0

    async def ticking() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(ticking())
    release.start()
    try:
        async with notes_db.session(write=True) as session:
            await insert_row(session, Note(text="ours"))
            await session.commit()
    finally:
        ticker.cancel()
        release.join()
        other.close()
    # The BEGIN waited on aiosqlite's thread: the loop went on meanwhile.
    assert ticks >= 10
    async with notes_db.session(write=False) as session:
        texts = (await session.scalars(select(Note.text).order_by(Note.text))).all()
    assert texts == ["ours", "theirs"]


async def _driver_of(conn: AsyncConnection) -> OneTripConnection:
    driver = (await conn.get_raw_connection()).driver_connection
    assert isinstance(driver, OneTripConnection)
    return driver


def _another_writer_gets_in(path: str) -> bool:
    """Whether another connection (another process, say) could begin writing now."""
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_each_kind_of_transaction_begins_as_it_should_with_no_event_around_statements(
    notes_db: Database,
) -> None:
    path = notes_db.url.split("///", 1)[1]
    # A write session holds SQLite's write lock from its first statement, a read session
    # reads in a transaction of its own and lets writers in, a single read has none.
    async with notes_db.session(write=True) as session:
        await session.execute(select(func.count()).select_from(Note))
        assert not _another_writer_gets_in(path)
    async with notes_db.session(write=False) as session:
        await session.execute(select(func.count()).select_from(Note))
        assert (await _driver_of(await session.connection())).in_transaction
        assert _another_writer_gets_in(path)
    async with notes_db.single_read() as conn:
        await conn.execute(select(func.count()).select_from(Note))
        assert not (await _driver_of(conn)).in_transaction
    # No listener of connection events, which would make SQLAlchemy dispatch events around
    # every statement of the service (kit.db's BeginningConnection says why).
    assert not notes_db.engine.sync_engine._has_events


def _notes_in_the_database_file(path: str) -> int:
    """The notes the database file itself holds, its WAL left aside (what a checkpoint has
    copied back)."""
    main_file = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return int(main_file.execute("SELECT count(*) FROM notes").fetchone()[0])
    except sqlite3.OperationalError:  # the table itself is still only in the WAL
        return 0
    finally:
        main_file.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_the_wal_is_copied_back_on_a_thread_of_its_own_never_inside_a_commit(
    notes_db: Database,
) -> None:
    path = notes_db.url.split("///", 1)[1]
    async with notes_db.session(write=True) as session:
        assert (await session.execute(text("PRAGMA wal_autocheckpoint"))).scalar() == 0
    # Notes of 70 KB: the COMMITs below fill the WAL past SQLite's own checkpoint point
    # (1000 pages) long before the checkpoints' thread takes its turn.
    for n in range(WalCheckpoints.every - 1):
        async with notes_db.session(write=True) as session:
            await insert_row(session, Note(text=f"n{n}", tags="x" * 70_000))
            await session.commit()
    WalCheckpoints._thread.submit(lambda: None).result()
    assert _notes_in_the_database_file(path) == 0
    async with notes_db.session(write=True) as session:
        await insert_row(session, Note(text="last", tags="x" * 70_000))
        await session.commit()
    WalCheckpoints._thread.submit(lambda: None).result()  # its one worker, in turn
    assert _notes_in_the_database_file(path) == WalCheckpoints.every


def _times_the_wal_started_over(path: str) -> int:
    """SQLite's count in the WAL's header (its checkpoint sequence number)."""
    with open(f"{path}-wal", "rb") as wal:
        return int.from_bytes(wal.read(32)[12:16], "big")


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_busy_databases_wal_starts_over_rather_than_growing(notes_db: Database) -> None:
    path = notes_db.url.split("///", 1)[1]
    # COMMITs one after another while the checkpoints run on their thread.
    for n in range(4 * WalCheckpoints.every):
        async with notes_db.session(write=True) as session:
            await insert_row(session, Note(text=f"n{n}", tags="x" * 3_000))
            await session.commit()
        await asyncio.sleep(0)
    async with notes_db.engine.connect() as conn:
        checkpoints = (await _driver_of(conn)).checkpoints
    assert checkpoints is not None
    await checkpoints.settled()
    # Once a checkpoint, not once in all.
    assert _times_the_wal_started_over(path) >= 3
    async with notes_db.session(write=False) as session:
        count = await session.scalar(select(func.count()).select_from(Note))
    assert count == 4 * WalCheckpoints.every


async def test_insert_row_makes_the_object_persistent_with_its_id_and_defaults(
    notes_db: Database,
) -> None:
    async with notes_db.session(write=True) as session:
        note = Note(text="first")
        await insert_row(session, note)
        # No flush left to do: the row is written, the object is as a flush leaves it.
        assert not session.new
        assert not session.dirty
        assert note in session
        assert note.id is not None
        assert (note.kind, note.tags) == ("plain", None)
        assert await session.scalar(select(Note.text).where(Note.id == note.id)) == "first"
        # Later changes flush as for any loaded object.
        note.tags = "later"
        await session.commit()
    async with notes_db.session(write=False) as session:
        stored = await session.scalar(select(Note).where(Note.text == "first"))
        assert stored is not None
        assert (stored.kind, stored.tags) == ("plain", "later")


async def test_insert_row_takes_only_new_objects_and_its_refusals_roll_back(
    notes_db: Database,
) -> None:
    async with notes_db.session(write=True) as session:
        known = Note(text="known")
        await insert_row(session, known)
        with pytest.raises(ValueError, match="new object"):
            await insert_row(session, known)
        with pytest.raises(IntegrityError):
            await insert_row(session, Note(text="known"))
        await session.rollback()
    async with notes_db.session(write=False) as session:
        assert await session.scalar(select(func.count()).select_from(Note)) == 0
