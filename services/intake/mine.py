"""我的反馈 for a signed-in resident: the reports they filed and the ones they "+1"ed, from
any phone.

A report or a "+1" made with a resident's token keeps their subject (tickets.reporter_subject,
ticket_followers.resident_subject); this is the only way back to those rows. Each row carries
the token that opens it on /v1/track: the reporter's own for their reports (it confirms,
rates and reopens), their follower token for the ones they follow (it only shows).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import Ticket, TicketFollower
from services.kit.auth import Principal
from services.kit.errors import PermissionDenied
from services.kit.pagination import PageParams

Role = Literal["reporter", "follower"]


@dataclass(frozen=True)
class MyTicket:
    ticket: Ticket
    role: Role
    tracking_token: str


def resident_subject(principal: Principal) -> str:
    """Only a resident's own token has reports of its own; staff and integrations get a 403."""
    if principal.kind != "resident":
        raise PermissionDenied("residents_only", "Sign in with your phone to see your reports.")
    return principal.subject


async def my_tickets(
    session: AsyncSession, *, principal: Principal, page: PageParams
) -> tuple[list[MyTicket], int]:
    """The resident's reports and the ones they follow, newest first (by when filed).

    One row per ticket: a resident follows a ticket at most once (unique per ticket and
    subject), and a report they both filed and "+1"ed (from another door of the building)
    is listed as theirs, with the reporter's token.
    """
    subject = resident_subject(principal)
    follow = and_(TicketFollower.ticket_id == Ticket.id, TicketFollower.resident_subject == subject)
    query = (
        select(Ticket, TicketFollower.follower_token)
        .outerjoin(TicketFollower, follow)
        .where(or_(Ticket.reporter_subject == subject, TicketFollower.id.is_not(None)))
    )
    total = await session.scalar(
        select(func.count()).select_from(query.with_only_columns(Ticket.id).subquery())
    )
    rows = await session.execute(
        query.order_by(Ticket.created_at.desc(), Ticket.number.desc())
        .limit(page.limit)
        .offset(page.offset)
    )
    found: list[MyTicket] = []
    for ticket, follower_token in rows:
        if ticket.reporter_subject == subject:
            found.append(MyTicket(ticket, "reporter", ticket.tracking_token))
        else:
            assert follower_token is not None  # the WHERE admits no other row
            found.append(MyTicket(ticket, "follower", follower_token))
    return found, int(total or 0)
