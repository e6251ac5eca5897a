"""The kernel's database pieces on both backends: times, the path range, SQLite writes."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Integer, String, func, select, text
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
