"""tickets.responded_at: the first move out of submitted, kept through reassignments

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 21:05:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.kit.db import UTCDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("responded_at", UTCDateTime(), nullable=True))
    # Tickets answered before this column: the best the milestones tell (an acknowledgement,
    # else the assignment, else the rejection or merge that answered a submitted report).
    op.execute(
        "UPDATE tickets SET responded_at = COALESCE(acknowledged_at, assigned_at, "
        "CASE WHEN status IN ('rejected', 'duplicate') THEN closed_at END) "
        "WHERE status <> 'submitted'"
    )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("responded_at")
