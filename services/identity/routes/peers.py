"""What other services ask identity for, besides tokens: one organisation by id (so a
client never pages through all of them), and events sent to identity (`POST /v1/events`)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from services.identity import organisations
from services.identity.schemas import OrganisationOut
from services.kit.app import SessionDep

router = APIRouter(prefix="/v1", tags=["administration"])


@router.get(
    "/organisations/{organisation_id}",
    summary="One enabled organisation (public name and kind, as in the list)",
)
async def get_organisation(organisation_id: uuid.UUID, session: SessionDep) -> OrganisationOut:
    org = await organisations.get_enabled(session, organisation_id=organisation_id)
    return OrganisationOut.model_validate(org)
