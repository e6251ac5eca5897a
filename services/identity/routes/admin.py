"""Administration (the console): staff, roles on places, organisations, API keys, the record."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import exists, select

from services.identity import api_keys, catalogues, permissions, sessions, staff
from services.identity.audit import record_admin_event, reveal
from services.identity.context import Ctx
from services.identity.models import (
    AdminEvent,
    ApiClient,
    ApiClientPlace,
    Grant,
    Organisation,
    Role,
    ServiceCatalogue,
    StaffUser,
)
from services.identity.schemas import (
    AdminEventOut,
    ApiClientCreated,
    ApiClientIn,
    ApiClientOut,
    CatalogueOut,
    GrantIn,
    GrantOut,
    OrganisationIn,
    OrganisationOut,
    PasswordReset,
    PermissionMeaning,
    RevealIn,
    RevealOut,
    RoleOut,
    RolePermissionIn,
    StaffChange,
    StaffCreate,
    StaffOut,
)
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import CurrentPrincipal, Principal, authorize, requires
from services.kit.errors import Conflict, NotFound, PermissionDenied
from services.kit.pagination import Page, PageDep, fetch_page
from services.kit.personal import mask_phone
from services.kit.scope import within_any

router = APIRouter(prefix="/v1", tags=["administration"])

PERM_ORGS = permissions.ORGANISATIONS_MANAGE
PERM_AUDIT = permissions.AUDIT_READ
PERM_REVEAL = permissions.PERSONAL_REVEAL
PERM_ROLES = permissions.ROLES_MANAGE


def _anywhere(principal: Principal, permission: str) -> list[str]:
    paths = principal.scope_paths(permission)
    if not paths:
        raise PermissionDenied("forbidden", f"Your roles do not include {permission}.")
    return paths


async def _staff_out(session: SessionDep, user: StaffUser, ctx: Ctx) -> StaffOut:
    grants = await staff.active_grants(session, user.id)
    return StaffOut(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        organisation_id=user.organisation_id,
        phone=mask_phone(ctx.cipher.decrypt(user.phone_cipher)) if user.phone_cipher else None,
        on_duty=user.on_duty,
        disabled=user.disabled_at is not None,
        grants=[GrantOut.model_validate(g) for g in grants],
    )


async def _managed_staff(
    session: SessionDep, principal: Principal, user_id: uuid.UUID
) -> StaffUser:
    """A staff account the caller may manage: all its roles lie within the caller's places."""
    scope = _anywhere(principal, staff.PERM_STAFF)
    user = await staff.get_staff(session, user_id)
    if not staff.staff_is_within(await staff.active_grants(session, user.id), scope):
        raise PermissionDenied("forbidden", "This person holds roles outside your places.")
    return user


async def _client_out(session: SessionDep, client: ApiClient) -> ApiClientOut:
    places = await api_keys.client_places(session, client.id)
    return ApiClientOut(
        id=client.id,
        name=client.name,
        kind=client.kind,
        organisation_id=client.organisation_id,
        key_prefix=client.key_prefix,
        scopes=client.scopes,
        places=[{"place_id": str(p.place_id), "name": p.name} for p in places],
        created_at=client.created_at,
        revoked_at=client.revoked_at,
        last_used_at=client.last_used_at,
    )


def _meaning(name: str, known: dict[str, catalogues.Catalogue]) -> PermissionMeaning:
    for service, catalogue in known.items():
        found = catalogue.get(name)
        if found is not None:
            return PermissionMeaning(
                name=name, service=service, zh=found.zh, en=found.en, holders=list(found.holders)
            )
    return PermissionMeaning(
        name=name, service=name.split(":")[0], zh=name, en=name, holders=[], declared=False
    )


def _role_out(role: Role, known: dict[str, catalogues.Catalogue]) -> RoleOut:
    return RoleOut(
        name=role.name,
        title_zh=role.title_zh,
        title_en=role.title_en,
        place_kinds=role.place_kinds,
        permissions=role.permissions,
        meanings=[_meaning(p, known) for p in role.permissions],
    )


@router.get("/roles", summary="Roles, the permissions they give and what each means")
async def list_roles(session: SessionDep) -> list[RoleOut]:
    known = await catalogues.known(session)
    return [_role_out(r, known) for r in await session.scalars(select(Role).order_by(Role.name))]


