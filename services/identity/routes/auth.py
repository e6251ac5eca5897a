from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import Response

from services.identity import api_keys, otp, sessions, staff, wechat
from services.identity.context import ContextDep
from services.identity.models import Resident, StaffUser
from services.identity.schemas import (
    ActForIn,
    LoginIn,
    MeOut,
    OtpSendIn,
    OtpVerifyIn,
    RefreshIn,
    TokenOut,
    WeChatLoginIn,
    WeChatLoginOut,
)
from services.kit.addresses import client_address
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import CurrentPrincipal, requires
from services.kit.caching import PERSONAL
from services.kit.errors import Unauthenticated
from services.kit.personal import mask_phone

# Sign-in answers carry tokens (and /me who one is): never cached (kit.caching). The JWKS
# sets its own public Cache-Control, which stands.
router = APIRouter(tags=["sign-in"], dependencies=[PERSONAL])


def _out(pair: sessions.TokenPair) -> TokenOut:
    return TokenOut(
        access_token=pair.access_token, expires_in=pair.expires_in, refresh_token=pair.refresh_token
    )


@router.get("/v1/jwks.json", summary="The public keys that verify our access tokens")
@router.get("/.well-known/jwks.json", include_in_schema=False)
async def jwks(ctx: ContextDep, response: Response) -> dict[str, Any]:
    response.headers["Cache-Control"] = "public, max-age=300"
    return ctx.keys.jwks()


@router.post("/v1/auth/login", summary="Staff sign in with username and password")
async def login(data: LoginIn, session: SessionDep, clock: ClockDep, ctx: ContextDep) -> TokenOut:
    s = ctx.settings
    user = await staff.authenticate(
        session,
        username=data.username,
        password=data.password,
        now=clock.now(),
        max_failures=s.login_max_failures,
        lock_minutes=s.login_lock_minutes,
        profile=s.password_hashing,
    )
    pair = await sessions.issue_pair(
        session, keys=ctx.keys, policy=ctx.tokens, subject=f"staff:{user.id}", now=clock.now()
    )
    return _out(pair)


@router.post(
    "/v1/tokens/act-for",
    summary="Staff act for a resident: a short-lived token naming both, with the reason",
    description="RFC 8693 style: sub is the resident, act names the staff member; recorded.",
    openapi_extra=requires(sessions.PERM_ACT_FOR),
)
async def act_for(
    data: ActForIn,
    session: SessionDep,
    clock: ClockDep,
    ctx: ContextDep,
    principal: CurrentPrincipal,
) -> TokenOut:
    pair = await sessions.act_for(
        session,
        keys=ctx.keys,
        policy=ctx.tokens,
        staff=principal,
        resident_id=data.resident_id,
        reason=data.reason,
        now=clock.now(),
    )
    return _out(pair)


@router.post("/v1/auth/refresh", summary="Swap a refresh token for new tokens (rotation)")
async def refresh(
    data: RefreshIn, session: SessionDep, clock: ClockDep, ctx: ContextDep
) -> TokenOut:
    pair = await sessions.refresh_pair(
        session, keys=ctx.keys, policy=ctx.tokens, refresh_token=data.refresh_token, now=clock.now()
    )
    return _out(pair)


@router.post(
    "/v1/auth/logout", status_code=204, summary="End this session everywhere it was refreshed"
)
async def logout(data: RefreshIn, session: SessionDep, clock: ClockDep) -> None:
    await sessions.sign_out(session, refresh_token=data.refresh_token, now=clock.now())


@router.post("/v1/auth/otp/send", status_code=202, summary="Text a one-time code to a mobile")
async def send_otp(
    data: OtpSendIn, request: Request, session: SessionDep, clock: ClockDep, ctx: ContextDep
) -> dict[str, int]:
    await otp.send_code(
        session,
        raw_phone=data.phone,
        client_ip=client_address(request),
        cipher=ctx.cipher,
        sender=ctx.sender,
        policy=ctx.otp,
        now=clock.now(),
    )
    return {
        "expires_in": ctx.settings.otp_ttl_seconds,
        "resend_after": ctx.settings.otp_resend_seconds,
    }


