"""Work orders: contractors (API keys or their workers' log-ins) accept, decline, start,
report progress and mark done; the community confirms or returns the work.

An order's existence is private: another organisation's, or one outside the caller's
places, is a 404.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Request
from fastapi.responses import Response

from services.intake import partner_presenters
from services.intake.context import ContextDep, IntakeContext
from services.intake.models import WorkOrderStatus
from services.intake.routes.deps import IdempotentDep
from services.intake.schemas.tickets import Reason
from services.intake.schemas.workorders import (
    Done,
    Progress,
    WorkNote,
    WorkOrderOut,
    WorkOrderSummary,
)
from services.intake.workorders import contractor_moves, queries, staff_moves
from services.intake.workorders.machine import (
    CONFIRM_ACCESS,
    READ_ACCESS,
    WORK_ACCESS,
    Loaded,
    Mover,
    Side,
    allowed_actions,
)
from services.kit.app import SessionDep
from services.kit.auth import Principal, PrincipalDep
from services.kit.clients.directory import PlaceRef
from services.kit.db import Database
from services.kit.pagination import Page, PageDep, fetch_page
from services.kit.permissions import guard, listing

router = APIRouter(prefix="/v1/work-orders", tags=["contractors"])
WORK = WORK_ACCESS.declare()
HANDLE = CONFIRM_ACCESS.declare()
OptionalNote = Annotated[WorkNote | None, Body()]
# A list for those who may read work orders somewhere: anyone else is refused, not shown [].
ListReaderDep = Annotated[Principal, Depends(listing(READ_ACCESS))]


@router.get(
    "",
    summary="Work orders: a contractor's own organisation's; staff, those of tickets they read",
    openapi_extra=READ_ACCESS.declare(),
)
async def list_work_orders(
    session: SessionDep,
    principal: ListReaderDep,
    page: PageDep,
    status: WorkOrderStatus | None = None,
) -> Page[WorkOrderSummary]:
    rows, total = await fetch_page(session, queries.list_query(principal, status=status), page=page)
    tickets = await queries.tickets_of(session, rows)
    return Page[WorkOrderSummary](
        items=[partner_presenters.work_order_summary(o, tickets[o.ticket_id]) for o in rows],
        total=total,
    )


async def _view(
    session: SessionDep,
    ctx: IntakeContext,
    found: Loaded,
    principal: Principal,
    side: Side,
    *,
    address: list[PlaceRef] | None = None,
) -> WorkOrderOut:
    if address is None:  # a read (GET): no write transaction to keep the call out of
        address = await ctx.directory.address(found.ticket.place_code)
    return await partner_presenters.work_order(
        session,
        found.order,
        ticket=found.ticket,
        address=address,
        media=ctx.media,
        as_contractor=side == "contractor",
        allowed_actions=allowed_actions(principal, found, side),
    )


@guard(READ_ACCESS)
async def _reader(
    order_id: uuid.UUID, session: SessionDep, principal: PrincipalDep
) -> tuple[Loaded, Side]:
    return await queries.for_reader(session, principal=principal, order_id=order_id)


ReaderDep = Annotated[tuple[Loaded, Side], Depends(_reader)]


@router.get(
    "/{order_id:uuid}",
    summary="One work order: the problem, where, the report's photos, the order's trail",
    description="Never the reporter's name or phone.",
    openapi_extra=READ_ACCESS.declare(),
)
async def get_work_order(
    reading: ReaderDep, session: SessionDep, ctx: ContextDep, principal: PrincipalDep
) -> WorkOrderOut:
    found, side = reading
    return await _view(session, ctx, found, principal, side)


@dataclass(frozen=True)
class Working:
    """An order the caller may move, loaded and locked once per request."""

    found: Loaded
    mover: Mover
    principal: Principal
    now: datetime
    address: list[PlaceRef]  # the place's chain, from directory before the lock


async def _address(request: Request, ctx: IntakeContext, order_id: uuid.UUID) -> list[PlaceRef]:
    """The order's place chain, asked of directory before the request's write transaction
    takes its first lock (kit.calls): the ticket's place code from a read of its own (it
    never changes). Nothing for no such order: the locked load answers that."""
    db: Database = request.app.state.db
    async with db.session(write=False) as reading:
        place_code = await queries.place_code_of(reading, order_id)
    return await ctx.directory.address(place_code) if place_code else []


@guard(WORK_ACCESS)
async def _contractor(
    order_id: uuid.UUID,
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    request: Request,
) -> Working:
    address = await _address(request, ctx, order_id)
    found = await contractor_moves.for_contractor(session, principal=principal, order_id=order_id)
    mover = Mover.contractor(principal, found.ticket)
    return Working(found, mover, principal, ctx.clock.now(), address)


@guard(CONFIRM_ACCESS)
async def _staff(
    order_id: uuid.UUID,
    session: SessionDep,
    ctx: ContextDep,
    principal: PrincipalDep,
    request: Request,
) -> Working:
    address = await _address(request, ctx, order_id)
    found = await staff_moves.for_staff(session, principal=principal, order_id=order_id)
    return Working(found, Mover.staff(principal, found.ticket), principal, ctx.clock.now(), address)


ContractorDep = Annotated[Working, Depends(_contractor)]
StaffDep = Annotated[Working, Depends(_staff)]


async def _answer(
    session: SessionDep,
    ctx: IntakeContext,
    idem: IdempotentDep,
    w: Working,
    step: Callable[[], Awaitable[object]],
) -> Response:
    """Run the step once per Idempotency-Key (a weak mobile network retries) and answer
    with the order as its mover sees it."""

    async def work() -> WorkOrderOut:
        await step()
        return await _view(session, ctx, w.found, w.principal, w.mover.side, address=w.address)

    return await idem.run(work)


@router.post(
    "/{order_id:uuid}/accept",
    summary="Accept the offered order",
    response_model=WorkOrderOut,
    openapi_extra=WORK,
)
async def accept(
    w: ContractorDep,
    session: SessionDep,
    ctx: ContextDep,
    idem: IdempotentDep,
    data: OptionalNote = None,
) -> Response:
    note = data.note if data else None
    return await _answer(
        session,
        ctx,
        idem,
        w,
        lambda: contractor_moves.accept(
            session, found=w.found, mover=w.mover, now=w.now, note=note
        ),
    )


@router.post(
    "/{order_id:uuid}/decline",
    summary="Decline the offered order, with the reason (back to staff)",
    response_model=WorkOrderOut,
    openapi_extra=WORK,
)
async def decline(
    data: Reason, w: ContractorDep, session: SessionDep, ctx: ContextDep, idem: IdempotentDep
) -> Response:
    return await _answer(
        session,
        ctx,
        idem,
        w,
        lambda: contractor_moves.decline(
            session, found=w.found, mover=w.mover, now=w.now, reason=data.reason
        ),
    )


@router.post(
    "/{order_id:uuid}/start",
    summary="Start the work (the ticket goes in progress)",
    response_model=WorkOrderOut,
    openapi_extra=WORK,
)
async def start(
    w: ContractorDep, session: SessionDep, ctx: ContextDep, idem: IdempotentDep
) -> Response:
    return await _answer(
        session,
        ctx,
        idem,
        w,
        lambda: contractor_moves.start(session, found=w.found, mover=w.mover, now=w.now),
    )


@router.post(
    "/{order_id:uuid}/progress",
    summary="Report progress: a note and optional photos (uploaded first, POST /v1/media)",
    response_model=WorkOrderOut,
    openapi_extra=WORK,
)
async def progress(
    data: Progress, w: ContractorDep, session: SessionDep, ctx: ContextDep, idem: IdempotentDep
) -> Response:
    return await _answer(
        session,
        ctx,
        idem,
        w,
        lambda: contractor_moves.progress(
            session,
            found=w.found,
            mover=w.mover,
            now=w.now,
            note=data.note,
            photo_ids=data.photo_ids,
        ),
    )


@router.post(
    "/{order_id:uuid}/done",
    summary="Mark the work done: a note, photos after it (one at least) and before it",
    response_model=WorkOrderOut,
    openapi_extra=WORK,
)
async def done(
    data: Done, w: ContractorDep, session: SessionDep, ctx: ContextDep, idem: IdempotentDep
) -> Response:
    return await _answer(
        session,
        ctx,
        idem,
        w,
        lambda: contractor_moves.done(
            session,
            found=w.found,
            mover=w.mover,
            now=w.now,
            note=data.note,
            before_ids=data.before_photo_ids,
            after_ids=data.after_photo_ids,
        ),
    )


@router.post(
    "/{order_id:uuid}/confirm",
    summary="Staff confirm the work: the ticket is resolved with the contractor's note",
    response_model=WorkOrderOut,
    openapi_extra=HANDLE,
)
async def confirm(
    w: StaffDep,
    session: SessionDep,
    ctx: ContextDep,
    idem: IdempotentDep,
    data: OptionalNote = None,
) -> Response:
    note = data.note if data else None
    return await _answer(
        session,
        ctx,
        idem,
        w,
        lambda: staff_moves.confirm(session, found=w.found, mover=w.mover, now=w.now, note=note),
    )


@router.post(
    "/{order_id:uuid}/return",
    summary="Staff return the work, with the reason (back in progress)",
    response_model=WorkOrderOut,
    openapi_extra=HANDLE,
)
async def return_work(
    data: Reason, w: StaffDep, session: SessionDep, ctx: ContextDep, idem: IdempotentDep
) -> Response:
    return await _answer(
        session,
        ctx,
        idem,
        w,
        lambda: staff_moves.return_work(
            session, found=w.found, mover=w.mover, now=w.now, reason=data.reason
        ),
    )
