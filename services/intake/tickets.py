"""Reports from residents and the staff inbox: the rules outside the state machine.

Next to it: "+1 me too" (followers.py), merging a duplicate (duplicates.py), revealing the
reporter's contact (contact.py)."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import attachments, categories, lifecycle, notices, permissions, webhooks
from services.intake.context import IntakeContext
from services.intake.deadlines import due_times
from services.intake.models import (
    OPEN_STATUSES,
    Ticket,
    TicketCounter,
    TicketEvent,
    TicketFollower,
)
from services.intake.schemas.tickets import TicketSubmit, TrackedPlace
from services.kit import events
from services.kit.auth import Principal, authorize
from services.kit.clients.directory import Location, ScannedCode
from services.kit.clock import LOCAL_TZ
from services.kit.db import PerBackend, insert_for, insert_row
from services.kit.errors import FieldError, InvalidInput, NotFound, PermissionDenied
from services.kit.media.models import MediaRef
from services.kit.media.store import uploader
from services.kit.personal import normalise_mobile
from services.kit.scope import within, within_any

PERM_READ = permissions.TICKETS_READ
PERM_HANDLE = permissions.TICKETS_HANDLE
TRACKING_TOKEN_BYTES = 18  # 24 URL-safe characters, 144 random bits


def new_tracking_token() -> str:
    return secrets.token_urlsafe(TRACKING_TOKEN_BYTES)


def hidden_ticket() -> NotFound:
    return NotFound("ticket_not_found", "No such ticket.")


async def scan_unit(ctx: IntakeContext, token: str, *, pointer: str) -> ScannedCode:
    """The unit door a report is about; only a unit's code files a report about it."""
    scanned = await ctx.directory.resolve_code(token, pointer=pointer)
    if scanned.kind != "unit" or scanned.chain.community is None:
        raise InvalidInput(
            "not_a_unit_code",
            "Reports are filed from the code on a unit door.",
            errors=[FieldError(pointer=pointer, detail="not a unit code", code="not_a_unit_code")],
        )
    return scanned


_COUNTERS = TicketCounter.__table__
_NEXT_NUMBER = PerBackend(
    lambda session: (
        insert_for(session, _COUNTERS)  # type: ignore[arg-type]
        .on_conflict_do_update(
            index_elements=["community_id", "year"],
            set_={"last_value": _COUNTERS.c.last_value + 1},
        )
        .returning(_COUNTERS.c.last_value)
    )
)


async def _next_number(session: AsyncSession, community_id: uuid.UUID, year: int) -> int:
    # One statement: the year's first report makes the counter row, every later one adds to
    # it. The upsert takes the row's lock (PostgreSQL) / runs under BEGIN IMMEDIATE (SQLite),
    # so two reports never share a number.
    value = await session.scalar(
        _NEXT_NUMBER(session), {"community_id": community_id, "year": year, "last_value": 1}
    )
    assert value is not None
    return int(value)


def _reporter_phone(raw: str | None, consent: bool) -> str | None:
    if raw is None or not raw.strip():
        return None
    try:
        phone = normalise_mobile(raw)
    except ValueError:
        raise InvalidInput(
            "invalid_phone",
            "Enter an 11-digit mainland mobile number.",
            errors=[
                FieldError(pointer="/body/reporter_phone", detail="not a mobile", code="invalid")
            ],
        ) from None
    if not consent:
        raise InvalidInput(
            "consent_required",
            "Agree to be called back before leaving a phone number.",
            errors=[FieldError(pointer="/body/consent", detail="must be true", code="required")],
        )
    return phone


@dataclass(frozen=True)
class Report:
    """What every source files (QR scan, patrol, hotline, Open311, contractor, staff)."""

    category: str
    description: str
    source: str
    priority: str | None = None
    reporter_name: str | None = None
    reporter_phone: str | None = None
    consent: bool = False
    external_id: str | None = None
    # What the filing system said beyond the ticket's columns (a hotline case's receipt
    # time, an Open311 client's media link), kept on the first event of the trail.
    filing_detail: dict[str, Any] = field(default_factory=dict)
    # Uploads (kit.media) the report names, each with where it was named in the request.
    media: tuple[MediaRef, ...] = ()
    # The door code it was filed from (QR reports only): the tracking page's way back home.
    code_token: str | None = None


