"""Permissions as data: each service declares its catalogue in its own `permissions.py`.

A catalogue names the service's permissions (with one line of meaning in zh-CN and en, and
who may hold each) and its default bindings to the platform's standard roles. The service
serves it at `GET /v1/permissions`; identity learns every catalogue from there and validates
roles, grants and API-key scopes against what it learned, so a new permission needs no
identity code.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from fastapi import APIRouter
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field, model_validator

from services.kit.auth import Principal, PrincipalDep
from services.kit.errors import PermissionDenied

# Staff hold a permission through a role; an integration (another system) or a device (a gate
# camera, a kiosk) through its API key's scopes.
Holder = Literal["staff", "integration", "device"]


class StandardRole(BaseModel):
    """A role every service may bind its permissions to; identity keeps the roles table."""

    model_config = ConfigDict(frozen=True)

    name: str
    title_zh: str
    title_en: str
    # The kinds of place a grant of it hangs on (directory's place kinds).
    place_kinds: tuple[str, ...]


STANDARD_ROLES: tuple[StandardRole, ...] = (
    StandardRole(
        name="district_admin",
        title_zh="区级管理员",
        title_en="District admin",
        place_kinds=("district",),
    ),
    StandardRole(
        name="street_admin",
        title_zh="街道管理员",
        title_en="Street-office admin",
        place_kinds=("street",),
    ),
    StandardRole(
        name="community_staff",
        title_zh="社区工作人员",
        title_en="Community staff",
        place_kinds=("community",),
    ),
    StandardRole(
        name="building_captain",
        title_zh="楼门长",
        title_en="Building captain",
        place_kinds=("building",),
    ),
    StandardRole(
        name="venue_staff", title_zh="场馆工作人员", title_en="Venue staff", place_kinds=("venue",)
    ),
    StandardRole(
        name="parking_manager",
        title_zh="停车管理员",
        title_en="Parking manager",
        place_kinds=("parking_area", "community"),
    ),
    StandardRole(
        name="station_staff",
        title_zh="驿站工作人员",
        title_en="Station staff",
        place_kinds=("station",),
    ),
    StandardRole(
        name="contractor_worker",
        title_zh="承接单位维修员",
        title_en="Contractor worker",
        place_kinds=("street", "community"),
    ),
    # Companies that book notice boards (rooms' partners), on the places they post at.
    StandardRole(
        name="partner_staff",
        title_zh="合作单位人员",
        title_en="Partner staff",
        place_kinds=("street", "community"),
    ),
)
STANDARD_ROLE_NAMES = frozenset(r.name for r in STANDARD_ROLES)


class Permission(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = Field(pattern=r"^[a-z0-9_]+(:[a-z0-9_]+)+$", max_length=80)
    zh: str
    en: str
    holders: tuple[Holder, ...] = ("staff",)
    # Device-only permissions of this service that a holder of this one may put on device
    # keys over their own places (the parking manager issues the gate's key).
    issues: tuple[str, ...] = ()

    @property
    def device_only(self) -> bool:
        return self.holders == ("device",)


class Catalogue(BaseModel):
    """What `GET /v1/permissions` answers, and what identity stores per service."""

    model_config = ConfigDict(frozen=True)

    service: str
    permissions: tuple[Permission, ...]
    # Standard role -> the permissions of this service it holds by default.
    bindings: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Demo only (`make run`): identity's seed names its demo API clients (e.g. "hotline");
    # each service says which of its permissions such a client holds.
    demo_clients: dict[str, tuple[str, ...]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> Catalogue:
        # A catalogue that contradicts itself fails where it is declared (import, a test),
        # not later in identity.
        names = {p.name for p in self.permissions}
        by_name_all = {p.name: p for p in self.permissions}
        foreign = sorted(n for n in names if not n.startswith(f"{self.service}:"))
        if foreign:
            raise ValueError(f"{self.service} declares others' permissions: {foreign}")
        for role, perms in self.bindings.items():
            if role not in STANDARD_ROLE_NAMES:
                raise ValueError(f"{self.service} binds an unknown role: {role}")
            by_name = {p.name: p for p in self.permissions}
            for perm in perms:
                if perm not in by_name or "staff" not in by_name[perm].holders:
                    raise ValueError(f"{role} cannot hold {perm}: not a staff permission here")
        for client, scopes in self.demo_clients.items():
            for scope in scopes:
                found = by_name_all.get(scope)
                if found is None or found.holders == ("staff",):
                    raise ValueError(f"demo client {client} cannot hold {scope}")
        for permission in self.permissions:
            for issued in permission.issues:
                target = next((p for p in self.permissions if p.name == issued), None)
                if target is None or not target.device_only:
                    raise ValueError(f"{permission.name} issues {issued}: not device-only here")
        return self

    def names(self) -> set[str]:
        return {p.name for p in self.permissions}

    def get(self, name: str) -> Permission | None:
        return next((p for p in self.permissions if p.name == name), None)


def permissions_router(catalogue: Catalogue) -> APIRouter:
    """`GET /v1/permissions`: public (it says what exists, nothing about anyone)."""
    router = APIRouter(prefix="/v1", tags=["permissions"])

    @router.get(
        "/permissions",
        summary="This service's permissions and their default bindings to standard roles",
    )
    async def get_permissions() -> Catalogue:
        return catalogue

    return router


@dataclass(frozen=True)
class Access:
    """What an operation on a resource needs: one permission, or one of its alternatives
    (a work order is read by its contractor, or by staff who read the ticket). The route
    declares it and the resource's loader enforces it from this one value, so the two
    cannot drift (tests/test_access_matrix.py compares them)."""

    permission: str
    alternatives: tuple[str, ...] = ()

    @property
    def any_of(self) -> tuple[str, ...]:
        return (self.permission, *self.alternatives)

    def declare(self) -> dict[str, Any]:
        """The operation's `openapi_extra`: x-permission (and its alternatives)."""
        extra: dict[str, Any] = {"x-permission": self.permission}
        if self.alternatives:
            extra["x-permission-alternatives"] = list(self.alternatives)
        return extra


F = TypeVar("F", bound=Callable[..., Any])


def guard(access: Access) -> Callable[[F], F]:
    """Mark a resource's dependency (load it, authorize on its place path) as enforcing
    `access`; a route that depends on it must declare the same (`access.declare()`)."""

    def mark(dependency: F) -> F:
        dependency.__access__ = access  # type: ignore[attr-defined]
        return dependency

    return mark


def listing(access: Access) -> Callable[[Principal], Awaitable[Principal]]:
    """The caller of a list filtered by their scope (an inbox, subscriptions, referrals), as a
    route's dependency: 401 without one, and the 403 problem an export gives when they hold
    the access nowhere, rather than an empty list that hides the refusal. The route declares
    the same access (`access.declare()`).

        Lister = Annotated[Principal, Depends(listing(READ_ACCESS))]
    """

    @guard(access)
    async def caller(principal: PrincipalDep) -> Principal:
        if not any(principal.scope_paths(p) for p in access.any_of):
            raise PermissionDenied("forbidden", f"Your roles do not include {access.permission}.")
        return principal

    return caller


def guards_of(route: APIRoute) -> list[Access]:
    """The accesses the route's dependencies enforce (for the access-matrix test)."""
    found: list[Access] = []
    pending = list(route.dependant.dependencies)
    while pending:
        dependant = pending.pop()
        access = getattr(dependant.call, "__access__", None)
        if isinstance(access, Access):
            found.append(access)
        pending.extend(dependant.dependencies)
    return found
