from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from services.directory.app import MIGRATIONS_DIR, create_app
from services.directory.config import DirectorySettings
from services.directory.models import Base
from services.directory.seed import seed_demo
from services.kit.clock import FrozenClock
from services.kit.db import Database
from services.kit.testing import TokenFactory, empty_tables, grant, migrated_database

ALL_PERMS = (
    "directory:places:write",
    "directory:codes:manage",
    "directory:codes:print",
    "directory:calendar:write",
)


@pytest.fixture(scope="session")
async def directory_db(backend: str) -> AsyncIterator[Database]:
    db = await migrated_database(backend, "directory", "directory", MIGRATIONS_DIR)
    yield db
    await db.dispose()


@dataclass
class Directory:
    app: FastAPI
    client: httpx.AsyncClient
    db: Database
    clock: FrozenClock
    tokens: TokenFactory

    def staff(
        self,
        place: dict[str, Any],
        *perms: str,
        role: str = "community_staff",
        subject: str = "staff-1",
    ) -> dict[str, str]:
        """Headers of a staff member holding `role` with `perms` over `place`."""
        token = self.tokens.issue(
            subject=subject,
            grants=[grant(role, place["id"], place["path"], *(perms or ALL_PERMS))],
            now=self.clock.now(),
        )
        return {"Authorization": f"Bearer {token}"}

    def root_admin(self) -> dict[str, str]:
        return self.staff({"id": "root", "path": "/"}, role="platform_admin", subject="admin-1")

    async def seed(self) -> None:
        await seed_demo(self.db, self.clock)

    async def place(self, code: str) -> dict[str, Any]:
        response = await self.client.get(f"/v1/places/by-code/{code}")
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def unit_token(self, unit_code: str) -> str:
        unit = await self.place(unit_code)
        response = await self.client.get(f"/v1/places/{unit['id']}/codes", headers=self.staff(unit))
        assert response.status_code == 200, response.text
        return str(next(c["token"] for c in response.json() if c["status"] == "active"))


@pytest.fixture
async def directory(
    directory_db: Database, tokens: TokenFactory, clock: FrozenClock
) -> AsyncIterator[Directory]:
    await empty_tables(directory_db, Base.metadata)
    settings = DirectorySettings(
        env="test",
        database_url=directory_db.url,
        auto_migrate=False,
        jwks=tokens.jwks,
        public_base_url="https://sqwb.dxq.gov.cn",
    )
    app = create_app(settings, clock=clock, database=directory_db)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://directory") as client:
        yield Directory(app=app, client=client, db=directory_db, clock=clock, tokens=tokens)
