"""Migrations are code: every service's tree goes up and down on both backends, agrees with
its models, and on PostgreSQL keeps its tables inside the service's own schema."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import MetaData, inspect, text

from services.identity.app import MIGRATIONS_DIR as IDENTITY_MIGRATIONS
from services.intake.app import MIGRATIONS_DIR as INTAKE_MIGRATIONS
from services.kit import migrations
from services.kit.catalog import load
from services.kit.db import Database, UTCDateTime
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


async def test_intake_event_rows_take_one_actor_shape_and_give_it_back(backend: str) -> None:
    """0007: note becomes public_note, the mechanical label forms become `<kind>:<id>` with
    the kind kept in actor_kind; going down restores the old labels and note."""
    db = await fresh_database(backend, "intake_actors", "intake_actors")
    at = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    ticket_id, order_id, staff = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    client = uuid.uuid4()
    old = [
        ("submit", f"resident:resident:{uuid.UUID(int=7)}", None),
        ("acknowledge", f"staff:staff:{staff}", "已联系"),
        ("start", f"contractor:client:{client}", None),
        ("referral_answered", f"agency:client:{client}", None),
        ("rate", "reporter", "满意"),
        ("auto_close", "system", None),
        ("submit", "client:12345", None),
    ]
    try:
        await migrations.upgrade(db, INTAKE_MIGRATIONS, "0006")
        async with db.engine.begin() as conn:
            await conn.execute(
                _category().insert(),
                {
                    "code": "small_ads",
                    "name_zh": "小广告",
                    "name_en": "Small ads",
                    "icon": "x",
                    "default_priority": "normal",
                    "position": 0,
                    "active": True,
                },
            )
            await conn.execute(
                _ticket().insert(),
                {
                    **{c: "x" for c in ("number", "tracking_token", "community_code")},
                    **{c: "x" for c in ("place_code", "place_path", "description")},
                    "id": ticket_id,
                    "community_id": uuid.uuid4(),
                    "place_id": uuid.uuid4(),
                    "category": "small_ads",
                    "priority": "normal",
                    "source": "qr",
                    "status": "closed",
                    "consent": False,
                    "reopen_count": 0,
                    **{c: at for c in ("due_respond_at", "due_resolve_at")},
                    **{c: at for c in ("created_at", "updated_at")},
                },
            )
            await conn.execute(
                _event().insert(),
                [
                    {"ticket_id": ticket_id, "from_status": "submitted", "to_status": "closed",
                     "action": action, "actor": actor, "note": note, "at": at, "detail": {}}
                    for action, actor, note in old
                ],
            )  # fmt: skip
            await conn.execute(
                _order().insert(),
                {
                    "id": order_id,
                    "number": "x-W1",
                    "ticket_id": ticket_id,
                    "organisation_id": uuid.uuid4(),
                    "organisation_name": "京南宽带",
                    "status": "offered",
                    "offered_at": at,
                    "return_count": 0,
                    "offered_by": f"staff:staff:{staff}",
                    "updated_at": at,
                },
            )
        await migrations.upgrade(db, INTAKE_MIGRATIONS)
        async with db.engine.connect() as conn:
            rows = (
                await conn.execute(
                    text("SELECT actor, actor_kind, public_note FROM ticket_events ORDER BY id")
                )
            ).all()
            offered_by = await conn.scalar(text("SELECT offered_by FROM work_orders"))
        assert [tuple(r) for r in rows] == [
            (f"resident:{uuid.UUID(int=7)}", "resident", None),
            (f"staff:{staff}", "staff", "已联系"),
            (f"client:{client}", "contractor", None),
            (f"client:{client}", "client", None),
            ("reporter", "resident", "满意"),
            ("system", "system", None),
            ("client:12345", "client", None),
        ]
        assert offered_by == f"staff:{staff}"

        await migrations.downgrade(db, INTAKE_MIGRATIONS, "0006")
        async with db.engine.connect() as conn:
            back = await conn.execute(text("SELECT actor, note FROM ticket_events ORDER BY id"))
            assert [tuple(r) for r in back] == [(actor, note) for _, actor, note in old]
            assert await conn.scalar(text("SELECT offered_by FROM work_orders")) == (
                f"staff:staff:{staff}"
            )
    finally:
        await drop_database(db)


# Tables as 0006 had them, built afresh per use (a column belongs to one table object).
def _category() -> sa.TableClause:
    names = ("code", "name_zh", "name_en", "icon", "default_priority", "position", "active")
    return sa.table("categories", *(sa.column(c) for c in names))


def _ticket() -> sa.TableClause:
    return sa.table(
        "tickets",
        *(sa.column(c, sa.Uuid) for c in ("id", "community_id", "place_id")),
        *(sa.column(c, UTCDateTime) for c in ("due_respond_at", "due_resolve_at")),
        *(sa.column(c, UTCDateTime) for c in ("created_at", "updated_at")),
        *(sa.column(c) for c in ("number", "tracking_token", "community_code", "place_code")),
        *(sa.column(c) for c in ("place_path", "category", "description", "priority", "source")),
        *(sa.column(c) for c in ("status", "consent", "reopen_count")),
    )


def _event() -> sa.TableClause:
    return sa.table(
        "ticket_events",
        sa.column("ticket_id", sa.Uuid),
        sa.column("at", UTCDateTime),
        sa.column("detail", sa.JSON),
        *(sa.column(c) for c in ("from_status", "to_status", "action", "actor", "note")),
    )


def _order() -> sa.TableClause:
    return sa.table(
        "work_orders",
        *(sa.column(c, sa.Uuid) for c in ("id", "ticket_id", "organisation_id")),
        *(sa.column(c, UTCDateTime) for c in ("offered_at", "updated_at")),
        *(sa.column(c) for c in ("number", "organisation_name", "status", "return_count")),
        sa.column("offered_by"),
    )
