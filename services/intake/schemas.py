"""Intake's request and response bodies (never ORM objects in responses)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from services.intake.models import DESCRIPTION_LENGTH

Priority = Literal["urgent", "utility", "normal", "complex"]
Status = Literal[
    "submitted",
    "acknowledged",
    "assigned",
    "in_progress",
    "resolved",
    "closed",
    "rejected",
    "duplicate",
    "escalated",
]

CODE_TOKEN = Field(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9]+$")
CATEGORY = Field(min_length=1, max_length=20, pattern=r"^[a-z_]+$", examples=["small_ads"])
NOTE = Field(None, max_length=2000)


class CategoryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name_zh: str
    name_en: str
    icon: str
    default_priority: Priority


class TicketSubmit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code_token: str = CODE_TOKEN
    category: str = CATEGORY
    description: str = Field(min_length=1, max_length=DESCRIPTION_LENGTH)
    priority: Priority | None = None
    reporter_name: str | None = Field(None, min_length=1, max_length=40)
    reporter_phone: str | None = Field(None, max_length=20, examples=["13800138000"])
    consent: bool = Field(
        False, description="Agreement to be called back; required when a phone is given"
    )


class Submitted(BaseModel):
    id: uuid.UUID
    number: str
    tracking_token: str = Field(description="Keep it: it is the only way to follow the report")
    status: Status
    due_respond_at: datetime


class SimilarTicket(BaseModel):
    """What a neighbour may see of someone else's report: nothing that names anyone."""

    id: uuid.UUID
    category: str
    excerpt: str = Field(max_length=60)
    status: Status
    created_at: datetime
    followers: int


class FollowIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code_token: str = Field(
        min_length=4,
        max_length=40,
        pattern=r"^[A-Za-z0-9]+$",
        description="A code of the same building, scanned by the follower",
    )


class Followed(BaseModel):
    number: str
    tracking_token: str = Field(description="The follower's own token for GET /v1/track/{token}")
    followers: int


class EventOut(BaseModel):
    action: str
    from_status: Status | None
    to_status: Status
    actor: str
    note: str | None
    at: datetime
    detail: dict[str, object]


class TrackedTicket(BaseModel):
    number: str
    category: str
    description: str
    status: Status
    priority: Priority
    place_code: str
    created_at: datetime
    due_respond_at: datetime
    due_resolve_at: datetime
    resolved_at: datetime | None
    closed_at: datetime | None
    rating: int | None
    reopen_count: int
    followers: int
    reporter_phone: str | None = Field(description="Masked: 138****1234")
    is_reporter: bool = Field(description="False for a follower's token: no rate or reopen")
    events: list[EventOut]


class TicketSummary(BaseModel):
    id: uuid.UUID
    number: str
    category: str
    status: Status
    priority: Priority
    place_code: str
    excerpt: str
    created_at: datetime
    due_respond_at: datetime
    due_resolve_at: datetime
    overdue: bool
    assignee_kind: str | None
    assignee_ref: str | None


class TicketDetail(TicketSummary):
    description: str
    source: str
    community_code: str
    place_path: str
    reporter_name: str | None = Field(description="Masked")
    reporter_phone: str | None = Field(description="Masked")
    acknowledged_at: datetime | None
    assigned_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    rated_at: datetime | None
    escalated_at: datetime | None
    reopen_count: int
    rating: int | None
    rating_comment: str | None
    duplicate_of_id: uuid.UUID | None
    followers: int
    events: list[EventOut]


class Acknowledge(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Literal["reached", "not_reached", "anonymous"]
    note: str | None = NOTE


class Assign(BaseModel):
    model_config = ConfigDict(extra="forbid")

    assignee_kind: Literal["staff", "team"]
    assignee_ref: str = Field(min_length=1, max_length=64)
    note: str | None = NOTE


class Resolve(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(min_length=1, max_length=2000)
    photo_ids: list[str] = Field(default_factory=list, max_length=9)


class Reason(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=2000)


class Escalate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: Literal["street", "city_hotline"]
    note: str = Field(min_length=1, max_length=2000)


class Duplicate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    duplicate_of: uuid.UUID
    note: str | None = NOTE


class Rate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rating: int = Field(ge=1, le=5)
    comment: str | None = Field(None, max_length=500)
