"""What the warm station's API takes and answers (shapes only; rules live in the domain
modules)."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
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


# --- statistics (services/courier/statistics.py has the definitions) ---------------------------


class StatisticsPlace(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    kind: str


class VisitTotals(BaseModel):
    total: int
    registered: int = Field(description="Visits of registered couriers")
    anonymous: int = Field(description="Anonymous quick check-ins")
    per_day: float = Field(description="total / days in the period, rounded to 1 place")


class RepeatRate(BaseModel):
    rate: float | None = Field(description="n / d, rounded to 4 places; null when d is 0")
    n: int = Field(description="Registered couriers with 2 visits or more in the period")
    d: int = Field(description="Registered couriers with a visit in the period")


class CourierTotals(BaseModel):
    unique: int = Field(description="Registered couriers with a visit (anonymous never count)")
    repeat: RepeatRate


class DayFigures(BaseModel):
    day: date
    visits: int
    registered: int
    anonymous: int
    couriers: int = Field(description="Registered couriers with a visit that day")


class PlatformFigures(BaseModel):
    platform: Platform
    name: str = Field(examples=["美团"])
    couriers: int
    visits: int


class CourierStatistics(BaseModel):
    place: StatisticsPlace | None = Field(description="null: every station")
    from_: date = Field(alias="from", description="First Beijing day of the period")
    to: date
    days: int
    visits: VisitTotals
    couriers: CourierTotals
    daily: list[DayFigures] = Field(description="Every day of the period, oldest first")
    by_hour: list[int] = Field(
        min_length=24, max_length=24, description="Visits by the Beijing hour they started, 0-23"
    )
    heatmap: list[list[int]] = Field(
        description=(
            "Visits by weekday (rows, Monday first) and Beijing hour (24 columns): the week's "
            "busy hours, whatever the period's length"
        )
    )
    services: dict[str, int] = Field(
        description="Visits that used each service (charging, heating, water, ...)"
    )
    platforms: list[PlatformFigures] = Field(description="Registered couriers by platform")
    volunteer_hours: float = Field(
        description="Volunteer hours confirmed in the period at places in the scope"
    )

    model_config = ConfigDict(populate_by_name=True)
