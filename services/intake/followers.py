"""+1 me too: open reports a neighbour at the same building may see, and following one.

What a neighbour sees names no one (schemas.tickets.SimilarTicket); a follower's own link
shows the progress and acts for no one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.context import IntakeContext
from services.intake.models import OPEN_STATUSES, Ticket, TicketFollower
from services.intake.tickets import hidden_ticket, new_tracking_token, scan_unit
from services.kit.auth import Principal
from services.kit.clients.directory import ScannedCode
from services.kit.errors import InvalidInput

SIMILAR_LIMIT = 10


async def follower_counts(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not ids:
        return {}
    rows = await session.execute(
        select(TicketFollower.ticket_id, func.count())
        .where(TicketFollower.ticket_id.in_(ids))
        .group_by(TicketFollower.ticket_id)
    )
    return {ticket_id: int(count) for ticket_id, count in rows}


@dataclass(frozen=True)
class Similar:
    """Open reports a neighbour may "+1", those of their own unit door first."""

    tickets: list[Ticket]
    followers: dict[uuid.UUID, int]
    unit_id: uuid.UUID | None  # the scanned door: its reports are "本单元"


async def similar(
    session: AsyncSession, ctx: IntakeContext, *, code_token: str, category: str
) -> Similar:
    """Open reports of this category at the scanned unit's building (for "+1 me too").

    The same unit door first (a 5楼 light in unit 1 is rarely the one a resident of unit 3
    sees), then the rest of the building, newest first within each."""
    scanned = await scan_unit(ctx, code_token, pointer="/query/code_token")
    if scanned.chain.building is None:
        return Similar([], {}, None)
    unit_id = scanned.place.id
    same_unit = case((Ticket.place_id == unit_id, 0), else_=1)
    rows = await session.scalars(
        select(Ticket)
        .where(
            Ticket.building_id == scanned.chain.building.id,
            Ticket.category == category,
            Ticket.status.in_(OPEN_STATUSES),
        )
        .order_by(same_unit, Ticket.created_at.desc())
        .limit(SIMILAR_LIMIT)
    )
    found = list(rows)
    return Similar(found, await follower_counts(session, [t.id for t in found]), unit_id)


async def follow(
    session: AsyncSession,
    *,
    ctx: IntakeContext,
    ticket_id: uuid.UUID,
    scanned: ScannedCode,
    principal: Principal | None,
) -> tuple[Ticket, TicketFollower, int]:
    """+1: a neighbour who scanned a code of the same building (`scan_unit`, before any
    statement) follows an open report."""
    ticket = await session.get(Ticket, ticket_id)
    building = scanned.chain.building
    # Only someone standing at the same building may see that the ticket exists.
    if ticket is None or building is None or ticket.building_id != building.id:
        raise hidden_ticket()
    if ticket.status not in OPEN_STATUSES:
        raise InvalidInput("ticket_not_open", "This report is no longer open; file a new one.")
    subject = principal.subject if principal and principal.kind == "resident" else None
    if subject is not None:
        existing = await session.scalar(
            select(TicketFollower).where(
                TicketFollower.ticket_id == ticket.id, TicketFollower.resident_subject == subject
            )
        )
        if existing is not None:
            counts = await follower_counts(session, [ticket.id])
            return ticket, existing, counts.get(ticket.id, 0)
    follower = TicketFollower(
        id=uuid.uuid4(),
        ticket_id=ticket.id,
        follower_token=new_tracking_token(),
        code_token=scanned.token,
        resident_subject=subject,
        at=ctx.clock.now(),
    )
    session.add(follower)
    await session.flush()
    counts = await follower_counts(session, [ticket.id])
    return ticket, follower, counts.get(ticket.id, 0)
