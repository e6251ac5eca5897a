"""What one report costs intake in statements, counted in process on SQLite (for report.py).

The directory and intake apps wired with an ASGI transport over a demo directory, real
requests; after three to warm up, the fourth report's SQL statements and the calls handed
to aiosqlite's threads (intake's and the directory's) are counted.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx


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
