"""Webhook subscriptions (services/intake/webhooks.py)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

WebhookTopic = Literal["ticket.created", "ticket.status_changed"]


class WebhookCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, examples=["天宫院街道 12345 对接"])
    url: str = Field(
        max_length=500, pattern=r"^https?://[^\s]+$", examples=["https://office.example/hooks"]
    )
    place_id: uuid.UUID = Field(description="The directory place covered (with all below it)")
    topics: list[WebhookTopic] = Field(min_length=1, max_length=2)


class WebhookOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    url: str
    scope_place_id: uuid.UUID
    scope_path: str
    topics: list[str]
    created_at: datetime
    created_by: str


class WebhookCreated(WebhookOut):
    secret: str = Field(description="The signing secret: shown only now, keep it safe")
