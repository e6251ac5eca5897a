"""What the warm station's API takes and answers (shapes only; rules live in the domain
modules)."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from typing import Annotated, Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from services.courier.models import (
    ActivityKind,
    ActivityStatus,
    Platform,
    RecognitionCategory,
    ServiceUsed,
    SignupStatus,
    VisitSource,
    VisitStatus,
)

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


# --- Activities, volunteering and the recognition list

# Volunteer hours in half hours, as staff record them (0.5 … 12).
HalfHours = Annotated[float, Field(ge=0.5, le=12, multiple_of=0.5, examples=[2])]
MONTH_PATTERN = r"^20\d{2}-(0[1-9]|1[0-2])$"
Month = Field(pattern=MONTH_PATTERN, examples=["2026-11"])


class ActivityIn(BaseModel):
    """A new activity at a place staff hold (a station, a community or a street)."""

    place_id: uuid.UUID
    kind: ActivityKind
    title: str = Field(min_length=2, max_length=60, examples=["三八节插花"])
    description: str = Field(default="", max_length=500)
    # Volunteering only: what volunteers do there, and the hours a sign-up is worth.
    role: str | None = Field(default=None, min_length=1, max_length=30, examples=["引导员"])
    hours: HalfHours | None = None
    location: str = Field(min_length=2, max_length=100, examples=["天街暖心驿站"])
    # With an offset (+08:00 or Z): a bare time would be nobody's time.
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    capacity: int = Field(ge=1, le=500)

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        if self.ends_at - self.starts_at > timedelta(days=7):
            raise ValueError("an activity lasts at most 7 days")
        return self


class ActivityUpdate(BaseModel):
    """What staff may change once couriers signed up (capacity never below them)."""

    title: str | None = Field(default=None, min_length=2, max_length=60)
    description: str | None = Field(default=None, max_length=500)
    location: str | None = Field(default=None, min_length=2, max_length=100)
    capacity: int | None = Field(default=None, ge=1, le=500)


class ActivityOut(BaseModel):
    id: uuid.UUID
    kind: ActivityKind
    title: str
    description: str
    role: str | None
    hours: float | None
    place_id: uuid.UUID
    place_name: str
    location: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    places_left: int
    status: ActivityStatus
    # For a signed-in courier: whether they hold a place (None for anyone else).
    signed_up: bool | None = None


class ManagedActivity(ActivityOut):
    """An activity in staff's list: with the sign-ups whose hours wait for confirmation
    (volunteering tasks that are over)."""

    hours_to_confirm: int


class SignupRow(BaseModel):
    """A sign-up as staff see it: the courier by nickname, the phone masked."""

    id: uuid.UUID
    courier_id: uuid.UUID
    nickname: str
    platform: Platform
    phone_masked: str | None
    status: SignupStatus
    signed_up_at: datetime
    hours: float | None
    confirmed_at: datetime | None


class HoursIn(BaseModel):
    """Hours to confirm for one sign-up; none: the hours the task planned."""

    hours: HalfHours | None = None


class HelpfulPick(BaseModel):
    courier_id: uuid.UUID
    reason: str = Field(min_length=2, max_length=100, examples=["雨天帮邻居送药"])


class RecognitionIn(BaseModel):
    """A month's list for a place: most volunteer hours (counted from confirmed hours, the
    `top` couriers who agree to be named) or most helpful (the couriers staff pick)."""

    place_id: uuid.UUID
    month: str = Month
    category: RecognitionCategory
    title: str | None = Field(default=None, min_length=2, max_length=60)
    top: int = Field(default=10, ge=1, le=50)
    couriers: list[HelpfulPick] = Field(default_factory=list, max_length=50)


class RecognitionEntryOut(BaseModel):
    rank: int
    nickname: str
    platform: Platform
    hours: float | None
    reason: str | None


class RecognitionOut(BaseModel):
    id: uuid.UUID
    place_id: uuid.UUID
    place_name: str
    month: str
    category: RecognitionCategory
    title: str
    published_at: datetime
    # Only couriers who agree to be named, in rank order.
    entries: list[RecognitionEntryOut]
