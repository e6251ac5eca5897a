"""follower_door: a follower keeps the door code they scanned, their link's way home

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08 00:00:00+00:00

A follower's tracking link, opened on its own, led back to the generic root page: the
ticket's own door code is the reporter's, and a follower may stand at another unit of the
building. The code they scanned to "+1" is kept with them (a merged duplicate's reporter
keeps their own report's). Followers from before have none, and their page keeps its
generic way back.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ticket_followers") as batch:
        batch.add_column(sa.Column("code_token", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket_followers") as batch:
        batch.drop_column("code_token")
