"""What identity knows of every service's permissions: learned, stored, merged, checked.

Each built service of services.toml serves its catalogue at `GET /v1/permissions`
(kit.permissions); identity's own is read in-process. Identity fetches them at start, on a
timer and before a role is edited; it keeps the last one it saw per service, so roles, grants
and API-key scopes are checked against stored rows even while that service is down. No other
service's permission string appears in identity's code.

Fetching happens outside any write transaction (a slow service must not hold identity's
writer lock); storing and merging then run in one short transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

import httpx
from pydantic import ValidationError
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import permissions
from services.identity.audit import record_admin_event
from services.identity.models import MergedBinding, Role, ServiceCatalogue
from services.kit.db import Database
from services.kit.errors import InvalidInput, NotFound
from services.kit.http import service_client
from services.kit.permissions import STANDARD_ROLES, Catalogue, Permission

log = logging.getLogger("identity.catalogues")

FETCH_TIMEOUT = httpx.Timeout(3.0, connect=1.0)
# The advisory lock that serialises learning on PostgreSQL ("SQWBCATL" as a number).
LEARN_LOCK = 0x5351_5742_4341_544C


@dataclass(frozen=True)
class Source:
    """Where a service's catalogue is fetched from (tests hand in an ASGI transport)."""

    service: str
    base_url: str
    transport: httpx.AsyncBaseTransport | None = None


async def fetch(sources: Iterable[Source]) -> dict[str, Catalogue]:
    """Every catalogue that answers now, identity's own included. A service that does not
    answer (or answers nonsense) is left out: its stored catalogue stays in force."""
    found = {permissions.CATALOGUE.service: permissions.CATALOGUE}
    for source in sources:
        try:
            async with service_client(
                source.base_url, transport=source.transport, timeout=FETCH_TIMEOUT
            ) as client:
                response = await client.get("/v1/permissions")
                response.raise_for_status()
            catalogue = Catalogue.model_validate(response.json())
        except (httpx.HTTPError, ValidationError, ValueError) as exc:
            log.warning("catalogue of %s not learned now: %s", source.service, type(exc).__name__)
            continue
        if catalogue.service != source.service:
            log.warning("%s answered the catalogue of %s", source.service, catalogue.service)
            continue
        found[source.service] = catalogue
    return found


async def store(
    session: AsyncSession, catalogues: Mapping[str, Catalogue], *, now: datetime
) -> None:
    for name, catalogue in catalogues.items():
        row = await session.get(ServiceCatalogue, name)
        data = catalogue.model_dump(mode="json")
        if row is None:
            session.add(ServiceCatalogue(service=name, catalogue=data, learned_at=now))
        elif row.catalogue != data:
            row.catalogue, row.learned_at = data, now
    await session.flush()


async def known(session: AsyncSession) -> dict[str, Catalogue]:
    """The catalogues identity has stored, by service."""
    rows = await session.scalars(select(ServiceCatalogue).order_by(ServiceCatalogue.service))
    return {row.service: Catalogue.model_validate(row.catalogue) for row in rows}


def declared(catalogues: Mapping[str, Catalogue]) -> dict[str, Permission]:
    return {p.name: p for c in catalogues.values() for p in c.permissions}


async def merge_defaults(session: AsyncSession, *, now: datetime) -> list[tuple[str, str]]:
    """Make the standard roles exist and add each declared default binding once.

    A binding merged before (a row in merged_bindings) is never added again, so an admin's
    removal stands; a binding a service declares later is added at the next merge. Returns
    what was added to a role."""
    roles = {role.name: role for role in await session.scalars(select(Role))}
    for standard in STANDARD_ROLES:
        if standard.name not in roles:
            new = Role(
                name=standard.name,
                title_zh=standard.title_zh,
                title_en=standard.title_en,
                place_kinds=list(standard.place_kinds),
                permissions=[],
            )
            session.add(new)
            roles[standard.name] = new
    rows = await session.execute(select(MergedBinding.role, MergedBinding.permission))
    done = {(role, permission) for role, permission in rows}
    added: list[tuple[str, str]] = []
    for catalogue in (await known(session)).values():
        for role_name, perms in catalogue.bindings.items():
            bound = roles.get(role_name)
            if bound is None:
                continue
            for perm in perms:
                if (role_name, perm) in done:
                    continue
                if perm not in bound.permissions:
                    # A new list, so the JSON column is seen as changed.
                    bound.permissions = [*bound.permissions, perm]
                    added.append((role_name, perm))
                session.add(MergedBinding(role=role_name, permission=perm, merged_at=now))
                done.add((role_name, perm))
    await session.flush()
    return added


