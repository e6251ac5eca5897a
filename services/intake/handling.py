"""Staff moves on a ticket that reach into its work order: the ticket leaving the
contractor's hands (resolved without them, rejected, escalated) cancels its open order in
the same transaction, so an organisation never works on a ticket that is no longer its own.
Reassigning does the same inside `workorders.staff_moves.assign`.

The two machines stay apart (lifecycle, workorders); this module composes them, so a router
calls one function per move.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import lifecycle
from services.intake.models import Ticket, TicketEvent
from services.intake.workorders import staff_moves


async def resolve(
    session: AsyncSession,
    *,
    ticket: Ticket,
    actor: lifecycle.Actor,
    now: datetime,
    note: str | None,
    photo_ids: Sequence[uuid.UUID] = (),
) -> TicketEvent:
    event = await lifecycle.resolve(session, ticket, actor, now, note=note, photo_ids=photo_ids)
    await staff_moves.cancel_open(session, ticket, actor, now, because="resolve")
    return event


async def reject(
    session: AsyncSession,
    *,
    ticket: Ticket,
    actor: lifecycle.Actor,
    now: datetime,
    reason: str | None,
) -> TicketEvent:
    event = await lifecycle.reject(session, ticket, actor, now, reason=reason)
    await staff_moves.cancel_open(session, ticket, actor, now, because="reject")
    return event


async def escalate(
    session: AsyncSession,
    *,
    ticket: Ticket,
    actor: lifecycle.Actor,
    now: datetime,
    level: Literal["street", "city_hotline"],
    note: str | None,
) -> TicketEvent:
    event = await lifecycle.escalate(session, ticket, actor, now, level=level, note=note)
    await staff_moves.cancel_open(session, ticket, actor, now, because="escalate")
    return event
