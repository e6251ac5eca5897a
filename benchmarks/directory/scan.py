"""The scan: CPU per request of the directory's code resolve against its floor, in one run.

    .venv/bin/python benchmarks/directory/scan.py [--rounds 15] [--requests 300]
    .venv/bin/python benchmarks/directory/scan.py --database-url postgresql://...

`GET /v1/codes/{token}` answers every scan of every sticker. This measures what one call
costs the directory in CPU, in process, against references measured in the same run:

- floor: a minimal route mounted on the same app (same middlewares, same place in the
  router) that does the same lookup as ONE SQLAlchemy Core statement (the code, its place
  and the place's ancestors, recursive over parent_id) on a connection from the engine, and
  returns the same JSON, built by hand as a dict; it is defined here, not in the service;
- the same floor on kit's connection for a read of one statement (`Database.single_read`:
  no BEGIN, no COMMIT, what the route itself uses), when kit has it;
- /healthz: the frame alone (middlewares, routing, a constant answer).

The demo directory (services.directory.seed) is built in a temporary SQLite file, or in a
schema `scan_bench` of the PostgreSQL database given (dropped first, dropped at the end).
Requests are direct ASGI calls (no HTTP client, no sockets), cycling over every unit door's
token; each round runs a batch of each route, the order rotating from round to round. CPU is
time.process_time, so aiosqlite's worker thread counts too; on SQLite the calls handed to
that thread per request are counted too (outside the timed rounds). Before timing, the
route's and each floor's answers are checked to be the same JSON for every token.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncConnection

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from services.directory import codes as directory_codes  # noqa: E402
from services.directory.app import MIGRATIONS_DIR, create_app  # noqa: E402
from services.directory.config import DirectorySettings  # noqa: E402
from services.directory.models import Place, QrCode  # noqa: E402
from services.directory.routes import codes as codes_routes  # noqa: E402
from services.directory.seed import seed_demo  # noqa: E402
from services.kit import migrations  # noqa: E402
from services.kit.clock import Clock  # noqa: E402
from services.kit.db import Database  # noqa: E402
from services.kit.testing import async_url  # noqa: E402

PG_SCHEMA = "scan_bench"
REAL_ROUTE = "/v1/codes/{token}"
CHAIN_KINDS = ("unit", "building", "community", "street", "district")


def summary(row: Any) -> dict[str, str]:
    return {
        "id": str(row.id),
        "code": row.code,
        "name": row.name,
        "kind": row.kind,
        "path": row.path,
    }


Connect = Callable[[Database], AsyncConnection]


def in_transaction(db: Database) -> AsyncConnection:
    """A connection as the engine gives it: in a transaction (on SQLite, BEGIN ... ROLLBACK)."""
    return db.engine.connect()


def outside_transaction(db: Database) -> AsyncConnection:
    """kit's connection for a read of one statement: no BEGIN, no COMMIT (kit.db)."""
    return db.single_read()


def mount_floor(app: FastAPI, prefix: str, connect: Connect) -> None:
    """A floor route, put right before the real one so that routing costs both the same."""
    # The very statement the route runs (directory.codes.RESOLVE): the floor is that one
    # statement and the JSON built by hand, nothing else.
    statement = directory_codes.RESOLVE
    router = APIRouter()

    @router.get(prefix + "{token}")
    async def floor(token: str, request: Request) -> Response:
        wanted = token.strip().upper()
        async with connect(request.app.state.db) as conn:
            rows = (await conn.execute(statement, {"token": wanted})).all()  # root first
        if not rows or rows[0].status != "active":
            return JSONResponse({"code": "code_not_found"}, status_code=404)
        first, place = rows[0], rows[-1]
        summaries = {r.kind: summary(r) for r in rows}
        target = (
            {"service": first.target_service, "id": first.target_id}
            if first.target_service and first.target_id
            else None
        )
        return JSONResponse(
            {
                "token": wanted,
                "kind": first.code_kind,
                "target": target,
                "place": summary(place),
                "chain": {k: summaries.get(k) for k in CHAIN_KINDS},
                "path": place.path,
                "contact_phone": next((r.phone for r in reversed(rows) if r.phone), None),
            }
        )

    app.include_router(router)
    routes = app.router.routes
    floor_router = routes.pop()
    # The codes router, whose first route is the real one: the floor goes right before it.
    index = next(
        i
        for i, r in enumerate(routes)
        if getattr(r, "original_router", None) is codes_routes.router
        or getattr(r, "path", None) == REAL_ROUTE
    )
    routes.insert(index, floor_router)


