"""places, qr codes and the holiday calendar

Revision ID: 0001
Revises:
Create Date: 2026-11-28 17:42:19+00:00
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
        "calendar_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.CheckConstraint("kind IN ('holiday', 'workday')", name=op.f("ck_calendar_days_kind")),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_days")),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("path", binary_string(400), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('district', 'street', 'community', 'building', 'unit', 'venue', "
            "'station', 'parking_area')",
            name=op.f("ck_places_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["places.id"],
            name=op.f("fk_places_parent_id_places"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
        sa.UniqueConstraint("code", name=op.f("uq_places_code")),
        # Unique, so also the b-tree the subtree range test (path >= p AND path < p') uses.
        sa.UniqueConstraint("path", name=op.f("uq_places_path")),
    )
    op.create_index(op.f("ix_places_parent_id"), "places", ["parent_id"])
    op.create_table(
        "qr_codes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("token", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("place_id", sa.Uuid(), nullable=False),
        sa.Column("place_path", binary_string(400), nullable=False),
        sa.Column("target_service", sa.String(length=20), nullable=True),
        sa.Column("target_id", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("issued_at", UTCDateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(length=64), nullable=True),
        sa.Column("replaces_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('unit', 'building', 'notice_board', 'venue', 'room', 'station', "
            "'parking_area')",
            name=op.f("ck_qr_codes_kind"),
        ),
        sa.CheckConstraint("status IN ('active', 'revoked')", name=op.f("ck_qr_codes_status")),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
            name=op.f("fk_qr_codes_place_id_places"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"], ["qr_codes.id"], name=op.f("fk_qr_codes_replaces_id_qr_codes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qr_codes")),
        sa.UniqueConstraint("token", name=op.f("uq_qr_codes_token")),
    )
    op.create_index("ix_qr_codes_place_path", "qr_codes", ["place_path"])
    op.create_table(
        "qr_code_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "action IN ('issued', 'revoked', 'reissued')", name=op.f("ck_qr_code_events_action")
        ),
        sa.ForeignKeyConstraint(
            ["code_id"],
            ["qr_codes.id"],
            name=op.f("fk_qr_code_events_code_id_qr_codes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qr_code_events")),
    )
    op.create_index(op.f("ix_qr_code_events_code_id"), "qr_code_events", ["code_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_qr_code_events_code_id"), table_name="qr_code_events")
    op.drop_table("qr_code_events")
    op.drop_index("ix_qr_codes_place_path", table_name="qr_codes")
    op.drop_table("qr_codes")
    op.drop_index(op.f("ix_places_parent_id"), table_name="places")
    op.drop_table("places")
    op.drop_table("calendar_days")
