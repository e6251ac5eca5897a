"""The ticket state machine: one table (DOMAIN.md, "Ticket lifecycle") on kit's machine, one
way through it.

Every move goes through `_move`: kit finds the transition for (action, current status) and
checks the actor's role (409 `invalid_transition` listing what *is* allowed now, 403
`not_your_transition`), stamps the milestone column; `_move` writes a `ticket_events` row
and publishes `ticket.status_changed` to the webhook subscribers (`webhooks`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import attachments, notices, webhooks
from services.intake.models import OPEN_STATUSES, Ticket, TicketEvent, jobs
from services.kit import events
from services.kit.auth import Principal
from services.kit.errors import BadRequest, Conflict, FieldError, InvalidInput
from services.kit.jobs import Job
from services.kit.machine import Machine, transition

Role = Literal["staff", "assignee", "reporter", "system"]
CallOutcome = Literal["reached", "not_reached", "anonymous"]
AUTO_CLOSE = "auto_close"
AUTO_CLOSE_AFTER = timedelta(days=7)
REOPEN_WINDOW = timedelta(days=7)

MACHINE = Machine(
    "ticket",
    (
        transition(
            "acknowledge", "submitted", "acknowledged", "staff", milestone="acknowledged_at"
        ),
        transition(
            "assign", "submitted acknowledged", "assigned", "staff", milestone="assigned_at"
        ),
        transition(
            "reassign", "assigned in_progress", "assigned", "staff", milestone="assigned_at"
        ),
        transition("start", "assigned", "in_progress", "assignee"),
        transition(
            "resolve",
            "in_progress",
            "resolved",
            "assignee staff",
            requires="note",
            milestone="resolved_at",
        ),
        transition("confirm", "resolved", "closed", "reporter", milestone="closed_at"),
        transition("rate", "resolved", "closed", "reporter", milestone="closed_at"),
        transition(AUTO_CLOSE, "resolved", "closed", "system", milestone="closed_at"),
        transition("reopen", "resolved closed", "in_progress", "reporter staff", requires="reason"),
        transition(
            "reject",
            "submitted acknowledged assigned",
            "rejected",
            "staff",
            requires="reason",
            milestone="closed_at",
        ),
        transition(
            "duplicate", "submitted acknowledged", "duplicate", "staff", milestone="closed_at"
        ),
        transition(
            "escalate",
            "acknowledged assigned in_progress",
            "escalated",
            "staff",
            requires="note",
            milestone="escalated_at",
        ),
    ),
)


@dataclass(frozen=True)
class Actor:
    """Who moves the ticket: who the event row names, and the roles they hold on it."""

    who: events.Actor
    roles: frozenset[Role]

    @property
    def label(self) -> str:
        return self.who.label

    @classmethod
    def staff(cls, principal: Principal, ticket: Ticket) -> Actor:
        roles: set[Role] = {"staff"}
        # A team assignment is carried out by any handler in scope; a person's only by them.
        if ticket.assignee_kind == "team" or (
            ticket.assignee_kind == "staff" and ticket.assignee_ref == principal.subject
        ):
            roles.add("assignee")
        return cls(events.Actor.of(principal), frozenset(roles))

    @classmethod
    def contractor(cls, principal: Principal, ticket: Ticket) -> Actor:
        """A contractor organisation's worker or system: the assignee of a ticket assigned to
        that organisation (workorders/), nothing else."""
        roles: set[Role] = set()
        if (
            ticket.assignee_kind == "contractor"
            and ticket.assignee_ref == principal.organisation_id
        ):
            roles.add("assignee")
        return cls(events.Actor.of(principal), frozenset(roles))

    @classmethod
    def reporter(cls) -> Actor:
        """Whoever holds the ticket's tracking link: a resident, signed in or not."""
        return cls(events.Actor(label="reporter", kind="resident"), frozenset({"reporter"}))

    @classmethod
    def system(cls) -> Actor:
        return cls(events.Actor.system(), frozenset({"system"}))


def allowed_actions(ticket: Ticket, actor: Actor) -> list[str]:
    """What this actor may do to the ticket now (the console's buttons)."""
    return MACHINE.allowed_actions(ticket.status, actor.roles)


