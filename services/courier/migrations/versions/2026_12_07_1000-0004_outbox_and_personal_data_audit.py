"""outbox (events to other services) and personal_data_audit (exports, sent to identity's
audit list)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 10:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.kit.db import UTCDateTime, binary_string

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEQUENCE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "outbox_events",
        sa.Column("sequence", SEQUENCE, autoincrement=True, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sequence", name=op.f("pk_outbox_events")),
        sa.UniqueConstraint("id", name=op.f("uq_outbox_events_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_outbox_events_created_at"), "outbox_events", ["created_at"], unique=False
    )
    op.create_table(
        "outbox_deliveries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("destination", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("sequence", SEQUENCE, nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("lease_until", UTCDateTime(), nullable=True),
        sa.Column("leased_by", sa.String(length=100), nullable=True),
        sa.Column("last_error", sa.String(length=300), nullable=True),
        sa.Column("delivered_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'delivered', 'dead')", name=op.f("ck_outbox_deliveries_status")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["outbox_events.id"],
            name=op.f("fk_outbox_deliveries_event_id_outbox_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_deliveries")),
        sa.UniqueConstraint(
            "event_id", "destination", name=op.f("uq_outbox_deliveries_event_id_destination")
        ),
    )
    op.create_index(
        "ix_outbox_deliveries_destination_key_sequence",
        "outbox_deliveries",
        ["destination", "key", "sequence"],
        unique=False,
    )
    op.create_index(
        "ix_outbox_deliveries_status_next_attempt_at",
        "outbox_deliveries",
        ["status", "next_attempt_at"],
        unique=False,
    )
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
    op.create_index(op.f("ix_personal_data_audit_at"), "personal_data_audit", ["at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_personal_data_audit_at"), table_name="personal_data_audit")
    op.drop_table("personal_data_audit")
    op.drop_index("ix_outbox_deliveries_status_next_attempt_at", table_name="outbox_deliveries")
    op.drop_index("ix_outbox_deliveries_destination_key_sequence", table_name="outbox_deliveries")
    op.drop_table("outbox_deliveries")
    op.drop_index(op.f("ix_outbox_events_created_at"), table_name="outbox_events")
    op.drop_table("outbox_events")
