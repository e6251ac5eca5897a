"""A station's profile (hours, services) and its live numbers."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Self

from pydantic import BaseModel, Field, model_validator

from services.courier.models import Platform, ServiceUsed


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
    # The courier's photo (a thumbnail) behind a signed link that expires; null: none.
    photo_url: str | None
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
