"""Residents' side: report from a scanned code, "+1", follow progress, confirm, rate, reopen.

No account is needed: the tracking token handed out on submission is the reporter's key.
Answers that carry a tracking token or show a report through one are personal: never cached
(kit.caching), whether or not the caller is signed in.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from services.intake import categories, followers, lifecycle, presenters, tickets
from services.intake.context import ContextDep
from services.intake.routes.deps import IdempotentDep
from services.intake.schemas.categories import CategoryOut
from services.intake.schemas.tickets import (
    Followed,
    FollowIn,
    Rate,
    Reason,
    SimilarTicket,
    Submitted,
    TicketSubmit,
    TrackedPlace,
    TrackedTicket,
)
from services.kit.abuse import anonymous_write_limit, body_field
from services.kit.app import SessionDep
from services.kit.auth import OptionalPrincipalDep
from services.kit.caching import PERSONAL

router = APIRouter(prefix="/v1", tags=["residents"])

# Anonymous reports and "+1"s, per phone and per door (kit.abuse; INTAKE_ANONYMOUS_LIMITS).
REPORT_LIMIT = anonymous_write_limit(
    "reports",
    per_device="5/10min",
    per_address="60/hour",
    per_door="20/hour",
    door=body_field("code_token"),
)
FOLLOW_LIMIT = anonymous_write_limit(
    "follows", per_device="10/10min", per_door="60/hour", door=body_field("code_token")
)


@router.get(
    "/categories",
    summary="Report categories, in display order (public)",
    description="With the scanned code's token: the categories as that street office has "
    "them (its default priorities; those it switched off left out). Without: the global set.",
)
async def list_categories(
    session: SessionDep,
    ctx: ContextDep,
    code_token: Annotated[
        str | None, Query(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9]+$")
    ] = None,
) -> list[CategoryOut]:
    if code_token is None:
        return [CategoryOut.model_validate(c) for c in await categories.list_active(session)]
    scanned = await ctx.directory.resolve_code(code_token, pointer="/query/code_token")
    return [
        CategoryOut.model_validate(
            {
                "code": e.code,
                "name_zh": e.category.name_zh,
                "name_en": e.category.name_en,
                "icon": e.category.icon,
                "default_priority": e.default_priority,
            }
        )
        for e in await categories.list_for_place(session, scanned.path)
    ]


@router.post(
    "/tickets",
    status_code=201,
    response_model=Submitted,
    summary="Report a problem from a unit door's QR code (no sign-in needed)",
    dependencies=[PERSONAL, REPORT_LIMIT],
    responses={429: {"description": "Too many anonymous reports from this phone or door"}},
)
async def submit_ticket(
    data: TicketSubmit,
    session: SessionDep,
    ctx: ContextDep,
    principal: OptionalPrincipalDep,
    idem: IdempotentDep,
) -> Response:
    # Directory first, before the idempotency key's row or any statement (kit.calls).
    scanned = await tickets.locate_submission(ctx, data)

    async def work() -> Submitted:
        ticket = await tickets.submit(
            session, ctx=ctx, data=data, scanned=scanned, principal=principal
        )
        return Submitted.model_validate(ticket, from_attributes=True)

    return await idem.run(work, status_code=201)


@router.get(
    "/tickets/similar",
    summary="Open reports of one category at the scanned building, to join instead of filing",
)
async def similar_tickets(
    session: SessionDep,
    ctx: ContextDep,
    code_token: Annotated[str, Query(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9]+$")],
    category: Annotated[str, Query(min_length=1, max_length=20, pattern=r"^[a-z_]+$")],
) -> list[SimilarTicket]:
    found = await followers.similar(session, ctx, code_token=code_token, category=category)
    return presenters.similar(found.tickets, found.followers, unit_id=found.unit_id)


@router.post(
    "/tickets/{ticket_id:uuid}/follow",
    status_code=201,
    response_model=Followed,
    summary="+1: follow a neighbour's open report (a code of the same building is required)",
    dependencies=[PERSONAL, FOLLOW_LIMIT],
    responses={429: {"description": "Too many anonymous +1s from this phone or door"}},
)
async def follow_ticket(
    ticket_id: uuid.UUID,
    data: FollowIn,
    session: SessionDep,
    ctx: ContextDep,
    principal: OptionalPrincipalDep,
    idem: IdempotentDep,
) -> Response:
    # Directory first, before the idempotency key's row or any statement (kit.calls).
    scanned = await tickets.scan_unit(ctx, data.code_token, pointer="/body/code_token")

    async def work() -> Followed:
        ticket, follower, count = await followers.follow(
            session, ctx=ctx, ticket_id=ticket_id, scanned=scanned, principal=principal
        )
        return Followed(
            number=ticket.number, tracking_token=follower.follower_token, followers=count
        )

    return await idem.run(work, status_code=201)


@router.get(
    "/track/{tracking_token}",
    summary="A report's progress, for its reporter or followers",
    dependencies=[PERSONAL],
)
async def track(tracking_token: str, session: SessionDep, ctx: ContextDep) -> TrackedTicket:
    ticket, is_reporter = await tickets.by_tracking_token(session, tracking_token)
    return await presenters.tracked(
        session, ticket, is_reporter=is_reporter, cipher=ctx.cipher, media=ctx.media
    )


@router.get(
    "/track/{tracking_token}/place",
    summary="Where a tracked report is and the community office's phone",
    description="Asked once when the tracking page opens (not on every poll): the place's"
    " names, the office phone, and the hub of the door its holder scanned (the reporter's,"
    " or a follower's own). 503 when the directory does not answer; the page then shows the"
    " progress without it.",
    dependencies=[PERSONAL],
)
async def track_place(tracking_token: str, session: SessionDep, ctx: ContextDep) -> TrackedPlace:
    return await tickets.tracked_place(session, tracking_token, ctx=ctx)


@router.post(
    "/track/{tracking_token}/confirm",
    summary="The reporter confirms the fix",
    dependencies=[PERSONAL],
)
async def confirm(tracking_token: str, session: SessionDep, ctx: ContextDep) -> TrackedTicket:
    ticket = await tickets.for_reporter(session, tracking_token)
    await lifecycle.confirm(session, ticket=ticket, now=ctx.clock.now())
    return await presenters.tracked(
        session, ticket, is_reporter=True, cipher=ctx.cipher, media=ctx.media
    )


@router.post(
    "/track/{tracking_token}/rate",
    summary="The reporter rates the handling, once (1–5)",
    dependencies=[PERSONAL],
)
async def rate(
    tracking_token: str, data: Rate, session: SessionDep, ctx: ContextDep
) -> TrackedTicket:
    ticket = await tickets.for_reporter(session, tracking_token)
    await lifecycle.rate(
        session, ticket=ticket, now=ctx.clock.now(), rating=data.rating, comment=data.comment
    )
    return await presenters.tracked(
        session, ticket, is_reporter=True, cipher=ctx.cipher, media=ctx.media
    )


@router.post(
    "/track/{tracking_token}/reopen",
    summary="The reporter reopens within 7 days of resolution",
    dependencies=[PERSONAL],
)
async def reopen(
    tracking_token: str, data: Reason, session: SessionDep, ctx: ContextDep
) -> TrackedTicket:
    ticket = await tickets.for_reporter(session, tracking_token)
    await lifecycle.reopen(
        session,
        ticket=ticket,
        actor=lifecycle.Actor.reporter(),
        now=ctx.clock.now(),
        reason=data.reason,
    )
    return await presenters.tracked(
        session, ticket, is_reporter=True, cipher=ctx.cipher, media=ctx.media
    )
