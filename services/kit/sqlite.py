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

A write transaction makes no trip at all once it has begun. kit.db lets one write transaction
of a process in at a time (OneWriter), and a transaction that handed each statement to the
thread gave the event loop back at every statement: the next writer then waited, not for
SQLite (some 0.2 ms a statement), but for whatever other requests the loop ran before the
answer's wake-up came round, about 1 ms a statement under load. A report held the writer
slot 9 ms for some 2 ms of work, and that, not the CPU, capped a service's reports at about
110 a second (`benchmarks/intake/report.py`). So from its BEGIN IMMEDIATE to its COMMIT or
ROLLBACK a connection runs its statements on the loop's own thread, straight through: the
slot is held for the transaction's own work only, and each statement saves its hand-off's
CPU. So does a read of one row by key outside any transaction (kit.db's single_read: the scan of
a code). What may block for long stays on the thread: other reads (statistics over a year)
and a BEGIN IMMEDIATE that has to wait for another process's write transaction, which is
first tried without waiting and only then, busy, handed to the thread to wait there. A
write transaction itself is short by design (no call to another service inside one,
kit.calls). SQLite's WAL checkpoint, which its COMMIT would run every thousand pages, runs
on a thread of its own instead (`WalCheckpoints`).

`connect` is an `async_creator` for `create_async_engine`: the same sqlite3.connect arguments
the dialect would have given aiosqlite, its thread a daemon as the dialect makes it, and
the connection usable from both threads (one at a time: a pooled connection serves one
session at once).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractAsyncContextManager
from functools import partial
from typing import Any

import aiosqlite

log = logging.getLogger("kit.sqlite")

_Outcome = tuple[Any, int, int | None, list[Any]]

BEGIN_WRITE = "BEGIN IMMEDIATE"


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


# Holds back this process's write transactions while it is entered (kit.db.OneWriter.held).
WritersHeld = Callable[[], AbstractAsyncContextManager[None]]


