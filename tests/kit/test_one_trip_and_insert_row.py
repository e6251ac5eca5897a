"""SQLite statements in one trip to aiosqlite's thread (kit.sqlite), and rows inserted
without a unit-of-work flush (kit.db.insert_row), on both backends where they apply."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiosqlite.core
import pytest
from sqlalchemy import Integer, String, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.db import Database, insert_row, new_metadata
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
