"""The report: filing through the gateway against a bare FastAPI + SQLAlchemy insert, in one run.

    .venv/bin/python benchmarks/intake/report.py [--rounds 7] [--reports 400] [--concurrency 8]
    .venv/bin/python benchmarks/intake/report.py --database-url postgresql://postgres@127.0.0.1:5432/<db>

What a resident's "submit" costs the system, measured against the floor, on this machine:

- system: the real processes as `make run` starts them (services.toml's built services and
  the gateway, each under uvicorn with kit's flags on a free port; the directory seeded with
  its demo data first, identity seeding itself). Reports are `POST /api/intake/v1/tickets`
  through the gateway, anonymous, as the report page sends them: a unit door's code token
  (cycling over every demo unit door), a category, a description, an `Idempotency-Key` and
  an `X-Device-Id`. The anonymous-write limits and the gateway's rate limits are switched
  off (the load comes from one address); intake's demo tickets are not loaded.
- bare: a FastAPI app defined here (`bare_app`), under uvicorn with the same flags, that
  validates a comparable body with Pydantic and inserts one row (id, number, tracking token,
  code token, category, description, status, time) with SQLAlchemy's async ORM in its own
  transaction, and answers 201 with the number and token. Same SQLite settings as kit's
  (WAL, synchronous=NORMAL, a busy timeout), or a schema of its own on PostgreSQL.

Each round runs `--reports` reports against each, `--concurrency` clients (httpx, one
keep-alive connection each) filing one after another, the order alternating from round to
round; before the rounds, a warm-up batch each. Per round: reports per second, p50 and p99
latency (seen by the client), and the servers' CPU per report (utime + stime from /proc of
every process of that side: for the system the gateway, intake, directory and identity).
Printed: min / median / max over the rounds side by side, and the system/bare throughput
ratio per round. The load average is printed before and after: other work on the machine
shows in every figure, so only the ratios within one run compare.

On SQLite each service has its file in a temporary directory; with --database-url, the
services' schemas (directory, identity, intake) and the bare one (`report_bare`) are made in
that database, dropped first and at the end. Everything listens on 127.0.0.1 and is stopped
at the end. Not part of `make test`.

Measured on the 2 shared cores of the project's machine (8 reporters, 400 reports a round,
min / median / max over the rounds; other work ran beside it, load average as given):

    SQLite, before (main at 82ec46b, 2 rounds, load 2.0-2.6):
        system 82 / 83 / 83 per s, p99 771-1258 ms, CPU 10.9 ms a report (intake 9.0)
        bare 439-597 per s; system/bare 0.14-0.19, CPU 7.7-10.8x
        13 statements (BEGIN included) and 54 aiosqlite hand-offs a report
    SQLite, after (5 rounds, load 3.9-4.5):
        system 108 / 111 / 117 per s, p50 67 ms, p99 130 / 147 / 220 ms,
        CPU 8.6 ms a report (intake 6.8, directory 1.3, gateway 0.4)
        bare 537 / 671 / 739 per s, p99 82-134 ms, CPU 1.0 ms
        system/bare throughput 0.16 / 0.16 / 0.20, CPU 8.0 / 8.5 / 9.5x
        9 statements (BEGIN included; the COMMIT is the driver's) and 36 hand-offs
    SQLite, after, on a machine loaded to 9-10 (7 rounds): system 43 / 60 / 74 per s, p99
        279 / 372 / 748 ms; bare 132 / 279 / 406 per s; ratio 0.16 / 0.20 / 0.33
    PostgreSQL, after (5 rounds, load 10.6-12.8): system 23 / 35 / 41 per s, p99 550 / 676 /
        1049 ms, CPU 9.6 ms a report; bare 129 / 174 / 230 per s, p99 117-639 ms;
        ratio 0.18 / 0.20 / 0.25. All the demo's doors are in a few communities, so the
        reports queue on their community's ticket counter row (held until COMMIT).

Second round (one trip to aiosqlite's thread per statement, kit's clients on the HTTP/1.1
pool, the ticket and its first event inserted without a flush, the report's statements
built once), on a machine shared with other work at load 6-13:

    SQLite, before (main at 7a862c1, 3 rounds, load 5.8-6.4): system 66 / 73 / 83 per s,
        p99 262 / 269 / 658 ms, CPU 11.1 ms a report (intake 7.75, directory 1.9);
        bare 481 / 620 / 646 per s; system/bare 0.11 / 0.13 / 0.14
    SQLite, after (3 rounds, load 6.2-7.3): system 75 / 82 / 112 per s, p50 91 ms,
        p99 230 / 344 / 363 ms, CPU 8.75 ms a report (intake 5.9, directory 2.0,
        gateway 0.5); bare 322 / 414 / 423 per s; system/bare 0.18 / 0.25 / 0.27
        9 statements, 11 hand-offs (36 before): one per statement and the COMMIT, one
        in the directory
    SQLite, after, with the number taken last (3 rounds, load 7.3-7.5, intake's PostgreSQL
        tests running beside it): system 79 / 108 / 124 per s, p50 55 ms, p99 211 / 262 /
        382 ms, CPU 7.2 ms a report (intake 4.95, directory 1.65, gateway 0.45); bare 382 /
        444 / 468 per s; system/bare 0.17 / 0.24 / 0.32
    PostgreSQL, after (3 rounds, load 7.8-8.8, intake's tests running beside it): system
        49 / 59 / 69 per s, p99 431 / 499 / 515 ms, CPU 8.05 ms a report (intake 5.35);
        bare 131 / 177 / 313 per s; ratio 0.22 / 0.33 / 0.37. With the number taken last
        (load 6.3-8.0, the same tests beside it): system 41 / 50 / 53 per s, p99 502 / 646 /
        667 ms, intake 5.6 ms; bare 165 / 222 / 229 per s; ratio 0.22 / 0.23 / 0.25 (CPU-bound
        here: the shorter hold of the counter row shows when reports wait on it, not CPU)
    Same moment, main's intake against this one's in one process, batches alternating
    (load 10-12; the in-process client's CPU included in both): 9.2 against 7.2 ms a
    report (medians), 7.0 against 5.3 (minimums).

Short of the issue's 0.4x on SQLite: intake is still the bottleneck at 5-6 ms a report, of
which SQLAlchemy (sessions, compiling, result handling) is the largest part, then FastAPI's
dependencies, httpx's client layer and the directory's answer (2 ms of its own).

Third round (no replay lookup when every anonymous limit is off, as here: nothing is counted,
so whether a report is a retry does not matter; the category, webhook, deadline-job and
row inserts' statements built once). Main at b0129b3 against this, runs alternating, 3
rounds each, other helpers' tests beside them (load 3.3-6.0):

    SQLite, before (2 runs): system 50 / 58 / 62 and 62 / 71 / 77 per s, p99 300 and 172 ms
        (medians), CPU 16.3 / 14.1 ms a report (intake 12.6 / 10.65, directory 2.9 / 2.3,
        gateway 0.95 / 0.7); bare 226 / 326 per s (medians), 2.2 ms;
        system/bare 0.19 / 0.26 / 0.30 and 0.19 / 0.22 / 0.29; 10 statements
    SQLite, after (2 runs): system 54 / 74 / 78 and 61 / 76 / 87 per s, p99 197 and 217 ms,
        CPU 13.4 / 13.25 ms (intake 9.2 / 9.6, directory 2.8 / 2.75, gateway 0.9 / 0.85);
        bare 304 / 220 per s, 2.3 / 2.5 ms; system/bare 0.14 / 0.26 / 0.26 and 0.25 / 0.32 /
        0.34, CPU 5.9x and 5.2x (7.3x and 6.2x before); 9 statements, 11 hand-offs
    SQLite, a third pair on a quieter machine (load 1.4-4.0): before, system 65 / 67 / 76 per
        s, p99 196 ms, CPU 14.75 ms (intake 11.3); bare 258 per s; ratio 0.24 / 0.25 / 0.31.
        After: system 64 / 69 / 76 per s, p99 209 ms, CPU 14.2 ms (intake 10.45, directory
        2.85); bare 231 per s; ratio 0.28 / 0.32 / 0.33, CPU 5.2x (6.1x before)
    PostgreSQL (intake's PostgreSQL tests running beside it, load 4.3-6.5): before, system
        25 / 34 / 35 per s, p99 646 ms, CPU 18.35 ms (intake 13.9); bare 107 per s; ratio
        0.23 / 0.25 / 0.32. After: system 29 / 32 / 35 per s, p99 681 ms, CPU 15.9 ms
        (intake 11.4, directory 3.6); bare 126 per s; ratio 0.25 / 0.26 / 0.34, CPU 5.5x
        (6.3x before)

Fourth round. What capped intake was not its CPU but SQLite's writer slot: one write
transaction of a process at a time (kit.db.OneWriter), held from BEGIN to COMMIT, and every
statement a hand-off to aiosqlite's thread, after which the transaction waited its turn on
the event loop behind the other requests' work. Timed in the process, a report held the slot
8.6-9.6 ms (mean) for some 2 ms of SQLite and SQLAlchemy, and 1 / 9 ms is the 110 reports a
second it reached. Now (kit.sqlite) a write transaction's statements and its COMMIT run on
the loop's own thread, straight through, and so does a read of one row by key outside any
transaction (kit.db.single_read: the directory's scan); a BEGIN IMMEDIATE that would wait
for another process's writer waits on the thread. The slot is held 3.5-4 ms, about the
transaction's own CPU. Besides: the uncontended writer lock taken without wait_for's task,
BEGIN IMMEDIATE sent to the driver without a SQLAlchemy statement, and kit's service clients
calling kit.http1's pool without httpx's client layer (kit.http.DirectCalls: 0.12 against
0.35-0.5 ms of client CPU for a small read). 8 statements and the driver's BEGIN and COMMIT
now, and no hand-off at all (11 before: 10 intake's, 1 the directory's).

    Main at bba0207 against this, one run each in turn, 3 pairs of 3 rounds (load 1.0-1.5):
    before: system 89.4 / 90.0 / 87.7 per s (each run's median), p99 159 / 136 / 124 ms,
        intake 9.07 / 9.22 / 9.23 ms a report; bare 396 / 413 / 374 per s;
        system/bare 0.23 / 0.22 / 0.23 (medians; 0.19-0.27 over all rounds)
    after: system 125.5 / 131.6 / 120.8 per s, p99 99 / 141 / 168 ms, intake 6.17 / 5.95 /
        6.73 ms (directory 1.6 instead of 2.0); bare 466 / 507 / 429 per s;
        system/bare 0.28 / 0.28 / 0.32 (0.22-0.36 over all rounds)
    PostgreSQL, the same pair (3 rounds each, load about 1.3), where none of this round's
        database changes apply: before, system 85.5 per s (median), p99 270 ms, intake 8.0
        ms; bare 279 per s; ratio 0.27 / 0.31 / 0.32. After: system 83.6 per s, p99 258 ms,
        intake 8.15 ms; bare 273 per s; ratio 0.28 / 0.31 / 0.32 (the client's saving is
        inside the noise)
    Alone, on a quieter moment (4 rounds): system 142 / 150 / 160 per s, p99 69 / 98 / 128
        ms, CPU 7.2 ms a report (intake 5.0, directory 1.6, gateway 0.46); bare 366 / 459 /
        588 per s; ratio 0.27 / 0.31 / 0.44.

Still short of 0.4x as a median. Intake, at some 5-6 ms a report, is now busy about 80% of
its core and the two cores are not full (the benchmark's own client takes 1.6 ms a request):
the rest is the hand-over between four processes per report. Its CPU is spread thin
(in-process timings, one report): the transaction 3 ms (claim 0.4, the category 0.45, the
webhook subscriptions 0.35, the deadline jobs 0.3, the number 0.2, ticket and event 0.8, the
answer and COMMIT 0.5), of which SQLAlchemy's execution path is most (a statement costs
some 100-150 us of Python against 10 us in sqlite3); FastAPI's 14 dependencies 0.25 ms; the
directory call 0.15 ms of intake's CPU besides the directory's own 1.6.

What was left before this round, sampled with py-spy in intake's process under this load
(its event loop's thread, 100%): 58% in the request's ASGI task, of which the route 35% (its
directory call 11%, 7 of it httpx's client layer above kit's pool; the report itself, from
its category's read to its last INSERT, 17%; the idempotency key's claim and answer 6%),
FastAPI's dependency solving 11%, the middlewares and routing the rest; 42% outside any
request, nearly all of it inside uvloop's C loop (socket I/O, the wake-ups from aiosqlite's
thread) with no Python frame to blame, 3% the job runner's and outbox relay's polls. In the
directory 84% of its loop's samples are in uvloop's C loop, 16% its route and kit's
middlewares: its 2.3-2.9 ms a report is mostly the HTTP exchange, not the lookup."""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on the path, and statistics.py there would
# hide the standard library's `statistics`.
if Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    del sys.path[0]

