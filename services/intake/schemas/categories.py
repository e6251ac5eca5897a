"""Categories and their settings per street office (services/intake/categories.py)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from services.intake.models import Priority
from services.intake.schemas.common import PlaceOut


class CategoryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name_zh: str
    name_en: str
    icon: str
    default_priority: Priority


HandlerKind = Literal["team", "contractor"]


class SuggestedHandler(BaseModel):
    """A category's default handler at the ticket's place when it was filed: a suggestion
    that pre-fills the assign dialog, never an assignment."""

    kind: HandlerKind
    ref: str = Field(description="The team's name, or the organisation's id (identity)")
    name: str


class HandlerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: HandlerKind
    ref: str = Field(
        min_length=1,
        max_length=64,
        description="A team's name, or a contractor organisation's id (identity)",
    )
    name: str | None = Field(
        None,
        min_length=1,
        max_length=100,
        description="A team's display name (default: its ref); a contractor's is identity's",
    )


class CategorySettingIn(BaseModel):
    """The place's own values for a category. Only the fields given change; a field given as
    null is inherited again (from the district, else the category)."""

    model_config = ConfigDict(extra="forbid")

    active: bool | None = Field(None, description="false: residents here cannot report it")
    default_priority: Priority | None = None
    default_handler: HandlerIn | None = Field(
        None, description="Suggested to staff when they assign a new ticket"
    )
    deadline_minutes: dict[Priority, tuple[int, int]] | None = Field(
        None,
        description="Per priority, [respond within, resolve within] in minutes; priorities "
        "left out are inherited",
        examples=[{"urgent": [30, 120]}],
    )


class SettingSource(BaseModel):
    origin: Literal["here", "inherited", "default"] = Field(
        description="Set at this place, inherited from a place above, or the category's own "
        "(deadlines: DOMAIN.md's table)"
    )
    place_id: uuid.UUID | None = Field(description="The place whose setting gives the value")


class DeadlineOut(BaseModel):
    priority: Priority
    respond_minutes: int
    resolve_minutes: int
    source: SettingSource


class CategorySettingOut(BaseModel):
    """A category as tickets at the place get it, and where each value comes from."""

    category: str
    name_zh: str
    name_en: str
    icon: str
    set_here: bool = Field(description="The place has values of its own (DELETE removes them)")
    active: bool
    active_source: SettingSource
    default_priority: Priority
    default_priority_source: SettingSource
    default_handler: SuggestedHandler | None
    default_handler_source: SettingSource
    deadlines: list[DeadlineOut] = Field(description="Every priority, urgent first")
    updated_at: datetime | None = Field(description="When this place's values last changed")
    updated_by: str | None


class CategorySettingsOut(BaseModel):
    place: PlaceOut
    items: list[CategorySettingOut] = Field(description="Every category, in display order")
