"""Test helpers every service's tests share: databases per backend, clean state, tokens.

Each test session migrates each service's schema once per backend (SQLite always; PostgreSQL
when TEST_DATABASE_URL is set); each test then starts from empty tables.
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import OKPAlgorithm
from sqlalchemy import MetaData, delete, text

from services.kit import migrations
from services.kit.db import Database
from services.kit.workers import PollingWorker, RunReport

BACKENDS_ENV = "TEST_DATABASE_URL"


def async_url(url: str) -> str:
    """Accept postgresql:// or postgres:// and use the async driver."""
    for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


def backends() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get(BACKENDS_ENV) else ["sqlite"]


def _sqlite_dir() -> Path:
    path = Path(tempfile.gettempdir()) / f"sqwb-tests-{os.getpid()}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url(backend: str, name: str) -> str:
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{_sqlite_dir() / (name + '.db')}"
    return async_url(os.environ[BACKENDS_ENV])


async def fresh_database(backend: str, name: str, schema: str) -> Database:
    """An empty database (file or schema) for one service, with nothing in it yet."""
    url = database_url(backend, name)
    if backend == "sqlite":
        Path(url.split(":///", 1)[1]).unlink(missing_ok=True)
    db = Database(url, schema=schema)
    if backend != "sqlite":
        async with db.engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    return db


async def drop_database(db: Database) -> None:
    """Remove what fresh_database made, and close its connections."""
    if db.is_sqlite:
        await db.dispose()
        Path(db.url.split(":///", 1)[1]).unlink(missing_ok=True)
        return
    async with db.engine.begin() as conn:
        await conn.execute(text(f'DROP SCHEMA IF EXISTS "{db.schema}" CASCADE'))
    await db.dispose()


async def migrated_database(backend: str, name: str, schema: str, migrations_dir: Path) -> Database:
    db = await fresh_database(backend, name, schema)
    await migrations.upgrade(db, migrations_dir)
    return db


async def empty_tables(db: Database, metadata: MetaData) -> None:
    """Delete every row (children first): a clean state that allows real commits."""
    async with db.session() as session:
        if db.is_sqlite:
            # Self-references (a place's parent) would fail row by row; check at commit.
            await session.execute(text("PRAGMA defer_foreign_keys = ON"))
            for table in reversed(metadata.sorted_tables):
                await session.execute(delete(table))
        else:
            names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
            await session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        await session.commit()


# The prefix of `sub` identity gives each kind of token (services/identity: sessions, api_keys).
SUBJECT_PREFIXES = {
    "staff": "staff",
    "resident": "resident",
    "client": "client",
    "device": "client",
}


@dataclass
class TokenFactory:
    """Signs access tokens of exactly identity's shape (keys.access_claims), with a key of
    its own: `sub` is `<prefix>:<id>`, staff and API clients carry a `name`, staff and
    residents a session id (`sid`), iat/exp are whole seconds, every token has a `jti`.
    tests/identity compares the two."""

    issuer: str = "sqwb-identity"
    kid: str = field(default_factory=lambda: f"test-{uuid.uuid4().hex[:8]}")
    private_key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)

    @property
    def jwks(self) -> str:
        jwk = json.loads(OKPAlgorithm.to_jwk(self.private_key.public_key()))
        jwk.update({"kid": self.kid, "alg": "EdDSA", "use": "sig"})
        return json.dumps({"keys": [jwk]})

    def claims(
        self,
        *,
        subject: str | None = None,
        kind: str = "staff",
        grants: list[dict[str, Any]] | None = None,
        ttl: timedelta = timedelta(minutes=10),
        now: datetime | None = None,
        name: str | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """The claims `issue` signs. `subject` is the id (a prefixed one is kept as given)."""
        prefix = SUBJECT_PREFIXES[kind]
        ident = subject or str(uuid.uuid4())
        sub = ident if ident.startswith(f"{prefix}:") else f"{prefix}:{ident}"
        issued = now or datetime.now(UTC)
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "sub": sub,
            "kind": kind,
            "typ": "access",
            "iat": int(issued.timestamp()),
            "exp": int((issued + ttl).timestamp()),
            "jti": uuid.uuid4().hex,
            "grants": grants or [],
        }
        if kind != "resident":  # identity names staff and API clients, never residents
            claims["name"] = name or f"测试 {sub.rsplit(':', 1)[-1][:8]}"
        if kind in ("staff", "resident"):  # a signed-in person's token names its session
            claims["sid"] = str(uuid.uuid4())
        return {**claims, **extra}

    def issue(self, **fields: Any) -> str:
        return jwt.encode(
            self.claims(**fields), self.private_key, algorithm="EdDSA", headers={"kid": self.kid}
        )

    def acting_for(
        self,
        resident: str,
        *,
        staff: str,
        staff_name: str,
        reason: str,
        now: datetime | None = None,
    ) -> str:
        """A resident's token used by staff acting for them (identity's `/v1/tokens/act-for`)."""
        return self.issue(
            subject=resident,
            kind="resident",
            now=now,
            act={"sub": staff, "name": staff_name},
            reason=reason,
        )


def grant(role: str, place_id: str, path: str, *perms: str) -> dict[str, Any]:
    return {"role": role, "place_id": place_id, "path": path, "perms": list(perms)}


Worker = TypeVar("Worker", bound=PollingWorker)


def as_replica(worker: Worker, db: Database, worker_id: str) -> Worker:
    """The same worker (handlers, lease, delivery) as another replica would run it: its own
    engine on the same database, its own worker id, no loop running."""
    twin = copy.copy(worker)
    twin.db = db
    twin.worker_id = worker_id
    twin._stopping = asyncio.Event()
    twin._task = None
    return twin


async def run_replicas(
    worker: Worker, replicas: int = 3, *, now: datetime | None = None
) -> list[RunReport]:
    """Run what is due at `now` from `replicas` copies of a service's worker at once, each
    with its own connection pool on the worker's database, as N processes would.

    A worker's test calls this where it would call `run_due` and asserts each piece of work
    was done once; the reports say which replica did what (their sum is the work done).
    On SQLite the replicas queue behind the writer lock, so one may do it all; on PostgreSQL
    they claim side by side.
    """
    if replicas < 2:
        raise ValueError("replicas means at least two")
    engines = [Database(worker.db.url, schema=worker.db.schema) for _ in range(replicas)]
    twins = [as_replica(worker, db, f"replica-{i}") for i, db in enumerate(engines)]
    try:
        return list(await asyncio.gather(*(twin.run_due(now) for twin in twins)))
    finally:
        for db in engines:
            await db.dispose()
