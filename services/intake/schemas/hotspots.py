"""Hotspots and proactive tasks, 未诉先办 (services/intake/hotspots.py)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from services.intake.models import DESCRIPTION_LENGTH, Priority
from services.intake.schemas.common import CATEGORY, PlaceOut

PLACE_CODE = Field(
    min_length=1, max_length=32, pattern=r"^[A-Za-z0-9]{1,12}(-[A-Za-z0-9]{1,12}){0,3}$"
)


class BuildingHotspot(BaseModel):
    building_id: uuid.UUID
    building_code: str | None
    building_name: str | None
    community_code: str
    category: str
    count: int
    open: int = Field(description="Of them, still open")
    latest: datetime
    numbers: list[str] = Field(description="The latest ticket numbers (a sample)")


class RisingCategory(BaseModel):
    community_id: uuid.UUID
    community_code: str
    category: str
    count: int = Field(description="In the last `days` days")
    previous: int = Field(description="In the `days` days before those")
    ratio: float | None = Field(description="count / previous; null when previous is 0")


class Hotspots(BaseModel):
    place: PlaceOut | None
    days: int
    min_count: int
    since: datetime
    buildings: list[BuildingHotspot]
    rising: list[RisingCategory]


class ProactiveTask(BaseModel):
    """未诉先办: a task staff file at a hotspot before the next complaint comes."""

    model_config = ConfigDict(extra="forbid")

    place_code: str = PLACE_CODE
    category: str = CATEGORY
    description: str | None = Field(None, min_length=1, max_length=DESCRIPTION_LENGTH)
    priority: Priority | None = None
