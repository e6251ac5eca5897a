"""Database access for one service: engine, sessions, types and the naming convention.

One service, one database URL. On SQLite that is a file of its own under var/; on
PostgreSQL a schema of its own, selected with search_path, so the same models and
migrations serve both without naming a schema in the code.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import weakref
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, MetaData, String, Table, event, exc, insert, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.engine.base import OptionEngine
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.types import TypeDecorator
from sqlalchemy.util import await_

from services.kit import calls
from services.kit import sqlite as one_trip

# Stable constraint names on both backends, so migrations can name what they drop.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SQLITE_BUSY_TIMEOUT_MS = 5000
# The `sqlite_begin` execution option of a read that is one statement: no BEGIN at all.
_NO_BEGIN = "none"


def new_metadata() -> MetaData:
    """Each service's declarative base takes one of these: its own, never shared.

    class Base(DeclarativeBase):
        metadata = new_metadata()
    """
    return MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """timestamptz on PostgreSQL; on SQLite, UTC text read back as an aware datetime."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def binary_string(length: int) -> String:
    """Text compared byte by byte on both backends.

    Place paths are matched with a range test (path >= p AND path < p_end); a linguistic
    collation would reorder '/' and digits and break it, so PostgreSQL gets COLLATE "C"
    (SQLite already compares bytes).
    """
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class OneWriter:
    """One write transaction at a time in this process, for one SQLite database.

    SQLite lets one writer in at a time; a second BEGIN IMMEDIATE on another connection
    sleeps in SQLite's busy handler (1, 2, 5, 10 ... 100 ms naps, in aiosqlite's thread)
    and retries, so eight concurrent reports spend most of their time asleep and the slowest
    wait seconds. Here the writers of one process queue on an asyncio lock before their
    BEGIN IMMEDIATE instead, first come first served, and the next one starts the moment
    the previous COMMIT or ROLLBACK returns. Other processes (a CLI, another replica) still
    meet the busy timeout as before; so does a writer that waits here longer than it.

    The lock is taken in the connection's `begin` event (inside SQLAlchemy's greenlet, so
    it can be awaited) and given back when the dialect's commit or rollback returns, or
    when the connection is invalidated, closed or checked in holding it, so an error
    cannot leave it taken. One lock per event loop: tests run many loops over one Database.
    """

    _HELD = "kit_one_writer"

    def __init__(self, timeout_seconds: float) -> None:
        self.timeout_seconds = timeout_seconds
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )

    def _lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        lock = self._locks.get(loop)
        if lock is None:
            lock = self._locks[loop] = asyncio.Lock()
        return lock

    def enter(self, info: dict[Any, Any]) -> None:
        """Wait for the other writers (sync, inside SQLAlchemy's greenlet)."""
        lock = self._lock()
        try:
            if lock.locked():
                await_(asyncio.wait_for(lock.acquire(), self.timeout_seconds))
            else:
                # Free: taken at once, without wait_for's task (most writes meet no other).
                await_(lock.acquire())
        except TimeoutError:
            raise exc.OperationalError(
                "BEGIN IMMEDIATE", None, sqlite3.OperationalError("database is locked")
            ) from None
        info[self._HELD] = lock

    @contextlib.asynccontextmanager
    async def held(self) -> AsyncIterator[None]:
        """No write transaction of this process (on this loop) begins while entered: the
        last step of a WAL checkpoint (kit.sqlite.WalCheckpoints)."""
        async with self._lock():
            yield

    def leave(self, info: dict[Any, Any] | None) -> None:
        lock = info.pop(self._HELD, None) if info is not None else None
        if lock is not None:
            lock.release()

    def install(self, engine: AsyncEngine) -> None:
        """Give the lock back when a transaction ends, however it ends."""
        dialect = engine.sync_engine.dialect
        do_commit, do_rollback = dialect.do_commit, dialect.do_rollback

        def commit(dbapi_connection: Any) -> None:
            try:
                do_commit(dbapi_connection)
            finally:
                self.leave(_info(dbapi_connection))

        def rollback(dbapi_connection: Any) -> None:
            try:
                # The pool "resets" every connection given back after a COMMIT with a
                # ROLLBACK that has nothing to undo: a hand-off to aiosqlite's thread per
                # write for nothing. pysqlite skips it when no transaction is open; so do we,
                # before the hand-off.
                if _in_transaction(dbapi_connection) is not False:
                    do_rollback(dbapi_connection)
            finally:
                self.leave(_info(dbapi_connection))

        # This engine's own dialect object: no other engine is touched.
        dialect.do_commit = commit  # type: ignore[method-assign]
        dialect.do_rollback = rollback  # type: ignore[method-assign]

        def safety_net(_dbapi_connection: Any, record: Any, *_args: Any) -> None:
            if record is not None:
                self.leave(record.info)

        for name in ("checkin", "invalidate", "soft_invalidate", "close", "detach"):
            event.listen(engine.sync_engine.pool, name, safety_net)


