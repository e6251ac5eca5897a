"""Staff accounts, administered within the caller's places: open, list, change, reset a
password, reveal a phone (recorded)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from services.identity import accounts, permissions, staff
from services.identity.context import ContextDep
from services.identity.presenters import staff_out
from services.identity.schemas import (
    PasswordReset,
    RevealIn,
    RevealOut,
    StaffChange,
    StaffCreate,
    StaffOut,
)
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import CurrentPrincipal, requires
from services.kit.pagination import Page, PageDep

router = APIRouter(prefix="/v1", tags=["administration"])

PERM_STAFF = staff.PERM_STAFF


@router.post(
    "/staff",
    status_code=201,
    summary="Create a staff account",
    openapi_extra=requires(PERM_STAFF),
)
async def create_staff(
    data: StaffCreate,
    session: SessionDep,
    clock: ClockDep,
    principal: CurrentPrincipal,
    ctx: ContextDep,
) -> StaffOut:
    permissions.scope_of(principal, PERM_STAFF)
    user = await accounts.open_account(
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
    return await staff_out(session, user, ctx.cipher)


@router.get(
    "/staff",
    summary="Staff holding roles within your places",
    openapi_extra=requires(PERM_STAFF),
)
async def list_staff(
    session: SessionDep, principal: CurrentPrincipal, page: PageDep, ctx: ContextDep
) -> Page[StaffOut]:
    scope = permissions.scope_of(principal, PERM_STAFF)
    rows, total = await staff.list_staff(session, scope=scope, page=page)
    return Page[StaffOut](
        items=[await staff_out(session, u, ctx.cipher) for u in rows], total=total
    )


@router.get("/staff/{user_id}", summary="One staff account", openapi_extra=requires(PERM_STAFF))
async def get_staff(
    user_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, ctx: ContextDep
) -> StaffOut:
    scope = permissions.scope_of(principal, PERM_STAFF)
    user = await staff.managed_staff(session, user_id=user_id, scope=scope)
    return await staff_out(session, user, ctx.cipher)


@router.patch(
    "/staff/{user_id}",
    summary="Disable, enable, set on duty, rename",
    openapi_extra=requires(PERM_STAFF),
)
async def change_staff(
    user_id: uuid.UUID,
    data: StaffChange,
    session: SessionDep,
    clock: ClockDep,
    principal: CurrentPrincipal,
    ctx: ContextDep,
) -> StaffOut:
    scope = permissions.scope_of(principal, PERM_STAFF)
    user = await staff.managed_staff(session, user_id=user_id, scope=scope)
    await accounts.change_account(
        session,
        user=user,
        disabled=data.disabled,
        on_duty=data.on_duty,
        display_name=data.display_name,
        actor=principal.subject,
        now=clock.now(),
    )
    return await staff_out(session, user, ctx.cipher)


@router.post(
    "/staff/{user_id}/password",
    status_code=204,
    summary="Reset a password",
    openapi_extra=requires(PERM_STAFF),
)
async def reset_password(
    user_id: uuid.UUID,
    data: PasswordReset,
    session: SessionDep,
    clock: ClockDep,
    principal: CurrentPrincipal,
    ctx: ContextDep,
) -> None:
    scope = permissions.scope_of(principal, PERM_STAFF)
    user = await staff.managed_staff(session, user_id=user_id, scope=scope)
    await accounts.reset_password(
        session,
        user=user,
        password=data.password,
        profile=ctx.settings.password_hashing,
        actor=principal.subject,
        now=clock.now(),
    )


@router.post(
    "/staff/{user_id}/phone/reveal",
    summary="Show a staff member's phone (recorded)",
    openapi_extra=requires(PERM_STAFF),
)
async def reveal_staff_phone(
    user_id: uuid.UUID,
    data: RevealIn,
    session: SessionDep,
    clock: ClockDep,
    principal: CurrentPrincipal,
    ctx: ContextDep,
) -> RevealOut:
    scope = permissions.scope_of(principal, PERM_STAFF)
    user = await staff.managed_staff(session, user_id=user_id, scope=scope)
    phone = staff.reveal_phone(
        session,
        user=user,
        cipher=ctx.cipher,
        reason=data.reason,
        actor=principal.subject,
        now=clock.now(),
    )
    return RevealOut(phone=phone)
