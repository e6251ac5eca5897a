"""Roles, the permissions they give and what each means; every service's catalogue as identity
last learned it. District admins edit roles (recorded)."""

from __future__ import annotations

from fastapi import APIRouter

from services.identity import catalogues, permissions
from services.identity.context import ContextDep
from services.identity.presenters import catalogue_out, role_out
from services.identity.schemas import CatalogueOut, RoleOut, RolePermissionIn
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import CurrentPrincipal, Principal, requires
from services.kit.clock import Clock

router = APIRouter(prefix="/v1", tags=["administration"])

PERM_ROLES = permissions.ROLES_MANAGE


@router.get("/roles", summary="Roles, the permissions they give and what each means")
async def list_roles(session: SessionDep) -> list[RoleOut]:
    known = await catalogues.known(session)
    return [role_out(r, known) for r in await catalogues.roles(session)]


@router.get(
    "/catalogues",
    summary="Every service's permissions as identity last learned them",
    description="Public, like each service's GET /v1/permissions: it says what exists, "
    "nothing about anyone. The console's role and API-key pages choose from it.",
)
async def list_catalogues(session: SessionDep) -> list[CatalogueOut]:
    return [catalogue_out(row) for row in await catalogues.stored(session)]


@router.post(
    "/roles/{role_name}/permissions",
    summary="Add a permission to a role (district admins; recorded)",
    openapi_extra=requires(PERM_ROLES),
)
async def add_role_permission(
    role_name: str,
    data: RolePermissionIn,
    session: SessionDep,
    clock: ClockDep,
    principal: CurrentPrincipal,
    ctx: ContextDep,
) -> RoleOut:
    return await _edit_role(session, clock, principal, ctx, role_name, add=[data.permission])


@router.delete(
    "/roles/{role_name}/permissions/{permission}",
    summary="Take a permission away from a role (district admins; recorded)",
    openapi_extra=requires(PERM_ROLES),
)
async def remove_role_permission(
    role_name: str,
    permission: str,
    session: SessionDep,
    clock: ClockDep,
    principal: CurrentPrincipal,
    ctx: ContextDep,
) -> RoleOut:
    return await _edit_role(session, clock, principal, ctx, role_name, remove=[permission])


async def _edit_role(
    session: SessionDep,
    clock: Clock,
    principal: Principal,
    ctx: ContextDep,
    role_name: str,
    *,
    add: list[str] | None = None,
    remove: list[str] | None = None,
) -> RoleOut:
    permissions.scope_of(principal, PERM_ROLES)
    role = await catalogues.edit_role(
        session,
        role_name=role_name,
        sources=ctx.catalogue_sources,
        add=add or (),
        remove=remove or (),
        actor=principal.subject,
        now=clock.now(),
    )
    return role_out(role, await catalogues.known(session))
