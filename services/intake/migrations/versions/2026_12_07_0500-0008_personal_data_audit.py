"""personal_data_audit: reveals and exports, sent to identity's audit list

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 05:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.kit.db import UTCDateTime, binary_string

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "personal_data_audit",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("actor_kind", sa.String(length=20), nullable=False),
        sa.Column("actor_name", sa.String(length=100), nullable=True),
        sa.Column("subject_kind", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.String(length=80), nullable=False),
        sa.Column("fields", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("place_path", binary_string(400), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('reveal', 'export')", name=op.f("ck_personal_data_audit_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personal_data_audit")),
    )
    with op.batch_alter_table("personal_data_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_personal_data_audit_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("personal_data_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_personal_data_audit_at"))
    op.drop_table("personal_data_audit")
