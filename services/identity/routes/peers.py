"""What other services ask identity for, besides tokens: one organisation by id (so a
client never pages through all of them), where it may work, what they may learn about
residents (each question behind its own scope on the asking service's API client; answers
carry ids, counts and yes or no, never a phone or a name), and events sent to identity
(`POST /v1/events`).

Questions about a place (a household, a count) hold only at the client's places: elsewhere
a household is a 404, a count a 403. Questions about a resident by id (their households,
a child's birth year, a message) need the scope anywhere; their households are filtered to
the client's places."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from services.identity import organisations, residents, verified_homes
from services.identity.context import ContextDep
from services.identity.permissions import DEPENDANTS_READ, scope_of
from services.identity.resident_messages import PERM_MESSAGE, message_resident
from services.identity.schemas import (
    CoveredPlaceOut,
    DependantBirthYearOut,
    HouseholdMembershipOut,
    OrganisationCoverage,
    OrganisationOut,
    ResidentHouseholdOut,
    ResidentHouseholdsOut,
    ResidentMessageIn,
    ResidentMessageOut,
    VerifiedHouseholdsOut,
)
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import PrincipalDep, authorize, requires
from services.kit.errors import NotFound

router = APIRouter(prefix="/v1", tags=["administration"])
asked = APIRouter(prefix="/v1", tags=["asked by services"])

PLACE_PATH = r"^/([0-9a-f-]{36}/)+$"


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


@asked.get(
    "/households/{household_id:uuid}/members/{resident_id:uuid}",
    summary="Is the resident a verified member of the household, and at which unit door",
    description="`verified` is the yes or no; a resident who never joined is `member: false`. "
    "A household outside the client's places is a 404, as an unknown one.",
    openapi_extra=requires(verified_homes.PERM_READ),
)
async def household_membership(
    household_id: uuid.UUID,
    resident_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
) -> HouseholdMembershipOut:
    scope_of(principal, verified_homes.PERM_READ)
    not_found = NotFound("household_not_found", "No such household.")
    household = await residents.get_household(session, household_id)
    authorize(principal, verified_homes.PERM_READ, household.unit_path, hidden=not_found)
    found = await verified_homes.membership(session, household, resident_id=resident_id)
    return HouseholdMembershipOut(
        household_id=household.id,
        resident_id=resident_id,
        unit_place_id=household.unit_place_id,
        unit_code=household.unit_code,
        member=found.member is not None,
        verified=found.verified,
    )


@asked.get(
    "/residents/{resident_id:uuid}/households",
    summary="A resident's households at the client's places (ids, unit doors, verified)",
    description="No room numbers: with the unit door a room is an address. The resident sees "
    "their own at `GET /v1/me/households`.",
    openapi_extra=requires(verified_homes.PERM_READ),
)
async def resident_households(
    resident_id: uuid.UUID, session: SessionDep, principal: PrincipalDep
) -> ResidentHouseholdsOut:
    scope = scope_of(principal, verified_homes.PERM_READ)
    resident = await residents.get_resident(session, resident_id)
    rows = await verified_homes.households_within(session, resident.id, scope=scope)
    return ResidentHouseholdsOut(
        resident_id=resident.id,
        households=[
            ResidentHouseholdOut(
                household_id=h.id,
                unit_place_id=h.unit_place_id,
                unit_code=h.unit_code,
                relation=m.relation,
                verified=verified_homes.is_verified(m, h),
            )
            for h, m in rows
        ],
    )


@asked.get(
    "/households/verified-count",
    summary="How many verified households are under a place (a vote's quorum)",
    openapi_extra=requires(verified_homes.PERM_COUNT),
)
async def verified_households(
    session: SessionDep,
    principal: PrincipalDep,
    place_path: Annotated[str, Query(max_length=400, pattern=PLACE_PATH)],
) -> VerifiedHouseholdsOut:
    scope_of(principal, verified_homes.PERM_COUNT)
    # Places are public: outside the client's places is the honest 403.
    authorize(principal, verified_homes.PERM_COUNT, place_path)
    count = await verified_homes.count_verified_under(session, place_path)
    return VerifiedHouseholdsOut(place_path=place_path, verified_households=count)


@asked.get(
    "/residents/{guardian_id:uuid}/dependants/{dependant_id:uuid}",
    summary="A child's birth year, for the guardian a service names (404 if not their child)",
    openapi_extra=requires(DEPENDANTS_READ),
)
async def dependant_birth_year(
    guardian_id: uuid.UUID,
    dependant_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
) -> DependantBirthYearOut:
    scope_of(principal, DEPENDANTS_READ)
    child = await residents.child_of(session, guardian_id, dependant_id=dependant_id)
    return DependantBirthYearOut(
        dependant_id=child.id, guardian_id=child.guardian_id, birth_year=child.birth_year
    )


@asked.post(
    "/residents/{resident_id:uuid}/messages",
    summary="Message a resident by id (texted to the phone identity holds; recorded)",
    description="A resident with no phone on record gets nothing: 200 with `delivered: false` "
    "and `undelivered_reason: no_contact`, so a job does not retry what cannot arrive.",
    openapi_extra=requires(PERM_MESSAGE),
)
async def message_a_resident(
    resident_id: uuid.UUID,
    data: ResidentMessageIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> ResidentMessageOut:
    scope_of(principal, PERM_MESSAGE)
    resident = await residents.get_resident(session, resident_id)
    sent = await message_resident(
        session,
        resident,
        template=data.template,
        text=data.text,
        sender=ctx.sender,
        cipher=ctx.cipher,
        now=clock.now(),
    )
    if sent is None:
        return ResidentMessageOut(
            resident_id=resident.id, delivered=False, undelivered_reason="no_contact"
        )
    return ResidentMessageOut(
        resident_id=resident.id,
        delivered=sent.accepted,
        message_id=sent.id,
        channel=sent.channel,
        undelivered_reason=None if sent.accepted else "refused",
    )
