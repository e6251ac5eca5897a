"""stations, couriers, their cards, visits and their events, idempotency keys

Revision ID: 0001
Revises:
Create Date: 2026-12-07 09:38:42.684161+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.kit.db import UTCDateTime, binary_string

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "couriers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resident_subject", sa.String(length=64), nullable=False),
        sa.Column("nickname", sa.String(length=20), nullable=False),
        sa.Column("platform", sa.String(length=10), nullable=False),
        sa.Column("phone_masked", sa.String(length=20), nullable=True),
        sa.Column("agrees_to_be_named", sa.Boolean(), nullable=False),
        sa.Column("registered_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "platform IN ('meituan', 'eleme', 'jd', 'sf', 'shansong', 'other')",
            name=op.f("ck_couriers_platform"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_couriers")),
        sa.UniqueConstraint("resident_subject", name=op.f("uq_couriers_resident_subject")),
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("scope", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=True),
        sa.Column("response_body", sa.JSON(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "key", name=op.f("pk_idempotency_keys")),
    )
    op.create_index(
        op.f("ix_idempotency_keys_expires_at"), "idempotency_keys", ["expires_at"], unique=False
    )

    op.create_table(
        "stations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("place_code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("place_path", binary_string(400), nullable=False),
        sa.Column("hours", sa.JSON(), nullable=False),
        sa.Column("rest_seats", sa.Integer(), nullable=False),
        sa.Column("charging_points", sa.Integer(), nullable=False),
        sa.Column("microwave", sa.Boolean(), nullable=False),
        sa.Column("water", sa.Boolean(), nullable=False),
        sa.Column("medicine_kit", sa.Boolean(), nullable=False),
        sa.Column("auto_close_minutes", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint("auto_close_minutes > 0", name=op.f("ck_stations_auto_close_minutes")),
        sa.CheckConstraint("charging_points >= 0", name=op.f("ck_stations_charging_points")),
        sa.CheckConstraint("rest_seats >= 0", name=op.f("ck_stations_rest_seats")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stations")),
        sa.UniqueConstraint("place_path", name=op.f("uq_stations_place_path")),
    )
    op.create_table(
        "courier_cards",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("courier_id", sa.Uuid(), nullable=False),
        sa.Column("token", sa.String(length=40), nullable=False),
        sa.Column("short_code", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("issued_at", UTCDateTime(), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(length=80), nullable=True),
        sa.CheckConstraint("status IN ('active', 'revoked')", name=op.f("ck_courier_cards_status")),
        sa.ForeignKeyConstraint(
            ["courier_id"],
            ["couriers.id"],
            name=op.f("fk_courier_cards_courier_id_couriers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courier_cards")),
        sa.UniqueConstraint("short_code", name=op.f("uq_courier_cards_short_code")),
        sa.UniqueConstraint("token", name=op.f("uq_courier_cards_token")),
    )
    op.create_index(
        op.f("ix_courier_cards_courier_id"), "courier_cards", ["courier_id"], unique=False
    )
    op.create_index(
        "uq_courier_cards_active_courier",
        "courier_cards",
        ["courier_id"],
        unique=True,
        sqlite_where=sa.text("status = 'active'"),
        postgresql_where=sa.text("status = 'active'"),
    )

    op.create_table(
        "visits",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("token", sa.String(length=40), nullable=False),
        sa.Column("station_id", sa.Uuid(), nullable=False),
        sa.Column("station_path", binary_string(400), nullable=False),
        sa.Column("courier_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("services", sa.JSON(), nullable=False),
        sa.Column("uses_charging", sa.Boolean(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("closes_at", UTCDateTime(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint("source IN ('code', 'card')", name=op.f("ck_visits_source")),
        sa.CheckConstraint(
            "status IN ('open', 'closed', 'auto_closed')", name=op.f("ck_visits_status")
        ),
        sa.ForeignKeyConstraint(
            ["courier_id"],
            ["couriers.id"],
            name=op.f("fk_visits_courier_id_couriers"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["stations.id"],
            name=op.f("fk_visits_station_id_stations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
        sa.UniqueConstraint("token", name=op.f("uq_visits_token")),
    )
    op.create_index(op.f("ix_visits_courier_id"), "visits", ["courier_id"], unique=False)
    op.create_index(
        "ix_visits_open_closes_at",
        "visits",
        ["closes_at"],
        unique=False,
        sqlite_where=sa.text("status = 'open'"),
        postgresql_where=sa.text("status = 'open'"),
    )
    op.create_index(op.f("ix_visits_station_path"), "visits", ["station_path"], unique=False)
    op.create_index(
        "ix_visits_station_started_at", "visits", ["station_id", "started_at"], unique=False
    )
    op.create_index("ix_visits_station_status", "visits", ["station_id", "status"], unique=False)
    op.create_index(
        "uq_visits_open_courier",
        "visits",
        ["courier_id"],
        unique=True,
        sqlite_where=sa.text("status = 'open'"),
        postgresql_where=sa.text("status = 'open'"),
    )

    op.create_table(
        "visit_events",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("visit_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("actor_kind", sa.String(length=12), nullable=False),
        sa.Column("actor_name", sa.String(length=100), nullable=True),
        sa.Column("on_behalf_of", sa.String(length=80), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("public_note", sa.String(length=2000), nullable=True),
        sa.Column("internal_note", sa.String(length=2000), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("from_status", sa.String(length=12), nullable=True),
        sa.Column("to_status", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_visit_events_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_events")),
    )
    op.create_index(op.f("ix_visit_events_at"), "visit_events", ["at"], unique=False)
    op.create_index(op.f("ix_visit_events_visit_id"), "visit_events", ["visit_id"], unique=False)


def downgrade() -> None:
    # The indexes go with their tables.
    for table in (
        "visit_events",
        "visits",
        "courier_cards",
        "stations",
        "idempotency_keys",
        "couriers",
    ):
        op.drop_table(table)
