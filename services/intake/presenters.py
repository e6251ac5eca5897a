"""What each audience sees of a ticket: the public tracker, neighbours, staff.

Personal data leaves only masked: the reporter's phone as 138****1234, the name as 张*.
Revealing a phone in clear to the entitled (recorded) has its own endpoint. Free text (the
description, notes, comments) may quote a phone or an ID number: whoever is not entitled to
reveal (a neighbour following the report, staff without `identity:personal:reveal` there)
reads it with those blanked (kit.redaction).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import actors, attachments, partner_presenters
from services.intake.duplicates import merged_into
from services.intake.followers import follower_counts
from services.intake.models import Ticket, TicketEvent
from services.intake.schemas.common import TicketPhoto
from services.intake.schemas.tickets import (
    EventOut,
    SimilarTicket,
    StaffEventOut,
    TicketDetail,
    TicketSummary,
    TrackedTicket,
    WorkOrderBrief,
)
from services.intake.tickets import is_overdue, staff_actions
from services.kit.auth import Principal
from services.kit.media.store import MediaStore
from services.kit.personal import PERM_REVEAL, PersonalDataCipher, mask_phone
from services.kit.redaction import redact_personal

EXCERPT_LENGTH = 60


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    # A description may quote a phone or an id number; excerpts shown to others blank them.
    clean = redact_personal(" ".join(text.split()))
    return clean if len(clean) <= length else clean[: length - 1] + "…"


def masked_phone(ticket: Ticket, cipher: PersonalDataCipher) -> str | None:
    if ticket.reporter_phone_cipher is None:
        return None
    return mask_phone(cipher.decrypt(ticket.reporter_phone_cipher))


def masked_name(ticket: Ticket, cipher: PersonalDataCipher) -> str | None:
    if ticket.reporter_name_cipher is None:
        return None
    name = cipher.decrypt(ticket.reporter_name_cipher)
    return name[:1] + "*" * max(1, len(name) - 1)


async def events_of(session: AsyncSession, ticket: Ticket) -> list[TicketEvent]:
    rows = await session.scalars(
        select(TicketEvent).where(TicketEvent.ticket_id == ticket.id).order_by(TicketEvent.id)
    )
    return list(rows)


# The trail a reporter or follower sees leaves out the office's own bookkeeping.
STAFF_ONLY_ACTIONS = frozenset(
    {"overdue", "on_duty_alerted", "personal_data_purged", "contact_revealed"}
)
# ... and of each step's detail only what concerns them (not who was assigned, nor which
# contractor, nor the ids behind a referral).
PUBLIC_DETAIL_KEYS = frozenset({"outcome", "rating", "to", "photo_ids", "template"})


def _as_written(text: str | None) -> str | None:
    return text


def _blanked(text: str | None) -> str | None:
    return None if text is None else redact_personal(text)


def _event(
    event: TicketEvent,
    *,
    public: bool,
    photos: dict[int, list[TicketPhoto]] | None = None,
    text: Callable[[str | None], str | None] = _as_written,
) -> EventOut:
    detail = event.detail
    if public:
        detail = {k: v for k, v in detail.items() if k in PUBLIC_DETAIL_KEYS}
    if photos is None:  # an audience that sees no photos sees no photo ids either
        detail = {k: v for k, v in detail.items() if k != "photo_ids"}
    model = EventOut if public else StaffEventOut
    who = actors.public(event)
    if not public:
        who = {
            **actors.staff(event),
            "reason": text(event.reason),
            "internal_note": text(event.internal_note),
        }
    return model.model_validate(
        {
            "action": event.action,
            "from_status": event.from_status,
            "to_status": event.to_status,
            **who,
            "note": text(event.public_note),
            "at": event.at,
            "detail": detail,
            "photos": (photos or {}).get(event.id, []),
        }
    )


async def _photos(
    session: AsyncSession, ticket: Ticket, media: MediaStore, purposes: frozenset[str] | None
) -> tuple[list[TicketPhoto], dict[int, list[TicketPhoto]]]:
    """A ticket's photos (signed links), and the same grouped by the event that added them."""
    attached = await attachments.of_ticket(session, ticket.id, purposes=purposes)
    photos = attachments.signed(media, attached)
    by_event: dict[int, list[TicketPhoto]] = {}
    for item, photo in zip(attached, photos, strict=True):
        if item.event_id is not None:
            by_event.setdefault(item.event_id, []).append(photo)
    return photos, by_event


