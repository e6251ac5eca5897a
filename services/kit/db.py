"""Database access for one service: engine, sessions, types and the naming convention.

One service, one database URL. On SQLite that is a file of its own under var/; on
PostgreSQL a schema of its own, selected with search_path, so the same models and
migrations serve both without naming a schema in the code.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, MetaData, String, Table, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.types import TypeDecorator

from services.kit import calls

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


def _install_sqlite_write_mode(engine: AsyncEngine) -> None:
    """WAL, a busy timeout and BEGIN IMMEDIATE for writes.

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

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        if mode == _NO_BEGIN:
            return  # the statement is its own transaction (pysqlite in autocommit mode)
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


def create_engine(url: str, *, schema: str, **kwargs: Any) -> AsyncEngine:
    """An engine for one service: SQLite write mode, or PostgreSQL search_path = its schema."""
    if url.startswith("sqlite"):
        engine = create_async_engine(url, **kwargs)
        _install_sqlite_write_mode(engine)
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
        self.engine = create_engine(url, schema=schema, **engine_kwargs)
        self.is_sqlite = url.startswith("sqlite")
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
        """A connection for a read that is ONE statement, outside any transaction.

        For a hot read such as a scan: two statements here may see two different states of
        the database, so a handler that reads more than once uses a read session.

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


def insert_ignoring_conflicts(session: AsyncSession, table: Table) -> Any:
    """INSERT for the session's backend, so callers can add ON CONFLICT DO NOTHING.

    A conflict must not raise: on PostgreSQL an IntegrityError would abort the caller's
    whole transaction, which holds its business change too.
    """
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