import argparse
import asyncio
import contextlib
import os
import signal
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
from fastapi import FastAPI
from pydantic import BaseModel, Field
from sqlalchemy import DateTime, String, Text, Uuid, event
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.processes import (  # noqa: E402
    HOST,
    Process,
    free_port,
    load_averages,
    percentile,
    spawn,
    uvicorn_args,
    wait_ready,
)

BARE_SCHEMA = "report_bare"
BARE_ENV = "REPORT_BENCH_BARE_DATABASE_URL"
CATEGORIES = ("facility", "sanitation", "lighting", "greenery", "noise", "other")


# --- the bare reference: a FastAPI app inserting one row --------------------------------------


class BareBase(DeclarativeBase):
    pass


class BareReport(BareBase):
    __tablename__ = "reports"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    tracking_token: Mapped[str] = mapped_column(String(40), unique=True)
    code_token: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class BareReportIn(BaseModel):
    code_token: str = Field(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9]+$")
    category: str = Field(min_length=1, max_length=20, pattern=r"^[a-z_]+$")
    description: str = Field(min_length=1, max_length=2000)


class BareReportOut(BaseModel):
    number: str
    tracking_token: str


def bare_app() -> FastAPI:
    """The floor: FastAPI, Pydantic, SQLAlchemy's async ORM, one INSERT per report."""
    url = os.environ[BARE_ENV]
    if url.startswith("sqlite"):
        engine = create_async_engine(url)

        @event.listens_for(engine.sync_engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

    else:
        engine = create_async_engine(
            url, connect_args={"server_settings": {"search_path": BARE_SCHEMA}}
        )
    sessions = async_sessionmaker(engine, expire_on_commit=False)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        async with engine.begin() as conn:
            await conn.run_sync(BareBase.metadata.create_all)
        yield
        await engine.dispose()

    app = FastAPI(lifespan=lifespan)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/reports", status_code=201)
    async def report(data: BareReportIn) -> BareReportOut:
        row = BareReport(
            id=uuid.uuid4(),
            number=f"BARE-{uuid.uuid4().hex[:16]}",
            tracking_token=uuid.uuid4().hex,
            code_token=data.code_token,
            category=data.category,
            description=data.description,
            status="submitted",
            created_at=datetime.now(UTC),
        )
        async with sessions() as session:
            session.add(row)
            await session.commit()
        return BareReportOut(number=row.number, tracking_token=row.tracking_token)

    return app


# --- processes ---------------------------------------------------------------------------------


@dataclass
class Side:
    """What one side of the comparison is: where to post, what, and whose CPU counts."""

    name: str
    url: str
    processes: list[Process]
    bodies: list[dict[str, Any]]
    anonymous_page: bool  # send Idempotency-Key and X-Device-Id as the report page does
    results: list[Round] = field(default_factory=list)

    def cpu(self) -> dict[str, float]:
        return {p.name: p.cpu_seconds() for p in self.processes}


@dataclass
class Round:
    rate: float
    p50: float
    p99: float
    cpu_ms: float  # all of the side's processes, per report
    cpu_by_process: dict[str, float]


def environment(urls: dict[str, str], tmp: Path, database_url: str | None) -> dict[str, str]:
    import json

    from services.kit.catalog import load

    catalog = load()
    built = catalog.built()
    own = (*(s.env_prefix for s in catalog.services), "GATEWAY_")
    base = {k: v for k, v in os.environ.items() if not k.startswith(own)}

    def url_of(name: str) -> str:
        if database_url is None:
            return f"sqlite+aiosqlite:///{tmp / name}.db"
        return database_url

    return {
        **base,
        "PYTHONUNBUFFERED": "1",
        **catalog.run_env(urls, public_url=urls["gateway"]),
        **{f"{s.env_prefix}DATABASE_URL": url_of(s.name) for s in built},
        **{f"{s.env_prefix}MESSAGE_INBOX": str(tmp / f"{s.name}-messages.jsonl") for s in built},
        "IDENTITY_PASSWORD_HASHING": "fast",
        "INTAKE_MEDIA_ROOT": str(tmp / "media"),
        "INTAKE_SEED_DEMO": "false",
        "GATEWAY_FRONTEND_DIR": str(tmp / "no-frontend"),
        "GATEWAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "100000000",
        "GATEWAY_RATE_LIMIT_PER_MINUTE": "100000000",
        "INTAKE_ANONYMOUS_LIMITS": json.dumps(
            {"*.per_device": "off", "*.per_address": "off", "*.per_door": "off"}
        ),
        BARE_ENV: database_url or f"sqlite+aiosqlite:///{tmp / 'bare.db'}",
    }


async def unit_tokens(database_url: str) -> list[str]:
    from sqlalchemy import select

    from services.directory.models import Place, QrCode
    from services.kit.db import Database

    db = Database(database_url, schema="directory")
    try:
        async with db.engine.connect() as conn:
            rows = await conn.execute(
                select(QrCode.token)
                .join(Place, Place.id == QrCode.place_id)
                .where(Place.kind == "unit", QrCode.status == "active")
                .order_by(Place.code)
            )
            return [r.token for r in rows]
    finally:
        await db.dispose()


SCHEMAS = ("directory", "identity", "intake", BARE_SCHEMA)


async def drop_schemas(database_url: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as conn:
            for schema in SCHEMAS:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        async with engine.begin() as conn:
            await conn.execute(text(f'CREATE SCHEMA "{BARE_SCHEMA}"'))
    finally:
        await engine.dispose()


@contextlib.contextmanager
def running(
    database_url: str | None, tmp: Path, profile: str | None = None
) -> Iterator[tuple[Side, Side]]:
    from services.kit.catalog import load

    catalog = load()
    built = catalog.built()
    names = ("gateway", "bare", *(s.name for s in built))
    ports = {name: free_port() for name in names}
    urls = {name: f"http://{HOST}:{port}" for name, port in ports.items()}
    env = environment(urls, tmp, database_url)
    if database_url is not None:
        asyncio.run(drop_schemas(database_url))
    for service in catalog.seeded_before_start():
        subprocess.run(
            [sys.executable, "-m", service.package, "seed"],
            env=env,
            cwd=REPO,
            check=True,
            capture_output=True,
            timeout=300,
        )
    processes: list[Process] = []
    try:
        for service in sorted(built, key=lambda s: s.start_order):
            where = Path(f"{service.name}.prof").resolve() if service.name == profile else None
            args = uvicorn_args(service.app, ports[service.name], profile=where)
            stop = signal.SIGINT if where else signal.SIGTERM
            processes.append(spawn(service.name, args, env, tmp, stop_signal=stop))
        gateway_args = uvicorn_args(
            catalog.gateway.app, ports["gateway"], *catalog.gateway.uvicorn_args
        )
        gateway = spawn("gateway", gateway_args, env, tmp)
        bare_args = uvicorn_args("benchmarks.intake.report:bare_app", ports["bare"])
        bare = spawn("bare", bare_args, env, tmp)
        processes += [gateway, bare]
        wait_ready(
            processes,
            [f"{urls[s.name]}/readyz" for s in built]
            + [f"{urls['gateway']}/healthz", f"{urls['bare']}/healthz"],
            timeout=90.0,
        )
        directory_url = env[catalog.service("directory").env_prefix + "DATABASE_URL"]
        tokens = asyncio.run(unit_tokens(directory_url))
        bodies = [
            {
                "code_token": tokens[i % len(tokens)],
                "category": CATEGORIES[i % len(CATEGORIES)],
                "description": f"楼道灯不亮，晚上看不清台阶（第 {i} 次测量）",
            }
            for i in range(len(tokens) * len(CATEGORIES))
        ]
        system = Side(
            "system",
            f"{urls['gateway']}/api/intake/v1/tickets",
            [p for p in processes if p.name != "bare"],
            bodies,
            anonymous_page=True,
        )
        floor = Side("bare", f"{urls['bare']}/reports", [bare], bodies, anonymous_page=False)
        yield system, floor
    except BaseException:
        for process in processes:  # what the services said, before their files go
            tail = process.log.read_text(errors="replace")[-1500:]
            print(f"--- {process.name} log (end) ---\n{tail}", file=sys.stderr)
        raise
    finally:
        for process in reversed(processes):
            process.stop()
        if database_url is not None:
            asyncio.run(drop_schemas(database_url))


# --- what one report asks of the database (in process) ------------------------------------------


async def statements_per_report(tmp: Path) -> tuple[list[str], int]:
    """The SQL statements intake runs for one report (after three to warm up) and the calls
    handed to aiosqlite's threads (intake's and the directory's), in process on SQLite: the
    directory and intake apps wired with an ASGI transport, a demo directory, real requests."""
    import aiosqlite.core
    from sqlalchemy import event, select

    from services.directory.app import MIGRATIONS_DIR as DIRECTORY_MIGRATIONS
    from services.directory.app import create_app as create_directory
    from services.directory.config import DirectorySettings
    from services.directory.models import Place, QrCode
    from services.directory.seed import seed_demo
    from services.intake.app import MIGRATIONS_DIR as INTAKE_MIGRATIONS
    from services.intake.app import create_app as create_intake
    from services.intake.app import prepare
    from services.intake.config import IntakeSettings
    from services.kit import migrations
    from services.kit.clock import Clock
    from services.kit.db import Database

    directory_db = Database(f"sqlite+aiosqlite:///{tmp / 'count-directory.db'}", schema="d")
    intake_db = Database(f"sqlite+aiosqlite:///{tmp / 'count-intake.db'}", schema="i")
    await migrations.upgrade(directory_db, DIRECTORY_MIGRATIONS)
    await seed_demo(directory_db, Clock())
    await migrations.upgrade(intake_db, INTAKE_MIGRATIONS)
    directory = create_directory(
        DirectorySettings(env="test", database_url=directory_db.url, auto_migrate=False),
        database=directory_db,
    )
    off = {"*.per_device": "off", "*.per_address": "off", "*.per_door": "off"}
    intake = create_intake(
        IntakeSettings(
            env="test",
            database_url=intake_db.url,
            auto_migrate=False,
            run_workers=False,
            seed_demo=False,
            media_root=tmp / "count-media",
            anonymous_limits=off,
        ),
        database=intake_db,
        directory_transport=httpx.ASGITransport(app=directory),
    )
    await prepare(intake)
    async with directory_db.engine.connect() as conn:
        token = await conn.scalar(
            select(QrCode.token)
            .join(Place, Place.id == QrCode.place_id)
            .where(Place.kind == "unit")
        )
    statements: list[str] = []

    @event.listens_for(intake_db.engine.sync_engine, "before_cursor_execute")
    def _seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(" ".join(statement.split())[:90])

    hand_offs = 0
    original = aiosqlite.core.Connection._execute

    async def counting(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal hand_offs
        hand_offs += 1
        return await original(self, fn, *args, **kwargs)

    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=intake), base_url="http://intake"
    ) as client:
        for i in range(4):
            if i == 3:
                statements.clear()
                aiosqlite.core.Connection._execute = counting  # type: ignore[method-assign]
            try:
                response = await client.post(
                    "/v1/tickets",
                    json={"code_token": token, "category": "lighting", "description": "灯不亮"},
                    headers={"Idempotency-Key": str(uuid.uuid4()), "X-Device-Id": "bench-count"},
                )
            finally:
                aiosqlite.core.Connection._execute = original  # type: ignore[method-assign]
            assert response.status_code == 201, response.text
    await directory_db.dispose()
    await intake_db.dispose()
    return statements, hand_offs


# --- the load ------------------------------------------------------------------------------------


async def file_reports(side: Side, n: int, concurrency: int) -> tuple[float, list[float]]:
    """n reports from `concurrency` clients at once; (seconds, each report's latency)."""
    latencies: list[float] = []
    counter = iter(range(n))

    async def reporter(client: httpx.AsyncClient, device: str) -> None:
        for i in counter:
            headers = {}
            if side.anonymous_page:
                headers = {"Idempotency-Key": str(uuid.uuid4()), "X-Device-Id": device}
            body = side.bodies[i % len(side.bodies)]
            started = time.perf_counter()
            response = await client.post(side.url, json=body, headers=headers)
            latencies.append(time.perf_counter() - started)
            if response.status_code != 201:
                raise SystemExit(f"{side.name}: {response.status_code} {response.text[:500]}")

    clients = [
        httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=1))
        for _ in range(concurrency)
    ]
    try:
        started = time.perf_counter()
        await asyncio.gather(*(reporter(c, f"bench-device-{k:04d}") for k, c in enumerate(clients)))
        elapsed = time.perf_counter() - started
    finally:
        for c in clients:
            await c.aclose()
    return elapsed, latencies


