"""Referrals to the urban-management enforcement office (城管): an evidence package with its
own status.

The article's case: a contracted operator cleans the small ads off the stairwells; for the
advertisers behind them the community hands the evidence to enforcement. Staff handling the
ticket send a referral (`refer`): a snapshot of what, where and when, the contractors'
findings and the media, never the reporter's name or phone, numbered `<ticket>-R<n>`. The
agency (`intake:referrals:answer` over the ticket's place) answers along a small, forward-only
machine (ANSWERS). Each send and answer is also an event on the ticket's trail, with the
ticket's status unchanged (as lifecycle.rate does for a closed ticket), so the timeline
shows it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import attachments, lifecycle, partner_presenters, permissions
from services.intake.context import IntakeContext
from services.intake.models import Referral, Ticket, TicketEvent
from services.intake.schemas.referrals import (
    PackageFinding,
    PackageMedia,
    PackageTimes,
    ReferralPackage,
)
from services.intake.tickets import PERM_READ
from services.intake.workorders import queries
from services.kit import events
from services.kit.auth import Principal, authorize
from services.kit.clients.directory import PlaceRef
from services.kit.errors import Conflict, FieldError, InvalidInput, NotFound
from services.kit.machine import Machine, transition
from services.kit.redaction import redact_personal
from services.kit.scope import within_any

PERM_ANSWER = permissions.REFERRALS_ANSWER
# The agency's answers, forward only: an answer is never taken back. A declined or concluded
# referral says why, or what came of it. An answer names the status it gives (`ANSWERS`).
MACHINE = Machine(
    "referral",
    (
        transition("receive", "sent", "received", "agency"),
        transition("accept", "received", "accepted", "agency"),
        transition("decline", "received", "declined", "agency", requires="outcome"),
        transition("conclude", "accepted", "concluded", "agency", requires="outcome"),
    ),
)
ANSWERS = {t.target: t.action for t in MACHINE.transitions}
AGENCY = frozenset({"agency"})
# Sent unless staff choose: what the resident showed and what the contractor found.
DEFAULT_PURPOSES = ("report", "evidence_before", "evidence_after")
# Contractors' findings are the notes of the work they finished.
FINDING_STATUSES = ("done", "confirmed")


def hidden_referral() -> NotFound:
    return NotFound("referral_not_found", "No such referral.")


# --- Sending


async def _chosen_media(
    session: AsyncSession, ticket: Ticket, media_ids: Sequence[uuid.UUID] | None
) -> list[attachments.Attached]:
    attached = await attachments.of_ticket(session, ticket.id)
    if media_ids is None:
        return [a for a in attached if a.purpose in DEFAULT_PURPOSES]
    by_id = {a.media_id: a for a in attached}
    errors = [
        FieldError(
            pointer=f"/body/media_ids/{i}",
            detail="not a photo or video of this ticket",
            code="media_not_on_ticket",
        )
        for i, media_id in enumerate(media_ids)
        if media_id not in by_id
    ]
    if errors:
        raise InvalidInput(
            "invalid_media", "Send only this ticket's photos and videos; see errors.", errors=errors
        )
    return [by_id[media_id] for media_id in dict.fromkeys(media_ids)]


async def _findings(session: AsyncSession, ticket: Ticket) -> list[PackageFinding]:
    findings = []
    for order in await queries.of_ticket(session, ticket.id):
        finished = await queries.last_done(session, order)
        if order.status not in FINDING_STATUSES or finished is None:
            continue  # declined, cancelled, returned: no finding stands
        findings.append(
            PackageFinding(
                work_order=order.number,
                organisation=order.organisation_name,
                status=order.status,
                note=redact_personal(finished.public_note or ""),
                done_at=finished.at,
                before_media_ids=[uuid.UUID(i) for i in finished.detail.get("before", [])],
                after_media_ids=[uuid.UUID(i) for i in finished.detail.get("after", [])],
            )
        )
    return findings


async def refer(
    session: AsyncSession,
    ctx: IntakeContext,
    ticket: Ticket,
    actor: lifecycle.Actor,
    now: datetime,
    *,
    agency: str,
    note: str | None,
    media_ids: Sequence[uuid.UUID] | None,
    address: list[PlaceRef],
) -> Referral:
    """Send the ticket's evidence package to an enforcement agency; `address` is the
    place's chain from directory, asked before the transaction began."""
    name = agency.strip()
    if not name:
        raise InvalidInput(
            "agency_required",
            "Name the agency the referral goes to.",
            errors=[FieldError(pointer="/body/agency", detail="required", code="required")],
        )
    if ticket.status == "duplicate":
        raise Conflict(
            "ticket_is_duplicate", "This ticket was merged into another: refer that one."
        )
    chosen = await _chosen_media(session, ticket, media_ids)
    package = ReferralPackage(
        ticket_number=ticket.number,
        category=ticket.category,
        description=redact_personal(ticket.description),
        priority=ticket.priority,
        place_code=ticket.place_code,
        address=partner_presenters.place_names(address),
        times=PackageTimes(
            reported_at=ticket.created_at,
            acknowledged_at=ticket.acknowledged_at,
            assigned_at=ticket.assigned_at,
            resolved_at=ticket.resolved_at,
            closed_at=ticket.closed_at,
            escalated_at=ticket.escalated_at,
            due_respond_at=ticket.due_respond_at,
            due_resolve_at=ticket.due_resolve_at,
        ),
        findings=await _findings(session, ticket),
        media=[
            PackageMedia(
                id=a.media_id, kind="video" if a.kind == "video" else "image", purpose=a.purpose
            )
            for a in chosen
        ],
        prepared_at=now,
    )
    # The ticket row is locked (tickets.for_staff): two referrals cannot share a number.
    count = await session.scalar(
        select(func.count()).select_from(Referral).where(Referral.ticket_id == ticket.id)
    )
    referral = Referral(
        id=uuid.uuid4(),
        number=f"{ticket.number}-R{int(count or 0) + 1}",
        ticket_id=ticket.id,
        agency=name,
        status="sent",
        package=package.model_dump(mode="json"),
        note=(note or "").strip() or None,
        created_by=actor.label,
        sent_at=now,
        updated_at=now,
    )
    session.add(referral)
    _trail(session, ticket, "referral_sent", actor.who, now, referral, agency=name)
    await session.flush()
    return referral


