"""Cases pushed by the 12345 hotline's system (services/intake/hotline.py)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.intake.models import DESCRIPTION_LENGTH, Priority, Status
from services.intake.schemas.common import CATEGORY


class HotlineCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    external_id: str = Field(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:/-]*$",
        examples=["BJ12345-20260302-000123"],
        description="The hotline's case number: a second push of it answers the same ticket",
    )
    place_code: str = Field(
        min_length=1,
        max_length=32,
        pattern=r"^[A-Za-z0-9]{1,12}(-[A-Za-z0-9]{1,12}){0,3}$",
        examples=["TGYZL-03-2"],
        description="A unit door, building or community code",
    )
    category: str = CATEGORY
    description: str = Field(min_length=1, max_length=DESCRIPTION_LENGTH)
    priority: Priority | None = None
    reporter_name: str | None = Field(None, min_length=1, max_length=40)
    reporter_phone: str | None = Field(
        None,
        max_length=20,
        examples=["13800138000"],
        description="The caller's mobile for the call-back (given to the hotline for that)",
    )
    received_at: AwareDatetime | None = Field(
        None, description="When the hotline took the call (kept on the ticket's trail)"
    )


class HotlineTicket(BaseModel):
    id: uuid.UUID
    number: str
    external_id: str
    status: Status
    category: str
    priority: Priority
    place_code: str
    created_at: datetime
    due_respond_at: datetime
    due_resolve_at: datetime
