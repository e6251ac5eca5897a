"""Check-ins (from the station's code or a card), services used, and a visit as its
holder and staff see it."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from services.courier.models import Platform, ServiceUsed, VisitSource, VisitStatus


class CheckInByCode(BaseModel):
    """One tap after scanning the station's code; services may be picked now or later."""

    code_token: str = Field(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9]+$")
    services: list[ServiceUsed] = Field(default_factory=list, max_length=3)


class CheckInByCard(BaseModel):
    """Staff scanned (or typed) a courier's card: its token, QR payload or short code."""

    card: str = Field(min_length=4, max_length=80)
    services: list[ServiceUsed] = Field(default_factory=list, max_length=3)


class ServicesIn(BaseModel):
    services: list[ServiceUsed] = Field(min_length=1, max_length=3)


class VisitOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    station_id: uuid.UUID
    status: VisitStatus
    source: VisitSource
    anonymous: bool
    services: list[ServiceUsed]
    started_at: datetime
    closes_at: datetime
    closed_at: datetime | None


class CheckedIn(VisitOut):
    """The answer to the phone that checked in: the visit and its token (shown once here),
    the key to pick services and check out without an account."""

    token: str


class VisitRow(VisitOut):
    """A visit in staff's list: the courier by nickname and platform (none: anonymous)."""

    nickname: str | None
    platform: Platform | None


class MyVisit(VisitOut):
    """One of a registered courier's visits, as their phone lists them."""

    station_name: str