def _trail(
    session: AsyncSession,
    ticket: Ticket,
    action: str,
    actor: events.Actor,
    now: datetime,
    referral: Referral,
    **detail: Any,
) -> None:
    # The ticket's status is unchanged; the trail (and the polled inbox) shows the step.
    # No note: what staff and agency write to each other stays off the public trail.
    session.add(
        TicketEvent.in_place(
            ticket, action, actor, now, detail={"referral": referral.number, **detail}
        )
    )
    ticket.updated_at = now


# --- Finding a referral, and who may see or answer it


@dataclass(frozen=True)
class Loaded:
    referral: Referral
    ticket: Ticket


async def _load(session: AsyncSession, referral_id: uuid.UUID, *, lock: bool) -> Loaded:
    ticket_id = await session.scalar(select(Referral.ticket_id).where(Referral.id == referral_id))
    if ticket_id is None:
        raise hidden_referral()
    # The ticket first, then the referral: the order every ticket move takes them in.
    ticket = await session.get(Ticket, ticket_id, with_for_update=lock)
    referral = await session.get(Referral, referral_id, with_for_update=lock)
    if ticket is None or referral is None:
        raise hidden_referral()
    return Loaded(referral, ticket)


async def for_agency(session: AsyncSession, principal: Principal, referral_id: uuid.UUID) -> Loaded:
    """A referral the agency over the ticket's place answers (locked for the answer)."""
    found = await _load(session, referral_id, lock=True)
    authorize(principal, PERM_ANSWER, found.ticket.place_path, hidden=hidden_referral())
    return found


async def for_reader(session: AsyncSession, principal: Principal, referral_id: uuid.UUID) -> Loaded:
    """A referral to look at: the agency's, or staff's who read the ticket."""
    found = await _load(session, referral_id, lock=False)
    if principal.can(PERM_ANSWER, found.ticket.place_path):
        return found
    authorize(principal, PERM_READ, found.ticket.place_path, hidden=hidden_referral())
    return found


def list_query(principal: Principal, *, status: str | None = None) -> Select[Any]:
    """Referrals of the tickets in the caller's places (an agency's, or staff's who read
    them), scoped in the query."""
    paths = [*principal.scope_paths(PERM_ANSWER), *principal.scope_paths(PERM_READ)]
    query = (
        select(Referral)
        .join(Ticket, Ticket.id == Referral.ticket_id)
        .where(within_any(Ticket.place_path, paths))
    )
    if status is not None:
        query = query.where(Referral.status == status)
    return query.order_by(Referral.sent_at.desc(), Referral.id)


async def ticket_numbers(
    session: AsyncSession, referrals: Sequence[Referral]
) -> dict[uuid.UUID, str]:
    ids = {r.ticket_id for r in referrals}
    if not ids:
        return {}
    rows = await session.execute(select(Ticket.id, Ticket.number).where(Ticket.id.in_(ids)))
    return {ticket_id: number for ticket_id, number in rows}


# --- The agency's answer


async def answer(
    session: AsyncSession,
    found: Loaded,
    principal: Principal,
    now: datetime,
    *,
    status: str,
    agency_reference: str | None,
    outcome: str | None,
) -> Referral:
    referral = found.referral
    step = MACHINE.find(referral.status, ANSWERS.get(status, status), AGENCY)
    text = (outcome or "").strip() or None
    MACHINE.required(step.action, outcome=outcome)
    previous = MACHINE.enter(referral, step, now)
    if agency_reference is not None:
        referral.agency_reference = agency_reference.strip()
    if text is not None:
        referral.outcome = text
    referral.updated_at = now
    _trail(
        session,
        found.ticket,
        "referral_answered",
        events.Actor.of(principal),
        now,
        referral,
        previous=previous,
        status=status,
    )
    await session.flush()
    return referral
