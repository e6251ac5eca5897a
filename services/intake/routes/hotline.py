"""The 12345 hotline's system pushes its cases here (by API key, through the gateway)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from services.intake import hotline
from services.intake.context import ContextDep
from services.intake.schemas.hotline import HotlineCase, HotlineTicket
from services.kit.app import SessionDep
from services.kit.auth import CurrentPrincipal, requires

router = APIRouter(prefix="/v1/hotline", tags=["integrations"])


@router.post(
    "/cases",
    status_code=201,
    response_model=HotlineTicket,
    summary="A 12345 hotline case becomes a ticket (idempotent on its case number)",
    description=(
        "201 with the new ticket; 200 with the same ticket when the case number was pushed "
        "before (whatever else the second push says). The caller's API key must hold "
        "intake:hotline:push over the place."
    ),
    responses={200: {"model": HotlineTicket, "description": "Pushed before: the same ticket"}},
    openapi_extra=requires(hotline.PERM_PUSH),
)
async def push_case(
    case: HotlineCase, session: SessionDep, ctx: ContextDep, principal: CurrentPrincipal
) -> JSONResponse:
    # Directory first, before the case-number check's statement (kit.calls).
    location = await hotline.locate_case(ctx, case)
    ticket, filed = await hotline.push(session, ctx, principal, case, location=location)
    body = HotlineTicket.model_validate(ticket, from_attributes=True)
    return JSONResponse(jsonable_encoder(body), status_code=201 if filed else 200)
