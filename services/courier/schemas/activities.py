"""Activities, volunteering sign-ups and hours, and the monthly recognition list."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Annotated, Self

from pydantic import AwareDatetime, BaseModel, Field, model_validator

from services.courier.models import (
    ActivityKind,
    ActivityStatus,
    Platform,
    RecognitionCategory,
    SignupStatus,
)

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
