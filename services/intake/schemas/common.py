"""What several of intake's bodies share: field rules, photos, who acted, places."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, Field

CATEGORY = Field(min_length=1, max_length=20, pattern=r"^[a-z_]+$", examples=["small_ads"])


NOTE = Field(None, max_length=2000)


class TicketPhoto(BaseModel):
    """A photo or video of a ticket, behind signed links that expire (about an hour)."""

    id: uuid.UUID
    kind: Literal["image", "video"]
    purpose: Literal["report", "resolution", "evidence_before", "evidence_after", "progress"]
    url: str
    thumbnail_url: str | None = Field(description="None for a video")


class ActorDetail(BaseModel):
    """Who acted, as staff read it (kit.events); residents and contractors read the side."""

    actor_kind: str | None = Field(
        None, description="staff, contractor, client, resident, device or system"
    )
    actor_name: str | None = Field(None, description="The name the actor's token carried then")
    on_behalf_of: str | None = Field(None, description="The resident staff acted for")
    reason: str | None = Field(None, description="Why staff acted for the resident")
    internal_note: str | None = Field(None, description="The office's own note")


class PlaceName(BaseModel):
    kind: str
    code: str
    name: str


class PlaceOut(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    kind: str
