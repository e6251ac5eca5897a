"""When a resident deletes their account at identity (`resident.deleted`, kit.peers).

Retention rule: intake keeps a reporter's name and phone only to call them back and text
them while their report is handled, and forgets them `personal_retention_days` after it
ended (notices.purge_personal_data). A resident who leaves the platform withdraws that
purpose at once, so their reports forget them now: the name, the phone and the link to
their account (tickets.reporter_subject, ticket_followers.resident_subject, by which 我的反馈
found them). The tickets stay, with their trail and their place in the statistics: a report
of a broken lift is the community's record, not the reporter's. Photos and video follow the
usual sweep: they show the problem, and an open ticket still needs them to be fixed.

Idempotent: a second delivery of one event is dropped by its id (kit.peers), and a second
event for one resident finds nothing left to forget and writes nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import Ticket, TicketEvent, TicketFollower
from services.kit import events
from services.kit.peers import EventIn, payload_uuid

RESIDENT_DELETED = "resident.deleted"
# On the staff's trail, the same step the retention sweep writes (staff only, translated).
FORGOTTEN = "personal_data_purged"


async def forget_resident(session: AsyncSession, event: EventIn, *, now: datetime) -> None:
    """Forget the deleted resident as a reporter and as a follower (the rule above)."""
    subject = f"resident:{payload_uuid(event, 'resident_id')}"
    tickets = (
        await session.execute(
            select(Ticket.id, Ticket.status).where(Ticket.reporter_subject == subject)
        )
    ).all()
    if tickets:
        await session.execute(
            update(Ticket)
            .where(Ticket.id.in_([t.id for t in tickets]))
            .values(
                reporter_subject=None,
                reporter_name_cipher=None,
                reporter_phone_cipher=None,
                reporter_phone_hash=None,
            )
        )
        system = events.Actor.system()
        for ticket_id, status in tickets:
            session.add(
                TicketEvent(
                    ticket_id=ticket_id,
                    from_status=status,
                    to_status=status,
                    action=FORGOTTEN,
                    **system.columns(),
                    public_note=None,
                    at=now,
                    detail={"cause": "account_deleted"},
                )
            )
    await session.execute(
        update(TicketFollower)
        .where(TicketFollower.resident_subject == subject)
        .values(resident_subject=None)
    )
    await session.flush()
