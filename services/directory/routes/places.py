from __future__ import annotations

import asyncio
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from services.directory import places, posters, qr_images, sheets
from services.directory.codes import PERM_CODES_MANAGE, PERM_CODES_PRINT, add_place, issue_code
from services.directory.models import QrCode
from services.directory.routes.codes import code_out
from services.directory.schemas import (
    CodeIssue,
    CodeOut,
    PlaceCreate,
    PlaceDetail,
    PlaceKind,
    PlaceOut,
    PlaceSummary,
    PlaceUpdate,
)
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import PrincipalDep, authorize, requires
from services.kit.errors import NotFound
from services.kit.pagination import Page, PageDep, fetch_page
from services.kit.scope import SEPARATOR

router = APIRouter(prefix="/v1/places", tags=["places"])


@router.get("", summary="List places (public fields)")
async def list_places(
    session: SessionDep,
    page: PageDep,
    parent_id: uuid.UUID | None = None,
    kind: PlaceKind | None = None,
    under: Annotated[uuid.UUID | None, Query(description="Only places under this one")] = None,
    q: Annotated[str | None, Query(max_length=50, description="Name or code contains")] = None,
) -> Page[PlaceOut]:
    under_place = await places.get_place(session, under) if under else None
    statement = places.list_places_statement(
        parent_id=parent_id, kind=kind, under=under_place, query=q
    )
    rows, total = await fetch_page(session, statement, page=page)
    return Page[PlaceOut](items=[PlaceOut.model_validate(p) for p in rows], total=total)


async def _detail(session: SessionDep, place_id: uuid.UUID) -> PlaceDetail:
    place = await places.get_place(session, place_id)
    ancestors = await places.ancestors_of(session, place)
    return PlaceDetail(
        **PlaceOut.model_validate(place).model_dump(),
        ancestors=[PlaceSummary.model_validate(a) for a in ancestors],
        contact_phone=places.nearest_phone([*ancestors, place]),
    )


@router.get("/by-code/{code}", summary="A place by its public code, e.g. TGYZL-03-2")
async def get_place_by_code(code: str, session: SessionDep) -> PlaceDetail:
    place = await places.get_place_by_code(session, code)
    return await _detail(session, place.id)


@router.get("/{place_id:uuid}", summary="One place with its ancestors")
async def get_place(place_id: uuid.UUID, session: SessionDep) -> PlaceDetail:
    return await _detail(session, place_id)


@router.post(
    "",
    status_code=201,
    summary="Create a place under a parent (a unit door gets its QR code at once)",
    openapi_extra=requires(places.PERM_PLACES_WRITE),
)
async def create_place(
    data: PlaceCreate, session: SessionDep, clock: ClockDep, principal: PrincipalDep
) -> PlaceDetail:
    parent = await places.get_place(session, data.parent_id) if data.parent_id else None
    # Writing a child is a write on its parent; a root needs a grant over the whole tree.
    authorize(
        principal,
        places.PERM_PLACES_WRITE,
        parent.path if parent else SEPARATOR,
    )
    place = await add_place(
        session, data=data, parent=parent, actor=principal.subject, now=clock.now()
    )
    return await _detail(session, place.id)


@router.patch(
    "/{place_id:uuid}",
    summary="Change a place's public fields",
    openapi_extra=requires(places.PERM_PLACES_WRITE),
)
async def update_place(
    place_id: uuid.UUID,
    data: PlaceUpdate,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
) -> PlaceDetail:
    place = await places.get_place(session, place_id)
    authorize(principal, places.PERM_PLACES_WRITE, place.path)
    places.update_place(place, data=data, now=clock.now())
    await session.flush()
    return await _detail(session, place.id)


@router.get(
    "/{place_id:uuid}/codes",
    summary="The QR codes posted at a place (staff)",
    openapi_extra=requires(PERM_CODES_MANAGE),
)
async def list_place_codes(
    place_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, request: Request
) -> list[CodeOut]:
    place = await places.get_place(session, place_id)
    authorize(principal, PERM_CODES_MANAGE, place.path)
    rows = await session.scalars(
        select(QrCode).where(QrCode.place_id == place.id).order_by(QrCode.issued_at)
    )
    base = request.app.state.settings.public_base_url
    return [code_out(c, base) for c in rows]


@router.post(
    "/{place_id:uuid}/codes",
    status_code=201,
    summary="Issue another code at a place",
    openapi_extra=requires(PERM_CODES_MANAGE),
)
async def issue_place_code(
    place_id: uuid.UUID,
    data: CodeIssue,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    request: Request,
) -> CodeOut:
    place = await places.get_place(session, place_id)
    authorize(principal, PERM_CODES_MANAGE, place.path)
    code = await issue_code(
        session,
        place=place,
        kind=data.kind,
        target=data.target,
        actor=principal.subject,
        now=clock.now(),
    )
    return code_out(code, request.app.state.settings.public_base_url)


@router.get(
    "/{place_id:uuid}/qr-sheet",
    summary="A printable A4 sheet of every unit door's code under a community or building, "
    "or a warm station's poster",
    response_class=HTMLResponse,
    responses={200: {"content": {"text/html": {}, "image/svg+xml": {}}}},
    openapi_extra=requires(PERM_CODES_PRINT),
)
async def qr_sheet(
    place_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
    request: Request,
    format: Annotated[str, Query(pattern="^(html|svg)$")] = "html",
    page: Annotated[int, Query(ge=1, description="The page, for format=svg")] = 1,
) -> Response:
    place = await places.get_place(session, place_id)
    authorize(principal, PERM_CODES_PRINT, place.path)
    base_url = request.app.state.settings.public_base_url
    if place.kind in posters.POSTER_PLACE_KINDS:
        # A warm station's one poster, not a sheet of stickers.
        poster = await posters.station_poster(session, place=place, base_url=base_url)
        if format == "html":
            return HTMLResponse(posters.render_poster_html(poster))
        if page > 1:
            raise NotFound("sheet_page_not_found", "This poster has 1 page.", pages=1)
        return Response(
            posters.render_poster_svg(poster),
            media_type="image/svg+xml",
            headers={"X-Sheet-Pages": "1"},
        )
    title, labels = await sheets.sheet_labels(session, place=place, base_url=base_url)
    # Drawing ~300 symbols is CPU work of a second or two: keep the event loop answering.
    if format == "html":
        html = await asyncio.to_thread(qr_images.render_sheet_html, title=title, labels=labels)
        return HTMLResponse(html)
    pages = qr_images.page_count(len(labels))
    if page > pages:
        raise NotFound("sheet_page_not_found", f"This sheet has {pages} pages.", pages=pages)
    svg = await asyncio.to_thread(
        qr_images.render_sheet_page_svg, title=title, labels=labels, page=page
    )
    return Response(svg, media_type="image/svg+xml", headers={"X-Sheet-Pages": str(pages)})
