"""What community staff do with residents' claims (住户核验): the queue of waiting claims in
their communities, oldest first; approve; refuse with a reason the resident sees; withdraw
a verification when someone moved out. Each decision is an admin event; a withdrawal also
leaves through identity's outbox (`household.verification_withdrawn`, ids only) so parking
can act on a permit. Claims are seen only within the staff member's grants (a claim
elsewhere is a 404: its existence is not theirs to learn)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import permissions
from services.identity.audit import record_admin_event
from services.identity.households import (
    PERM_VERIFY,
    WITHDRAWN_TOPIC,
    unverify_if_nobody_left,
)
from services.identity.models import Household, HouseholdClaim, HouseholdMember, Resident, outbox
from services.kit.auth import Principal, authorize
from services.kit.errors import Conflict, InvalidInput, NotFound
from services.kit.pagination import PageParams, fetch_page
from services.kit.scope import within_any
from services.kit.todo import Label, TodoItem

QUEUE_LINK = "/console/households"


def _not_found() -> NotFound:
    return NotFound("claim_not_found", "没有这条住户登记。")


async def queue(
    session: AsyncSession, principal: Principal, *, status: str, page: PageParams
) -> tuple[list[tuple[HouseholdClaim, Household, Resident]], int]:
    """Claims of one status within the caller's grants, oldest first; a page and the total.
    A caller who verifies nowhere is refused (403), not shown an empty list."""
    paths = permissions.scope_of(principal, PERM_VERIFY)
    ids = (
        select(HouseholdClaim.id)
        .join(Household, Household.id == HouseholdClaim.household_id)
        .where(HouseholdClaim.status == status, within_any(Household.unit_path, paths))
        .order_by(HouseholdClaim.claimed_at, HouseholdClaim.id)
    )
    claim_ids, total = await fetch_page(session, ids, page=page)
    if not claim_ids:
        return [], total
    rows = await session.execute(
        select(HouseholdClaim, Household, Resident)
        .join(Household, Household.id == HouseholdClaim.household_id)
        .join(Resident, Resident.id == HouseholdClaim.resident_id)
        .where(HouseholdClaim.id.in_(claim_ids))
        .order_by(HouseholdClaim.claimed_at, HouseholdClaim.id)
    )
    return [(c, h, r) for c, h, r in rows], total


async def claim_in_scope(
    session: AsyncSession, claim_id: uuid.UUID, *, principal: Principal, lock: bool = False
) -> tuple[HouseholdClaim, Household, Resident]:
    """A claim the caller may verify (404 out of scope, 403 in scope without the permission)."""
    statement = (
        select(HouseholdClaim, Household, Resident)
        .join(Household, Household.id == HouseholdClaim.household_id)
        .join(Resident, Resident.id == HouseholdClaim.resident_id)
        .where(HouseholdClaim.id == claim_id)
    )
    if lock:
        # Two staff deciding one claim at once: the second waits, then sees the first's.
        statement = statement.with_for_update(of=HouseholdClaim)
    row = (await session.execute(statement)).first()
    if row is None:
        raise _not_found()
    claim, household, resident = row
    authorize(principal, PERM_VERIFY, household.unit_path, hidden=_not_found())
    return claim, household, resident


async def household_in_scope(
    session: AsyncSession, household_id: uuid.UUID, *, principal: Principal
) -> Household:
    """A home the caller may verify members of (404 out of scope, as for a claim)."""
    not_found = NotFound("household_not_found", "没有这户。")
    household = await session.get(Household, household_id)
    if household is None:
        raise not_found
    authorize(principal, PERM_VERIFY, household.unit_path, hidden=not_found)
    return household


def _reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise InvalidInput("reason_required", "请写明原因，住户会看到它。")
    return text[:200]


def _record(
    session: AsyncSession,
    action: str,
    *,
    claim: HouseholdClaim,
    household: Household,
    actor: str,
    now: datetime,
    **detail: str,
) -> None:
    record_admin_event(
        session,
        actor=actor,
        action=action,
        target_kind="household",
        target_id=str(household.id),
        now=now,
        place_path=household.unit_path,
        claim=str(claim.id),
        resident=str(claim.resident_id),
        **detail,
    )


async def approve(
    session: AsyncSession, claim: HouseholdClaim, *, household: Household, actor: str, now: datetime
) -> None:
    if claim.status != "pending":
        raise Conflict("claim_decided", "这条登记已经处理过了。")
    member = await session.get(HouseholdMember, (household.id, claim.resident_id))
    assert member is not None  # a waiting claim keeps its member row (households module)
    member.verified_at, member.verified_by = now, actor
    if household.verified_at is None:
        household.verified_at, household.verified_by = now, actor
    claim.status, claim.decided_at, claim.decided_by = "verified", now, actor
    _record(session, "household.verified", claim=claim, household=household, actor=actor, now=now)


async def refuse(
    session: AsyncSession,
    claim: HouseholdClaim,
    *,
    household: Household,
    reason: str | None,
    actor: str,
    now: datetime,
) -> None:
    text = _reason(reason)
    if claim.status != "pending":
        raise Conflict("claim_decided", "这条登记已经处理过了。")
    member = await session.get(HouseholdMember, (household.id, claim.resident_id))
    if member is not None:
        await session.delete(member)
    claim.status, claim.decided_at, claim.decided_by, claim.reason = "refused", now, actor, text
    _record(
        session,
        "household.refused",
        claim=claim,
        household=household,
        actor=actor,
        now=now,
        reason=text,
    )


async def withdraw(
    session: AsyncSession,
    claim: HouseholdClaim,
    *,
    household: Household,
    reason: str | None,
    actor: str,
    now: datetime,
) -> None:
    """A verified member moved out: the member row goes, the event tells other services."""
    text = _reason(reason)
    if claim.status != "verified":
        raise Conflict("claim_not_verified", "只有已核验的登记可以撤销核验。")
    member = await session.get(HouseholdMember, (household.id, claim.resident_id))
    if member is not None:
        await session.delete(member)
        await session.flush()
    await unverify_if_nobody_left(session, household)
    claim.status, claim.decided_at, claim.decided_by, claim.reason = "withdrawn", now, actor, text
    _record(
        session,
        "household.withdrawn",
        claim=claim,
        household=household,
        actor=actor,
        now=now,
        reason=text,
    )
    # No receiver yet (parking subscribes when it is built): the event waits in the outbox.
    await outbox.publish(
        session,
        topic=WITHDRAWN_TOPIC,
        key=str(household.id),
        payload={
            "household_id": str(household.id),
            "resident_id": str(claim.resident_id),
            "unit_place_id": str(household.unit_place_id),
        },
        now=now,
        destinations=(),
    )


async def verify_member(
    session: AsyncSession,
    *,
    household: Household,
    resident_id: uuid.UUID,
    actor: str,
    now: datetime,
) -> HouseholdMember:
    """Approve a resident's waiting claim on a home (by household and resident)."""
    member = await session.get(HouseholdMember, (household.id, resident_id))
    if member is None:
        raise NotFound("member_not_found", "这位住户没有申请加入这户。")
    claim = await session.scalar(
        select(HouseholdClaim).where(
            HouseholdClaim.household_id == household.id,
            HouseholdClaim.resident_id == resident_id,
            HouseholdClaim.status == "pending",
        )
    )
    if claim is not None:
        await approve(session, claim, household=household, actor=actor, now=now)
    elif member.verified_at is None:  # pragma: no cover - a member row without a claim
        member.verified_at, member.verified_by = now, actor
    return member


async def todo_counts(
    session: AsyncSession, principal: Principal, *, now: datetime
) -> list[TodoItem]:
    """The console home's count of claims waiting in the caller's communities."""
    paths = principal.scope_paths(PERM_VERIFY)
    if not paths:
        return []
    waiting = await session.scalar(
        select(func.count())
        .select_from(HouseholdClaim)
        .join(Household, Household.id == HouseholdClaim.household_id)
        .where(HouseholdClaim.status == "pending", within_any(Household.unit_path, paths))
    )
    return [
        TodoItem(
            key="identity.household_claims",
            label=Label(zh_cn="待核验住户", en="Households to verify"),
            count=int(waiting or 0),
            link=QUEUE_LINK,
        )
    ]
