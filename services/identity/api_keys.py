"""API keys for integrations and devices: shown once, stored hashed, exchanged for tokens.

A key reads `sqwb_<prefix>_<secret>`. The prefix is public (lists show it, logs may too);
the whole key is stored only as its SHA-256 (a key has 190+ random bits, so a fast hash is
enough; no password stretching needed).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import catalogues, permissions
from services.identity.audit import record_admin_event
from services.identity.keys import KeyRing, access_claims
from services.identity.models import ApiClient, ApiClientPlace
from services.kit.auth import Principal, authorize
from services.kit.clients.directory import PlaceRef as PlaceInfo
from services.kit.errors import Conflict, InvalidInput, NotFound, Unauthenticated
from services.kit.pagination import PageParams, fetch_page
from services.kit.scope import within_any

PERM_CLIENTS = permissions.CLIENTS_MANAGE
KEY_PREFIX = "sqwb"
INVALID_KEY = "The API key is not valid."
# Keys are ~45 characters; anything longer is refused unread.
MAX_KEY_LENGTH = 200


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> tuple[str, str]:
    prefix = secrets.token_hex(4)
    return prefix, f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(24)}"


async def issue_client(
    session: AsyncSession,
    *,
    name: str,
    kind: str,
    organisation_id: uuid.UUID | None,
    scopes: list[str],
    places: Sequence[PlaceInfo],
    actor: str,
    now: datetime,
    fixed_key: str | None = None,
) -> tuple[ApiClient, str]:
    # What API keys may hold is what the services' catalogues say (identity stores them).
    catalogues.check_scopes(await catalogues.known(session), scopes, kind=kind)
    if not places:
        raise InvalidInput("places_required", "Name at least one place the client acts on.")
    if fixed_key:  # the demo key printed in the README; never in production
        prefix, key = fixed_key.split("_")[1], fixed_key
    else:
        prefix, key = new_key()
    client = ApiClient(
        id=uuid.uuid4(),
        name=name,
        kind=kind,
        organisation_id=organisation_id,
        key_prefix=prefix,
        key_hash=hash_key(key),
        scopes=sorted(set(scopes)),
        created_at=now,
        created_by=actor,
    )
    session.add(client)
    await session.flush()
    for place in {p.id: p for p in places}.values():
        session.add(
            ApiClientPlace(client_id=client.id, place_id=place.id, path=place.path, name=place.name)
        )
    await session.flush()
    record_admin_event(
        session,
        actor=actor,
        action="api_key.issued",
        target_kind="api_client",
        target_id=str(client.id),
        now=now,
        place_path=places[0].path,
        prefix=prefix,
        scopes=client.scopes,
    )
    return client, key


def authorize_issuing(
    principal: Principal,
    known: dict[str, catalogues.Catalogue],
    *,
    kind: str,
    scopes: list[str],
    place_path: str,
) -> None:
    """Who may issue a key over a place: holders of identity:clients:manage there; or, for a
    device key, holders of a permission that `issues` every scope asked for (a service's
    device-management permission: the parking manager issues the gate's key on their own
    places). Otherwise the usual refusal (404 outside the caller's places, else 403)."""
    if principal.can(PERM_CLIENTS, place_path):
        return
    if kind == "device" and scopes:
        held = [p for p in catalogues.declared(known) if principal.can(p, place_path)]
        if set(scopes) <= catalogues.issuable_device_scopes(known, held):
            return
    authorize(principal, PERM_CLIENTS, place_path)


async def get_client(session: AsyncSession, client_id: uuid.UUID) -> ApiClient:
    client = await session.get(ApiClient, client_id)
    if client is None:
        raise NotFound("api_client_not_found", "No such API client.")
    return client


async def client_places(session: AsyncSession, client_id: uuid.UUID) -> list[ApiClientPlace]:
    rows = await session.scalars(
        select(ApiClientPlace)
        .where(ApiClientPlace.client_id == client_id)
        .order_by(ApiClientPlace.path)
    )
    return list(rows)


async def list_clients(
    session: AsyncSession, *, scope: list[str], page: PageParams
) -> tuple[list[ApiClient], int]:
    """The clients an admin over `scope` sees: those acting only on places within it, oldest
    first; one page and the total."""
    outside = exists().where(
        ApiClientPlace.client_id == ApiClient.id, ~within_any(ApiClientPlace.path, scope)
    )
    statement = select(ApiClient).where(~outside).order_by(ApiClient.created_at)
    return await fetch_page(session, statement, page)


async def revoke_client(
    session: AsyncSession, *, client: ApiClient, actor: str, now: datetime
) -> ApiClient:
    if client.revoked_at is not None:
        raise Conflict("api_key_revoked", "This key is already revoked.")
    client.revoked_at, client.revoked_by = now, actor
    record_admin_event(
        session,
        actor=actor,
        action="api_key.revoked",
        target_kind="api_client",
        target_id=str(client.id),
        now=now,
        prefix=client.key_prefix,
    )
    return client


async def exchange_key(
    session: AsyncSession,
    *,
    key: str,
    keys: KeyRing,
    issuer: str,
    ttl: timedelta,
    now: datetime,
) -> str:
    """A short-lived access token for a valid key: its scopes over its places."""
    client = await session.scalar(select(ApiClient).where(ApiClient.key_hash == hash_key(key)))
    if client is None or client.revoked_at is not None:
        raise Unauthenticated("invalid_api_key", INVALID_KEY)
    client.last_used_at = now
    grants = [
        {
            "role": f"api_client:{client.kind}",
            "place_id": str(p.place_id),
            "path": p.path,
            "perms": client.scopes,
        }
        for p in await client_places(session, client.id)
    ]
    extra = {"org": str(client.organisation_id)} if client.organisation_id else {}
    return keys.sign(
        access_claims(
            subject=f"client:{client.id}",
            kind="client" if client.kind == "integration" else "device",
            issuer=issuer,
            now=now,
            ttl=ttl,
            grants=grants,
            name=client.name,
            **extra,
        )
    )
