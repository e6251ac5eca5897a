"""Organisations: contractors, property companies and partners, with staff and API clients.

Other services refer to them by id; their names are public (pickers show them).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import permissions
from services.identity.audit import record_admin_event
from services.identity.models import (
    ApiClient,
    ApiClientPlace,
    Grant,
    Organisation,
    Role,
    StaffUser,
)
from services.kit.errors import Conflict, NotFound
from services.kit.pagination import PageParams, fetch_page

PERM_ORGS = permissions.ORGANISATIONS_MANAGE


async def create_organisation(
    session: AsyncSession, *, name: str, kind: str, actor: str, now: datetime
) -> Organisation:
    """A new organisation; its name is unique. Recorded in the audit list."""
    if await session.scalar(select(Organisation.id).where(Organisation.name == name)):
        raise Conflict("organisation_exists", "An organisation of that name exists.")
    org = Organisation(id=uuid.uuid4(), name=name, kind=kind, created_at=now, created_by=actor)
    session.add(org)
    await session.flush()
    record_admin_event(
        session,
        actor=actor,
        action="organisation.created",
        target_kind="organisation",
        target_id=str(org.id),
        now=now,
        name=name,
        kind=kind,
    )
    return org


async def list_organisations(
    session: AsyncSession, *, kind: str | None, page: PageParams
) -> tuple[list[Organisation], int]:
    """The enabled organisations (of one kind when given), by name: one page and the total."""
    statement = select(Organisation).where(Organisation.disabled_at.is_(None))
    if kind:
        statement = statement.where(Organisation.kind == kind)
    return await fetch_page(session, statement.order_by(Organisation.name), page=page)


async def get_enabled(session: AsyncSession, *, organisation_id: uuid.UUID) -> Organisation:
    """One organisation as others may see it: 404 when unknown or disabled."""
    org = await session.get(Organisation, organisation_id)
    if org is None or org.disabled_at is not None:
        raise NotFound("organisation_not_found", "No such organisation.")
    return org


async def check_exists(session: AsyncSession, *, organisation_id: uuid.UUID) -> None:
    """A staff account may name an organisation that exists (disabled or not)."""
    if await session.get(Organisation, organisation_id) is None:
        raise NotFound("organisation_not_found", "No such organisation.")


@dataclass(frozen=True)
class CoveredPlace:
    place_id: uuid.UUID
    path: str
    name: str


async def coverage(
    session: AsyncSession, *, organisation_id: uuid.UUID, permission: str
) -> list[CoveredPlace]:
    """The places where an enabled organisation holds `permission` (e.g. taking work orders):
    its active API clients' places whose scopes include it, and the active grants of its
    enabled staff whose role gives it; by path, each place once. 404 when unknown or
    disabled. Other services ask before handing the organisation work at a place."""
    await get_enabled(session, organisation_id=organisation_id)
    found: dict[str, CoveredPlace] = {}
    clients = await session.execute(
        select(ApiClient.scopes, ApiClientPlace)
        .join(ApiClientPlace, ApiClientPlace.client_id == ApiClient.id)
        .where(ApiClient.organisation_id == organisation_id, ApiClient.revoked_at.is_(None))
    )
    for scopes, place in clients:
        if permission in (scopes or []):
            found[place.path] = CoveredPlace(place.place_id, place.path, place.name)
    grants = await session.execute(
        select(Role.permissions, Grant)
        .join(Grant, Grant.role == Role.name)
        .join(StaffUser, StaffUser.id == Grant.user_id)
        .where(
            StaffUser.organisation_id == organisation_id,
            StaffUser.disabled_at.is_(None),
            Grant.withdrawn_at.is_(None),
        )
    )
    for permissions_, grant in grants:
        if permission in (permissions_ or []):
            found[grant.place_path] = CoveredPlace(
                grant.place_id, grant.place_path, grant.place_name
            )
    return [found[path] for path in sorted(found)]
