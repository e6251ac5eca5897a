"""catalogues learned from services: the last catalogue per service, bindings merged once

Roles, grants and API-key scopes are validated against what each service last declared at
`GET /v1/permissions`; from now on a new permission reaches the roles by the merge at start
(services/identity/catalogues.py), never by a migration like 0002.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 05:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.kit.db import UTCDateTime

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "service_catalogues",
        sa.Column("service", sa.String(length=40), nullable=False),
        sa.Column("catalogue", sa.JSON(), nullable=False),
        sa.Column("learned_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("service", name=op.f("pk_service_catalogues")),
    )
    op.create_table(
        "merged_bindings",
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("permission", sa.String(length=80), nullable=False),
        sa.Column("merged_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("role", "permission", name=op.f("pk_merged_bindings")),
    )


def downgrade() -> None:
    op.drop_table("merged_bindings")
    op.drop_table("service_catalogues")
