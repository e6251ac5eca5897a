"""Who is calling, and may they do this here.

Identity signs access tokens (EdDSA) and publishes its public keys as a JWKS. Every service
verifies tokens itself with `TokenVerifier`, so a request that bypasses the gateway gets
nothing. A token carries grants: a role on a place, with that place's path and the
permissions the role gives. "May X do P on the thing at path T" is then a prefix test,
with no call to identity or directory.

Who acted, named one way everywhere (`Principal.actor`): the token's `sub` as identity issues
it, `<kind>:<id>` with kind `staff`, `resident` or `client` (API clients and devices). When
staff act for a resident, identity issues the resident a token in the manner of RFC 8693:
`sub` is the resident, `act` = {"sub": "staff:<uuid>", "name": ...} names the staff member and
a `reason` claim says why; the actor is then the staff member, `on_behalf_of` the resident.

ARCHITECTURE.md's rule: out of the caller's scope -> 404 (existence not revealed) for things
whose existence is private; in scope but not allowed -> 403.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

import httpx
import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jwt import PyJWKSet

from services.kit.clock import Clock
from services.kit.errors import NotFound, PermissionDenied, Unauthenticated
from services.kit.revocations import Revocations
from services.kit.scope import is_within

log = logging.getLogger("kit.auth")

ALGORITHMS = ["EdDSA", "ES256"]
# How soon an unknown key id may trigger another JWKS fetch (rotation, without a fetch storm).
JWKS_REFRESH_SECONDS = 30.0
# Machines' clocks differ a little; a token this far past expiry is still refused.
CLOCK_SKEW_SECONDS = 10


@dataclass(frozen=True)
class Grant:
    role: str
    place_id: str
    path: str
    perms: frozenset[str]


@dataclass(frozen=True)
class Principal:
    subject: str  # the token's `sub`: "staff:<uuid>", "resident:<uuid>", "client:<uuid>"
    kind: str  # staff | resident | client | device
    grants: tuple[Grant, ...] = ()
    organisation_id: str | None = None
    claims: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def acting(self) -> dict[str, Any] | None:
        """The `act` claim: the staff member acting for the token's subject, if any."""
        act = self.claims.get("act")
        return act if isinstance(act, dict) and act.get("sub") else None

    @property
    def actor(self) -> str:
        """Who did it, as event rows record it: the acting staff member, else the subject."""
        return str(self.acting["sub"]) if self.acting else self.subject

    @property
    def actor_kind(self) -> str:
        """staff, contractor (an organisation's staff or system), client, device or resident
        (kit.events.ACTOR_KINDS; `system` is the services' own jobs, never a token)."""
        if self.acting:
            return "staff"
        if self.organisation_id and self.kind in ("staff", "client"):
            return "contractor"  # an organisation's worker or system (a device stays a device)
        return self.kind

    @property
    def actor_name(self) -> str | None:
        """The display name the token carries (staff and API clients; residents have none)."""
        name = self.acting.get("name") if self.acting else self.claims.get("name")
        return str(name) if name else None

    @property
    def on_behalf_of(self) -> str | None:
        return self.subject if self.acting else None

    @property
    def reason(self) -> str | None:
        reason = self.claims.get("reason") if self.acting else None
        return str(reason) if reason else None

    def can(self, permission: str, place_path: str) -> bool:
        return any(permission in g.perms and is_within(place_path, g.path) for g in self.grants)

    def sees(self, place_path: str) -> bool:
        return any(is_within(place_path, g.path) for g in self.grants)

    def scope_paths(self, permission: str) -> list[str]:
        """The places under which `permission` holds, for filtering lists in the query."""
        return [g.path for g in self.grants if permission in g.perms]

    @classmethod
    def from_claims(cls, claims: dict[str, Any]) -> Principal:
        grants = tuple(
            Grant(
                role=str(g["role"]),
                place_id=str(g["place_id"]),
                path=str(g["path"]),
                perms=frozenset(str(p) for p in g.get("perms", ())),
            )
            for g in claims.get("grants", ())
        )
        return cls(
            subject=str(claims["sub"]),
            kind=str(claims.get("kind", "staff")),
            grants=grants,
            organisation_id=claims.get("org"),
            claims=claims,
        )


