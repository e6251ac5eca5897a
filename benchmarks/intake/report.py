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
- bare: a FastAPI app (`report_bare.py` beside this file), under uvicorn with the same
  flags, that validates a comparable body with Pydantic and inserts one row (id, number,
  tracking token, code token, category, description, status, time) with SQLAlchemy's async
  ORM in its own transaction, and answers 201 with the number and token. Same SQLite
  settings as kit's (WAL, synchronous=NORMAL, a busy timeout), or a schema of its own on
  PostgreSQL.

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

Figures, round by round, with what each round changed and what was left: `report.md`
beside this file.
"""

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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import create_async_engine

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.intake import report_count  # noqa: E402
from benchmarks.intake.report_bare import BARE_ENV, BARE_SCHEMA  # noqa: E402
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

CATEGORIES = ("facility", "sanitation", "lighting", "greenery", "noise", "other")


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
        bare_args = uvicorn_args("benchmarks.intake.report_bare:bare_app", ports["bare"])
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
        statements, hand_offs = asyncio.run(report_count.statements_per_report(Path(tmp)))
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
