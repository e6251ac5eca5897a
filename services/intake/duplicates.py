"""Merging a duplicate report into the ticket it repeats: the duplicate closes, its reporter
and its followers follow the original from then on (DOMAIN.md)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import lifecycle
from services.intake.models import Ticket, TicketFollower
from services.intake.tickets import PERM_HANDLE, for_staff, new_tracking_token
from services.kit.auth import Principal


async def merge_duplicate(
    session: AsyncSession,
    *,
    principal: Principal,
    ticket: Ticket,
    original_id: uuid.UUID,
    note: str | None,
    now: datetime,
) -> None:
    """Close `ticket` as a duplicate; its reporter and its followers follow the original
    from now on (DOMAIN.md), each resident once."""
    original = await for_staff(
        session, principal=principal, ticket_id=original_id, permission=PERM_HANDLE
    )
    actor = lifecycle.Actor.staff(principal, ticket)
    await lifecycle.mark_duplicate(
        session, ticket=ticket, actor=actor, now=now, original=original, note=note
    )
    already = set(
        await session.scalars(
            select(TicketFollower.resident_subject).where(
                TicketFollower.ticket_id == original.id,
                TicketFollower.resident_subject.is_not(None),
            )
        )
    )
    if original.reporter_subject is not None:
        already.add(original.reporter_subject)
    # A resident who followed both keeps the one follow they had of the original.
    if already:
        await session.execute(
            delete(TicketFollower).where(
                TicketFollower.ticket_id == ticket.id,
                TicketFollower.resident_subject.in_(already),
            )
        )
    await session.execute(
        update(TicketFollower)
        .where(TicketFollower.ticket_id == ticket.id)
        .values(ticket_id=original.id)
    )
    # The duplicate's reporter: their link now also leads to the original (merged_from_id).
    subject = ticket.reporter_subject if ticket.reporter_subject not in already else None
    session.add(
        TicketFollower(
            id=uuid.uuid4(),
            ticket_id=original.id,
            follower_token=new_tracking_token(),
            code_token=ticket.code_token,
            resident_subject=subject,
            merged_from_id=ticket.id,
            at=now,
        )
    )
    await session.flush()


async def merged_into(session: AsyncSession, duplicate: Ticket) -> tuple[Ticket, str] | None:
    """For a merged duplicate: the ticket it went into and the follower link to it."""
    row = (
        await session.execute(
            select(Ticket, TicketFollower.follower_token)
            .join(TicketFollower, TicketFollower.ticket_id == Ticket.id)
            .where(TicketFollower.merged_from_id == duplicate.id)
        )
    ).first()
    return (row[0], row[1]) if row is not None else None
