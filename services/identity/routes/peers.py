"""What other services ask identity for, besides tokens: one organisation by id (so a
client never pages through all of them), where it may work, and events sent to identity
(`POST /v1/events`)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from services.identity import organisations
from services.identity.schemas import CoveredPlaceOut, OrganisationCoverage, OrganisationOut
from services.kit.app import SessionDep

router = APIRouter(prefix="/v1", tags=["administration"])


@router.get(
    "/organisations/{organisation_id:uuid}",
    summary="One enabled organisation (public name and kind, as in the list)",
)
async def get_organisation(organisation_id: uuid.UUID, session: SessionDep) -> OrganisationOut:
    org = await organisations.get_enabled(session, organisation_id=organisation_id)
    return OrganisationOut.model_validate(org)


@router.get(
    "/organisations/{organisation_id}/coverage",
    summary="Where an enabled organisation holds a permission (its keys' and staff's places)",
    description="E.g. `permission=intake:workorders:work`: the places where the "
    "organisation's active API clients or its enabled staff's active grants may take work "
    "orders. Intake asks before offering an order at a place.",
)
async def get_coverage(
    organisation_id: uuid.UUID,
    session: SessionDep,
    permission: Annotated[str, Query(min_length=3, max_length=80, pattern=r"^[a-z0-9_:.-]+$")],
) -> OrganisationCoverage:
    places = await organisations.coverage(
        session, organisation_id=organisation_id, permission=permission
    )
    return OrganisationCoverage(
        organisation_id=organisation_id,
        permission=permission,
        places=[CoveredPlaceOut.model_validate(p) for p in places],
    )
