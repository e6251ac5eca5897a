"""Roles and the permissions they give. Roles are data in the `roles` table; this is the
initial set each service declares (the console edits them later).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.models import Role

# The permissions each service declares (service: permissions).
PERMISSIONS: dict[str, tuple[str, ...]] = {
    "directory": (
        "directory:places:write",
        "directory:codes:manage",
        "directory:codes:print",
        "directory:calendar:write",
    ),
    "intake": (
        "intake:tickets:read",
        "intake:tickets:handle",
        "intake:webhooks:manage",
        # Street and district admins: categories as their street office has them.
        "intake:categories:manage",
        # Contractors: their organisation's work orders (accept, progress, evidence, done).
        "intake:workorders:work",
        # The 12345 hotline system pushing cases; Open311 clients posting requests.
        "intake:hotline:push",
        "intake:open311:submit",
        # The enforcement office (城管) answering referrals.
        "intake:referrals:answer",
    ),
    "identity": (
        "identity:staff:manage",
        "identity:grants:manage",
        "identity:organisations:manage",
        "identity:clients:manage",
        "identity:households:verify",
        "identity:audit:read",
        "identity:personal:reveal",
        "identity:notify",
        "identity:events:send",
    ),
}

ALL = tuple(p for perms in PERMISSIONS.values() for p in perms)
# What integrations hold (given to API keys, not to staff roles).
CLIENT_ONLY = (
    "identity:notify",
    "identity:events:send",
    "intake:workorders:work",
    "intake:hotline:push",
    "intake:open311:submit",
    "intake:referrals:answer",
)
ADMIN = tuple(p for p in ALL if p not in CLIENT_ONLY)
COMMUNITY = (
    "intake:tickets:read",
    "intake:tickets:handle",
    "directory:places:write",
    "directory:codes:manage",
    "directory:codes:print",
    "identity:households:verify",
    "identity:personal:reveal",
    "identity:audit:read",
)


@dataclass(frozen=True)
class RoleDeclaration:
    name: str
    title_zh: str
    title_en: str
    place_kinds: tuple[str, ...]
    permissions: tuple[str, ...]


INITIAL_ROLES = (
    RoleDeclaration("district_admin", "区级管理员", "District admin", ("district",), ADMIN),
    RoleDeclaration(
        "street_admin",
        "街道管理员",
        "Street-office admin",
        ("street",),
        tuple(p for p in ADMIN if p != "directory:calendar:write"),
    ),
    RoleDeclaration(
        "community_staff", "社区工作人员", "Community staff", ("community",), COMMUNITY
    ),
    RoleDeclaration(
        "building_captain",
        "楼门长",
        "Building captain",
        ("building",),
        ("directory:codes:print", "intake:tickets:read"),
    ),
    RoleDeclaration(
        "venue_staff", "场馆工作人员", "Venue staff", ("venue",), ("directory:codes:manage",)
    ),
    RoleDeclaration(
        "parking_manager",
        "停车管理员",
        "Parking manager",
        ("parking_area", "community"),
        ("directory:codes:manage",),
    ),
    RoleDeclaration(
        "station_staff", "驿站工作人员", "Station staff", ("station",), ("directory:codes:manage",)
    ),
    RoleDeclaration(
        "contractor_worker",
        "承接单位维修员",
        "Contractor worker",
        ("street", "community"),
        ("intake:workorders:work",),
    ),
)


async def ensure_roles(session: AsyncSession) -> None:
    """Add the declared roles that are missing; never overwrite what staff have edited."""
    existing = set(await session.scalars(select(Role.name)))
    for role in INITIAL_ROLES:
        if role.name not in existing:
            session.add(
                Role(
                    name=role.name,
                    title_zh=role.title_zh,
                    title_en=role.title_en,
                    place_kinds=list(role.place_kinds),
                    permissions=list(role.permissions),
                )
            )
    await session.flush()
