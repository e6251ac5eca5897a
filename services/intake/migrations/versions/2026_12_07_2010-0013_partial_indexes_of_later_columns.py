"""partial_indexes_of_later_columns: indexes over columns a new report leaves empty skip it

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 20:10:00+00:00

A new ticket has no response, resolution, closing, escalation or rating yet, and an
anonymous report has no resident and no phone, yet seven of the tickets' indexes held an
entry for that empty value of every report. On SQLite those were 7 of the 37 pages a
report's COMMIT wrote to the WAL (PostgreSQL's WAL likewise). Every query that uses these
indexes compares the column with a value (a period, a resident, a cutoff), which rules NULL
out, so both databases still use them as partial indexes `WHERE col IS NOT NULL`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LATER_COLUMNS = (
    "responded_at",
    "resolved_at",
    "closed_at",
    "escalated_at",
    "rated_at",
    "reporter_subject",
    "reporter_phone_hash",
)


def upgrade() -> None:
    for column in LATER_COLUMNS:
        where = sa.text(f"{column} IS NOT NULL")
        op.drop_index(f"ix_tickets_{column}", table_name="tickets")
        op.create_index(
            f"ix_tickets_{column}",
            "tickets",
            [column],
            unique=False,
            sqlite_where=where,
            postgresql_where=where,
        )


def downgrade() -> None:
    for column in LATER_COLUMNS:
        op.drop_index(f"ix_tickets_{column}", table_name="tickets")
        op.create_index(f"ix_tickets_{column}", "tickets", [column], unique=False)
