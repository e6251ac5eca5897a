"""API keys for integrations and devices: issued (shown once), listed, revoked."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from services.identity import api_keys, catalogues, permissions
from services.identity.context import ContextDep
from services.identity.presenters import client_out
from services.identity.schemas import ApiClientCreated, ApiClientIn, ApiClientOut
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import CurrentPrincipal, authorize, requires
from services.kit.pagination import Page, PageDep

router = APIRouter(prefix="/v1", tags=["administration"])

PERM_CLIENTS = api_keys.PERM_CLIENTS


@router.post(
    "/api-clients",
    status_code=201,
    summary="Issue an API key (shown once)",
    description=(
        "Holders of identity:clients:manage over the places; or, for a device key, holders "
        "of a service's device-management permission over them, limited to the device-only "
        "permissions it issues (its catalogue's `issues`)."
    ),
    openapi_extra=requires(PERM_CLIENTS),
)
async def issue_api_client(
    data: ApiClientIn,
    session: SessionDep,
    clock: ClockDep,
    principal: CurrentPrincipal,
    ctx: ContextDep,
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
    out = await client_out(session, client)
    return ApiClientCreated(**out.model_dump(), api_key=key)


@router.get(
    "/api-clients",
    summary="API clients acting within your places",
    openapi_extra=requires(PERM_CLIENTS),
)
async def list_api_clients(
    session: SessionDep, principal: CurrentPrincipal, page: PageDep
) -> Page[ApiClientOut]:
    scope = permissions.scope_of(principal, PERM_CLIENTS)
    rows, total = await api_keys.list_clients(session, scope=scope, page=page)
    return Page[ApiClientOut](items=[await client_out(session, c) for c in rows], total=total)


@router.delete(
    "/api-clients/{client_id}",
    summary="Revoke an API key (the gateway stops it within 30 s)",
    openapi_extra=requires(PERM_CLIENTS),
)
async def revoke_api_client(
    client_id: uuid.UUID, session: SessionDep, clock: ClockDep, principal: CurrentPrincipal
) -> ApiClientOut:
    client = await api_keys.get_client(session, client_id)
    for place in await api_keys.client_places(session, client.id):
        authorize(principal, PERM_CLIENTS, place.path)
    await api_keys.revoke_client(session, client=client, actor=principal.subject, now=clock.now())
    return await client_out(session, client)