async def one_round(side: Side, n: int, concurrency: int) -> Round:
    before = side.cpu()
    elapsed, latencies = await file_reports(side, n, concurrency)
    after = side.cpu()
    by_process = {name: (after[name] - before[name]) * 1000 / n for name in after}
    return Round(
        rate=n / elapsed,
        p50=percentile(latencies, 0.50) * 1000,
        p99=percentile(latencies, 0.99) * 1000,
        cpu_ms=sum(by_process.values()),
        cpu_by_process=by_process,
    )


def spread(values: list[float], fmt: str = "{:7.1f}") -> str:
    return " / ".join(fmt.format(v) for v in (min(values), statistics.median(values), max(values)))


async def measure(system: Side, floor: Side, args: argparse.Namespace) -> None:
    sides = [system, floor]
    for side in sides:  # warm-up: imports, pools, statement caches
        await file_reports(side, args.warmup, args.concurrency)
    for r in range(args.rounds):
        for side in sides if r % 2 == 0 else reversed(sides):
            side.results.append(await one_round(side, args.reports, args.concurrency))
        s, b = system.results[-1], floor.results[-1]
        print(
            f"  round {r + 1}: system {s.rate:6.1f}/s p99 {s.p99:6.0f} ms | "
            f"bare {b.rate:6.1f}/s p99 {b.p99:6.0f} ms | ratio {s.rate / b.rate:.2f}",
            flush=True,
        )


