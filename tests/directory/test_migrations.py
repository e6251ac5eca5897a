"""Migrations are code: they go up and down on both backends and agree with the models."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from services.directory.app import MIGRATIONS_DIR
from services.directory.models import Base
from services.kit import migrations
from services.kit.db import Database
from services.kit.testing import backends, drop_database, fresh_database


async def _tables(db: Database) -> set[str]:
    async with db.engine.connect() as conn:
        return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))


async def test_migrations_go_up_and_down_and_agree_with_the_models(backend: str) -> None:
    # A database of its own, so the session's migrated one is left alone.
    db = await fresh_database(backend, "directory_updown", "directory_updown")
    try:
        await migrations.upgrade(db, MIGRATIONS_DIR)
        assert {t.name for t in Base.metadata.sorted_tables} <= await _tables(db)
        await migrations.check(db, MIGRATIONS_DIR)  # raises if models and migrations differ

        await migrations.downgrade(db, MIGRATIONS_DIR, "base")
        assert await _tables(db) <= {migrations.VERSION_TABLE}
        assert await migrations.current_revision(db) is None

        await migrations.upgrade(db, MIGRATIONS_DIR)
        assert await migrations.current_revision(db) == "0001"
    finally:
        await drop_database(db)


# Schemas exist on PostgreSQL only: this test runs where TEST_DATABASE_URL is set (CI).
@pytest.mark.parametrize("backend", [b for b in backends() if b == "postgresql"], indirect=True)
async def test_on_postgresql_the_tables_live_only_in_the_directory_schema(
    directory_db: Database,
) -> None:
    async with directory_db.engine.connect() as conn:
        rows = (
            await conn.execute(
                text(
                    "SELECT table_schema, table_name FROM information_schema.tables "
                    "WHERE table_name IN ('places', 'qr_codes', 'qr_code_events', "
                    "'calendar_days', 'alembic_version')"
                )
            )
        ).all()
    schemas = {schema for schema, _ in rows}
    assert schemas == {"directory"}
    assert {name for _, name in rows} == {
        "places",
        "qr_codes",
        "qr_code_events",
        "calendar_days",
        "alembic_version",
    }
