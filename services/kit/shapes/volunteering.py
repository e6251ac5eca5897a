"""The volunteering shape (volunteering.schema.json beside this module) as the models a
service's `GET /v1/me/volunteering` returns: courier's today, rooms' next."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

VOLUNTEERING_PATH = "/v1/me/volunteering"


class VolunteeringItem(BaseModel):
    activity: str = Field(min_length=1, examples=["垃圾分类引导"])
    role: str = Field(min_length=1, examples=["引导员"])
    place: str = Field(min_length=1, examples=["天宫院中里社区"])
    date: dt.date
    # Decimal hours: confirmed ones when `confirmed`, else the hours planned.
    hours: float = Field(ge=0, examples=[2.5])
    confirmed: bool


class MyVolunteering(BaseModel):
    items: list[VolunteeringItem]
    # Confirmed hours over all items: what the 我的 page sums across services.
    total: float = Field(ge=0)


def hours(minutes: int) -> float:
    """Minutes as decimal hours, to a tenth (90 → 1.5)."""
    return round(minutes / 60, 1)
