"""Migrations are code: every service's tree goes up and down on both backends, agrees with
its models, and on PostgreSQL keeps its tables inside the service's own schema."""

from __future__ import annotations

import json
from importlib import import_module
from pathlib import Path

import pytest
from sqlalchemy import MetaData, inspect, text

from services.identity.app import MIGRATIONS_DIR as IDENTITY_MIGRATIONS
from services.kit import migrations
from services.kit.catalog import load
from services.kit.db import Database
from services.kit.testing import backends, drop_database, fresh_database

# Every built service of services.toml: its app.py names MIGRATIONS_DIR, its models.py Base.
SERVICES: dict[str, tuple[Path, MetaData]] = {
    service.name: (
        import_module(f"{service.package}.app").MIGRATIONS_DIR,
        import_module(f"{service.package}.models").Base.metadata,
    )
    for service in load().built()
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


async def test_a_permission_declared_later_reaches_the_admin_roles_already_there(
    backend: str,
) -> None:
    """Roles are data the console edits; a new permission arrives by migration, once."""
    db = await fresh_database(backend, "identity_roles", "identity_roles")
    try:
        await migrations.upgrade(db, IDENTITY_MIGRATIONS, "0001")
        async with db.engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO roles (name, title_zh, title_en, place_kinds, permissions) "
                    "VALUES ('street_admin', '街道管理员', 'Street admin', '[\"street\"]', "
                    "'[\"intake:tickets:read\"]'), ('community_staff', '社区工作人员', "
                    "'Community staff', '[\"community\"]', '[\"intake:tickets:read\"]')"
                )
            )

        async def permissions() -> dict[str, list[str]]:
            async with db.engine.connect() as conn:
                rows = await conn.execute(text("SELECT name, permissions FROM roles"))
                return {name: json.loads(p) if isinstance(p, str) else list(p) for name, p in rows}

        await migrations.upgrade(db, IDENTITY_MIGRATIONS)
        assert (await permissions()) == {
            "street_admin": ["intake:tickets:read", "intake:categories:manage"],
            "community_staff": ["intake:tickets:read"],
        }
        await migrations.downgrade(db, IDENTITY_MIGRATIONS, "0001")
        assert (await permissions())["street_admin"] == ["intake:tickets:read"]
    finally:
        await drop_database(db)