@router.post("/v1/auth/otp/verify", summary="Resident sign-in with the code (first time: sign-up)")
async def verify_otp(
    data: OtpVerifyIn, session: SessionDep, clock: ClockDep, ctx: ContextDep
) -> TokenOut:
    # Check a WeChat link ticket before the code is spent.
    openid = (
        wechat.require_adapter(ctx.wechat).openid_from_ticket(data.wechat_link_ticket)
        if data.wechat_link_ticket
        else None
    )
    resident = await otp.verify_code(
        session,
        raw_phone=data.phone,
        code=data.code,
        cipher=ctx.cipher,
        policy=ctx.otp,
        now=clock.now(),
    )
    if openid:
        await wechat.link_openid(session, resident=resident, openid=openid)
    pair = await sessions.issue_pair(
        session,
        keys=ctx.keys,
        policy=ctx.tokens,
        subject=f"resident:{resident.id}",
        now=clock.now(),
    )
    return _out(pair)


@router.get("/v1/auth/wechat/authorize-url", summary="Where to send a resident inside WeChat")
async def wechat_authorize_url(
    ctx: ContextDep,
    redirect_uri: Annotated[str, Query(max_length=500, pattern=r"^https?://")],
    state: Annotated[str, Query(max_length=64, pattern=r"^[A-Za-z0-9_-]*$")] = "",
) -> dict[str, str]:
    return {"url": wechat.require_adapter(ctx.wechat).authorize_url(redirect_uri, state)}


@router.post("/v1/auth/wechat/login", summary="Silent sign-in with WeChat's code (snsapi_base)")
async def wechat_login(
    data: WeChatLoginIn, session: SessionDep, clock: ClockDep, ctx: ContextDep
) -> WeChatLoginOut:
    adapter = wechat.require_adapter(ctx.wechat)
    openid = await adapter.openid_for(data.code)
    resident = await wechat.resident_by_openid(session, openid)
    if resident is None:
        return WeChatLoginOut(linked=False, link_ticket=adapter.link_ticket(openid))
    resident.last_sign_in_at = clock.now()
    pair = await sessions.issue_pair(
        session,
        keys=ctx.keys,
        policy=ctx.tokens,
        subject=f"resident:{resident.id}",
        now=clock.now(),
    )
    return WeChatLoginOut(linked=True, tokens=_out(pair))


@router.post(
    "/v1/auth/api-key-token",
    summary="Exchange an API key for a short-lived token (the gateway does this)",
)
async def api_key_token(
    session: SessionDep,
    clock: ClockDep,
    ctx: ContextDep,
    x_api_key: Annotated[str | None, Header()] = None,
) -> TokenOut:
    # A missing, empty or over-long key is a key refused (401), like an unknown one.
    if not x_api_key or len(x_api_key) > api_keys.MAX_KEY_LENGTH:
        raise Unauthenticated("invalid_api_key", api_keys.INVALID_KEY)
    ttl = timedelta(seconds=ctx.settings.api_key_token_seconds)
    token = await api_keys.exchange_key(
        session,
        key=x_api_key,
        keys=ctx.keys,
        issuer=ctx.settings.jwt_issuer,
        ttl=ttl,
        now=clock.now(),
    )
    return TokenOut(access_token=token, expires_in=ctx.settings.api_key_token_seconds)


@router.get("/v1/me", summary="Who the token belongs to")
async def me(principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep) -> MeOut:
    kind, _, raw_id = principal.subject.partition(":")
    phone_cipher: str | None = None
    if kind == "staff":
        user = await session.get(StaffUser, uuid.UUID(raw_id))
        phone_cipher = user.phone_cipher if user else None
    elif kind == "resident":
        resident = await session.get(Resident, uuid.UUID(raw_id))
        phone_cipher = resident.phone_cipher if resident else None
    return MeOut(
        subject=principal.subject,
        kind=principal.kind,
        name=principal.claims.get("name"),
        phone=mask_phone(ctx.cipher.decrypt(phone_cipher)) if phone_cipher else None,
        grants=[dict(g) for g in principal.claims.get("grants", [])],
    )
