"""A courier's profile and card, and a card as staff scan it."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from services.courier.models import Platform
from services.courier.schemas.visits import VisitOut

Nickname = Field(min_length=1, max_length=20, examples=["小王"])


class CourierIn(BaseModel):
    nickname: str = Nickname
    platform: Platform
    agrees_to_be_named: bool = False


class CourierUpdate(BaseModel):
    nickname: str | None = Field(default=None, min_length=1, max_length=20)
    platform: Platform | None = None
    agrees_to_be_named: bool | None = None


class CardOut(BaseModel):
    """A courier's card: the QR code's payload and the short code to type (XXXX-XXXX)."""

    qr_payload: str
    short_code: str
    issued_at: datetime


class CourierOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    nickname: str
    platform: Platform
    phone_masked: str | None
    agrees_to_be_named: bool
    registered_at: datetime


class CourierProfile(CourierOut):
    card: CardOut | None
    photo_url: str | None = Field(
        description="My photo's thumbnail behind a signed link that expires; null: none"
    )


class PhotoIn(BaseModel):
    """An upload of mine (POST /v1/media) to show as my photo."""

    media_id: uuid.UUID
    upload_key: str | None = Field(
        default=None,
        max_length=100,
        description="The upload's key from its answer (not needed when uploaded signed in)",
    )


class ScannedCourier(BaseModel):
    """A card as staff see it at their station: who, and whether they are in somewhere."""

    courier_id: uuid.UUID
    nickname: str
    platform: Platform
    phone_masked: str | None
    photo_url: str | None = Field(
        description="The courier's photo (a thumbnail) behind a signed link; null: none"
    )
    open_visit: VisitOut | None
