"""Silent sign-in inside WeChat: web authorisation with scope snsapi_base (code -> openid).

The H5 page sends the resident to WeChat's authorize URL; WeChat redirects back with a
`code`; identity swaps it for the openid at WeChat's API. A known openid signs its resident
in; an unknown one gets a short-lived link ticket, which the phone + code sign-in consumes to
link the two. Without an app id and secret configured, only the phone flow exists.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from urllib.parse import quote

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.models import Resident
from services.kit.errors import Conflict, DependencyUnavailable, InvalidInput, NotFound

LINK_TICKET_SECONDS = 600


class WeChatAdapter:
    def __init__(
        self,
        *,
        app_id: str,
        app_secret: str,
        api_base: str,
        authorize_base: str,
        ticket_secret: str,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.app_id = app_id
        self._secret = app_secret
        self._api_base = api_base.rstrip("/")
        self._authorize_base = authorize_base.rstrip("/")
        self._ticket_key = hashlib.sha256(f"wechat-link:{ticket_secret}".encode()).digest()
        self._transport = transport

    def authorize_url(self, redirect_uri: str, state: str) -> str:
        return (
            f"{self._authorize_base}/connect/oauth2/authorize?appid={self.app_id}"
            f"&redirect_uri={quote(redirect_uri, safe='')}&response_type=code"
            f"&scope=snsapi_base&state={quote(state, safe='')}#wechat_redirect"
        )

    async def openid_for(self, code: str) -> str:
        try:
            async with httpx.AsyncClient(transport=self._transport, timeout=5.0) as client:
                response = await client.get(
                    f"{self._api_base}/sns/oauth2/access_token",
                    params={
                        "appid": self.app_id,
                        "secret": self._secret,
                        "code": code,
                        "grant_type": "authorization_code",
                    },
                )
            body = response.json()
        except (httpx.HTTPError, ValueError):
            raise DependencyUnavailable("wechat_unavailable", "WeChat did not answer.") from None
        # WeChat answers 200 with an errcode on failure (e.g. 40029 invalid code).
        if "openid" not in body:
            raise InvalidInput(
                "wechat_code_invalid",
                "The WeChat sign-in code is not valid.",
                wechat_errcode=body.get("errcode"),
            )
        return str(body["openid"])

    def link_ticket(self, openid: str, now: float | None = None) -> str:
        expires = int((now or time.time()) + LINK_TICKET_SECONDS)
        payload = f"{openid}.{expires}"
        mac = hmac.new(self._ticket_key, payload.encode(), hashlib.sha256).hexdigest()[:32]
        return f"{payload}.{mac}"

    def openid_from_ticket(self, ticket: str, now: float | None = None) -> str:
        try:
            openid, expires, mac = ticket.rsplit(".", 2)
            expected = hmac.new(
                self._ticket_key, f"{openid}.{expires}".encode(), hashlib.sha256
            ).hexdigest()[:32]
            valid = hmac.compare_digest(mac, expected) and int(expires) > (now or time.time())
        except ValueError:
            valid = False
        if not valid:
            raise InvalidInput("wechat_ticket_invalid", "The WeChat link has expired; try again.")
        return openid


def require_adapter(adapter: WeChatAdapter | None) -> WeChatAdapter:
    if adapter is None:
        raise NotFound("wechat_not_configured", "WeChat sign-in is not set up; use your phone.")
    return adapter


async def resident_by_openid(session: AsyncSession, openid: str) -> Resident | None:
    return await session.scalar(select(Resident).where(Resident.wechat_openid == openid))


async def link_openid(session: AsyncSession, *, resident: Resident, openid: str) -> None:
    owner = await resident_by_openid(session, openid)
    if owner is not None and owner.id != resident.id:
        raise Conflict("wechat_linked_elsewhere", "This WeChat account is linked to another phone.")
    resident.wechat_openid = openid