async def _move(
    session: AsyncSession,
    ticket: Ticket,
    action: str,
    actor: Actor,
    now: datetime,
    *,
    note: str | None = None,
    internal_note: str | None = None,
    detail: dict[str, Any] | None = None,
) -> TicketEvent:
    step = MACHINE.find(ticket.status, action, actor.roles)
    previous = MACHINE.enter(ticket, step, now)
    event = TicketEvent(
        ticket_id=ticket.id,
        from_status=previous,
        to_status=step.target,
        action=action,
        **actor.who.columns(),
        public_note=note,
        internal_note=internal_note,
        at=now,
        detail=detail or {},
    )
    if previous == "submitted" and ticket.responded_at is None:
        ticket.responded_at = now
    ticket.updated_at = now
    session.add(event)
    await session.flush()
    # Subscribers hear of every move, in the same transaction (kit.outbox).
    await webhooks.publish_ticket_event(
        session,
        ticket=ticket,
        topic=webhooks.TICKET_STATUS_CHANGED,
        previous_status=previous,
        now=now,
    )
    await notices.ticket_moved(session, ticket=ticket, action=action, now=now)
    return event


def submitted_event(ticket: Ticket, actor: events.Actor, now: datetime) -> TicketEvent:
    """The first row of every trail (not a transition: there is no state before it)."""
    return TicketEvent(
        ticket_id=ticket.id,
        from_status=None,
        to_status="submitted",
        action="submit",
        **actor.columns(),
        public_note=None,
        at=now,
        detail={"source": ticket.source, "priority": ticket.priority},
    )


async def acknowledge(
    session: AsyncSession,
    *,
    ticket: Ticket,
    actor: Actor,
    now: datetime,
    outcome: CallOutcome,
    note: str | None = None,
    internal_note: str | None = None,
) -> TicketEvent:
    """受理. `note` is the reply the resident reads on their tracking page; `internal_note`
    only staff see (what the call was really like, whom to send)."""
    # A report with a phone is acknowledged by calling back; one without, by reading it.
    has_phone = ticket.reporter_phone_cipher is not None
    if has_phone == (outcome == "anonymous"):
        expected = "reached or not_reached" if has_phone else "anonymous"
        raise InvalidInput(
            "invalid_call_outcome",
            f"For this report the call-back outcome must be {expected}.",
            errors=[FieldError(pointer="/body/outcome", detail=expected, code="invalid")],
        )
    return await _move(
        session,
        ticket,
        "acknowledge",
        actor,
        now,
        note=note,
        internal_note=internal_note,
        detail={"outcome": outcome},
    )


async def assign(
    session: AsyncSession,
    *,
    ticket: Ticket,
    actor: Actor,
    now: datetime,
    assignee_kind: Literal["staff", "team", "contractor"],
    assignee_ref: str,
    note: str | None = None,
) -> TicketEvent:
    action = "assign" if ticket.status in ("submitted", "acknowledged") else "reassign"
    detail = {
        "assignee_kind": assignee_kind,
        "assignee_ref": assignee_ref,
        "previous": ticket.assignee_ref,
    }
    event = await _move(session, ticket, action, actor, now, note=note, detail=detail)
    ticket.assignee_kind = assignee_kind
    ticket.assignee_ref = assignee_ref
    return event


async def start(
    session: AsyncSession, *, ticket: Ticket, actor: Actor, now: datetime
) -> TicketEvent:
    return await _move(session, ticket, "start", actor, now)


def _auto_close_key(ticket: Ticket) -> str:
    assert ticket.resolved_at is not None
    return f"{AUTO_CLOSE}:{ticket.id}:{ticket.resolved_at.isoformat()}"


async def resolve(
    session: AsyncSession,
    *,
    ticket: Ticket,
    actor: Actor,
    now: datetime,
    note: str | None,
    photo_ids: Sequence[uuid.UUID] = (),
) -> TicketEvent:
    text = MACHINE.required("resolve", note=note)["note"]
    # The photos are checked before the move, attached to its event after it (kit.media).
    photos = await attachments.check(session, attachments.photo_refs(photo_ids), by=actor.label)
    event = await _move(
        session,
        ticket,
        "resolve",
        actor,
        now,
        note=text,
        detail={"photo_ids": [str(photo.id) for photo in photos]},
    )
    await attachments.attach(
        session, ticket=ticket, items=photos, purpose="resolution", now=now, event_id=event.id
    )
    # Keyed by the resolution time: a reopened and re-resolved ticket gets a fresh week.
    await jobs.schedule(
        session,
        kind=AUTO_CLOSE,
        run_at=now + AUTO_CLOSE_AFTER,
        now=now,
        payload={"ticket_id": str(ticket.id), "resolved_at": now.isoformat()},
        unique_key=_auto_close_key(ticket),
    )
    return event