async def learn(
    session: AsyncSession, catalogues: Mapping[str, Catalogue], *, now: datetime
) -> None:
    """Store what was fetched and merge the defaults (the caller fetched outside this
    transaction)."""
    if session.get_bind().dialect.name == "postgresql":
        # Replicas starting together would both insert the same rows; one at a time, each
        # sees what the other merged. (SQLite's BEGIN IMMEDIATE already serialises writers.)
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LEARN_LOCK})
    await store(session, catalogues, now=now)
    added = await merge_defaults(session, now=now)
    if added:
        log.info("default bindings merged: %s", ", ".join(f"{r}+{p}" for r, p in added))


async def refresh(db: Database, sources: Iterable[Source], *, now: datetime) -> None:
    """Fetch (outside any transaction), then store and merge in one short one."""
    fetched = await fetch(sources)
    async with db.session() as session:
        await learn(session, fetched, now=now)
        await session.commit()


def unknown_permission(names: Iterable[str], catalogues: Mapping[str, Catalogue]) -> InvalidInput:
    missing = sorted(set(names))
    return InvalidInput(
        "unknown_permission",
        f"No service declares {', '.join(missing)}.",
        unknown=missing,
        known_services=sorted(catalogues),
    )


def check_staff_permissions(catalogues: Mapping[str, Catalogue], names: Iterable[str]) -> None:
    """Refuse permissions no catalogue declares, and those only API keys may hold."""
    names = list(names)
    perms = declared(catalogues)
    missing = [n for n in names if n not in perms]
    if missing:
        raise unknown_permission(missing, catalogues)
    clients_only = sorted(n for n in names if "staff" not in perms[n].holders)
    if clients_only:
        raise InvalidInput(
            "permission_not_for_staff",
            f"Only API keys hold {', '.join(clients_only)}.",
            permissions=clients_only,
        )


def check_scopes(catalogues: Mapping[str, Catalogue], scopes: Iterable[str], *, kind: str) -> None:
    """An API key of `kind` (integration or device) may hold what the catalogues let API keys
    hold; device-only permissions go on device keys only."""
    scopes = list(scopes)
    perms = declared(catalogues)
    missing = [s for s in scopes if s not in perms]
    if missing:
        raise unknown_permission(missing, catalogues)
    refused = sorted(
        s
        for s in scopes
        if not (
            kind in perms[s].holders or (kind == "device" and "integration" in perms[s].holders)
        )
    )
    if refused:
        raise InvalidInput(
            "scope_not_for_clients",
            f"An API key of kind {kind} cannot hold {', '.join(refused)}.",
            scopes=refused,
            allowed_scopes=sorted(
                p.name for p in perms.values() if kind in p.holders or "integration" in p.holders
            ),
        )


def issuable_device_scopes(catalogues: Mapping[str, Catalogue], held: Iterable[str]) -> set[str]:
    """The device-only permissions a holder of `held` may put on device keys (a permission's
    `issues`), without identity:clients:manage."""
    perms = declared(catalogues)
    return {issued for name in held if name in perms for issued in perms[name].issues}


async def roles(session: AsyncSession) -> list[Role]:
    """Every role, by name."""
    return list(await session.scalars(select(Role).order_by(Role.name)))


async def stored(session: AsyncSession) -> list[ServiceCatalogue]:
    """The stored catalogue rows (with when each was learned), by service."""
    return list(await session.scalars(select(ServiceCatalogue).order_by(ServiceCatalogue.service)))


async def get_role(session: AsyncSession, name: str, *, lock: bool = False) -> Role:
    role = await session.get(Role, name, with_for_update=lock)
    if role is None:
        raise NotFound("role_not_found", "No such role.")
    return role


async def change_role(
    session: AsyncSession,
    role_name: str,
    *,
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
    actor: str,
    now: datetime,
) -> Role:
    """An admin's edit of a role's permissions, checked against the stored catalogues and
    written to the audit list."""
    add, remove = sorted(set(add)), sorted(set(remove))
    catalogues = await known(session)
    check_staff_permissions(catalogues, add)
    role = await get_role(session, role_name, lock=True)
    current = list(role.permissions)
    added = [p for p in add if p not in current]
    removed = [p for p in remove if p in current]
    role.permissions = [p for p in current if p not in removed] + added
    for action, changed in (("role.permission_added", added), ("role.permission_removed", removed)):
        for perm in changed:
            record_admin_event(
                session,
                actor=actor,
                action=action,
                target_kind="role",
                target_id=role.name,
                now=now,
                permission=perm,
            )
    await session.flush()
    return role


async def edit_role(
    session: AsyncSession,
    *,
    role_name: str,
    sources: Iterable[Source],
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
    actor: str,
    now: datetime,
) -> Role:
    """An admin's edit of a role against the catalogues as they are now: fetched before the
    transaction takes its first statement (no call to another service inside a write
    transaction), then stored and merged with the edit."""
    fetched = await fetch(sources)
    await learn(session, fetched, now=now)
    return await change_role(session, role_name, add=add, remove=remove, actor=actor, now=now)
