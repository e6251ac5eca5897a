"""What the household tests share: a signed-in resident, a scanned door's code, a claim."""

from __future__ import annotations

import io
from typing import Any

import httpx
from PIL import Image
from sqlalchemy import func, select

from services.identity.models import Household, HouseholdClaim, HouseholdMember
from tests.fixtures.identity import Identity
from tests.identity.test_households_and_duty import _resident


async def resident(identity: Identity, phone: str) -> tuple[dict[str, str], str]:
    """A resident signed in with their phone: the headers and their id."""
    headers = await _resident(identity, phone)
    me = (await identity.client.get("/v1/me", headers=headers)).json()
    return headers, me["subject"].split(":")[1]


async def claim(
    identity: Identity,
    headers: dict[str, str],
    *,
    token: str,
    room_no: str = "502",
    **extra: Any,
) -> httpx.Response:
    body = {"token": token, "room_no": room_no, "relation": "owner", **extra}
    return await identity.client.post("/v1/me/households", json=body, headers=headers)


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (30, 90, 160)).save(out, "JPEG")
    return out.getvalue()


async def counts(identity: Identity) -> tuple[int, int, int]:
    """Households, members and claims stored: to show nothing half-stored."""
    async with identity.db.session(write=False) as session:
        found = [
            int(await session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Household, HouseholdMember, HouseholdClaim)
        ]
    return found[0], found[1], found[2]
