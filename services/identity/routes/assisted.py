"""Community staff and residents without a smartphone: keeping a record for them, finding
them (assisted.py); acting for them is `POST /v1/tokens/act-for` (routes/auth.py)."""

from __future__ import annotations

from fastapi import APIRouter

from services.identity import assisted
from services.identity.context import ContextDep
from services.identity.permissions import scope_of
from services.identity.schemas import (
    AssistedResidentIn,
    ResidentHomeOut,
    ResidentRecordOut,
    ResidentSearchIn,
)
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import PrincipalDep, authorize, requires
from services.kit.caching import PERSONAL
from services.kit.errors import NotFound
from services.kit.personal import PersonalDataCipher, mask_phone

router = APIRouter(prefix="/v1", tags=["residents"], dependencies=[PERSONAL])


def _out(found: assisted.Found, cipher: PersonalDataCipher) -> ResidentRecordOut:
    r = found.resident
    return ResidentRecordOut(
        id=r.id,
        name=r.display_name,
        phone=mask_phone(cipher.decrypt(r.phone_cipher)) if r.phone_cipher else None,
        contact_phone=(
            mask_phone(cipher.decrypt(r.contact_phone_cipher)) if r.contact_phone_cipher else None
        ),
        kept_by_staff=r.created_by is not None,
        homes=[
            ResidentHomeOut(
                household_id=h.id,
                unit_place_id=h.unit_place_id,
                unit_code=h.unit_code,
                room_no=h.room_no,
            )
            for h in found.homes
        ],
    )


@router.post(
    "/residents",
    status_code=201,
    summary="Keep a record for a resident without a smartphone, at their home (recorded)",
    description="The record is a verified member of the household at the unit door and room; "
    "a family member's phone is kept as a contact only (never a sign-in). Staff then act for "
    "the resident with `POST /v1/tokens/act-for`.",
    openapi_extra=requires(assisted.PERM_ACT_FOR),
)
async def create_record(
    data: AssistedResidentIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> ResidentRecordOut:
    # Directory first, before this request's first statement (kit.calls).
    unit = await ctx.directory.place(data.unit_place_id, pointer="/body/unit_place_id")
    hidden = NotFound("place_not_found", "No such place.")
    authorize(principal, assisted.PERM_ACT_FOR, unit.path, hidden=hidden)
    found = await assisted.create_record(
        session,
        staff=principal,
        name=data.name,
        unit=unit,
        room_no=data.room_no,
        relation=data.relation,
        contact_phone=data.contact_phone,
        cipher=ctx.cipher,
        now=clock.now(),
    )
    return _out(found, ctx.cipher)


@router.post(
    "/residents/search",
    summary="Find residents of my communities by name or a phone typed in full (recorded)",
    description="Only residents with a home under the caller's places; phones masked. The "
    "query travels in the body, never in the URL.",
    openapi_extra=requires(assisted.PERM_ACT_FOR),
)
async def search_residents(
    data: ResidentSearchIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> list[ResidentRecordOut]:
    scope = scope_of(principal, assisted.PERM_ACT_FOR)
    found = await assisted.search(
        session,
        staff=principal,
        scope=scope,
        name=data.name,
        phone=data.phone,
        cipher=ctx.cipher,
        now=clock.now(),
    )
    return [_out(f, ctx.cipher) for f in found]
