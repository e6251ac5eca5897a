"""Migrations are code: every service's tree goes up and down on both backends, agrees with
its models, and on PostgreSQL keeps its tables inside the service's own schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import MetaData, inspect, text

from services.directory.app import MIGRATIONS_DIR as DIRECTORY_MIGRATIONS
from services.directory.models import Base as DirectoryBase
from services.identity.app import MIGRATIONS_DIR as IDENTITY_MIGRATIONS
from services.identity.models import Base as IdentityBase
from services.intake.app import MIGRATIONS_DIR as INTAKE_MIGRATIONS
from services.intake.models import Base as IntakeBase
from services.kit import migrations
from services.kit.db import Database
from services.kit.testing import backends, drop_database, fresh_database

SERVICES: dict[str, tuple[Path, MetaData]] = {
    "directory": (DIRECTORY_MIGRATIONS, DirectoryBase.metadata),
    "identity": (IDENTITY_MIGRATIONS, IdentityBase.metadata),
    "intake": (INTAKE_MIGRATIONS, IntakeBase.metadata),
}


async def _tables(db: Database) -> set[str]:
    async with db.engine.connect() as conn:
        return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))


@pytest.mark.parametrize("service", SERVICES)
async def test_migrations_go_up_and_down_and_agree_with_the_models(
    backend: str, service: str
) -> None:
    migrations_dir, metadata = SERVICES[service]
    # A database of its own, so the session's migrated one is left alone.
    db = await fresh_database(backend, f"{service}_updown", f"{service}_updown")
    try:
        await migrations.upgrade(db, migrations_dir)
        assert {t.name for t in metadata.sorted_tables} <= await _tables(db)
        await migrations.check(db, migrations_dir)  # raises if models and migrations differ

        await migrations.downgrade(db, migrations_dir, "base")
        assert await _tables(db) <= {migrations.VERSION_TABLE}
        assert await migrations.current_revision(db) is None

        await migrations.upgrade(db, migrations_dir)
        assert await migrations.current_revision(db) is not None
    finally:
        await drop_database(db)


# Schemas exist on PostgreSQL only: this test runs where TEST_DATABASE_URL is set (CI).
@pytest.mark.parametrize("backend", [b for b in backends() if b == "postgresql"], indirect=True)
@pytest.mark.parametrize("service", SERVICES)
async def test_on_postgresql_each_service_s_tables_live_only_in_its_schema(
    backend: str, service: str
) -> None:
    migrations_dir, metadata = SERVICES[service]
    schema = f"{service}_schema_check"
    db = await fresh_database(backend, schema, schema)
    try:
        await migrations.upgrade(db, migrations_dir)
        names = {t.name for t in metadata.sorted_tables} | {migrations.VERSION_TABLE}
        async with db.engine.connect() as conn:
            rows = (
                await conn.execute(
                    text(
                        "SELECT table_schema, table_name FROM information_schema.tables "
                        "WHERE table_name = ANY(:names) AND table_schema NOT LIKE '%\\_updown' "
                        # The session's own migrated schemas hold the same tables, rightly.
                        "AND table_schema <> ALL(:session_schemas)"
                    ),
                    {"names": list(names), "session_schemas": list(SERVICES)},
                )
            ).all()
        assert {schema_name for schema_name, _ in rows} == {schema}
        assert {name for _, name in rows} == names
    finally:
        await drop_database(db)
