"""Contractors' work orders (services/intake/workorders.py)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from services.intake.models import Priority, Status, WorkOrderStatus
from services.intake.schemas.common import NOTE, ActorDetail, PlaceName, TicketPhoto

PHOTOS_PER_STEP = 9


class WorkOrderEventOut(ActorDetail):
    action: str
    from_status: WorkOrderStatus | None
    to_status: WorkOrderStatus
    actor: str = Field(description="Contractors see the side only: 'staff' or 'contractor'")
    note: str | None
    at: datetime
    detail: dict[str, object]
    photos: list[TicketPhoto] = Field(default_factory=list, description="Taken at this step")


class WorkOrderBrief(BaseModel):
    """A work order as staff see it in the ticket's detail."""

    id: uuid.UUID
    number: str = Field(examples=["GYSNL-2026-000001-W1"])
    organisation_id: uuid.UUID
    organisation_name: str
    status: WorkOrderStatus
    instructions: str | None
    offered_at: datetime
    accepted_at: datetime | None
    declined_at: datetime | None
    started_at: datetime | None
    done_at: datetime | None
    confirmed_at: datetime | None
    cancelled_at: datetime | None
    return_count: int
    events: list[WorkOrderEventOut]


class WorkOrderTicket(BaseModel):
    """What a contractor sees of the ticket: the problem and where, never who reported it."""

    number: str
    category: str
    description: str = Field(description="Long digit runs (phone numbers) blanked")
    priority: Priority
    status: Status
    place_code: str
    address: list[PlaceName] = Field(description="Community, building, unit door (top first)")
    created_at: datetime
    due_resolve_at: datetime
    photos: list[TicketPhoto] = Field(description="The report's photos and video")


class WorkOrderSummary(BaseModel):
    id: uuid.UUID
    number: str
    status: WorkOrderStatus
    organisation_name: str
    ticket_number: str
    category: str
    priority: Priority
    place_code: str
    excerpt: str
    offered_at: datetime
    due_resolve_at: datetime
    updated_at: datetime


class WorkOrderOut(BaseModel):
    id: uuid.UUID
    number: str
    status: WorkOrderStatus
    organisation_id: uuid.UUID
    organisation_name: str
    instructions: str | None
    offered_at: datetime
    accepted_at: datetime | None
    declined_at: datetime | None
    started_at: datetime | None
    done_at: datetime | None
    confirmed_at: datetime | None
    cancelled_at: datetime | None
    return_count: int
    ticket: WorkOrderTicket
    events: list[WorkOrderEventOut]
    allowed_actions: list[str] = Field(
        default_factory=list, description="What the caller may do to the order now"
    )


class WorkNote(BaseModel):
    """Accepting or confirming, with an optional word."""

    model_config = ConfigDict(extra="forbid")

    note: str | None = NOTE


class Progress(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(min_length=1, max_length=2000)
    photo_ids: list[uuid.UUID] = Field(default_factory=list, max_length=PHOTOS_PER_STEP)


class Done(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(min_length=1, max_length=2000, description="What was found and done")
    before_photo_ids: list[uuid.UUID] = Field(default_factory=list, max_length=PHOTOS_PER_STEP)
    after_photo_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=PHOTOS_PER_STEP,
        description="At least one: the evidence that the work is done",
    )
