"""The contractor's moves on a work order (the partner routes): accept or decline the
offer, start, report progress, mark done with evidence. Only the order's organisation
makes them (`for_contractor`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import attachments, lifecycle
from services.intake.models import WorkOrderEvent
from services.intake.workorders.machine import MACHINE, Loaded, Mover, move
from services.intake.workorders.queries import hidden_order, is_community_staff, is_theirs, load
from services.kit.auth import Principal
from services.kit.errors import FieldError, InvalidInput, PermissionDenied


async def for_contractor(
    session: AsyncSession, *, principal: Principal, order_id: uuid.UUID
) -> Loaded:
    """An order its organisation moves (locked for the move)."""
    found = await load(session, order_id, lock=True)
    if is_theirs(principal, found):
        return found
    if is_community_staff(principal, found):
        raise PermissionDenied(
            "contractors_only", "Only the organisation the order is offered to takes this step."
        )
    raise hidden_order()


# --- The contractor's moves


async def accept(
    session: AsyncSession, *, found: Loaded, mover: Mover, now: datetime, note: str | None
) -> WorkOrderEvent:
    return await move(
        session,
        found=found,
        mover=mover,
        action="accept",
        now=now,
        note=(note or "").strip() or None,
    )


async def decline(
    session: AsyncSession, *, found: Loaded, mover: Mover, now: datetime, reason: str | None
) -> WorkOrderEvent:
    """Back to staff: the ticket stays assigned to the organisation until staff reassign it;
    they see the declined order, with its reason, in the ticket's detail."""
    text = MACHINE.required("decline", reason=reason)["reason"]
    return await move(session, found=found, mover=mover, action="decline", now=now, note=text)


async def start(
    session: AsyncSession, *, found: Loaded, mover: Mover, now: datetime
) -> WorkOrderEvent:
    event = await move(session, found=found, mover=mover, action="start", now=now)
    # The ticket goes in_progress with the organisation as its assignee.
    await lifecycle.start(session, ticket=found.ticket, actor=mover.ticket_actor, now=now)
    return event


async def progress(
    session: AsyncSession,
    *,
    found: Loaded,
    mover: Mover,
    now: datetime,
    note: str | None,
    photo_ids: Sequence[uuid.UUID],
) -> WorkOrderEvent:
    text = MACHINE.required("progress", note=note)["note"]
    photos = await attachments.check(
        session, attachments.photo_refs(photo_ids), by=mover.ticket_actor.label
    )
    event = await move(
        session,
        found=found,
        mover=mover,
        action="progress",
        now=now,
        note=text,
        detail={"photo_ids": [str(p.id) for p in photos]},
    )
    await attachments.attach(
        session,
        ticket=found.ticket,
        items=photos,
        purpose="progress",
        now=now,
        work_order_id=found.order.id,
    )
    return event


async def done(
    session: AsyncSession,
    *,
    found: Loaded,
    mover: Mover,
    now: datetime,
    note: str | None,
    before_ids: Sequence[uuid.UUID],
    after_ids: Sequence[uuid.UUID],
) -> WorkOrderEvent:
    """Done, with what was found and done and at least one photo taken after the work."""
    text = MACHINE.required("done", note=note)["note"]
    if not after_ids:
        raise InvalidInput(
            "evidence_required",
            "Mark the work done with at least one photo taken after it.",
            errors=[
                FieldError(pointer="/body/after_photo_ids", detail="at least one", code="required")
            ],
        )
    # One check for both lists: a photo named as both before and after is refused.
    photos = await attachments.check(
        session,
        [
            *attachments.photo_refs(before_ids, pointer="/body/before_photo_ids"),
            *attachments.photo_refs(after_ids, pointer="/body/after_photo_ids"),
        ],
        by=mover.ticket_actor.label,
    )
    before, after = photos[: len(before_ids)], photos[len(before_ids) :]
    event = await move(
        session,
        found=found,
        mover=mover,
        action="done",
        now=now,
        note=text,
        detail={"before": [str(p.id) for p in before], "after": [str(p.id) for p in after]},
    )
    for purpose, items in (("evidence_before", before), ("evidence_after", after)):
        await attachments.attach(
            session,
            ticket=found.ticket,
            items=items,
            purpose=purpose,
            now=now,
            work_order_id=found.order.id,
        )
    return event
