"""Courier statistics' answer (services/courier/statistics.py has the definitions)."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from services.courier.models import Platform


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