async def locate_submission(ctx: IntakeContext, data: TicketSubmit) -> ScannedCode:
    """The unit door a report names, asked of directory before the request's first
    statement (kit.calls); what can be checked without the database is checked first."""
    _reporter_phone(data.reporter_phone, data.consent)
    return await scan_unit(ctx, data.code_token, pointer="/body/code_token")


async def submit(
    session: AsyncSession,
    *,
    ctx: IntakeContext,
    data: TicketSubmit,
    scanned: ScannedCode,
    principal: Principal | None,
    source: str = "qr",
) -> Ticket:
    """A resident's report from the QR code on a unit door (located by `locate_submission`)."""
    report = Report(
        category=data.category,
        description=data.description,
        source=source,
        priority=data.priority,
        reporter_name=data.reporter_name,
        reporter_phone=data.reporter_phone,
        consent=data.consent,
        code_token=scanned.token,
        media=tuple(attachments.report_refs(data.photo_ids, data.video_id, data.upload_keys)),
    )
    # Validate everything first: a refused report leaves nothing behind. The category is
    # read once, as the street office has it; one off in the global set is refused too.
    category = await categories.reportable(
        session, category_code=report.category, place_path=scanned.path, globally_active=True
    )
    return await file_ticket(
        session, ctx=ctx, report=report, location=scanned, principal=principal, category=category
    )


async def file_ticket(
    session: AsyncSession,
    *,
    ctx: IntakeContext,
    report: Report,
    location: Location,
    principal: Principal | None,
    category: categories.Effective | None = None,
) -> Ticket:
    """File a ticket at a located place: number, deadlines, first event, `ticket.created`.

    `category`: the report's category as the place has it, when the caller has read it."""
    phone = _reporter_phone(report.reporter_phone, report.consent)
    # The category as this street office has it: switched off here is unknown here; its
    # priority, deadlines and default handler are the street's (or the district's).
    if category is None:
        category = await categories.reportable(
            session, category_code=report.category, place_path=location.path
        )
    community = location.chain.community
    if community is None:
        raise InvalidInput(
            "not_in_a_community",
            "A ticket is filed at a place inside a community.",
            errors=[FieldError(pointer="/body", detail="no community", code="not_in_a_community")],
        )
    # Before the first write (the number): a refused photo leaves no ticket behind.
    report_media = await attachments.check(
        session, report.media, by=uploader(principal), uploads=ctx.media
    )
    now = ctx.clock.now()
    priority = report.priority or category.default_priority
    due = due_times(priority, clock=ctx.clock, overrides=category.deadline_minutes, start=now)
    year = now.astimezone(LOCAL_TZ).year
    resident = principal.subject if principal and principal.kind == "resident" else None
    ticket = Ticket(
        id=uuid.uuid4(),
        number="",  # taken from the community's counter below, as late as it can be
        tracking_token=new_tracking_token(),
        community_id=community.id,
        community_code=community.code,
        building_id=location.chain.building.id if location.chain.building else None,
        place_id=location.place.id,
        place_code=location.place.code,
        code_token=report.code_token,
        place_path=location.path,
        category=category.code,
        description=report.description.strip(),
        priority=priority,
        source=report.source,
        status="submitted",
        reporter_subject=resident,
        reporter_name_cipher=(
            ctx.cipher.encrypt(report.reporter_name) if report.reporter_name else None
        ),
        reporter_phone_cipher=ctx.cipher.encrypt(phone) if phone else None,
        reporter_phone_hash=ctx.cipher.lookup_hash(phone) if phone else None,
        consent=report.consent,
        external_id=report.external_id,
        due_respond_at=due.respond_by,
        due_resolve_at=due.resolve_by,
        reopen_count=0,
        created_at=now,
        updated_at=now,
    )
    # What needs no number comes first: the subscribers to tell and the deadline checks
    # (jobs, keyed by the ticket's id). The number's upsert locks the community's counter
    # row until COMMIT (PostgreSQL), and every report of the community queues on it: the
    # fewer statements after it, the sooner the next one goes.
    subscribers = await webhooks.destinations(
        session, place_path=ticket.place_path, topic=webhooks.TICKET_CREATED
    )
    await notices.ticket_filed(session, ticket=ticket, now=now)
    sequence = await _next_number(session, community.id, year)
    ticket.number = f"{community.code}-{year}-{sequence:06d}"
    # Each one INSERT, without a unit-of-work flush (kit.db.insert_row): the report's
    # hottest path.
    await insert_row(session, ticket)
    first = lifecycle.submitted_event(ticket, _filed_by(principal), now)
    first.detail = {**first.detail, **report.filing_detail}
    if category.default_handler is not None:
        # A suggestion for the assign dialog: staff still call back and acknowledge first.
        first.detail["suggested_handler"] = category.default_handler.as_detail()
    await insert_row(session, first)
    await attachments.attach(
        session, ticket=ticket, items=report_media, purpose="report", now=now, event_id=first.id
    )
    await webhooks.publish_ticket_event(
        session,
        ticket=ticket,
        topic=webhooks.TICKET_CREATED,
        previous_status=None,
        now=now,
        targets=subscribers,
    )
    return ticket


