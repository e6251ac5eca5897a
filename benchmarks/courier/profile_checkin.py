"""Where a check-in's time goes inside courier: cProfile over check-ins run in process.

    .venv/bin/python benchmarks/courier/profile_checkin.py [--visits 600] [--concurrency 8]

The directory runs as its own process (uvicorn, seeded with its demo data, as in
checkin.py), so courier's call to resolve the station's code goes over real HTTP; courier
itself is built in this process on a temporary SQLite file and called through httpx's ASGI
transport by `--concurrency` clients. Printed: the SQL statements per check-in, the busy time
per check-in split by library (each function's time of its own, waits in epoll apart; C
functions one by one), the 20 functions with the most time of their own, and who asks
importlib for a module while requests run. The ASGI transport's work (the client's side,
httpx) is in the total too.

Measured 2026-12-07 (SQLite, load about 6; min / median / max of 5 rounds of 150), CPU per
check-in in courier's process:

    the check-in route (station code kept)    2953 / 3361 / 4003 µs
      asking directory every time             4788 / 5320 / 5732 µs
      without an Idempotency-Key              2486 / 2502 / 2900 µs

6 SQL statements per check-in. Busy time by library: SQLAlchemy about a quarter, FastAPI
an eighth, then asyncio, httpx (the ASGI client here), kit, Starlette; aiosqlite's queue
hand-offs about 4%. Asking directory every time also costs directory about 1.2 ms per
check-in, and httpcore looks for `sniffio` (not installed) at each outgoing request, a
failed import each time (kit's HTTP client; another branch installs it).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import io
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.courier.checkin import (  # noqa: E402
    PROFILE,
    ROOM,
    free_port,
    seed_directory,
    start,
    started,
    station_code,
    wait_ready,
)

IDLE = "<method 'poll' of 'select.epoll' objects>"


def area(file: str, function: str) -> str:
    """Which library or part of ours a profiled function belongs to."""
    if "site-packages/" in file:
        return file.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    for part in ("services/kit/", "services/courier/", "services/directory/"):
        if part in file:
            return part.rstrip("/").replace("/", ".")
    if file == "~":  # C functions: named one by one (aiosqlite's queue, sockets, urandom)
        return "C: " + function.removeprefix("<").removesuffix(">")
    if "importlib" in file:
        return "importlib (imports attempted at run time)"
    if "/asyncio/" in file or "selectors" in file:
        return "asyncio"
    return "other stdlib"


async def post(app: Any, path: str, body: bytes, headers: list[tuple[bytes, bytes]]) -> int:
    """One POST straight through the ASGI interface (no client library's cost)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"courier"), (b"content-type", b"application/json"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("courier", 80),
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def parts(app: Any, code: str, args: argparse.Namespace) -> None:
    """CPU per check-in (this process: courier and aiosqlite's thread) of the whole route,
    and of the route with one part taken away: the difference is that part's cost. One
    check-in after another, the variants' order rotating over the rounds."""
    codes = app.state.courier.station_codes
    kept = codes.keep
    body = json.dumps({"code_token": code, "services": ["charging"]}).encode()

    def headers(idempotent: bool) -> list[tuple[bytes, bytes]]:
        found = [(b"x-device-id", uuid.uuid4().hex.encode())]
        if idempotent:
            found.append((b"idempotency-key", uuid.uuid4().hex.encode()))
        return found

    # (ask directory at every check-in, send an Idempotency-Key)
    variants = {
        "the check-in route (station code kept)": (False, True),
        "  asking directory every time": (True, True),
        "  without an Idempotency-Key": (False, False),
    }
    results: dict[str, list[float]] = {name: [] for name in variants}
    names = list(variants)
    for r in range(args.rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            ask, idempotent = variants[name]
            codes.keep = timedelta(0) if ask else kept
            codes._kept.clear()
            gc.collect()
            began = time.process_time()
            for _ in range(args.requests):
                status = await post(app, "/v1/visits", body, headers(idempotent))
                if status != 201:
                    raise SystemExit(f"{name}: {status}")
            results[name].append((time.process_time() - began) / args.requests)
    codes.keep = kept
    print(f"CPU per check-in in courier's process, min / median / max of {args.rounds} rounds:")
    for name in names:
        us = [v * 1e6 for v in results[name]]
        print(f"  {name:46s} {min(us):6.0f} / {statistics.median(us):6.0f} / {max(us):6.0f} µs")


async def run(args: argparse.Namespace, tmp: Path) -> None:
    from services.courier.app import MIGRATIONS_DIR, create_app
    from services.courier.config import CourierSettings
    from services.kit import migrations
    from services.kit.db import Database
    from services.kit.testing import TokenFactory

    tokens = TokenFactory()
    port = free_port()
    directory_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DIRECTORY_DATABASE_URL": f"sqlite+aiosqlite:///{tmp / 'directory.db'}",
        "DIRECTORY_JWKS": tokens.jwks,
        "DIRECTORY_LOG_LEVEL": "WARNING",
    }
    seed_directory(env)
    db = Database(f"sqlite+aiosqlite:///{tmp / 'courier.db'}", schema="courier")
    await migrations.upgrade(db, MIGRATIONS_DIR)
    limits = {f"check_ins.{per}": ROOM for per in ("per_device", "per_address", "per_door")}
    settings = CourierSettings(
        env="test",
        database_url=db.url,
        auto_migrate=False,
        run_workers=False,
        seed_demo=False,
        jwks=tokens.jwks,
        directory_url=directory_url,
        identity_url=f"http://127.0.0.1:{free_port()}",
        anonymous_limits=limits,
        log_level="WARNING",
    )
    app = create_app(settings, database=db)
    processes = [start("directory", "services.directory.app:create_app", port, env, tmp)]
    with started(processes):
        wait_ready(processes[0], f"{directory_url}/readyz")
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://courier") as client:
            place_id, code, headers = station_code(directory_url, tokens)
            saved = await client.put(f"/v1/stations/{place_id}", json=PROFILE, headers=headers)
            saved.raise_for_status()
            remaining = args.visits

            async def courier() -> None:
                nonlocal remaining
                device = uuid.uuid4().hex
                while remaining > 0:
                    remaining -= 1
                    response = await client.post(
                        "/v1/visits",
                        json={"code_token": code, "services": ["charging"]},
                        headers={"Idempotency-Key": uuid.uuid4().hex, "X-Device-Id": device},
                    )
                    if response.status_code != 201:
                        raise SystemExit(f"{response.status_code}: {response.text}")

            await asyncio.gather(*(courier() for _ in range(args.concurrency)))  # warm-up
            await parts(app, code, args)
            remaining = args.visits
            statements = 0

            def count(*_: object) -> None:
                nonlocal statements
                statements += 1

            event.listen(db.engine.sync_engine, "before_cursor_execute", count)
            profile = cProfile.Profile()
            profile.enable()
            await asyncio.gather(*(courier() for _ in range(args.concurrency)))
            profile.disable()
            event.remove(db.engine.sync_engine, "before_cursor_execute", count)
            print(f"\n{statements / args.visits:.1f} SQL statements per check-in")
    await db.dispose()
    report(profile, args.visits)


def report(profile: cProfile.Profile, visits: int) -> None:
    stats = pstats.Stats(profile)
    entries = stats.stats  # type: ignore[attr-defined]
    idle = sum(tt for (f, _, fn), (_, _, tt, _, _) in entries.items() if f == "~" and fn == IDLE)
    busy = stats.total_tt - idle  # type: ignore[attr-defined]
    print(
        f"profiled {visits} check-ins: {busy / visits * 1000:.2f} ms busy each (cProfile's own "
        f"overhead included), {idle / visits * 1000:.2f} ms waiting in epoll"
    )
    areas: dict[str, float] = {}
    for (file, _, function), (_, _, own, _, _) in entries.items():
        if file == "~" and function == IDLE:
            continue
        name = area(file, function)
        areas[name] = areas.get(name, 0.0) + own
    print("time of its own by library, share of the busy time:")
    for name, own in sorted(areas.items(), key=lambda kv: -kv[1])[:22]:
        print(f"  {own / busy * 100:5.1f}%  {own / visits * 1000:6.2f} ms  {name}")
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(20)
    print(out.getvalue())
    out = io.StringIO()
    pstats.Stats(profile, stream=out).print_callers(r"_find_and_load_unlocked")
    print("who imports while requests run (a module not found is looked for again each time):")
    print("\n".join(out.getvalue().splitlines()[-12:]))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--visits", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=7, help="of the parts' CPU")
    parser.add_argument("--requests", type=int, default=150, help="per variant per round")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checkin-profile-") as tmp:
        asyncio.run(run(args, Path(tmp)))


if __name__ == "__main__":
    main()
