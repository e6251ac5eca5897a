"""residents without a phone (records staff keep, a contact phone) and deleted accounts

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 13:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.kit.db import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.alter_column("phone_cipher", existing_type=sa.String(length=200), nullable=True)
        batch_op.alter_column("phone_hash", existing_type=sa.String(length=64), nullable=True)
        batch_op.add_column(sa.Column("contact_phone_cipher", sa.String(length=200)))
        batch_op.add_column(sa.Column("contact_phone_hash", sa.String(length=64)))
        batch_op.add_column(sa.Column("created_by", sa.String(length=64)))
        batch_op.add_column(sa.Column("deleted_at", UTCDateTime()))
        batch_op.create_index(
            batch_op.f("ix_residents_contact_phone_hash"), ["contact_phone_hash"], unique=False
        )


def downgrade() -> None:
    # Rows without a phone of their own (records staff kept, deleted accounts) cannot be
    # stored by the older schema: they go, with what hangs on them.
    phoneless = "SELECT id FROM residents WHERE phone_hash IS NULL"
    op.execute(f"DELETE FROM household_members WHERE resident_id IN ({phoneless})")
    op.execute(f"DELETE FROM dependants WHERE guardian_id IN ({phoneless})")
    op.execute("DELETE FROM residents WHERE phone_hash IS NULL")
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_residents_contact_phone_hash"))
        batch_op.drop_column("deleted_at")
        batch_op.drop_column("created_by")
        batch_op.drop_column("contact_phone_hash")
        batch_op.drop_column("contact_phone_cipher")
        batch_op.alter_column("phone_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("phone_cipher", existing_type=sa.String(length=200), nullable=False)
