"""the medicine kit and supplies: items, restocks, uses (linked to visits until the
retention sweep), alerts to on-duty staff, and kit's jobs table for sending them

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 09:55:53.704442+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.kit.db import UTCDateTime, binary_string

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=100), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("run_at", UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("max_attempts", sa.Integer(), nullable=False),
        sa.Column("lease_until", UTCDateTime(), nullable=True),
        sa.Column("leased_by", sa.String(length=100), nullable=True),
        sa.Column("last_error", sa.String(length=300), nullable=True),
        sa.Column("unique_key", sa.String(length=200), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'running', 'done', 'failed')", name=op.f("ck_jobs_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
        sa.UniqueConstraint("unique_key", name=op.f("uq_jobs_unique_key")),
    )
    op.create_index("ix_jobs_status_run_at", "jobs", ["status", "run_at"], unique=False)
    op.create_table(
        "supply_items",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("station_id", sa.Uuid(), nullable=False),
        sa.Column("station_path", binary_string(400), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("low_stock_threshold", sa.Integer(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("stocked_at", UTCDateTime(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint("kind IN ('medicine', 'supply')", name=op.f("ck_supply_items_kind")),
        sa.CheckConstraint(
            "low_stock_threshold >= 0", name=op.f("ck_supply_items_low_stock_threshold")
        ),
        sa.CheckConstraint("quantity >= 0", name=op.f("ck_supply_items_quantity")),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["stations.id"],
            name=op.f("fk_supply_items_station_id_stations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_items")),
        sa.UniqueConstraint("station_id", "name", name="uq_supply_items_station_name"),
    )
    op.create_index(
        op.f("ix_supply_items_station_path"), "supply_items", ["station_path"], unique=False
    )
    op.create_table(
        "supply_alerts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("station_path", binary_string(400), nullable=False),
        sa.Column("condition", sa.String(length=12), nullable=False),
        sa.Column("occasion", sa.String(length=40), nullable=False),
        sa.Column("raised_at", UTCDateTime(), nullable=False),
        sa.Column("notified_at", UTCDateTime(), nullable=True),
        sa.Column("on_duty", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "condition IN ('low_stock', 'near_expiry', 'expired')",
            name=op.f("ck_supply_alerts_condition"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["supply_items.id"],
            name=op.f("fk_supply_alerts_item_id_supply_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_alerts")),
        sa.UniqueConstraint("item_id", "condition", "occasion", name="uq_supply_alerts_occasion"),
    )
    op.create_index(
        op.f("ix_supply_alerts_station_path"), "supply_alerts", ["station_path"], unique=False
    )
    op.create_table(
        "supply_restocks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("written_off", sa.Integer(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("batch", sa.String(length=40), nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("actor_name", sa.String(length=100), nullable=True),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_supply_restocks_quantity")),
        sa.CheckConstraint("written_off >= 0", name=op.f("ck_supply_restocks_written_off")),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["supply_items.id"],
            name=op.f("fk_supply_restocks_item_id_supply_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_restocks")),
    )
    op.create_index(
        op.f("ix_supply_restocks_item_id"), "supply_restocks", ["item_id"], unique=False
    )
    op.create_table(
        "supply_uses",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("station_id", sa.Uuid(), nullable=False),
        sa.Column("station_path", binary_string(400), nullable=False),
        sa.Column("visit_id", sa.Uuid(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("used_at", UTCDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=8), nullable=False),
        sa.Column("staff_actor", sa.String(length=80), nullable=True),
        sa.Column("unlinked_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint(
            "recorded_by IN ('courier', 'staff')", name=op.f("ck_supply_uses_recorded_by")
        ),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_supply_uses_quantity")),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["supply_items.id"],
            name=op.f("fk_supply_uses_item_id_supply_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["stations.id"],
            name=op.f("fk_supply_uses_station_id_stations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_supply_uses_visit_id_visits"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_uses")),
    )
    op.create_index(op.f("ix_supply_uses_item_id"), "supply_uses", ["item_id"], unique=False)
    op.create_index(
        op.f("ix_supply_uses_station_path"), "supply_uses", ["station_path"], unique=False
    )
    op.create_index(
        "ix_supply_uses_station_used_at", "supply_uses", ["station_id", "used_at"], unique=False
    )
    op.create_index(op.f("ix_supply_uses_visit_id"), "supply_uses", ["visit_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_supply_uses_visit_id"), table_name="supply_uses")
    op.drop_index("ix_supply_uses_station_used_at", table_name="supply_uses")
    op.drop_index(op.f("ix_supply_uses_station_path"), table_name="supply_uses")
    op.drop_index(op.f("ix_supply_uses_item_id"), table_name="supply_uses")
    op.drop_table("supply_uses")
    op.drop_index(op.f("ix_supply_restocks_item_id"), table_name="supply_restocks")
    op.drop_table("supply_restocks")
    op.drop_index(op.f("ix_supply_alerts_station_path"), table_name="supply_alerts")
    op.drop_table("supply_alerts")
    op.drop_index(op.f("ix_supply_items_station_path"), table_name="supply_items")
    op.drop_table("supply_items")
    op.drop_index("ix_jobs_status_run_at", table_name="jobs")
    op.drop_table("jobs")
