"""admins manage report categories: intake:categories:manage for existing admin roles

Roles are data that the console may have edited, so start-up never rewrites them
(roles.ensure_roles only adds missing roles). A permission declared later reaches the
roles that already exist through a migration like this one: added where missing, and
taken away again on downgrade.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 21:20:00+00:00
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PERMISSION = "intake:categories:manage"
ROLES = ("district_admin", "street_admin")

roles = sa.table("roles", sa.column("name", sa.String), sa.column("permissions", sa.JSON))


def _change(add: bool) -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(roles.c.name, roles.c.permissions).where(roles.c.name.in_(ROLES))
    ).all()
    for name, permissions in rows:
        current = list(json.loads(permissions) if isinstance(permissions, str) else permissions)
        if add and PERMISSION not in current:
            current.append(PERMISSION)
        elif not add and PERMISSION in current:
            current.remove(PERMISSION)
        else:
            continue
        connection.execute(roles.update().where(roles.c.name == name).values(permissions=current))


def upgrade() -> None:
    _change(add=True)


def downgrade() -> None:
    _change(add=False)
