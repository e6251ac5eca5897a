"""Organisations: contractors, property companies and partners (public names, for pickers)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from services.identity import organisations, permissions
from services.identity.schemas import OrganisationIn, OrganisationOut
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import CurrentPrincipal, requires
from services.kit.pagination import Page, PageDep

router = APIRouter(prefix="/v1", tags=["administration"])

PERM_ORGS = organisations.PERM_ORGS


@router.post(
    "/organisations",
    status_code=201,
    summary="Register a contractor, property company or partner",
    openapi_extra=requires(PERM_ORGS),
)
async def create_organisation(
    data: OrganisationIn, session: SessionDep, clock: ClockDep, principal: CurrentPrincipal
) -> OrganisationOut:
    permissions.scope_of(principal, PERM_ORGS)
    org = await organisations.create_organisation(
        session, name=data.name, kind=data.kind, actor=principal.subject, now=clock.now()
    )
    return OrganisationOut.model_validate(org)


@router.get("/organisations", summary="Organisations (public names, for pickers)")
async def list_organisations(
    session: SessionDep,
    page: PageDep,
    kind: Annotated[str | None, Query(pattern="^(contractor|property_company|partner)$")] = None,
) -> Page[OrganisationOut]:
    rows, total = await organisations.list_organisations(session, kind=kind, page=page)
    return Page[OrganisationOut](
        items=[OrganisationOut.model_validate(o) for o in rows], total=total
    )
