"""What partners outside the community see, and what staff see of the partners' work.

A contractor sees the problem, where it is and the report's photos: never the reporter's
name or phone, and the description with phones and ID numbers typed into it blanked
(kit.redaction).
Its own order's trail names sides ("staff", "contractor"), not staff members. Staff see each
order in full in the ticket's detail. The enforcement office sees a referral's package.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import actors, attachments
from services.intake.models import Referral, Ticket, WorkOrder, WorkOrderEvent
from services.intake.schemas.common import PlaceName, TicketPhoto
from services.intake.schemas.referrals import ReferralOut, ReferralPackage, ReferralSummary
from services.intake.schemas.workorders import (
    WorkOrderBrief,
    WorkOrderEventOut,
    WorkOrderOut,
    WorkOrderSummary,
    WorkOrderTicket,
)
from services.intake.workorders import queries
from services.intake.workorders.machine import WORK_PURPOSES
from services.kit.clients.directory import PlaceRef
from services.kit.media.store import MediaStore
from services.kit.redaction import redact_personal

# What a contractor is shown of where the problem is (street and district add nothing).
_WORK_ADDRESS_KINDS = ("community", "building", "unit")


EXCERPT_LENGTH = 60


def _excerpt(text: str) -> str:
    # A description may quote a phone or an id number: partners never see them.
    clean = redact_personal(" ".join(text.split()))
    return clean if len(clean) <= EXCERPT_LENGTH else clean[: EXCERPT_LENGTH - 1] + "…"


def place_names(places: Sequence[PlaceRef], kinds: Sequence[str] | None = None) -> list[PlaceName]:
    return [
        PlaceName(kind=p.kind, code=p.code, name=p.name)
        for p in places
        if kinds is None or p.kind in kinds
    ]


def _photo_ids(event: WorkOrderEvent) -> list[str]:
    detail = event.detail or {}
    return [str(i) for key in ("photo_ids", "before", "after") for i in detail.get(key, [])]


def _event(
    event: WorkOrderEvent, *, sides_only: bool, photos: dict[str, TicketPhoto]
) -> WorkOrderEventOut:
    return WorkOrderEventOut.model_validate(
        {
            "action": event.action,
            "from_status": event.from_status,
            "to_status": event.to_status,
            **(actors.public(event) if sides_only else actors.staff(event)),
            "note": event.public_note,
            "at": event.at,
            "detail": event.detail,
            "photos": [photos[i] for i in _photo_ids(event) if i in photos],
        }
    )


async def _work_photos(
    session: AsyncSession, ticket_id: uuid.UUID, media: MediaStore
) -> dict[str, TicketPhoto]:
    attached = await attachments.of_ticket(session, ticket_id, purposes=WORK_PURPOSES)
    return {str(photo.id): photo for photo in attachments.signed(media, attached)}


def _order_fields(order: WorkOrder) -> dict[str, object]:
    return {
        "id": order.id,
        "number": order.number,
        "status": order.status,
        "organisation_id": order.organisation_id,
        "organisation_name": order.organisation_name,
        "instructions": order.instructions,
        "offered_at": order.offered_at,
        "accepted_at": order.accepted_at,
        "declined_at": order.declined_at,
        "started_at": order.started_at,
        "done_at": order.done_at,
        "confirmed_at": order.confirmed_at,
        "cancelled_at": order.cancelled_at,
        "return_count": order.return_count,
    }


async def work_order(
    session: AsyncSession,
    order: WorkOrder,
    ticket: Ticket,
    *,
    address: Sequence[PlaceRef],
    media: MediaStore,
    as_contractor: bool,
    allowed_actions: list[str],
) -> WorkOrderOut:
    report = await attachments.of_ticket(session, ticket.id, purposes=frozenset({"report"}))
    photos = await _work_photos(session, ticket.id, media)
    events = (await queries.events_of(session, [order.id]))[order.id]
    return WorkOrderOut.model_validate(
        {
            **_order_fields(order),
            "ticket": WorkOrderTicket(
                number=ticket.number,
                category=ticket.category,
                description=redact_personal(ticket.description),
                priority=ticket.priority,
                status=ticket.status,
                place_code=ticket.place_code,
                address=place_names(address, _WORK_ADDRESS_KINDS),
                created_at=ticket.created_at,
                due_resolve_at=ticket.due_resolve_at,
                photos=attachments.signed(media, report),
            ),
            "events": [_event(e, sides_only=as_contractor, photos=photos) for e in events],
            "allowed_actions": allowed_actions,
        }
    )


def work_order_summary(order: WorkOrder, ticket: Ticket) -> WorkOrderSummary:
    return WorkOrderSummary.model_validate(
        {
            "id": order.id,
            "number": order.number,
            "status": order.status,
            "organisation_name": order.organisation_name,
            "ticket_number": ticket.number,
            "category": ticket.category,
            "priority": ticket.priority,
            "place_code": ticket.place_code,
            "excerpt": _excerpt(ticket.description),
            "offered_at": order.offered_at,
            "due_resolve_at": ticket.due_resolve_at,
            "updated_at": order.updated_at,
        }
    )


async def work_orders_of(
    session: AsyncSession, ticket: Ticket, media: MediaStore
) -> list[WorkOrderBrief]:
    """The ticket's orders as staff see them, oldest first (the open one is the last)."""
    orders = await queries.of_ticket(session, ticket.id)
    if not orders:
        return []
    events = await queries.events_of(session, [o.id for o in orders])
    photos = await _work_photos(session, ticket.id, media)
    return [
        WorkOrderBrief.model_validate(
            {
                **_order_fields(order),
                "events": [_event(e, sides_only=False, photos=photos) for e in events[order.id]],
            }
        )
        for order in orders
    ]


def _referral_fields(referral: Referral, ticket_number: str) -> dict[str, object]:
    return {
        "id": referral.id,
        "number": referral.number,
        "ticket_number": ticket_number,
        "agency": referral.agency,
        "status": referral.status,
        "agency_reference": referral.agency_reference,
        "sent_at": referral.sent_at,
        "updated_at": referral.updated_at,
    }


def referral_summary(referral: Referral, ticket_number: str) -> ReferralSummary:
    return ReferralSummary.model_validate(_referral_fields(referral, ticket_number))


async def referrals_of(session: AsyncSession, ticket: Ticket) -> list[ReferralSummary]:
    rows = await session.scalars(
        select(Referral).where(Referral.ticket_id == ticket.id).order_by(Referral.sent_at)
    )
    return [referral_summary(r, ticket.number) for r in rows]


async def referral(
    session: AsyncSession, referral: Referral, ticket: Ticket, *, media: MediaStore
) -> ReferralOut:
    """The referral with its package; the package's media still stored as signed links
    (retention may have removed the report's photos since it was sent)."""
    package = ReferralPackage.model_validate(referral.package)
    wanted = {m.id for m in package.media}
    attached = [a for a in await attachments.of_ticket(session, ticket.id) if a.media_id in wanted]
    return ReferralOut.model_validate(
        {
            **_referral_fields(referral, ticket.number),
            "ticket_id": ticket.id,
            "note": referral.note,
            "outcome": referral.outcome,
            "package": package,
            "photos": attachments.signed(media, attached),
        }
    )
