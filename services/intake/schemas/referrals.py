"""Referrals to enforcement and their evidence packages (services/intake/referrals.py)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from services.intake.models import Priority, ReferralStatus, WorkOrderStatus
from services.intake.schemas.common import NOTE, PlaceName, TicketPhoto


class ReferralIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    agency: str = Field(min_length=1, max_length=100, examples=["观音寺街道综合执法队"])
    note: str | None = NOTE
    media_ids: list[uuid.UUID] | None = Field(
        None,
        max_length=30,
        description="Which of the ticket's photos and videos to send; default: the report's "
        "and the contractors' evidence",
    )


class PackageTimes(BaseModel):
    reported_at: datetime
    acknowledged_at: datetime | None
    assigned_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    escalated_at: datetime | None
    due_respond_at: datetime
    due_resolve_at: datetime


class PackageFinding(BaseModel):
    """A contractor's findings: the note it marked its work order done with."""

    work_order: str
    organisation: str
    status: WorkOrderStatus
    note: str
    done_at: datetime
    before_media_ids: list[uuid.UUID]
    after_media_ids: list[uuid.UUID]


class PackageMedia(BaseModel):
    id: uuid.UUID
    kind: Literal["image", "video"]
    purpose: str


class ReferralPackage(BaseModel):
    """The snapshot sent to the agency: what, where, when, the findings, the evidence. Never
    the reporter's name or phone."""

    ticket_number: str
    category: str
    description: str = Field(description="Long digit runs (phone numbers) blanked")
    priority: Priority
    place_code: str
    address: list[PlaceName] = Field(description="From the district down to the unit door")
    times: PackageTimes
    findings: list[PackageFinding]
    media: list[PackageMedia]
    prepared_at: datetime


class ReferralSummary(BaseModel):
    id: uuid.UUID
    number: str = Field(examples=["GYSNL-2026-000001-R1"])
    ticket_number: str
    agency: str
    status: ReferralStatus
    agency_reference: str | None
    sent_at: datetime
    updated_at: datetime


class ReferralOut(ReferralSummary):
    ticket_id: uuid.UUID
    note: str | None
    outcome: str | None
    package: ReferralPackage
    photos: list[TicketPhoto] = Field(
        description="The package's media still stored, behind signed links that expire"
    )


class ReferralAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["received", "accepted", "declined", "concluded"]
    agency_reference: str | None = Field(
        None, min_length=1, max_length=64, description="The agency's own case number"
    )
    outcome: str | None = Field(
        None, max_length=2000, description="Required when declining or concluding"
    )