def _filed_by(principal: Principal | None) -> events.Actor:
    """Who filed it: the caller's token (staff for a resident too), else the reporter."""
    if principal is None:
        return lifecycle.Actor.reporter().who
    return events.Actor.of(principal)


def staff_actions(principal: Principal, ticket: Ticket) -> list[str]:
    """The moves this staff member may make on the ticket now: none without handle."""
    if not principal.can(PERM_HANDLE, ticket.place_path):
        return []
    return lifecycle.allowed_actions(ticket, lifecycle.Actor.staff(principal, ticket))


async def by_tracking_token(
    session: AsyncSession, token: str, *, lock: bool = False
) -> tuple[Ticket, bool]:
    """The ticket a token opens, and whether it is the reporter's (not a follower's)."""
    query = select(Ticket).where(Ticket.tracking_token == token)
    ticket = await session.scalar(query.with_for_update() if lock else query)
    if ticket is not None:
        return ticket, True
    ticket_id = await session.scalar(
        select(TicketFollower.ticket_id).where(TicketFollower.follower_token == token)
    )
    found = await session.get(Ticket, ticket_id) if ticket_id is not None else None
    if found is None:
        raise hidden_ticket()
    return found, False


async def tracked_place(session: AsyncSession, token: str, *, ctx: IntakeContext) -> TrackedPlace:
    """The place names and the office phone for a tracking page (asked of directory, outside
    any write transaction), and the way home: the door code its holder scanned (the
    reporter's, or a follower's own door), never anyone else's."""
    ticket, is_reporter = await by_tracking_token(session, token)
    if is_reporter:
        hub_token = ticket.code_token
    else:
        hub_token = await session.scalar(
            select(TicketFollower.code_token).where(TicketFollower.follower_token == token)
        )
    place = await ctx.directory.place_by_code(ticket.place_code)
    chain = place.location().chain
    return TrackedPlace(
        place_code=ticket.place_code,
        community=chain.community.name if chain.community else None,
        building=chain.building.name if chain.building else None,
        unit=chain.unit.name if chain.unit else None,
        office_phone=place.contact_phone,
        hub_token=hub_token,
    )


async def for_reporter(session: AsyncSession, token: str) -> Ticket:
    ticket, is_reporter = await by_tracking_token(session, token, lock=True)
    if not is_reporter:
        # A follower's token shows the ticket (so nothing is hidden by saying so) but acts
        # for no one: say why, rather than a "not found" the follower can see is untrue.
        raise PermissionDenied(
            "reporter_only",
            "Only the resident who reported this can confirm, rate or reopen it.",
        )
    return ticket


