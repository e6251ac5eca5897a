"""What other services ask identity for, besides tokens: one organisation by id (so a
client never pages through all of them), and events sent to identity (`POST /v1/events`)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from services.identity.models import Organisation
from services.identity.schemas import OrganisationOut
from services.kit.app import SessionDep
from services.kit.errors import NotFound

router = APIRouter(prefix="/v1", tags=["administration"])


@router.get(
    "/organisations/{organisation_id}",
    summary="One enabled organisation (public name and kind, as in the list)",
)
async def get_organisation(organisation_id: uuid.UUID, session: SessionDep) -> OrganisationOut:
    org = await session.get(Organisation, organisation_id)
    if org is None or org.disabled_at is not None:
        raise NotFound("organisation_not_found", "No such organisation.")
    return OrganisationOut.model_validate(org)
