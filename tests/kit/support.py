"""Databases for the kit's own tests: a schema (or SQLite file) built from a test's tables."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection

from services.kit.db import Database
from services.kit.testing import fresh_database


async def database_with(backend: str, name: str, metadata: MetaData) -> Database:
    """An empty database named `name` (SQLite file or PostgreSQL schema) with these tables."""
    db = await fresh_database(backend, name, name)
    async with db.engine.begin() as conn:
        if not db.is_sqlite:
            await conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{name}"')
        await conn.run_sync(metadata.create_all)
    return db


async def schema_drift(db: Database, metadata: MetaData) -> list[Any]:
    """What Alembic autogenerate would still change: empty when the tables reflect back
    as declared, so a service's `migrate check` stays clean with kit's tables in it."""

    def compare(conn: Connection) -> list[Any]:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))

    async with db.engine.connect() as conn:
        return await conn.run_sync(compare)


def replica(db: Database) -> Database:
    """A second engine on the same database: what another replica of the service holds."""
    return Database(db.url, schema=db.schema)