async def for_staff(
    session: AsyncSession, *, principal: Principal | None, ticket_id: uuid.UUID, permission: str
) -> Ticket:
    ticket = await session.get(Ticket, ticket_id, with_for_update=permission == PERM_HANDLE)
    if ticket is None:
        if principal is None:
            authorize(principal, permission, "/")  # 401 before any hint of existence
        raise hidden_ticket()
    authorize(principal, permission, ticket.place_path, hidden=hidden_ticket())
    return ticket


def overdue_clause(now: datetime) -> Any:
    return or_(
        and_(Ticket.status == "submitted", Ticket.due_respond_at < now),
        and_(Ticket.status.in_(OPEN_STATUSES), Ticket.due_resolve_at < now),
    )


def is_overdue(ticket: Ticket, now: datetime) -> bool:
    if ticket.status == "submitted" and ticket.due_respond_at < now:
        return True
    return ticket.status in OPEN_STATUSES and ticket.due_resolve_at < now


async def path_of_code(ctx: IntakeContext, code: str | None, *, pointer: str) -> str | None:
    """The path of the place with this public code (a list filter); unknown is a 422."""
    if code is None:
        return None
    return (await ctx.directory.locate(code, pointer=pointer)).path


def inbox_query(
    principal: Principal,
    now: datetime,
    *,
    status: str | None = None,
    category: str | None = None,
    priority: str | None = None,
    overdue: bool | None = None,
    source: str | None = None,
    under_path: str | None = None,
    created_from: datetime | None = None,
    created_before: datetime | None = None,
) -> Select[Any]:
    """The caller's tickets: the scope is part of the query, so totals never leak.

    `under_path`: only tickets at or under that place (a building, a community); `created_*`:
    reported in [created_from, created_before)."""
    query = select(Ticket).where(within_any(Ticket.place_path, principal.scope_paths(PERM_READ)))
    if source is not None:
        query = query.where(Ticket.source == source)
    if under_path is not None:
        query = query.where(within(Ticket.place_path, under_path))
    if created_from is not None:
        query = query.where(Ticket.created_at >= created_from)
    if created_before is not None:
        query = query.where(Ticket.created_at < created_before)
    if status is not None:
        query = query.where(Ticket.status == status)
    if category is not None:
        query = query.where(Ticket.category == category)
    if priority is not None:
        query = query.where(Ticket.priority == priority)
    if overdue is True:
        query = query.where(overdue_clause(now))
    elif overdue is False:
        query = query.where(~overdue_clause(now))
    return query.order_by(Ticket.created_at.desc(), Ticket.id)


async def inbox_version(
    session: AsyncSession, *, query: Select[Any], now: datetime
) -> tuple[Any, ...]:
    """What an inbox list depends on besides the caller and its filters; the polled list's
    ETag is made from it. It changes when a listed ticket is filed or moves (every move and
    rating adds an event: a count, so commits landing out of timestamp order still show),
    falls overdue as time passes, or gains a follower."""
    total, last_change, overdue = (
        await session.execute(
            query.with_only_columns(
                func.count(Ticket.id),
                func.max(Ticket.updated_at),
                func.coalesce(func.sum(case((overdue_clause(now), 1), else_=0)), 0),
            ).order_by(None)
        )
    ).one()
    listed = query.with_only_columns(Ticket.id).order_by(None)
    events, followers = (
        await session.execute(
            select(
                select(func.count(TicketEvent.id))
                .where(TicketEvent.ticket_id.in_(listed))
                .scalar_subquery(),
                select(func.count(TicketFollower.id))
                .where(TicketFollower.ticket_id.in_(listed))
                .scalar_subquery(),
            )
        )
    ).one()
    return int(total), last_change, int(overdue), int(events), int(followers)


async def place_code_of(session: AsyncSession, ticket_id: uuid.UUID) -> str | None:
    """A ticket's place code, read before a write transaction begins so that what depends
    on it (its address, from directory) is asked outside that transaction (kit.calls). A
    ticket's place never changes, so the read cannot go stale; None for no such ticket."""
    code: str | None = await session.scalar(select(Ticket.place_code).where(Ticket.id == ticket_id))
    return code
