"""sent messages name the resident a service messaged by id (their 我的 page lists them)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 13:20:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sent_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resident_id", sa.Uuid(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_sent_messages_resident_id"), ["resident_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("sent_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sent_messages_resident_id"))
        batch_op.drop_column("resident_id")
