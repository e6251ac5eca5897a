"""Cases pushed by the 12345 hotline's system: each becomes a ticket with source `hotline`.

The hotline calls with an API key holding `intake:hotline:push` over the places it may file
at (the demo key: the whole district). A case carries the hotline's own case number
(`external_id`); pushing it again answers the ticket it already made, never a second one.
`tickets.external_id` is unique, so two pushes of one case racing each other cannot both
file: the loser's insert fails, is rolled back to its savepoint, and it answers the
winner's ticket.

The caller's phone was given to the hotline to be called back, so the consent the QR page
asks for is implied by the integration. Deadlines count from our receipt; the hotline's
own receipt time is kept on the first event of the trail (`received_at`).
"""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import permissions, tickets
from services.intake.context import IntakeContext
from services.intake.models import Ticket
from services.intake.schemas.hotline import HotlineCase
from services.intake.tickets import Report
from services.kit.auth import Principal, authorize
from services.kit.clients.directory import Location
from services.kit.errors import Conflict, PermissionDenied

PERM_PUSH = permissions.HOTLINE_PUSH


async def _by_external_id(session: AsyncSession, external_id: str) -> Ticket | None:
    ticket: Ticket | None = await session.scalar(
        select(Ticket).where(Ticket.external_id == external_id)
    )
    return ticket


def _already_received(principal: Principal, ticket: Ticket) -> Ticket:
    # A case number is the hotline's; one filed at a place outside this caller's is not
    # theirs to read back.
    if not principal.can(PERM_PUSH, ticket.place_path):
        raise Conflict(
            "external_id_in_use",
            "This case number is already used by a ticket outside your places.",
        )
    return ticket


async def locate_case(ctx: IntakeContext, case: HotlineCase) -> Location:
    """The case's place, asked of directory before the request's first statement."""
    return await ctx.directory.locate(case.place_code.upper(), pointer="/body/place_code")


async def push(
    session: AsyncSession,
    ctx: IntakeContext,
    principal: Principal,
    case: HotlineCase,
    *,
    location: Location,
) -> tuple[Ticket, bool]:
    """The ticket for the case (at `location`, from `locate_case`), and whether this push
    filed it (False: pushed before)."""
    if not principal.scope_paths(PERM_PUSH):
        raise PermissionDenied("forbidden", f"Your roles do not include {PERM_PUSH}.")
    existing = await _by_external_id(session, case.external_id)
    if existing is not None:
        return _already_received(principal, existing), False
    authorize(principal, PERM_PUSH, location.path)
    phone = (case.reporter_phone or "").strip() or None
    report = Report(
        category=case.category,
        description=case.description,
        source="hotline",
        priority=case.priority,
        reporter_name=case.reporter_name,
        reporter_phone=phone,
        consent=phone is not None,
        external_id=case.external_id,
        filing_detail=(
            {"received_at": case.received_at.astimezone(UTC).isoformat()}
            if case.received_at is not None
            else {}
        ),
    )
    try:
        async with session.begin_nested():
            ticket = await tickets.file_ticket(session, ctx, report, location, principal=principal)
    except IntegrityError:
        # A concurrent push of the same case committed first (the unique external_id).
        existing = await _by_external_id(session, case.external_id)
        if existing is None:
            raise
        return _already_received(principal, existing), False
    return ticket, True
