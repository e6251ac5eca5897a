"""Event rows on kit.events: public_note (was note), actor_kind, actor_name, on_behalf_of,
reason, internal_note; actor labels in one shape

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 04:30:00+00:00

Labels are rewritten mechanically only (issue 11 §2): `staff:staff:<uuid>` → `staff:<uuid>`,
`resident:resident:<uuid>` → `resident:<uuid>`, `contractor:<sub>` → `<sub>` (kind
contractor), `agency:<sub>` → `<sub>`. Identities are never guessed; the demo is reseeded.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENT_TABLES = ("ticket_events", "work_order_events")
# Other columns naming who did something, written as "staff:<principal.subject>" until now.
ACTOR_COLUMNS = (
    ("work_orders", "offered_by"),
    ("referrals", "created_by"),
    ("category_settings", "updated_by"),
    ("webhook_subscriptions", "created_by"),
)

# The kind, from the label's prefix (read before the labels are rewritten).
KIND_FROM_LABEL = """
UPDATE {table} SET actor_kind = CASE
    WHEN actor LIKE 'contractor:%' THEN 'contractor'
    WHEN actor LIKE 'agency:staff:%' THEN 'staff'
    WHEN actor LIKE 'agency:%' THEN 'client'
    WHEN actor LIKE 'staff:%' THEN 'staff'
    WHEN actor LIKE 'resident:%' THEN 'resident'
    WHEN actor LIKE 'client:%' THEN 'client'
    WHEN actor = 'reporter' THEN 'resident'
    ELSE 'system'
END
"""
# (old prefix, its length + 1 for SQL's 1-based substr), the longest first.
STRIPPED = (
    ("resident:resident:", 10),
    ("staff:staff:", 7),
    ("contractor:", 12),
    ("agency:", 8),
)


def _strip(table: str, column: str) -> None:
    for prefix, start in STRIPPED:
        op.execute(
            sa.text(
                f"UPDATE {table} SET {column} = substr({column}, {start}) "
                f"WHERE {column} LIKE '{prefix}%'"
            )
        )


def upgrade() -> None:
    for table in EVENT_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(
                "note", new_column_name="public_note", existing_type=sa.String(2000)
            )
            batch_op.add_column(sa.Column("actor_kind", sa.String(12), nullable=True))
            batch_op.add_column(sa.Column("actor_name", sa.String(100), nullable=True))
            batch_op.add_column(sa.Column("on_behalf_of", sa.String(80), nullable=True))
            batch_op.add_column(sa.Column("reason", sa.String(500), nullable=True))
            batch_op.add_column(sa.Column("internal_note", sa.String(2000), nullable=True))
        op.execute(sa.text(KIND_FROM_LABEL.format(table=table)))
        _strip(table, "actor")
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("actor_kind", existing_type=sa.String(12), nullable=False)
    with op.batch_alter_table("work_order_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_work_order_events_at"), ["at"], unique=False)
    for table, column in ACTOR_COLUMNS:
        _strip(table, column)


def _prefix(table: str, column: str, prefix: str, where: str) -> None:
    op.execute(sa.text(f"UPDATE {table} SET {column} = '{prefix}' || {column} WHERE {where}"))


def downgrade() -> None:
    for table, column in ACTOR_COLUMNS:
        _prefix(table, column, "staff:", f"{column} LIKE 'staff:%'")
    with op.batch_alter_table("work_order_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_order_events_at"))
    for table in EVENT_TABLES:
        # The old shapes back from the kind; who acted for whom is lost with its columns.
        answered = "action = 'referral_answered'"
        _prefix(table, "actor", "agency:", answered)
        _prefix(table, "actor", "contractor:", f"actor_kind = 'contractor' AND NOT {answered}")
        others = f"actor_kind <> 'contractor' AND NOT {answered}"
        _prefix(table, "actor", "staff:", f"actor LIKE 'staff:%' AND {others}")
        _prefix(table, "actor", "resident:", f"actor LIKE 'resident:%' AND {others}")
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("internal_note")
            batch_op.drop_column("reason")
            batch_op.drop_column("on_behalf_of")
            batch_op.drop_column("actor_name")
            batch_op.drop_column("actor_kind")
            batch_op.alter_column(
                "public_note", new_column_name="note", existing_type=sa.String(2000)
            )
