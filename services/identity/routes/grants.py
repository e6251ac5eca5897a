"""Roles on places: granted and withdrawn by those who hold identity:grants:manage there."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from services.identity import accounts, staff
from services.identity.context import ContextDep
from services.identity.schemas import GrantIn, GrantOut
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import PrincipalDep, authorize, requires

router = APIRouter(prefix="/v1", tags=["administration"])

PERM_GRANTS = staff.PERM_GRANTS


@router.post(
    "/staff/{user_id:uuid}/grants",
    status_code=201,
    summary="Grant a role on a place",
    openapi_extra=requires(PERM_GRANTS),
)
async def grant_role(
    user_id: uuid.UUID,
    data: GrantIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> GrantOut:
    place = await ctx.directory.place(data.place_id, pointer="/body/place_id")
    authorize(principal, PERM_GRANTS, place.path)
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
    "/staff/{user_id:uuid}/grants/{grant_id:uuid}",
    status_code=204,
    summary="Withdraw a role",
    openapi_extra=requires(PERM_GRANTS),
)
async def withdraw_grant(
    user_id: uuid.UUID,
    grant_id: uuid.UUID,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
) -> None:
    grant = await staff.get_grant(session, user_id=user_id, grant_id=grant_id)
    authorize(principal, PERM_GRANTS, grant.place_path)
    await accounts.withdraw_role(session, grant=grant, actor=principal.subject, now=clock.now())
