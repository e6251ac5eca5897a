"""The reporter's contact in clear, for the call-back: personal data revealed only to staff
entitled at the ticket's place, and every reveal recorded (the trail and the audit list)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.context import IntakeContext
from services.intake.models import TicketEvent, audit
from services.intake.tickets import PERM_READ, for_staff
from services.kit import events
from services.kit.auth import Principal, authorize
from services.kit.personal import PERM_REVEAL


@dataclass(frozen=True)
class ReporterContact:
    name: str | None
    phone: str | None


async def reveal_reporter_contact(
    session: AsyncSession, ctx: IntakeContext, principal: Principal, ticket_id: uuid.UUID
) -> ReporterContact:
    """The reporter's name and phone in clear, to call them back: for staff who may see
    personal data at the ticket's place (community staff and up), and recorded on the
    trail every time (who, when), never the number itself."""
    ticket = await for_staff(session, principal, ticket_id, PERM_READ)
    authorize(principal, PERM_REVEAL, ticket.place_path)
    now = ctx.clock.now()
    session.add(TicketEvent.in_place(ticket, "contact_revealed", events.Actor.of(principal), now))
    # And in intake's audit table, sent on to identity's audit list (kit.audit).
    await audit.reveal(
        session,
        principal,
        subject_kind="ticket",
        subject_id=str(ticket.id),
        fields=("reporter_name", "reporter_phone"),
        place_path=ticket.place_path,
        now=now,
    )
    await session.flush()
    decrypt = ctx.cipher.decrypt
    return ReporterContact(
        name=decrypt(ticket.reporter_name_cipher) if ticket.reporter_name_cipher else None,
        phone=decrypt(ticket.reporter_phone_cipher) if ticket.reporter_phone_cipher else None,
    )
