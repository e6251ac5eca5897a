"""The check-in: one tap at the station's code through the gateway, against a bare FastAPI +
SQLAlchemy insert, in one run.

    .venv/bin/python benchmarks/courier/checkin.py [--rounds 7] [--visits 400] [--concurrency 8]
    .venv/bin/python benchmarks/courier/checkin.py --database-url postgresql://postgres@127.0.0.1:5432/<db>

What a courier's check-in costs the system, against the floor, on this machine:

- gateway: the real processes, each under uvicorn with kit's flags (services.kit.catalog's
  UVICORN_FLAGS; the gateway with its own, uvloop) on a free port: the directory (its demo
  data seeded first: the station's place and code), courier, and the gateway. A check-in
  is `POST /api/courier/v1/visits` through the gateway, anonymous, as the station's page
  sends it: the station's code token, a service used, an `Idempotency-Key` and an
  `X-Device-Id`. Courier resolves the code at the directory (over HTTP), then stores the
  idempotency key, the visit and its event in one transaction. The anonymous-write limits
  and the gateway's rate limits stay on (their cost is part of the path) with room for the
  load, which comes from one address.
- direct: the same check-in sent to courier itself, without the gateway (what the gateway
  adds is the difference).
- bare: a FastAPI app defined here (`bare_app`), under uvicorn with the same flags, that
  validates a comparable body with Pydantic and inserts one visit row (the columns of
  courier's `visits`) with SQLAlchemy's async ORM in its own transaction, and answers 201
  with the visit. Same SQLite settings as kit's (WAL, synchronous=NORMAL, a busy timeout),
  or a schema of its own on PostgreSQL.

Each round sends `--visits` check-ins to each target from `--concurrency` clients (httpx,
one keep-alive connection each, one request after another), the order of the targets
rotating from round to round, after a warm-up batch each. Per round: check-ins per second,
p50 and p99 latency seen by the client, and the servers' CPU per check-in (utime + stime
from /proc of each process). Printed: min / median / max over the rounds, the gateway/bare
throughput ratio per round, and the load average (1 min) at each round's end: other work on
this machine shows in every figure, so only the ratios within one run compare.

On SQLite each service has its file in a temporary directory; with --database-url, courier's
schema and the bare one (`checkin_bare`) are made in that database (dropped first and at
the end); the directory, only read, stays on SQLite. Everything listens on 127.0.0.1 and is
stopped at the end. Not part of `make test`.

Measured 2026-12-07 on this branch (2 cores shared with 4 other helpers' tests and builds:
the load average was 5-11 throughout, so every figure moves with the neighbours; compare
the ratios within a run). Defaults: 7 rounds x 400 check-ins x 3 targets, 8 clients.
min / median / max over the rounds:

    SQLite, load 4.7 / 4.9 / 5.5      check-ins/s       p50 ms            p99 ms
      gateway                          136 / 156 / 194   11.3 / 19.2 / 31.9  446 / 557 / 738
      direct                           110 / 136 / 187   15.1 / 20.1 / 24.3  526 / 544 / 946
      bare                             200 / 378 / 494    8.8 / 12.6 / 24.5   94 / 171 / 310
      gateway / bare per round         0.35 / 0.43 / 0.68
      CPU per check-in: courier 3.9 ms, gateway 0.25 ms; bare 1.05 ms
    SQLite, load 8.0 / 9.8 / 11.1: gateway / bare 0.32 / 0.46 / 0.81
    PostgreSQL, load 7.0 / 7.3 / 7.6
      gateway                           67 /  75 / 109   65.6 / 95.5 / 108   154 / 322 / 572
      direct                            63 /  81 / 107   60.7 / 87.8 / 105   257 / 333 / 428
      bare                             145 / 165 / 207   29.6 / 35.1 / 45.1  160 / 210 / 538
      gateway / bare per round         0.41 / 0.43 / 0.75
    PostgreSQL, load 5.4 / 5.6 / 6.9: gateway / bare 0.24 / 0.39 / 0.58

Before the station code was kept (every check-in asking directory, 8 statements): SQLite
gateway / bare 0.27 / 0.37 / 0.49 at load 7.5-9.4, courier 5.5 ms + directory 1.2 ms of
CPU per check-in. Where courier's CPU goes: benchmarks/courier/profile_checkin.py (about a
quarter the Idempotency-Key's row and stored answer, kit's; most of the rest FastAPI and
SQLAlchemy's ORM around 6 statements, each a hand-off to aiosqlite's thread on SQLite).
The p99 on SQLite (about half a second) is writers waiting for SQLite's one write lock
(BEGIN IMMEDIATE and the busy timeout) while the event loop serves the others: kit.db's
writer serialisation, not this service.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from pydantic import BaseModel, Field
from sqlalchemy import JSON, Boolean, DateTime, String, Uuid, event, text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.processes import (  # noqa: E402
    HOST,
    Process,
    free_port,
    load_average,
    percentile,
    spawn,
    started,
    uvicorn_args,
    wait_ready,
)

BARE_SCHEMA = "checkin_bare"
BARE_ENV = "CHECKIN_BENCH_BARE_DATABASE_URL"
STATION_CODE = "TGY-NXYZ"
ROOM = "1000000000/hour"  # the anonymous-write limits stay on, with room for the load
ALL_DAY = [{"weekday": d, "opens": "00:00", "closes": "23:59"} for d in range(7)]


# --- the bare app -------------------------------------------------------------------------------


class BareBase(DeclarativeBase):
    pass


class BareVisit(BareBase):
    __tablename__ = "visits"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    token: Mapped[str] = mapped_column(String(40), unique=True)
    station_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    station_path: Mapped[str] = mapped_column(String(400), index=True)
    courier_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    status: Mapped[str] = mapped_column(String(12))
    source: Mapped[str] = mapped_column(String(8))
    services: Mapped[list[str]] = mapped_column(JSON)
    uses_charging: Mapped[bool] = mapped_column(Boolean)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closes_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class BareCheckIn(BaseModel):
    code_token: str = Field(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9]+$")
    services: list[str] = Field(default_factory=list, max_length=3)


def bare_app() -> FastAPI:
    """The floor: validate, insert one row in a transaction, answer it (uvicorn --factory)."""
    url = os.environ[BARE_ENV]
    kwargs: dict[str, Any] = {}
    if url.startswith("postgresql"):
        kwargs["connect_args"] = {"server_settings": {"search_path": BARE_SCHEMA}}
    engine = create_async_engine(url, **kwargs)
    if url.startswith("sqlite"):

        @event.listens_for(engine.sync_engine, "connect")
        def _pragmas(dbapi_connection: Any, _: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

    sessions = async_sessionmaker(engine, expire_on_commit=False)
    app = FastAPI()
    station = uuid.uuid4()

    @app.post("/v1/visits", status_code=201)
    async def check_in(data: BareCheckIn) -> dict[str, Any]:
        now = datetime.now(UTC)
        visit = BareVisit(
            id=uuid.uuid4(),
            token=uuid.uuid4().hex,
            station_id=station,
            station_path=f"/{station}/",
            courier_id=None,
            status="open",
            source="code",
            services=data.services,
            uses_charging="charging" in data.services,
            started_at=now,
            closes_at=now + timedelta(hours=1),
        )
        async with sessions() as session, session.begin():
            session.add(visit)
        return {
            "id": str(visit.id),
            "token": visit.token,
            "status": visit.status,
            "services": visit.services,
            "started_at": visit.started_at.isoformat(),
            "closes_at": visit.closes_at.isoformat(),
        }

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


async def create_bare_tables(url: str) -> None:
    kwargs: dict[str, Any] = {}
    if url.startswith("postgresql"):
        kwargs["connect_args"] = {"server_settings": {"search_path": BARE_SCHEMA}}
    engine = create_async_engine(url, **kwargs)
    async with engine.begin() as conn:
        if url.startswith("postgresql"):
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{BARE_SCHEMA}" CASCADE'))
            await conn.execute(text(f'CREATE SCHEMA "{BARE_SCHEMA}"'))
        await conn.run_sync(BareBase.metadata.create_all)
    await engine.dispose()


async def drop_schemas(url: str, *schemas: str) -> None:
    engine = create_async_engine(url)
    async with engine.begin() as conn:
        for schema in schemas:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    await engine.dispose()


# --- processes ----------------------------------------------------------------------------------


# --- the load -----------------------------------------------------------------------------------


@dataclass
class Round:
    rps: float
    p50: float  # ms
    p99: float
    cpu_us: dict[str, float] = field(default_factory=dict)


async def load(url: str, code_token: str, *, total: int, concurrency: int) -> tuple[float, list]:
    """`total` check-ins from `concurrency` clients; (seconds, latencies in ms)."""
    latencies: list[float] = []
    remaining = total

    async def client() -> None:
        nonlocal remaining
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(limits=limits, timeout=30) as http:
            device = uuid.uuid4().hex
            while remaining > 0:
                remaining -= 1
                began = time.perf_counter()
                response = await http.post(
                    url,
                    json={"code_token": code_token, "services": ["charging"]},
                    headers={"Idempotency-Key": uuid.uuid4().hex, "X-Device-Id": device},
                )
                latencies.append((time.perf_counter() - began) * 1000)
                if response.status_code != 201:
                    raise SystemExit(f"{url} answered {response.status_code}: {response.text}")

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return time.perf_counter() - began, latencies


async def measure_round(
    url: str, code_token: str, watch: list[Process], *, total: int, concurrency: int
) -> Round:
    before = {p.name: p.cpu_seconds() for p in watch}
    seconds, latencies = await load(url, code_token, total=total, concurrency=concurrency)
    after = {p.name: p.cpu_seconds() for p in watch}
    return Round(
        rps=total / seconds,
        p50=percentile(latencies, 0.5),
        p99=percentile(latencies, 0.99),
        cpu_us={n: (after[n] - before[n]) / total * 1e6 for n in before},
    )


# --- setting up ---------------------------------------------------------------------------------


def seed_directory(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "services.directory", "seed"],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=180,
    )


PROFILE = {
    "hours": ALL_DAY,
    "rest_seats": 16,
    "charging_points": 8,
    "microwave": True,
    "water": True,
    "medicine_kit": True,
    "auto_close_minutes": 180,
}


def station_code(directory: str, tokens: Any) -> tuple[str, str, dict[str, str]]:
    """The station's place id, its code's token, and headers of its staff (who may save
    its profile)."""
    from services.kit.testing import grant

    with httpx.Client(timeout=30) as http:
        place = http.get(f"{directory}/v1/places/by-code/{STATION_CODE}").json()
        staff = tokens.issue(
            grants=[
                grant(
                    "station_staff",
                    place["id"],
                    place["path"],
                    "directory:codes:manage",
                    "courier:stations:manage",
                )
            ]
        )
        headers = {"Authorization": f"Bearer {staff}"}
        codes = http.get(f"{directory}/v1/places/{place['id']}/codes", headers=headers)
        codes.raise_for_status()
        token = str(next(c["token"] for c in codes.json() if c["status"] == "active"))
        return str(place["id"]), token, headers


def open_station(directory: str, courier: str, tokens: Any) -> str:
    """The station's profile saved (open all day); its code's token."""
    place_id, token, headers = station_code(directory, tokens)
    saved = httpx.put(f"{courier}/v1/stations/{place_id}", json=PROFILE, headers=headers)
    saved.raise_for_status()
    return token


def fmt(values: list[float], digits: int = 1) -> str:
    return " / ".join(
        f"{v:.{digits}f}" for v in (min(values), statistics.median(values), max(values))
    )


async def run(args: argparse.Namespace, tmp: Path) -> None:
    from services.kit.catalog import load as catalog
    from services.kit.testing import TokenFactory, async_url

    tokens = TokenFactory()
    ports = {name: free_port() for name in ("directory", "courier", "gateway", "bare")}
    urls = {name: f"http://{HOST}:{port}" for name, port in ports.items()}
    if args.database_url:
        courier_db = bare_db = async_url(args.database_url)
        await drop_schemas(courier_db, "courier")
    else:
        courier_db = f"sqlite+aiosqlite:///{tmp / 'courier.db'}"
        bare_db = f"sqlite+aiosqlite:///{tmp / 'bare.db'}"
    await create_bare_tables(bare_db)
    limits = json.dumps(
        {f"check_ins.{per}": ROOM for per in ("per_device", "per_address", "per_door")}
    )
    env = {
        **os.environ,
        "DIRECTORY_DATABASE_URL": f"sqlite+aiosqlite:///{tmp / 'directory.db'}",
        "DIRECTORY_JWKS": tokens.jwks,
        "DIRECTORY_LOG_LEVEL": "WARNING",
        "COURIER_DATABASE_URL": courier_db,
        "COURIER_JWKS": tokens.jwks,
        "COURIER_DIRECTORY_URL": urls["directory"],
        "COURIER_IDENTITY_URL": f"http://{HOST}:{free_port()}",  # not called by a check-in
        "COURIER_SEED_DEMO": "false",
        "COURIER_LOG_LEVEL": "WARNING",
        "COURIER_ANONYMOUS_LIMITS": limits,
        "GATEWAY_COURIER_URL": urls["courier"],
        "GATEWAY_DIRECTORY_URL": urls["directory"],
        "GATEWAY_JWKS": tokens.jwks,
        "GATEWAY_LOG_LEVEL": "WARNING",
        "GATEWAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "100000000",
        BARE_ENV: bare_db,
    }
    print(f"seeding the directory in {tmp} ...", flush=True)
    seed_directory(env)
    found = catalog()
    apps = {s.name: s.app for s in found.built()}
    processes: list[Process] = []
    with started(processes):
        quiet = ("--log-level", "warning")
        for name in ("directory", "courier"):
            processes.append(spawn(name, uvicorn_args(apps[name], ports[name], *quiet), env, tmp))
        gateway_args = uvicorn_args(
            found.gateway.app, ports["gateway"], *quiet, *found.gateway.uvicorn_args
        )
        gateway = spawn("gateway", gateway_args, env, tmp)
        bare_args = uvicorn_args("benchmarks.courier.checkin:bare_app", ports["bare"], *quiet)
        bare = spawn("bare", bare_args, env, tmp)
        processes += [gateway, bare]
        wait_ready(
            processes,
            [f"{urls[p.name]}/readyz" for p in processes[:2]]
            + [f"{urls['gateway']}/healthz", f"{urls['bare']}/healthz"],
        )
        code = open_station(urls["directory"], urls["courier"], tokens)
        system = [p for p in processes if p.name != "bare"]
        targets = {
            "gateway": (f"{urls['gateway']}/api/courier/v1/visits", system),
            "direct": (f"{urls['courier']}/v1/visits", system[:2]),
            "bare": (f"{urls['bare']}/v1/visits", [bare]),
        }
        backend = "PostgreSQL" if args.database_url else "SQLite"
        print(
            f"{backend}; {args.rounds} rounds of {args.visits} check-ins per target, "
            f"{args.concurrency} clients; load average {load_average():.2f}",
            flush=True,
        )
        for url, _ in targets.values():
            await load(url, code, total=max(80, args.visits // 4), concurrency=args.concurrency)
        results: dict[str, list[Round]] = {name: [] for name in targets}
        loads: list[float] = []
        names = list(targets)
        for r in range(args.rounds):
            for name in names[r % len(names) :] + names[: r % len(names)]:
                url, watch = targets[name]
                results[name].append(
                    await measure_round(
                        url, code, watch, total=args.visits, concurrency=args.concurrency
                    )
                )
            loads.append(load_average())
            line = "  ".join(f"{n} {results[n][-1].rps:6.0f}/s" for n in names)
            print(f"  round {r + 1}: {line}   load {loads[-1]:.2f}", flush=True)
    if args.database_url:
        await drop_schemas(courier_db, "courier", BARE_SCHEMA)
    report(results, loads)


def report(results: dict[str, list[Round]], loads: list[float]) -> None:
    print("\nmin / median / max over the rounds")
    print(f"{'target':<10}{'check-ins/s':>24}{'p50 ms':>24}{'p99 ms':>24}   CPU µs per check-in")
    for name, rounds in results.items():
        cpu_names = rounds[0].cpu_us
        cpu = "  ".join(
            f"{n} {statistics.median([r.cpu_us[n] for r in rounds]):.0f}" for n in cpu_names
        )
        print(
            f"{name:<10}{fmt([r.rps for r in rounds], 0):>24}"
            f"{fmt([r.p50 for r in rounds]):>24}{fmt([r.p99 for r in rounds]):>24}   {cpu}"
        )
    for name in ("gateway", "direct"):
        ratios = [a.rps / b.rps for a, b in zip(results[name], results["bare"], strict=True)]
        print(f"{name} / bare throughput per round: {fmt(ratios, 2)}")
    print(f"load average (1 min) at the rounds' ends: {fmt(loads, 2)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--visits", type=int, default=400, help="check-ins per target per round")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--database-url", help="PostgreSQL (postgresql://...); temporary SQLite files if absent"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checkin-bench-") as tmp:
        asyncio.run(run(args, Path(tmp)))


if __name__ == "__main__":
    main()
