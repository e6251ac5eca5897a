"""aiosqlite with one trip to its thread per statement, for kit.db's SQLite engines.

aiosqlite runs each sqlite3 call in a thread of its own, and every call is a hand-off: the
call queued to the thread, the answer posted back to the event loop, which wakes up for it.
SQLAlchemy's adapter makes four such calls for a statement (open a cursor, execute, fetch
the rows, close the cursor), so a report's dozen statements cost some forty hand-offs, and
the hand-offs, not SQLite, were the largest part of the database's share of a report's CPU
(`benchmarks/intake/report.py`). Here the driver's connection hands the cursor out without
a trip, and `execute` opens the sqlite3 cursor, runs the statement, fetches every row and
closes the cursor in one call on the thread. SQLAlchemy's adapter fetches every row of a
statement right after executing it anyway, so nothing is read earlier or later than before;
a server-side ("stream") cursor is served from the rows fetched, the only difference being
that they sit in memory at once.

`connect` is an `async_creator` for `create_async_engine`: the same sqlite3.connect arguments
the dialect would have given aiosqlite, its thread a daemon as the dialect makes it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Coroutine, Sequence
from functools import partial
from typing import Any

import aiosqlite

_Outcome = tuple[Any, int, int | None, list[Any]]


def _execute(conn: sqlite3.Connection, sql: str, parameters: Any) -> _Outcome:
    """On aiosqlite's thread: the statement run, its rows fetched, the cursor closed."""
    cursor = conn.cursor()
    try:
        cursor.execute(sql, () if parameters is None else parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        # Read after the fetch: with RETURNING, sqlite3 counts the rows as they are read.
        return description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        cursor.close()


def _executemany(conn: sqlite3.Connection, sql: str, parameters: Any) -> _Outcome:
    cursor = conn.cursor()
    try:
        cursor.executemany(sql, parameters)
        return cursor.description, cursor.rowcount, cursor.lastrowid, []
    finally:
        cursor.close()


class OneTripCursor:
    """The cursor SQLAlchemy's aiosqlite adapter drives: one trip per execute."""

    arraysize = 1

    def __init__(self, connection: OneTripConnection) -> None:
        self._connection = connection
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self._rows: list[Any] = []

    async def __aenter__(self) -> OneTripCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    async def _run(self, fn: Callable[..., _Outcome], sql: str, parameters: Any) -> None:
        connection = self._connection
        outcome: _Outcome = await connection._execute(fn, connection._conn, sql, parameters)
        self.description, self.rowcount, self.lastrowid, self._rows = outcome

    async def execute(self, sql: str, parameters: Any = None) -> OneTripCursor:
        await self._run(_execute, sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Any) -> OneTripCursor:
        await self._run(_executemany, sql, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._rows.pop(0) if self._rows else None

    async def fetchmany(self, size: int | None = None) -> Sequence[Any]:
        count = self.arraysize if size is None else size
        taken, self._rows = self._rows[:count], self._rows[count:]
        return taken

    async def fetchall(self) -> Sequence[Any]:
        taken, self._rows = self._rows, []
        return taken

    async def close(self) -> None:
        self._rows = []


class OneTripConnection(aiosqlite.Connection):
    """aiosqlite's connection, its cursors those above (no trip to open or close one)."""

    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        return OneTripCursor(self)


def creator(*args: Any, **kwargs: Any) -> Callable[[], Coroutine[Any, Any, OneTripConnection]]:
    """An `async_creator` opening sqlite3.connect(*args, **kwargs) behind a OneTripConnection
    (the arguments: the dialect's `create_connect_args` for the engine's URL)."""

    async def connect() -> OneTripConnection:
        connection = OneTripConnection(partial(sqlite3.connect, *args, **kwargs), 64)
        connection._thread.daemon = True  # as SQLAlchemy's dialect makes aiosqlite's
        await connection  # starts the thread and connects
        return connection

    return connect