async def call(app: FastAPI, path: str) -> tuple[int, bytes]:
    """One GET straight through the ASGI interface."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"directory"), (b"accept", b"application/json")],
        "client": ("127.0.0.1", 50000),
        "server": ("directory", 80),
    }
    status = 0
    body = bytearray()

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await app(scope, receive, send)  # type: ignore[arg-type]
    return status, bytes(body)


async def batch(app: FastAPI, paths: list[str], n: int) -> float:
    """CPU seconds per request over n requests."""
    gc.collect()
    started = time.process_time()
    for i in range(n):
        status, _ = await call(app, paths[i % len(paths)])
        if status != 200:
            raise RuntimeError(f"{paths[i % len(paths)]} answered {status}")
    return (time.process_time() - started) / n


async def hand_offs(app: FastAPI, paths: list[str]) -> float:
    """Calls into aiosqlite's thread per request (SQLite only; not timed)."""
    import aiosqlite.core

    count = 0
    original = aiosqlite.core.Connection._execute

    async def counting(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal count
        count += 1
        return await original(self, fn, *args, **kwargs)

    aiosqlite.core.Connection._execute = counting  # type: ignore[method-assign]
    try:
        for path in paths:
            await call(app, path)
    finally:
        aiosqlite.core.Connection._execute = original  # type: ignore[method-assign]
    return count / len(paths)


async def prepare(database_url: str | None, tmp: Path) -> Database:
    if database_url is None:
        db = Database(f"sqlite+aiosqlite:///{tmp / 'directory.db'}", schema="directory")
    else:
        db = Database(async_url(database_url), schema=PG_SCHEMA)
        async with db.engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{PG_SCHEMA}" CASCADE'))
    await migrations.upgrade(db, MIGRATIONS_DIR)
    print(await seed_demo(db, Clock()))
    return db


async def tokens_of_units(db: Database) -> list[str]:
    async with db.engine.connect() as conn:
        rows = await conn.execute(
            select(QrCode.token)
            .join(Place, Place.id == QrCode.place_id)
            .where(Place.kind == "unit", QrCode.status == "active")
            .order_by(Place.code)
        )
        return [r.token for r in rows]


def fmt(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"{min(ms):6.3f} / {statistics.median(ms):6.3f} / {max(ms):6.3f} ms"


async def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="scan-bench-") as tmp:
        db = await prepare(args.database_url, Path(tmp))
        try:
            await measure(db, args)
        finally:
            if not db.is_sqlite:
                async with db.engine.begin() as conn:
                    await conn.execute(text(f'DROP SCHEMA IF EXISTS "{PG_SCHEMA}" CASCADE'))
            await db.dispose()


async def measure(db: Database, args: argparse.Namespace) -> None:
    settings = DirectorySettings(env="test", database_url=db.url, auto_migrate=False)
    app = create_app(settings, database=db)
    tokens = await tokens_of_units(db)
    route = "GET /v1/codes/{token}"
    floors = {"floor: 1 Core statement": ("/floor/codes/", in_transaction)}
    if hasattr(db, "single_read"):  # kit's read outside a transaction (not in older code)
        floors["floor, outside a transaction"] = ("/floor-single/codes/", outside_transaction)
    cases = {route: [f"/v1/codes/{t}" for t in tokens]}
    for name, (prefix, connect) in floors.items():
        mount_floor(app, prefix, connect)
        cases[name] = [f"{prefix}{t}" for t in tokens]
    cases["GET /healthz"] = ["/healthz"]
    backend = "SQLite" if db.is_sqlite else "PostgreSQL"
    print(f"{backend}: {len(tokens)} unit door codes; {args.rounds} rounds of {args.requests}")

    # The same JSON from the route and each floor, for every token (as a scanner may send it).
    for token in tokens:
        status, body = await call(app, f"/v1/codes/{token.lower()}")
        for prefix, _ in floors.values():
            floor = await call(app, f"{prefix}{token.lower()}")
            if status != 200 or json.loads(body) != json.loads(floor[1]):
                raise SystemExit(f"{prefix} does not answer as the route does for {token}")

    names = list(cases)
    results: dict[str, list[float]] = {name: [] for name in names}
    for name in names:  # warm-up: compiled statement caches, pools, imports
        await batch(app, cases[name], max(50, args.requests // 5))
    ratios: dict[str, list[float]] = {name: [] for name in floors}
    for r in range(args.rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        this_round = {name: await batch(app, cases[name], args.requests) for name in order}
        for name in names:
            results[name].append(this_round[name])
        for name in floors:
            ratios[name].append(this_round[route] / this_round[name])

    hops = {name: await hand_offs(app, cases[name][:20]) for name in names} if db.is_sqlite else {}
    print(f"CPU per request, min / median / max over {args.rounds} rounds:")
    for name in names:
        extra = f"   {hops[name]:4.1f} hand-offs to aiosqlite" if hops else ""
        print(f"  {name:30s} {fmt(results[name])}{extra}")
    for name in floors:
        ratio = statistics.median(results[route]) / statistics.median(results[name])
        per_round = ratios[name]
        print(
            f"  route / {name}: {ratio:.2f}x of the medians; per round "
            f"{min(per_round):.2f} / {statistics.median(per_round):.2f} / {max(per_round):.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--requests", type=int, default=300, help="per route per round")
    parser.add_argument(
        "--database-url", help="PostgreSQL (postgresql://...); a temporary SQLite file if absent"
    )
    parser.add_argument("--uvloop", action="store_true", help="run on uvloop, as uvicorn does")
    args = parser.parse_args()
    runner: Callable[..., Any] = asyncio.run
    if args.uvloop:
        import uvloop

        runner = uvloop.run
    runner(run(args))


if __name__ == "__main__":
    main()
