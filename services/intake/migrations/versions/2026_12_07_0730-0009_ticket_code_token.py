"""ticket_code_token: the door code a resident's report was filed from

The tracking page leads back to that building's hub (/q/<token>) even when it is opened
from the text message in a browser that never saw the scan. Null for reports that came
without a door code (hotline, Open311, staff) and for tickets filed before this revision.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 07:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE on both backends (SQLite >= 3.35 drops columns itself): a batch
# operation would copy and drop `tickets`, and the drop would cascade to every event row.


def upgrade() -> None:
    op.add_column("tickets", sa.Column("code_token", sa.String(length=16), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE tickets DROP COLUMN code_token")
