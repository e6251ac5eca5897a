"""household claims, invites and documents; a child's consent; one household per door and room

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 13:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.kit.db import UTCDateTime

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PENDING = sa.text("status = 'pending'")


def upgrade() -> None:
    op.create_table(
        "media",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("content_type", sa.String(length=60), nullable=False),
        sa.Column("byte_size", sa.BigInteger(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=200), nullable=False),
        sa.Column("thumbnail_key", sa.String(length=200), nullable=True),
        sa.Column("uploaded_by", sa.String(length=80), nullable=False),
        sa.Column("attached_to", sa.String(length=80), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("attached_at", UTCDateTime(), nullable=True),
        sa.Column("purged_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint("kind IN ('image', 'video')", name=op.f("ck_media_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media")),
    )
    op.create_index(op.f("ix_media_attached_to"), "media", ["attached_to"], unique=False)
    op.create_index(op.f("ix_media_created_at"), "media", ["created_at"], unique=False)
    op.create_table(
        "household_claims",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("relation", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("via", sa.String(length=10), nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=True),
        sa.Column("claimed_at", UTCDateTime(), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'verified', 'refused', 'left', 'withdrawn')",
            name=op.f("ck_household_claims_status"),
        ),
        sa.CheckConstraint(
            "relation IN ('owner', 'tenant', 'family')", name=op.f("ck_household_claims_relation")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_household_claims_household_id_households"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["residents.id"],
            name=op.f("fk_household_claims_resident_id_residents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_claims")),
    )
    op.create_index(
        "ix_household_claims_status_claimed_at", "household_claims", ["status", "claimed_at"]
    )
    op.create_index(op.f("ix_household_claims_household_id"), "household_claims", ["household_id"])
    op.create_index(op.f("ix_household_claims_resident_id"), "household_claims", ["resident_id"])
    # One waiting claim per home: the second of two sent at once fails here (both backends).
    op.create_index(
        "uq_household_claims_one_pending",
        "household_claims",
        ["household_id"],
        unique=True,
        sqlite_where=PENDING,
        postgresql_where=PENDING,
    )
    op.create_table(
        "household_invites",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("used_at", UTCDateTime(), nullable=True),
        sa.Column("used_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["residents.id"],
            name=op.f("fk_household_invites_created_by_residents"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_household_invites_household_id_households"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_invites")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_household_invites_code_hash")),
    )
    op.create_index(
        op.f("ix_household_invites_household_id"), "household_invites", ["household_id"]
    )
    # Plain statements (an index, a nullable column): no table rebuild on SQLite.
    op.create_index(
        "uq_households_unit_room", "households", ["unit_place_id", "room_no"], unique=True
    )
    op.add_column("dependants", sa.Column("consented_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dependants", schema=None) as batch_op:
        batch_op.drop_column("consented_at")
    op.drop_index("uq_households_unit_room", table_name="households")
    op.drop_index(op.f("ix_household_invites_household_id"), table_name="household_invites")
    op.drop_table("household_invites")
    op.drop_index("uq_household_claims_one_pending", table_name="household_claims")
    op.drop_index(op.f("ix_household_claims_resident_id"), table_name="household_claims")
    op.drop_index(op.f("ix_household_claims_household_id"), table_name="household_claims")
    op.drop_index("ix_household_claims_status_claimed_at", table_name="household_claims")
    op.drop_table("household_claims")
    op.drop_index(op.f("ix_media_created_at"), table_name="media")
    op.drop_index(op.f("ix_media_attached_to"), table_name="media")
    op.drop_table("media")
