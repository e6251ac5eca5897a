"""Residents without a smartphone (many of our residents are elderly): community staff keep
a record for them and act for them (sessions.act_for) with a reason.

A record is made at the resident's home (a unit door and a room number), as a household
member verified by the staff member who made it, having met them: so the same rule that
lets staff act for any resident (PERM_ACT_FOR over one of their homes) lets them act for
this one, and the record is in the community's hands from the start.

A record has no phone to sign in with. A family member's phone may be kept as a contact:
stored apart (contact_phone_*), never looked up by the sign-in, so it may also be that
family member's own account's phone; the two records stay separate and unlinked. If the
resident later signs in with a phone of their own, that is a new account (no merging yet).

Finding a resident (by name, or a phone typed in full) answers only residents with a home
under the staff member's places, and every search is recorded (never what was typed).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import permissions, residents
from services.identity.audit import record_admin_event
from services.identity.models import Household, HouseholdMember, Resident
from services.kit.auth import Principal
from services.kit.clients.directory import PlaceRef
from services.kit.errors import Conflict, FieldError, InvalidInput
from services.kit.personal import PersonalDataCipher, parse_mobile
from services.kit.scope import within_any

PERM_ACT_FOR = permissions.HOUSEHOLDS_VERIFY
SEARCH_LIMIT = 20


@dataclass(frozen=True)
class Found:
    resident: Resident
    homes: list[Household]


async def create_record(
    session: AsyncSession,
    *,
    staff: Principal,
    name: str,
    unit: PlaceRef,
    room_no: str,
    relation: str,
    contact_phone: str | None,
    cipher: PersonalDataCipher,
    now: datetime,
) -> Found:
    """A resident record kept by staff, at a home they verify now. The caller has checked
    that `staff` holds PERM_ACT_FOR over the unit door."""
    clean = " ".join(name.split())
    if not clean:
        raise InvalidInput(
            "name_required",
            "A name is required.",
            errors=[FieldError(pointer="/body/name", detail="required", code="required")],
        )
    contact = parse_mobile(contact_phone) if contact_phone else None
    resident = Resident(
        id=uuid.uuid4(),
        display_name=clean,
        contact_phone_cipher=cipher.encrypt(contact) if contact else None,
        contact_phone_hash=cipher.lookup_hash(contact) if contact else None,
        created_by=staff.actor,
        created_at=now,
    )
    session.add(resident)
    await session.flush()
    household, _member = await residents.join_household(
        session, resident=resident, unit=unit, room_no=room_no, relation=relation, now=now
    )
    # One record per name and home: a second tap of "create" finds the first.
    twin = await session.scalar(
        select(Resident.id)
        .join(HouseholdMember, HouseholdMember.resident_id == Resident.id)
        .where(
            HouseholdMember.household_id == household.id,
            Resident.display_name == clean,
            Resident.id != resident.id,
            Resident.deleted_at.is_(None),
        )
        .limit(1)
    )
    if twin is not None:
        raise Conflict(
            "resident_record_exists",
            "A resident of this name is already recorded at this home.",
            resident_id=str(twin),
        )
    # Met in person by the staff member who made the record: verified now.
    await residents.verify_member(
        session, household=household, resident_id=resident.id, actor=staff.actor, now=now
    )
    record_admin_event(
        session,
        actor=staff.actor,
        action="resident.recorded",
        target_kind="resident",
        target_id=str(resident.id),
        now=now,
        place_path=household.unit_path,
        household=str(household.id),
        contact_phone=contact is not None,
    )
    return Found(resident, [household])


async def search(
    session: AsyncSession,
    *,
    staff: Principal,
    scope: list[str],
    name: str | None,
    phone: str | None,
    cipher: PersonalDataCipher,
    now: datetime,
) -> list[Found]:
    """Residents with a home under `scope` whose name holds `name`, or whose own or
    contact phone is `phone` (in full); at most SEARCH_LIMIT, by name. Recorded."""
    name = " ".join((name or "").split()) or None
    if name is None and not phone:
        raise InvalidInput(
            "query_required",
            "Type a name or a phone number.",
            errors=[FieldError(pointer="/body/name", detail="required", code="required")],
        )
    conditions: list[ColumnElement[bool]] = []
    if name is not None:
        escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(Resident.display_name.like(f"%{escaped}%", escape="\\"))
    if phone:
        lookup = cipher.lookup_hash(parse_mobile(phone))
        conditions.append(or_(Resident.phone_hash == lookup, Resident.contact_phone_hash == lookup))
    rows = (
        await session.execute(
            select(Resident, Household)
            .join(HouseholdMember, HouseholdMember.resident_id == Resident.id)
            .join(Household, Household.id == HouseholdMember.household_id)
            .where(
                Resident.deleted_at.is_(None),
                within_any(Household.unit_path, scope),
                or_(*conditions),
            )
            .order_by(Resident.display_name, Resident.id, Household.unit_code, Household.room_no)
        )
    ).all()
    found: dict[uuid.UUID, Found] = {}
    for resident, household in rows:
        if resident.id not in found:
            if len(found) == SEARCH_LIMIT:
                break
            found[resident.id] = Found(resident, [])
        found[resident.id].homes.append(household)
    record_admin_event(
        session,
        actor=staff.actor,
        action="resident.searched",
        target_kind="resident",
        target_id="*",
        now=now,
        # The reader's widest place, so the admins over it see the search too.
        place_path=min(scope, key=len),
        by="+".join(k for k, v in (("name", name), ("phone", phone)) if v),
        found=len(found),
    )
    return list(found.values())