class TokenVerifier:
    """Verifies access tokens against a JWKS given inline or fetched from identity, and
    refuses those of sessions identity has ended (`sid` in `revocations`, kit.revocations)."""

    def __init__(
        self,
        *,
        jwks: str = "",
        jwks_url: str = "",
        issuer: str,
        clock: Clock | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        revocations: Revocations | None = None,
    ) -> None:
        self.issuer = issuer
        self.revocations = revocations
        self.clock = clock or Clock()
        self.jwks_url = jwks_url
        self._transport = transport
        self._keys: dict[str, Any] = {}
        self._fetched_at: float | None = None
        # Requests meeting an unknown kid while a fetch is running wait for that fetch
        # instead of being refused by the rate limit on fetches.
        self._refreshing = asyncio.Lock()
        self._local: Callable[[], dict[str, Any]] | None = None
        if jwks:
            self._load(json.loads(jwks))

    def use_local_keys(self, provider: Callable[[], dict[str, Any]]) -> None:
        """For the issuer itself: read the JWKS from its own key ring, not over HTTP."""
        self._local = provider

    def use_revocations(self, revocations: Revocations) -> None:
        """For the issuer itself: the ended sessions from its own database, not over HTTP."""
        self.revocations = revocations

    async def session_ended(self, sid: object, subject: object = None) -> bool:
        """Whether identity has ended the session a token's `sid` names, or deleted the
        account its `sub` names (set lookups; the set is fetched again first when due)."""
        if self.revocations is None:
            return False
        await self.revocations.keep_fresh()
        return self.revocations.refuses(sid, subject)

    def _load(self, document: dict[str, Any]) -> None:
        keys = {}
        for key in PyJWKSet.from_dict(document).keys:
            if key.key_id:
                keys[key.key_id] = key
        # Keep keys we knew: a rotated-out key still verifies tokens until they expire.
        self._keys.update(keys)

    async def _refresh(self) -> None:
        if not self.jwks_url:
            return
        async with self._refreshing:
            last = self._fetched_at
            if last is not None and time.monotonic() - last < JWKS_REFRESH_SECONDS:
                return  # fetched a moment ago (perhaps while this request waited)
            try:
                async with httpx.AsyncClient(transport=self._transport, timeout=3.0) as client:
                    response = await client.get(self.jwks_url)
                    response.raise_for_status()
                    self._load(response.json())
            except (httpx.HTTPError, ValueError) as exc:
                log.warning("could not fetch JWKS: %s", type(exc).__name__)
            finally:
                self._fetched_at = time.monotonic()

    async def verify(self, token: str) -> Principal:
        # One answer for every failure: no hint of which part was wrong.
        invalid = Unauthenticated("invalid_token", "The access token is not valid.")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise invalid from None
        kid = header.get("kid")
        if not isinstance(kid, str):
            raise invalid
        if kid not in self._keys and self._local is not None:
            self._load(self._local())
        if kid not in self._keys:
            await self._refresh()
        key = self._keys.get(kid)
        if key is None:
            raise invalid
        try:
            claims = jwt.decode(
                token,
                key=key.key,
                algorithms=ALGORITHMS,
                issuer=self.issuer,
                # Expiry is judged by our clock (settable in tests), not PyJWT's system time.
                options={
                    "require": ["exp", "iat", "sub", "iss"],
                    "verify_exp": False,
                    "verify_iat": False,
                },
            )
            if float(claims["exp"]) + CLOCK_SKEW_SECONDS <= self.clock.now().timestamp():
                raise invalid
            if claims.get("typ", "access") != "access":
                raise invalid
            if await self.session_ended(claims.get("sid"), claims.get("sub")):
                # Signed out, disabled, password reset, account deleted (kit.revocations).
                raise invalid
            return Principal.from_claims(claims)
        except (jwt.PyJWTError, KeyError, TypeError, ValueError):
            raise invalid from None


_bearer = HTTPBearer(auto_error=False, description="Access token from identity")


# Where a request's verified caller is kept (the request's state), once verified.
_PRINCIPAL = "kit_principal"


async def _optional_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal | None:
    state = request.scope.setdefault("state", {})
    if _PRINCIPAL in state:
        known: Principal | None = state[_PRINCIPAL]
        return known
    principal = None
    if credentials is not None:
        verifier: TokenVerifier = request.app.state.token_verifier
        principal = await verifier.verify(credentials.credentials)
    state[_PRINCIPAL] = principal
    return principal


async def principal_of(request: Request) -> Principal | None:
    """The caller, as `OptionalPrincipalDep` gives it to a route and verified once a request,
    for kit's own dependencies that only need to know who calls (an idempotency key's scope,
    the anonymous limits). As a dependency of theirs, the principal and its HTTPBearer were
    two more nodes FastAPI solves on every request for each of them: on a report, a fifth of
    the Python calls its dependencies cost (`benchmarks/intake/report.py`)."""
    return await _optional_principal(request, await _bearer(request))


async def _required_principal(
    principal: Annotated[Principal | None, Depends(_optional_principal)],
) -> Principal:
    if principal is None:
        raise Unauthenticated("authentication_required", "Sign in to do this.")
    return principal


OptionalPrincipalDep = Annotated[Principal | None, Depends(_optional_principal)]
PrincipalDep = Annotated[Principal, Depends(_required_principal)]


def requires(permission: str) -> dict[str, Any]:
    """Declare an operation's permission in its OpenAPI (`x-permission`), for the access matrix."""
    return {"x-permission": permission}


def authorize(
    principal: Principal | None,
    permission: str,
    place_path: str,
    *,
    hidden: NotFound | None = None,
) -> Principal:
    """Allow, or refuse with 401 (no one signed in) or 403 (not allowed here).

    For things whose existence is itself private (a ticket, a booking), pass `hidden`: a
    caller with no role anywhere above the thing then gets that 404 instead of a 403.
    Public things (places, which anyone may read) keep the honest 403.
    """
    if principal is None:
        raise Unauthenticated("authentication_required", "Sign in to do this.")
    if principal.can(permission, place_path):
        return principal
    if hidden is not None and not principal.sees(place_path):
        raise hidden
    raise PermissionDenied("forbidden", f"Your roles here do not include {permission}.")