@router.get(
    "/catalogues",
    summary="Every service's permissions as identity last learned them",
    description="Public, like each service's GET /v1/permissions: it says what exists, "
    "nothing about anyone. The console's role and API-key pages choose from it.",
)
async def list_catalogues(session: SessionDep) -> list[CatalogueOut]:
    rows = await session.scalars(select(ServiceCatalogue).order_by(ServiceCatalogue.service))
    out = []
    for row in rows:
        catalogue = catalogues.Catalogue.model_validate(row.catalogue)
        out.append(
            CatalogueOut(
                service=row.service,
                learned_at=row.learned_at,
                permissions=[
                    _meaning(p.name, {row.service: catalogue}) for p in catalogue.permissions
                ],
            )
        )
    return out


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
    ctx: Ctx,
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
    ctx: Ctx,
) -> RoleOut:
    return await _edit_role(session, clock, principal, ctx, role_name, remove=[permission])


async def _edit_role(
    session: SessionDep,
    clock: ClockDep,
    principal: Principal,
    ctx: Ctx,
    role_name: str,
    *,
    add: list[str] | None = None,
    remove: list[str] | None = None,
) -> RoleOut:
    _anywhere(principal, PERM_ROLES)
    # Fetched before the request's transaction takes its first statement (no call to another
    # service inside a write transaction), then stored and merged with the edit.
    fetched = await catalogues.fetch(ctx.catalogue_sources)
    now = clock.now()
    await catalogues.learn(session, fetched, now=now)
    role = await catalogues.change_role(
        session, role_name, add=add or (), remove=remove or (), actor=principal.subject, now=now
    )
    return _role_out(role, await catalogues.known(session))


@router.post(
    "/staff",
    status_code=201,
    summary="Create a staff account",
    openapi_extra=requires(staff.PERM_STAFF),
)
async def create_staff(
    data: StaffCreate, session: SessionDep, clock: ClockDep, principal: CurrentPrincipal, ctx: Ctx
) -> StaffOut:
    _anywhere(principal, staff.PERM_STAFF)
    if data.organisation_id and await session.get(Organisation, data.organisation_id) is None:
        raise NotFound("organisation_not_found", "No such organisation.")
    user = await staff.create_staff(
        session,
        username=data.username,
        display_name=data.display_name,
        password=data.password,
        phone=data.phone,
        organisation_id=data.organisation_id,
        cipher=ctx.cipher,
        profile=ctx.settings.password_hashing,
        actor=principal.subject,
        now=clock.now(),
    )
    return await _staff_out(session, user, ctx)


@router.get(
    "/staff",
    summary="Staff holding roles within your places",
    openapi_extra=requires(staff.PERM_STAFF),
)
async def list_staff(
    session: SessionDep, principal: CurrentPrincipal, page: PageDep, ctx: Ctx
) -> Page[StaffOut]:
    scope = _anywhere(principal, staff.PERM_STAFF)
    in_scope = exists().where(
        Grant.user_id == StaffUser.id,
        Grant.withdrawn_at.is_(None),
        within_any(Grant.place_path, scope),
    )
    statement = select(StaffUser).where(in_scope).order_by(StaffUser.username)
    rows, total = await fetch_page(session, statement, page)
    return Page[StaffOut](items=[await _staff_out(session, u, ctx) for u in rows], total=total)


@router.get(
    "/staff/{user_id}", summary="One staff account", openapi_extra=requires(staff.PERM_STAFF)
)
async def get_staff(
    user_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, ctx: Ctx
) -> StaffOut:
    return await _staff_out(session, await _managed_staff(session, principal, user_id), ctx)


@router.patch(
    "/staff/{user_id}",
    summary="Disable, enable, set on duty, rename",
    openapi_extra=requires(staff.PERM_STAFF),
)
async def change_staff(
    user_id: uuid.UUID,
    data: StaffChange,
    session: SessionDep,
    clock: ClockDep,
    principal: CurrentPrincipal,
    ctx: Ctx,
) -> StaffOut:
    user = await _managed_staff(session, principal, user_id)
    now = clock.now()
    if data.disabled is not None:
        await staff.set_disabled(
            session, user=user, disabled=data.disabled, actor=principal.subject, now=now
        )
        if data.disabled:
            await sessions.revoke_subject(session, subject=f"staff:{user.id}", now=now)
    if data.on_duty is not None and data.on_duty != user.on_duty:
        user.on_duty = data.on_duty
        record_admin_event(
            session,
            actor=principal.subject,
            action="staff.on_duty_changed",
            target_kind="staff",
            target_id=str(user.id),
            now=now,
            on_duty=data.on_duty,
        )
    if data.display_name is not None:
        user.display_name = data.display_name
    return await _staff_out(session, user, ctx)


