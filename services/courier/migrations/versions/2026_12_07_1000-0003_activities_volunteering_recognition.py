"""activities and sign-ups (volunteer hours confirmed once), monthly recognition lists

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 10:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.kit.db import UTCDateTime, binary_string

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "activities",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=True),
        sa.Column("place_id", sa.Uuid(), nullable=False),
        sa.Column("place_name", sa.String(length=100), nullable=False),
        sa.Column("place_path", binary_string(400), nullable=False),
        sa.Column("location", sa.String(length=100), nullable=False),
        sa.Column("starts_at", UTCDateTime(), nullable=False),
        sa.Column("ends_at", UTCDateTime(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("taken", sa.Integer(), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("cancelled_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('seasonal_care', 'festival', 'volunteering')",
            name=op.f("ck_activities_kind"),
        ),
        sa.CheckConstraint("status IN ('open', 'cancelled')", name=op.f("ck_activities_status")),
        sa.CheckConstraint("capacity > 0", name=op.f("ck_activities_capacity")),
        sa.CheckConstraint("taken >= 0 AND taken <= capacity", name=op.f("ck_activities_taken")),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_activities_ends_after_start")),
        sa.CheckConstraint("planned_minutes >= 0", name=op.f("ck_activities_planned_minutes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
    )
    op.create_index("ix_activities_starts_at", "activities", ["starts_at"], unique=False)
    op.create_index(op.f("ix_activities_place_path"), "activities", ["place_path"], unique=False)
    op.create_table(
        "activity_signups",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("activity_id", sa.Uuid(), nullable=False),
        sa.Column("courier_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("signed_up_at", UTCDateTime(), nullable=False),
        sa.Column("cancelled_at", UTCDateTime(), nullable=True),
        sa.Column("confirmed_minutes", sa.Integer(), nullable=True),
        sa.Column("confirmed_at", UTCDateTime(), nullable=True),
        sa.Column("confirmed_by", sa.String(length=80), nullable=True),
        sa.CheckConstraint(
            "status IN ('signed_up', 'cancelled')", name=op.f("ck_activity_signups_status")
        ),
        sa.CheckConstraint(
            "confirmed_minutes IS NULL OR confirmed_minutes > 0",
            name=op.f("ck_activity_signups_confirmed_minutes"),
        ),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_activity_signups_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["courier_id"],
            ["couriers.id"],
            name=op.f("fk_activity_signups_courier_id_couriers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_signups")),
        sa.UniqueConstraint("activity_id", "courier_id", name="uq_activity_signups_courier"),
    )
    op.create_index(
        op.f("ix_activity_signups_activity_id"), "activity_signups", ["activity_id"], unique=False
    )
    op.create_index(
        op.f("ix_activity_signups_courier_id"), "activity_signups", ["courier_id"], unique=False
    )
    op.create_table(
        "recognition_lists",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("place_id", sa.Uuid(), nullable=False),
        sa.Column("place_name", sa.String(length=100), nullable=False),
        sa.Column("place_path", binary_string(400), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("published_at", UTCDateTime(), nullable=False),
        sa.Column("published_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint(
            "category IN ('volunteer_hours', 'most_helpful')",
            name=op.f("ck_recognition_lists_category"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recognition_lists")),
        sa.UniqueConstraint("place_id", "month", "category", name="uq_recognition_lists_month"),
    )
    op.create_index(
        op.f("ix_recognition_lists_place_path"),
        "recognition_lists",
        ["place_path"],
        unique=False,
    )
    op.create_table(
        "recognition_entries",
        sa.Column("list_id", sa.Uuid(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("courier_id", sa.Uuid(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["recognition_lists.id"],
            name=op.f("fk_recognition_entries_list_id_recognition_lists"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["courier_id"],
            ["couriers.id"],
            name=op.f("fk_recognition_entries_courier_id_couriers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("list_id", "rank", name=op.f("pk_recognition_entries")),
    )
    op.create_index(
        op.f("ix_recognition_entries_courier_id"),
        "recognition_entries",
        ["courier_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_recognition_entries_courier_id"), table_name="recognition_entries")
    op.drop_table("recognition_entries")
    op.drop_index(op.f("ix_recognition_lists_place_path"), table_name="recognition_lists")
    op.drop_table("recognition_lists")
    op.drop_index(op.f("ix_activity_signups_courier_id"), table_name="activity_signups")
    op.drop_index(op.f("ix_activity_signups_activity_id"), table_name="activity_signups")
    op.drop_table("activity_signups")
    op.drop_index(op.f("ix_activities_place_path"), table_name="activities")
    op.drop_index("ix_activities_starts_at", table_name="activities")
    op.drop_table("activities")
