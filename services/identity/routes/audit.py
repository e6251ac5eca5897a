"""The record of administrative acts (and of reads of personal data in clear)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from services.identity import audit, permissions
from services.identity.schemas import AdminEventOut
from services.kit.app import SessionDep
from services.kit.auth import CurrentPrincipal, requires
from services.kit.pagination import Page, PageDep

router = APIRouter(prefix="/v1", tags=["administration"])

PERM_AUDIT = permissions.AUDIT_READ


@router.get(
    "/audit", summary="Administrative acts within your places", openapi_extra=requires(PERM_AUDIT)
)
async def list_admin_events(
    session: SessionDep,
    principal: CurrentPrincipal,
    page: PageDep,
    action: Annotated[str | None, Query(max_length=40)] = None,
) -> Page[AdminEventOut]:
    scope = permissions.scope_of(principal, PERM_AUDIT)
    rows, total = await audit.list_admin_events(
        session, scope=scope, actor=principal.subject, action=action, page=page
    )
    return Page[AdminEventOut](items=[AdminEventOut.model_validate(e) for e in rows], total=total)