@router.post(
    "/staff/{user_id}/password",
    status_code=204,
    summary="Reset a password",
    openapi_extra=requires(staff.PERM_STAFF),
)
async def reset_password(
    user_id: uuid.UUID,
    data: PasswordReset,
    session: SessionDep,
    clock: ClockDep,
    principal: CurrentPrincipal,
    ctx: Ctx,
) -> None:
    user = await _managed_staff(session, principal, user_id)
    await staff.reset_password(
        session,
        user=user,
        password=data.password,
        profile=ctx.settings.password_hashing,
        actor=principal.subject,
        now=clock.now(),
    )
    await sessions.revoke_subject(session, subject=f"staff:{user.id}", now=clock.now())


@router.post(
    "/staff/{user_id}/phone/reveal",
    summary="Show a staff member's phone (recorded)",
    openapi_extra=requires(staff.PERM_STAFF),
)
async def reveal_staff_phone(
    user_id: uuid.UUID,
    data: RevealIn,
    session: SessionDep,
    clock: ClockDep,
    principal: CurrentPrincipal,
    ctx: Ctx,
) -> RevealOut:
    user = await _managed_staff(session, principal, user_id)
    if user.phone_cipher is None:
        raise NotFound("no_phone", "No phone is on record.")
    phone = reveal(
        session,
        cipher=ctx.cipher,
        stored=user.phone_cipher,
        actor=principal.subject,
        subject_kind="staff",
        subject_id=str(user.id),
        field="phone",
        reason=data.reason,
        now=clock.now(),
    )
    return RevealOut(phone=phone)


@router.post(
    "/staff/{user_id}/grants",
    status_code=201,
    summary="Grant a role on a place",
    openapi_extra=requires(staff.PERM_GRANTS),
)
async def grant_role(
    user_id: uuid.UUID,
    data: GrantIn,
    session: SessionDep,
    clock: ClockDep,
    principal: CurrentPrincipal,
    ctx: Ctx,
) -> GrantOut:
    place = await ctx.directory.place(data.place_id, pointer="/body/place_id")
    authorize(principal, staff.PERM_GRANTS, place.path)
    user = await staff.get_staff(session, user_id)
    grant = await staff.grant_role(
        session,
        user=user,
        role_name=data.role,
        place=place,
        actor=principal.subject,
        now=clock.now(),
    )
    return GrantOut.model_validate(grant)


@router.delete(
    "/staff/{user_id}/grants/{grant_id}",
    status_code=204,
    summary="Withdraw a role",
    openapi_extra=requires(staff.PERM_GRANTS),
)
async def withdraw_grant(
    user_id: uuid.UUID,
    grant_id: uuid.UUID,
    session: SessionDep,
    clock: ClockDep,
    principal: CurrentPrincipal,
) -> None:
    grant = await session.get(Grant, grant_id)
    if grant is None or grant.user_id != user_id:
        raise NotFound("grant_not_found", "No such role on this account.")
    authorize(principal, staff.PERM_GRANTS, grant.place_path)
    await staff.withdraw_grant(session, grant=grant, actor=principal.subject, now=clock.now())


@router.post(
    "/organisations",
    status_code=201,
    summary="Register a contractor, property company or partner",
    openapi_extra=requires(PERM_ORGS),
)
async def create_organisation(
    data: OrganisationIn, session: SessionDep, clock: ClockDep, principal: CurrentPrincipal
) -> OrganisationOut:
    _anywhere(principal, PERM_ORGS)
    if await session.scalar(select(Organisation.id).where(Organisation.name == data.name)):
        raise Conflict("organisation_exists", "An organisation of that name exists.")
    org = Organisation(
        id=uuid.uuid4(),
        name=data.name,
        kind=data.kind,
        created_at=clock.now(),
        created_by=principal.subject,
    )
    session.add(org)
    await session.flush()
    record_admin_event(
        session,
        actor=principal.subject,
        action="organisation.created",
        target_kind="organisation",
        target_id=str(org.id),
        now=clock.now(),
        name=data.name,
        kind=data.kind,
    )
    return OrganisationOut.model_validate(org)