def report(system: Side, floor: Side, args: argparse.Namespace) -> None:
    print(f"\n{args.reports} reports a round, {args.concurrency} at once, {args.rounds} rounds")
    print("min / median / max over the rounds:")
    for side in (system, floor):
        rs = side.results
        print(f"  {side.name}")
        print(f"    reports per second   {spread([r.rate for r in rs])}")
        print(f"    p50 latency (ms)     {spread([r.p50 for r in rs])}")
        print(f"    p99 latency (ms)     {spread([r.p99 for r in rs])}")
        print(f"    CPU per report (ms)  {spread([r.cpu_ms for r in rs], '{:7.2f}')}")
        if len(side.processes) > 1:
            for name in rs[0].cpu_by_process:
                values = [r.cpu_by_process[name] for r in rs]
                print(f"      {name:<18} {spread(values, '{:7.2f}')}")
    ratios = [s.rate / b.rate for s, b in zip(system.results, floor.results, strict=True)]
    cpu = [s.cpu_ms / b.cpu_ms for s, b in zip(system.results, floor.results, strict=True)]
    print(f"  system / bare throughput, per round: {spread(ratios, '{:.2f}')}")
    print(f"  system / bare CPU per report, per round: {spread(cpu, '{:.1f}')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--reports", type=int, default=400, help="per side per round")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument(
        "--database-url", help="PostgreSQL (postgresql://...); temporary SQLite files if absent"
    )
    parser.add_argument(
        "--profile",
        metavar="SERVICE",
        help="run that service under cProfile, written to ./<service>.prof (figures then skewed)",
    )
    args = parser.parse_args()
    database_url = None
    if args.database_url:
        from services.kit.testing import async_url

        database_url = async_url(args.database_url)
    print(f"load average before: {load_averages()}", flush=True)
    with (
        tempfile.TemporaryDirectory(prefix="report-bench-") as tmp,
        running(database_url, Path(tmp), args.profile) as (system, floor),
    ):
        statements, hand_offs = asyncio.run(statements_per_report(Path(tmp)))
        print(
            f"One report, counted in process on SQLite: {len(statements)} SQL statements from"
            f" intake (and the driver's BEGIN and COMMIT), {hand_offs} calls handed to aiosqlite's"
            " threads (intake's and the directory's):"
        )
        for statement in statements:
            print(f"    {statement}")
        backend = "SQLite" if database_url is None else "PostgreSQL"
        print(f"{backend}: {len(system.bodies)} distinct reports over the demo's unit doors")
        asyncio.run(measure(system, floor, args))
        report(system, floor, args)
    print(f"load average after: {load_averages()}")


if __name__ == "__main__":
    main()
