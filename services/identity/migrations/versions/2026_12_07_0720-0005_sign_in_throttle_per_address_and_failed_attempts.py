"""staff sign-in: throttles per username and address, failed attempts shown to the owner

The throttle rows change key (a keyed hash of username and address, or of the username
alone), so the old rows, transient anyway, are emptied in both directions.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 07:20:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.kit.db import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("DELETE FROM login_throttles")
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("failed_sign_ins", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("last_failed_sign_in_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_sign_in_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM login_throttles")
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_column("last_sign_in_at")
        batch_op.drop_column("last_failed_sign_in_at")
        batch_op.drop_column("failed_sign_ins")
