"""What the warm station's API takes and answers (shapes only; rules live in the domain
modules)."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from services.courier.models import Platform, ServiceUsed, VisitSource, VisitStatus

Nickname = Field(min_length=1, max_length=20, examples=["小王"])


class DayHours(BaseModel):
    """One opening period of a weekday, in Beijing time (a weekday may have several)."""

    weekday: int = Field(ge=0, le=6, description="Monday 0 … Sunday 6")
    opens: time = Field(examples=["08:00"])
    closes: time = Field(examples=["22:00"])

    @model_validator(mode="after")
    def _closes_after_opening(self) -> Self:
        if self.closes <= self.opens:
            raise ValueError("closes must be after opens (periods end by midnight)")
        return self


class StationProfileIn(BaseModel):
    hours: list[DayHours] = Field(max_length=28)
    rest_seats: int = Field(ge=0, le=500)
    charging_points: int = Field(ge=0, le=200)
    microwave: bool = False
    water: bool = False
    medicine_kit: bool = False
    auto_close_minutes: int = Field(default=180, ge=15, le=24 * 60)


class LiveNumbers(BaseModel):
    """The station now: who is in (registered and anonymous alike) and charging points free."""

    present: int
    charging_free: int
    open_now: bool


class StationOut(BaseModel):
    id: uuid.UUID
    place_code: str
    name: str
    hours: list[DayHours]
    rest_seats: int
    charging_points: int
    microwave: bool
    water: bool
    medicine_kit: bool
    auto_close_minutes: int
    live: LiveNumbers


class PresentCourier(BaseModel):
    visit_id: uuid.UUID
    nickname: str
    platform: Platform
    phone_masked: str | None
    since: datetime
    services: list[ServiceUsed]


class LiveStation(BaseModel):
    """The staff's live view: the registered couriers in by name, anonymous ones counted."""

    station_id: uuid.UUID
    name: str
    present: int
    couriers: list[PresentCourier]
    anonymous_present: int
    charging_points: int
    charging_free: int
    open_now: bool


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


class ScannedCourier(BaseModel):
    """A card as staff see it at their station: who, and whether they are in somewhere."""

    courier_id: uuid.UUID
    nickname: str
    platform: Platform
    phone_masked: str | None
    open_visit: VisitOut | None


class VisitRow(VisitOut):
    """A visit in staff's list: the courier by nickname and platform (none: anonymous)."""

    nickname: str | None
    platform: Platform | None
