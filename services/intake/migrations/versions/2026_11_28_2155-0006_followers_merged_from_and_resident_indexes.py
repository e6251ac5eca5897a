"""ticket_followers.merged_from_id; indexes for a resident's own reports and follows

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 21:55:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ticket_followers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_from_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_ticket_followers_merged_from_id_tickets"),
            "tickets",
            ["merged_from_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_followers_resident_subject"), ["resident_subject"], unique=False
        )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tickets_reporter_subject"), ["reporter_subject"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_reporter_subject"))
    with op.batch_alter_table("ticket_followers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_followers_resident_subject"))
        batch_op.drop_constraint(
            batch_op.f("fk_ticket_followers_merged_from_id_tickets"), type_="foreignkey"
        )
        batch_op.drop_column("merged_from_id")