def _info(pooled: Any) -> dict[Any, Any] | None:
    """The pooled connection's info, if it has one (the connection SQLAlchemy makes to
    initialise the dialect has none, and never holds the writer lock)."""
    try:
        info: dict[Any, Any] = pooled.info
    except NotImplementedError:
        return None
    return info


def _in_transaction(pooled: Any) -> bool | None:
    """Whether the SQLite connection has a transaction open (None: cannot tell)."""
    driver = getattr(pooled, "driver_connection", None)  # aiosqlite's Connection
    value = getattr(driver, "in_transaction", None)
    return value if isinstance(value, bool) else None


def _driver(conn: Connection) -> one_trip.OneTripConnection:
    """The SQLite connection under a kit engine's connection (kit.sqlite's, always)."""
    driver = conn.connection.driver_connection
    assert isinstance(driver, one_trip.OneTripConnection)
    return driver


def _install_sqlite_write_mode(engine: AsyncEngine, writer: OneWriter) -> None:
    """WAL, a busy timeout and BEGIN IMMEDIATE for writes, one writer at a time (OneWriter).

    pysqlite's own deferred BEGIN would let two writers both read, then one fail on upgrade
    to a write lock; taking the write lock at BEGIN makes "check then insert" rules hold.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    def begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        if mode == _NO_BEGIN:
            # The statement is its own transaction (pysqlite in autocommit mode), a read of
            # one row by key (single_read): on the loop's thread, without a hand-off.
            _driver(conn).run_next_inline()
            return
        if mode != "IMMEDIATE":
            await_(_driver(conn).begin_on_thread(f"BEGIN {mode}".strip()))
            return
        info = conn.connection.info
        writer.enter(info)
        try:
            # Straight to the driver: a statement through SQLAlchemy costs more CPU than
            # SQLite's BEGIN itself, and every write pays it.
            await_(_driver(conn).begin_write())
        except BaseException:
            writer.leave(info)
            raise

    class BeginningConnection(Connection):
        """The BEGIN a connection's `sqlite_begin` option asks for, emitted as its
        transaction begins. Not from a "begin" event: an engine with any listener of
        connection events runs SQLAlchemy's event dispatch around every statement, listened
        to or not (31 more Python calls a statement, 8% of a report's in intake, measured)."""

        def _begin_impl(self, transaction: Any) -> None:
            begin(self)
            super()._begin_impl(transaction)

    class BeginningOptions(OptionEngine):
        """The engine with execution options (`sqlite_begin` among them): its connections
        too, and its own options' engines."""

        _connection_cls = BeginningConnection

    BeginningOptions._option_cls = BeginningOptions
    engine.sync_engine._connection_cls = BeginningConnection
    engine.sync_engine._option_cls = BeginningOptions

    writer.install(engine)


def create_engine(
    url: str, *, schema: str, writer: OneWriter | None = None, **kwargs: Any
) -> AsyncEngine:
    """An engine for one service: SQLite write mode, or PostgreSQL search_path = its schema."""
    if url.startswith("sqlite"):
        # aiosqlite with one trip to its thread per statement (kit.sqlite), opened with the
        # arguments the dialect makes of the URL and of any `connect_args`.
        extra = kwargs.pop("connect_args", {})
        opened: list[Any] = []
        engine = create_async_engine(url, async_creator=lambda: opened[0](), **kwargs)
        cargs, cparams = engine.sync_engine.dialect.create_connect_args(engine.sync_engine.url)
        writer = writer or OneWriter(timeout_seconds=SQLITE_BUSY_TIMEOUT_MS / 1000)
        opened.append(one_trip.creator(*cargs, writers_held=writer.held, **{**cparams, **extra}))
        _install_sqlite_write_mode(engine, writer)
        return engine
    connect_args = kwargs.pop("connect_args", {})
    server_settings = connect_args.setdefault("server_settings", {})
    server_settings.setdefault("search_path", schema)
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(url, connect_args=connect_args, **kwargs)


class Database:
    """The engine and the two session factories (read, write) of one service, and the
    connections for reads of one statement."""

    def __init__(self, url: str, *, schema: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.schema = schema
        self.is_sqlite = url.startswith("sqlite")
        # SQLite: this process's write transactions queue here rather than in SQLite's busy
        # loop. PostgreSQL takes many writers at once, with row locks: no such lock there.
        self.writer = (
            OneWriter(timeout_seconds=SQLITE_BUSY_TIMEOUT_MS / 1000) if self.is_sqlite else None
        )
        self.engine = create_engine(url, schema=schema, writer=self.writer, **engine_kwargs)
        self._reader = async_sessionmaker(self.engine, expire_on_commit=False)
        self._writer = async_sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )
        # No transaction of ours around a single SELECT: it sees one consistent state on
        # its own, and BEGIN and COMMIT would only be more round trips (on SQLite, more
        # hand-offs to aiosqlite's thread).
        self._single_read = self.engine.execution_options(
            **({"sqlite_begin": _NO_BEGIN} if self.is_sqlite else {"isolation_level": "AUTOCOMMIT"})
        )

    def session(self, *, write: bool = True) -> AsyncSession:
        if not write:
            return self._reader()
        session = self._writer()
        # So kit's clients can tell a call made inside this transaction (kit.calls).
        calls.register_write_session(session)
        return session

    def single_read(self) -> AsyncConnection:
        """A connection for a read that is ONE statement, outside any transaction, of a
        row or a few by key.

        For a hot read such as a scan: two statements here may see two different states of
        the database, so a handler that reads more than once uses a read session. On SQLite
        the statement runs on the event loop's thread (kit.sqlite): a long read belongs in
        a read session, whose statements run on aiosqlite's thread.

            async with db.single_read() as conn:
                row = (await conn.execute(statement)).first()
        """
        return self._single_read.connect()

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()


def check_in(column: str, values: tuple[str, ...]) -> str:
    """A CHECK constraint's text limiting `column` to a vocabulary, the same on both backends."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class PerBackend:
    """A statement built once per backend (SQLite, PostgreSQL), its values given as parameters
    when it runs. For the statements every request runs (an idempotency key's claim, a job, a
    ticket's number): building one anew, and its cache key, cost more than running it.

        _NEXT = PerBackend(lambda session: insert_for(session, table).on_conflict_do_update(...))
        await session.scalar(_NEXT(session), {"community_id": ..., "year": ...})
    """

    def __init__(self, build: Callable[[AsyncSession], Any]) -> None:
        self._build = build
        self._built: dict[str, Any] = {}

    def __call__(self, session: AsyncSession) -> Any:
        dialect = session.get_bind().dialect.name
        statement = self._built.get(dialect)
        if statement is None:
            statement = self._built[dialect] = self._build(session)
        return statement


def insert_for(session: AsyncSession, table: Table) -> Any:
    """INSERT for the session's backend, which takes ON CONFLICT DO NOTHING / DO UPDATE
    (an upsert) with the same words on both."""
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def insert_ignoring_conflicts(session: AsyncSession, table: Table) -> Any:
    """INSERT for the session's backend, so callers can add ON CONFLICT DO NOTHING.

    A conflict must not raise: on PostgreSQL an IntegrityError would abort the caller's
    whole transaction, which holds its business change too.
    """
    return insert_for(session, table)


# insert_row's statements, by table (a table's generated key is always the same column).
_INSERTS: dict[Any, Any] = {}


async def insert_row(session: AsyncSession, row: Any) -> None:
    """Insert one new ORM object with a single Core INSERT and make it persistent in the
    session, without a unit-of-work flush.

    For a hot path that builds a row whole (a report's ticket and its first event): the
    flush's bookkeeping (a flush context, dependency sorting, the mapper's save machinery)
    cost more CPU than the statement. Columns left unset take their Python-side default
    (scalar or argument-less callable) or NULL; an autoincrement primary key left unset is
    read back with RETURNING, so the object ends as a flush would leave it. A column with a
    server-side default must be given a value (the object could not know the row's)."""
    state = sa_inspect(row)
    if not state.transient:
        raise ValueError("insert_row takes a new object, never one the session knows")
    mapper = state.mapper
    given = state.dict  # a property: read once, not twice a column
    values: dict[str, Any] = {}
    generated: Any = None
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if prop.key in given:
            values[column.key] = given[prop.key]
            continue
        if column.primary_key and column.autoincrement in (True, "auto"):
            generated = prop
            continue
        if column.server_default is not None:
            raise ValueError(f"{mapper.class_.__name__}.{prop.key} needs a value")
        default = column.default
        value = None
        if default is not None and getattr(default, "is_scalar", False):
            value = default.arg
        elif default is not None and getattr(default, "is_callable", False):
            value = default.arg(None)
        setattr(row, prop.key, value)
        values[column.key] = value
    # The values as parameters, not in the statement: building the statement with them
    # would make a bound parameter of each, and a cache key over them all, every time. The
    # statement itself is built once per table, for the same reason.
    statement = _INSERTS.get(mapper.local_table)
    if statement is None:
        statement = insert(mapper.local_table)
        if generated is not None:
            statement = statement.returning(generated.columns[0])
        _INSERTS[mapper.local_table] = statement
    if generated is None:
        await session.execute(statement, values)
    else:
        key = await session.scalar(statement, values)
        setattr(row, generated.key, key)
    make_transient_to_detached(row)
    session.add(row)
