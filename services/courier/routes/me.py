"""A courier's own: registering once (signed in as a resident), the profile and its photo,
the card."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from services.courier import couriers, visits
from services.courier.context import ContextDep
from services.courier.models import Courier
from services.courier.schemas.couriers import (
    CardOut,
    CourierIn,
    CourierOut,
    CourierProfile,
    CourierUpdate,
    PhotoIn,
)
from services.courier.schemas.visits import MyVisit, VisitOut
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import PrincipalDep
from services.kit.caching import PERSONAL
from services.kit.errors import NotFound
from services.kit.pagination import Page, PageDep

router = APIRouter(prefix="/v1/me/courier", tags=["couriers"], dependencies=[PERSONAL])


async def _profile(session: SessionDep, ctx: ContextDep, courier: Courier) -> CourierProfile:
    card = await couriers.active_card(session, courier)
    return CourierProfile.model_validate(
        {
            **CourierOut.model_validate(courier).model_dump(),
            "card": couriers.card_out(card) if card else None,
            "photo_url": couriers.photo_url(ctx.photos, courier.photo_id),
        }
    )


@router.post(
    "",
    status_code=201,
    summary="Register as a courier (once): nickname, platform; the first card is issued",
    responses={409: {"description": "courier_already_registered"}},
)
async def register(
    data: CourierIn,
    request: Request,
    session: SessionDep,
    clock: ClockDep,
    ctx: ContextDep,
    principal: PrincipalDep,
) -> CourierProfile:
    couriers.resident_subject(principal)
    # Identity first, outside the write transaction (kit.calls): the masked phone staff see.
    bearer = request.headers["authorization"].split(" ", 1)[1]
    phone = await ctx.identity.masked_phone(bearer)
    courier, _card = await couriers.register(
        session, principal, data=data, phone_masked=phone, now=clock.now()
    )
    return await _profile(session, ctx, courier)


@router.get("", summary="My courier profile and card")
async def my_profile(
    session: SessionDep, ctx: ContextDep, principal: PrincipalDep
) -> CourierProfile:
    return await _profile(session, ctx, await couriers.my_courier(session, principal))


@router.patch("", summary="Change my nickname, platform, or whether I may be named")
async def update_profile(
    data: CourierUpdate,
    session: SessionDep,
    clock: ClockDep,
    ctx: ContextDep,
    principal: PrincipalDep,
) -> CourierProfile:
    courier = await couriers.my_courier(session, principal)
    couriers.update(courier, data=data, now=clock.now())
    return await _profile(session, ctx, courier)


@router.put(
    "/photo",
    summary="Show an upload of mine (POST /v1/media) as my photo; the one before is deleted",
    responses={422: {"description": "invalid_media: not mine, not an image, already used"}},
)
async def set_photo(
    data: PhotoIn,
    session: SessionDep,
    clock: ClockDep,
    ctx: ContextDep,
    principal: PrincipalDep,
) -> CourierProfile:
    courier = await couriers.my_courier(session, principal)
    await couriers.set_photo(
        session,
        courier,
        media_id=data.media_id,
        upload_key=data.upload_key,
        photos=ctx.photos,
        by=principal.actor,
        now=clock.now(),
    )
    return await _profile(session, ctx, courier)


@router.delete("/photo", status_code=204, summary="Remove my photo (its bytes are deleted)")
async def remove_photo(
    session: SessionDep, clock: ClockDep, ctx: ContextDep, principal: PrincipalDep
) -> Response:
    courier = await couriers.my_courier(session, principal)
    await couriers.remove_photo(session, courier, photos=ctx.photos, now=clock.now())
    return Response(status_code=204)


@router.get("/card", summary="My courier card: the QR payload and the short code")
async def my_card(session: SessionDep, principal: PrincipalDep) -> CardOut:
    card = await couriers.active_card(session, await couriers.my_courier(session, principal))
    if card is None:
        raise NotFound("card_not_found", "你的骑手卡已注销，请重新领取。")
    return couriers.card_out(card)


@router.post(
    "/card",
    status_code=201,
    summary="A new card: the one before it stops working at once",
)
async def reissue_card(session: SessionDep, clock: ClockDep, principal: PrincipalDep) -> CardOut:
    courier = await couriers.my_courier(session, principal)
    return couriers.card_out(await couriers.issue_card(session, courier, now=clock.now()))


@router.get("/visits", summary="My visits, newest first, with the station of each")
async def my_visits(session: SessionDep, principal: PrincipalDep, page: PageDep) -> Page[MyVisit]:
    courier = await couriers.my_courier(session, principal)
    rows, total = await visits.of_courier(session, courier, page=page)
    return Page[MyVisit](
        items=[
            MyVisit(**VisitOut.model_validate(visit).model_dump(), station_name=name)
            for visit, name in rows
        ],
        total=total,
    )
