"""category_settings: a street office's (or the district's) own take on each category;
categories lose their unused default_handler_* columns (handlers live in the settings)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 21:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.kit.db import UTCDateTime, binary_string

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "category_settings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("scope_place_id", sa.Uuid(), nullable=False),
        sa.Column("scope_path", binary_string(400), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=True),
        sa.Column("default_priority", sa.String(length=10), nullable=True),
        sa.Column("default_handler_kind", sa.String(length=12), nullable=True),
        sa.Column("default_handler_ref", sa.String(length=64), nullable=True),
        sa.Column("default_handler_name", sa.String(length=100), nullable=True),
        sa.Column("deadline_minutes", sa.JSON(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint(
            "default_priority IS NULL OR "
            "default_priority IN ('urgent', 'utility', 'normal', 'complex')",
            name=op.f("ck_category_settings_priority"),
        ),
        sa.CheckConstraint(
            "default_handler_kind IS NULL OR default_handler_kind IN ('team', 'contractor')",
            name=op.f("ck_category_settings_handler_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["category"],
            ["categories.code"],
            name=op.f("fk_category_settings_category_categories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_category_settings")),
        sa.UniqueConstraint(
            "scope_place_id", "category", name=op.f("uq_category_settings_scope_place_id_category")
        ),
    )
    with op.batch_alter_table("category_settings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_category_settings_scope_path"), ["scope_path"], unique=False
        )

    # Never read or written: dropped in place (SQLite ≥ 3.35 drops a column without copying
    # the table, which tickets' foreign key to categories would refuse once tickets exist).
    op.drop_column("categories", "default_handler_ref")
    op.drop_column("categories", "default_handler_kind")


def downgrade() -> None:
    op.add_column(
        "categories", sa.Column("default_handler_kind", sa.String(length=12), nullable=True)
    )
    op.add_column(
        "categories", sa.Column("default_handler_ref", sa.String(length=64), nullable=True)
    )

    with op.batch_alter_table("category_settings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_category_settings_scope_path"))

    op.drop_table("category_settings")