class WalCheckpoints:
    """The WAL copied back into the database file on a thread, never inside a COMMIT.

    SQLite's automatic checkpoint runs in the COMMIT that takes the WAL past 1000 pages:
    that COMMIT copies them all back and syncs the files twice. With write transactions on
    the loop's thread (OneTripConnection) every request of the process waited for it: 2 to
    8 ms, one report's COMMIT in about 30, half of all the time COMMITs took
    (`benchmarks/intake/report.py`). So a file database's connections open with
    `wal_autocheckpoint=0`, and every `every` write COMMITs a checkpoint runs on one thread
    shared by the process, on a connection of its own, one at a time per database:

    1. a PASSIVE checkpoint (it waits for no reader and no writer) copies the WAL back
       while the loop goes on committing;
    2. a second one copies what COMMITs added meanwhile (nothing to copy costs it no sync)
       with this process's writers held back (`writers_held`; the loop itself stays free).
       SQLite starts the WAL over only once every page in it is copied back, so without
       this step a busy service's WAL would only ever grow (320 MB after 3,000 reports,
       measured).

    SQLite itself still checkpoints when the last connection to a database closes.
    """

    every = 64
    _thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kit-wal-checkpoint")

    def __init__(self, path: str, writers_held: WritersHeld | None = None) -> None:
        self.path = path
        self._writers_held = writers_held
        self._commits = 0
        self._task: asyncio.Task[None] | None = None

    def committed(self) -> None:
        """After a write transaction's COMMIT, on the loop's thread."""
        self._commits += 1
        if self._commits < self.every:
            return
        loop = asyncio.get_running_loop()
        running = self._task
        if running is not None and not running.done() and running.get_loop() is loop:
            return  # the next COMMIT tries again
        self._commits = 0
        self._task = loop.create_task(self._checkpoint())

    async def settled(self) -> None:
        """When no checkpoint of this database is running on this loop (tests)."""
        running = self._task
        if running is not None and running.get_loop() is asyncio.get_running_loop():
            await running

    async def _checkpoint(self) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._thread, self._passive)
        if self._writers_held is not None:
            async with self._writers_held():
                await loop.run_in_executor(self._thread, self._passive)

    def _passive(self) -> None:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            finally:
                conn.close()
        except sqlite3.Error as error:  # the next one tries again; SQLite loses nothing
            log.warning("WAL checkpoint of %s failed: %s", self.path, error)


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
        outcome = await self._connection.run(fn, sql, parameters)
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
    """aiosqlite's connection, its cursors those above (no trip to open or close one), and
    a write transaction's statements run on the loop's thread (no trip at all)."""

    # From a BEGIN IMMEDIATE that succeeded to the COMMIT or ROLLBACK that ends it.
    _writing = False
    # Just the next statement (run_next_inline).
    _inline_once = False
    # The connection's own busy timeout (kit.db sets it when connecting), read once.
    _busy_timeout_ms: int | None = None
    # The database's checkpoints (a file database's, not an in-memory one's).
    checkpoints: WalCheckpoints | None = None

    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        return OneTripCursor(self)

    def run_next_inline(self) -> None:
        """The next statement on the loop's thread: a read of one row by key (kit.db's
        single_read, the scan of a code), microseconds for SQLite, more for a hand-off."""
        self._inline_once = True

    async def run(self, fn: Callable[..., _Outcome], sql: str, parameters: Any) -> _Outcome:
        if self._writing or self._inline_once:
            self._inline_once = False
            return fn(self._conn, sql, parameters)
        outcome: _Outcome = await self._execute(fn, self._conn, sql, parameters)
        return outcome

    async def begin_on_thread(self, statement: str) -> None:
        """Another BEGIN (a read transaction's): on the thread, as its statements run."""
        await self._execute(self._conn.execute, statement)

    async def begin_write(self) -> None:
        """BEGIN IMMEDIATE (kit.db's write transactions, as they begin): here if
        the write lock is free, else waited for on the thread (another process is writing;
        SQLite's busy handler sleeps and retries there)."""
        conn = self._conn
        if self._busy_timeout_ms is None:
            self._busy_timeout_ms = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
        conn.execute("PRAGMA busy_timeout=0")
        try:
            conn.execute(BEGIN_WRITE)
            busy = False
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode != sqlite3.SQLITE_BUSY:
                raise
            busy = True
        finally:
            conn.execute(f"PRAGMA busy_timeout={self._busy_timeout_ms}")
        if busy:
            await self._execute(conn.execute, BEGIN_WRITE)
        self._writing = True

    async def commit(self) -> None:
        if await self._end(self._conn.commit, super().commit) and self.checkpoints:
            self.checkpoints.committed()

    async def rollback(self) -> None:
        await self._end(self._conn.rollback, super().rollback)

    async def _end(
        self, here: Callable[[], None], on_thread: Callable[[], Awaitable[None]]
    ) -> bool:
        """A COMMIT or ROLLBACK: a write transaction's here, any other's on the thread.
        Whether it ended a write transaction."""
        if not self._writing:
            await on_thread()
            return False
        try:
            here()
        finally:
            self._writing = False
        return True

    async def close(self) -> None:
        self._writing = False
        await super().close()


def creator(
    *args: Any, writers_held: WritersHeld | None = None, **kwargs: Any
) -> Callable[[], Coroutine[Any, Any, OneTripConnection]]:
    """An `async_creator` opening sqlite3.connect(*args, **kwargs) behind a OneTripConnection
    (the arguments: the dialect's `create_connect_args` for the engine's URL);
    `writers_held` for its WalCheckpoints."""

    path = str(args[0]) if args else str(kwargs.get("database", ":memory:"))
    in_memory = path in ("", ":memory:") or bool(kwargs.get("uri"))
    checkpoints = None if in_memory else WalCheckpoints(path, writers_held)

    async def connect() -> OneTripConnection:
        # Both threads use the connection, one at a time (see the module's docstring).
        opened = partial(sqlite3.connect, *args, **{**kwargs, "check_same_thread": False})
        connection = OneTripConnection(opened, 64)
        connection._thread.daemon = True  # as SQLAlchemy's dialect makes aiosqlite's
        await connection  # starts the thread and connects
        if checkpoints is not None:
            connection.checkpoints = checkpoints
            connection._conn.execute("PRAGMA wal_autocheckpoint=0")
        return connection

    return connect