async def confirm(session: AsyncSession, *, ticket: Ticket, now: datetime) -> TicketEvent:
    return await _move(session, ticket, "confirm", Actor.reporter(), now)


async def rate(
    session: AsyncSession, *, ticket: Ticket, now: datetime, rating: int, comment: str | None
) -> TicketEvent:
    """Rate once: on a resolved ticket this also closes it; a closed one keeps its state."""
    if ticket.rating is not None:
        raise Conflict("already_rated", "This ticket has already been rated.")
    if not 1 <= rating <= 5:
        raise InvalidInput("invalid_rating", "A rating is 1 to 5.")
    detail = {"rating": rating}
    if ticket.status == "closed" and ticket.resolved_at is not None:
        event = TicketEvent.in_place(
            ticket, "rate", Actor.reporter().who, now, public_note=comment, detail=detail
        )
        session.add(event)
        ticket.updated_at = now
    else:
        event = await _move(
            session, ticket, "rate", Actor.reporter(), now, note=comment, detail=detail
        )
    ticket.rating = rating
    ticket.rating_comment = comment
    ticket.rated_at = now
    await session.flush()
    return event


async def reopen(
    session: AsyncSession, *, ticket: Ticket, actor: Actor, now: datetime, reason: str | None
) -> TicketEvent:
    text = MACHINE.required("reopen", reason=reason)["reason"]
    if (
        "staff" not in actor.roles
        and ticket.resolved_at is not None
        and now > ticket.resolved_at + REOPEN_WINDOW
    ):
        raise Conflict(
            "reopen_window_closed",
            "A ticket can be reopened by its reporter within 7 days of its resolution.",
        )
    previous_key = _auto_close_key(ticket) if ticket.resolved_at is not None else None
    event = await _move(session, ticket, "reopen", actor, now, note=text)
    ticket.reopen_count += 1
    ticket.closed_at = None
    if previous_key is not None:
        await jobs.cancel(session, previous_key)
    return event


async def reject(
    session: AsyncSession, *, ticket: Ticket, actor: Actor, now: datetime, reason: str | None
) -> TicketEvent:
    text = MACHINE.required("reject", reason=reason)["reason"]
    return await _move(session, ticket, "reject", actor, now, note=text)


async def mark_duplicate(
    session: AsyncSession,
    *,
    ticket: Ticket,
    actor: Actor,
    now: datetime,
    original: Ticket,
    note: str | None = None,
) -> TicketEvent:
    if original.id == ticket.id or original.status not in OPEN_STATUSES:
        raise BadRequest("invalid_duplicate_target", "Merge into another, open ticket.")
    if original.community_id != ticket.community_id:
        raise BadRequest("invalid_duplicate_target", "Merge only within one community.")
    event = await _move(
        session,
        ticket,
        "duplicate",
        actor,
        now,
        note=note,
        detail={"duplicate_of": str(original.id), "number": original.number},
    )
    ticket.duplicate_of_id = original.id
    return event


async def escalate(
    session: AsyncSession,
    *,
    ticket: Ticket,
    actor: Actor,
    now: datetime,
    level: Literal["street", "city_hotline"],
    note: str | None,
) -> TicketEvent:
    text = MACHINE.required("escalate", note=note)["note"]
    return await _move(session, ticket, "escalate", actor, now, note=text, detail={"to": level})


async def auto_close(session: AsyncSession, job: Job) -> None:
    """The job scheduled at resolution: close if still resolved from that same resolution.

    Safe to run twice: the second run finds the ticket closed and does nothing.
    """
    ticket = await session.get(
        Ticket, uuid.UUID(str(job.payload["ticket_id"])), with_for_update=True
    )
    if ticket is None or ticket.status != "resolved" or ticket.resolved_at is None:
        return
    if ticket.resolved_at != datetime.fromisoformat(str(job.payload.get("resolved_at"))):
        return  # reopened and resolved again since: that resolution has its own job
    await _move(session, ticket, AUTO_CLOSE, Actor.system(), job.now)