async def tracked(
    session: AsyncSession,
    ticket: Ticket,
    *,
    is_reporter: bool,
    cipher: PersonalDataCipher,
    media: MediaStore,
) -> TrackedTicket:
    """The tracking page. A follower's token shows no photos: neighbours must not see each
    other's pictures (of their door, their stairwell, themselves)."""
    counts = await follower_counts(session, [ticket.id])
    photos: list[TicketPhoto] = []
    by_event: dict[int, list[TicketPhoto]] | None = None
    if is_reporter:
        photos, by_event = await _photos(session, ticket, media, attachments.REPORTER_PURPOSES)
    merged = None
    if is_reporter and ticket.status == "duplicate":
        found = await merged_into(session, ticket)
        if found is not None:
            original, token = found
            merged = {"number": original.number, "status": original.status, "tracking_token": token}
    # A follower is a neighbour: the reporter's own words reach them with numbers blanked.
    text = _as_written if is_reporter else _blanked
    return TrackedTicket.model_validate(
        {
            "number": ticket.number,
            "category": ticket.category,
            "description": text(ticket.description),
            "status": ticket.status,
            "priority": ticket.priority,
            "place_code": ticket.place_code,
            "created_at": ticket.created_at,
            "due_respond_at": ticket.due_respond_at,
            "due_resolve_at": ticket.due_resolve_at,
            "resolved_at": ticket.resolved_at,
            "closed_at": ticket.closed_at,
            "rating": ticket.rating,
            "reopen_count": ticket.reopen_count,
            "followers": counts.get(ticket.id, 0),
            "reporter_phone": masked_phone(ticket, cipher) if is_reporter else None,
            "is_reporter": is_reporter,
            "photos": photos,
            "events": [
                _event(e, public=True, photos=by_event, text=text)
                for e in await events_of(session, ticket)
                if e.action not in STAFF_ONLY_ACTIONS
            ],
            "merged_into": merged,
        }
    )


def similar(
    tickets: Sequence[Ticket], counts: dict[uuid.UUID, int], *, unit_id: uuid.UUID | None
) -> list[SimilarTicket]:
    return [
        SimilarTicket.model_validate(
            {
                "id": t.id,
                "category": t.category,
                "excerpt": excerpt(t.description),
                "status": t.status,
                "created_at": t.created_at,
                "followers": counts.get(t.id, 0),
                "where": "unit" if t.place_id == unit_id else "building",
            }
        )
        for t in tickets
    ]


def _summary_fields(ticket: Ticket, now: datetime) -> dict[str, object]:
    return {
        "id": ticket.id,
        "number": ticket.number,
        "category": ticket.category,
        "status": ticket.status,
        "priority": ticket.priority,
        "place_code": ticket.place_code,
        "excerpt": excerpt(ticket.description),
        "created_at": ticket.created_at,
        "due_respond_at": ticket.due_respond_at,
        "due_resolve_at": ticket.due_resolve_at,
        "overdue": is_overdue(ticket, now),
        "assignee_kind": ticket.assignee_kind,
        "assignee_ref": ticket.assignee_ref,
    }


def summary(
    ticket: Ticket, now: datetime, *, followers: int = 0, place_name: str | None = None
) -> TicketSummary:
    return TicketSummary.model_validate(
        {**_summary_fields(ticket, now), "followers": followers, "place_name": place_name}
    )


async def detail(
    session: AsyncSession,
    ticket: Ticket,
    *,
    principal: Principal,
    now: datetime,
    cipher: PersonalDataCipher,
    media: MediaStore,
) -> TicketDetail:
    counts = await follower_counts(session, [ticket.id])
    photos, by_event = await _photos(session, ticket, media, None)
    trail = await events_of(session, ticket)
    # Staff who may not reveal the reporter's contact (a building captain) read the free text
    # with typed phones and ID numbers blanked, as the contact fields are masked.
    text = _as_written if principal.can(PERM_REVEAL, ticket.place_path) else _blanked
    work_orders = await partner_presenters.work_orders_of(session, ticket, media=media)
    if text is _blanked:
        work_orders = [_blanked_order(order) for order in work_orders]
    return TicketDetail.model_validate(
        {
            **_summary_fields(ticket, now),
            "description": text(ticket.description),
            "source": ticket.source,
            "community_code": ticket.community_code,
            "place_path": ticket.place_path,
            "reporter_name": masked_name(ticket, cipher),
            "reporter_phone": masked_phone(ticket, cipher),
            "acknowledged_at": ticket.acknowledged_at,
            "assigned_at": ticket.assigned_at,
            "resolved_at": ticket.resolved_at,
            "closed_at": ticket.closed_at,
            "rated_at": ticket.rated_at,
            "escalated_at": ticket.escalated_at,
            "reopen_count": ticket.reopen_count,
            "rating": ticket.rating,
            "rating_comment": text(ticket.rating_comment),
            "duplicate_of_id": ticket.duplicate_of_id,
            "followers": counts.get(ticket.id, 0),
            "photos": photos,
            "events": [_event(e, public=False, photos=by_event, text=text) for e in trail],
            "work_orders": work_orders,
            "referrals": await partner_presenters.referrals_of(session, ticket),
            # Kept on the first event when the ticket was filed (categories.Handler).
            "suggested_handler": trail[0].detail.get("suggested_handler") if trail else None,
            # The console's buttons: what this caller may do next (kit.machine).
            "allowed_actions": staff_actions(principal, ticket),
        }
    )


def _blanked_order(order: WorkOrderBrief) -> WorkOrderBrief:
    """A work order's free text (instructions, notes on its trail) with numbers blanked."""
    return order.model_copy(
        update={
            "instructions": _blanked(order.instructions),
            "events": [
                event.model_copy(
                    update={
                        "note": _blanked(event.note),
                        "internal_note": _blanked(event.internal_note),
                        "reason": _blanked(event.reason),
                    }
                )
                for event in order.events
            ],
        }
    )