@router.get("/organisations", summary="Organisations (public names, for pickers)")
async def list_organisations(
    session: SessionDep,
    page: PageDep,
    kind: Annotated[str | None, Query(pattern="^(contractor|property_company|partner)$")] = None,
) -> Page[OrganisationOut]:
    statement = select(Organisation).where(Organisation.disabled_at.is_(None))
    if kind:
        statement = statement.where(Organisation.kind == kind)
    rows, total = await fetch_page(session, statement.order_by(Organisation.name), page)
    return Page[OrganisationOut](
        items=[OrganisationOut.model_validate(o) for o in rows], total=total
    )


@router.post(
    "/api-clients",
    status_code=201,
    summary="Issue an API key (shown once)",
    description=(
        "Holders of identity:clients:manage over the places; or, for a device key, holders "
        "of a service's device-management permission over them, limited to the device-only "
        "permissions it issues (its catalogue's `issues`)."
    ),
    openapi_extra=requires(api_keys.PERM_CLIENTS),
)
async def issue_api_client(
    data: ApiClientIn, session: SessionDep, clock: ClockDep, principal: CurrentPrincipal, ctx: Ctx
) -> ApiClientCreated:
    places = [await ctx.directory.place(pid, pointer="/body/place_ids") for pid in data.place_ids]
    known = await catalogues.known(session)
    for place in places:
        api_keys.authorize_issuing(
            principal, known, kind=data.kind, scopes=data.scopes, place_path=place.path
        )
    client, key = await api_keys.issue_client(
        session,
        name=data.name,
        kind=data.kind,
        organisation_id=data.organisation_id,
        scopes=data.scopes,
        places=places,
        actor=principal.subject,
        now=clock.now(),
    )
    out = await _client_out(session, client)
    return ApiClientCreated(**out.model_dump(), api_key=key)


@router.get(
    "/api-clients",
    summary="API clients acting within your places",
    openapi_extra=requires(api_keys.PERM_CLIENTS),
)
async def list_api_clients(
    session: SessionDep, principal: CurrentPrincipal, page: PageDep
) -> Page[ApiClientOut]:
    scope = _anywhere(principal, api_keys.PERM_CLIENTS)
    # Visible when every place the client acts on lies within the caller's places.
    outside = exists().where(
        ApiClientPlace.client_id == ApiClient.id, ~within_any(ApiClientPlace.path, scope)
    )
    statement = select(ApiClient).where(~outside).order_by(ApiClient.created_at)
    rows, total = await fetch_page(session, statement, page)
    return Page[ApiClientOut](items=[await _client_out(session, c) for c in rows], total=total)


@router.delete(
    "/api-clients/{client_id}",
    summary="Revoke an API key (the gateway stops it within 30 s)",
    openapi_extra=requires(api_keys.PERM_CLIENTS),
)
async def revoke_api_client(
    client_id: uuid.UUID, session: SessionDep, clock: ClockDep, principal: CurrentPrincipal
) -> ApiClientOut:
    client = await api_keys.get_client(session, client_id)
    for place in await api_keys.client_places(session, client.id):
        authorize(principal, api_keys.PERM_CLIENTS, place.path)
    await api_keys.revoke_client(session, client=client, actor=principal.subject, now=clock.now())
    return await _client_out(session, client)


@router.get(
    "/audit", summary="Administrative acts within your places", openapi_extra=requires(PERM_AUDIT)
)
async def list_admin_events(
    session: SessionDep,
    principal: CurrentPrincipal,
    page: PageDep,
    action: Annotated[str | None, Query(max_length=40)] = None,
) -> Page[AdminEventOut]:
    scope = _anywhere(principal, PERM_AUDIT)
    statement = select(AdminEvent).where(
        within_any(AdminEvent.place_path, scope) | (AdminEvent.actor == principal.subject)
    )
    if action:
        statement = statement.where(AdminEvent.action == action)
    rows, total = await fetch_page(session, statement.order_by(AdminEvent.at.desc()), page)
    return Page[AdminEventOut](items=[AdminEventOut.model_validate(e) for e in rows], total=total)
