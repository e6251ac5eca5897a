"""Staff side: webhook subscriptions of a place (the secret is shown once, at creation)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from services.intake.models import WebhookSubscription
from services.intake.routes.deps import ContextDep
from services.intake.webhooks import PERM_MANAGE, new_secret
from services.kit.app import SessionDep
from services.kit.auth import CurrentPrincipal, authorize, requires
from services.kit.errors import NotFound
from services.kit.scope import within_any

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])
MANAGE = requires(PERM_MANAGE)

Topic = Literal["ticket.created", "ticket.status_changed"]


class WebhookCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, examples=["天宫院街道 12345 对接"])
    url: str = Field(
        max_length=500, pattern=r"^https?://[^\s]+$", examples=["https://office.example/hooks"]
    )
    place_id: uuid.UUID = Field(description="The directory place covered (with all below it)")
    topics: list[Topic] = Field(min_length=1, max_length=2)


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


def _hidden() -> NotFound:
    return NotFound("webhook_not_found", "No such webhook subscription.")


@router.post(
    "",
    status_code=201,
    summary="Subscribe a url to the ticket events of a place (answers the secret once)",
    openapi_extra=MANAGE,
)
async def create_webhook(
    data: WebhookCreate, session: SessionDep, ctx: ContextDep, principal: CurrentPrincipal
) -> WebhookCreated:
    place = await ctx.directory.get_place(data.place_id, pointer="/body/place_id")
    authorize(principal, PERM_MANAGE, place.path)
    secret = new_secret()
    subscription = WebhookSubscription(
        id=uuid.uuid4(),
        name=data.name.strip(),
        url=data.url,
        secret_cipher=ctx.cipher.encrypt(secret),
        scope_place_id=place.id,
        scope_path=place.path,
        topics=list(dict.fromkeys(data.topics)),
        created_at=ctx.clock.now(),
        created_by=f"staff:{principal.subject}",
        disabled_at=None,
    )
    session.add(subscription)
    await session.flush()
    return WebhookCreated(**WebhookOut.model_validate(subscription).model_dump(), secret=secret)


@router.get("", summary="The active subscriptions in your places", openapi_extra=MANAGE)
async def list_webhooks(session: SessionDep, principal: CurrentPrincipal) -> list[WebhookOut]:
    rows = await session.scalars(
        select(WebhookSubscription)
        .where(
            within_any(WebhookSubscription.scope_path, principal.scope_paths(PERM_MANAGE)),
            WebhookSubscription.disabled_at.is_(None),
        )
        .order_by(WebhookSubscription.created_at, WebhookSubscription.id)
    )
    return [WebhookOut.model_validate(s) for s in rows]


@router.delete(
    "/{webhook_id}",
    status_code=204,
    summary="Stop a subscription (its undelivered events are dropped)",
    openapi_extra=MANAGE,
)
async def delete_webhook(
    webhook_id: uuid.UUID, session: SessionDep, ctx: ContextDep, principal: CurrentPrincipal
) -> Response:
    subscription = await session.get(WebhookSubscription, webhook_id, with_for_update=True)
    if subscription is None or subscription.disabled_at is not None:
        raise _hidden()
    authorize(principal, PERM_MANAGE, subscription.scope_path, hidden=_hidden())
    subscription.disabled_at = ctx.clock.now()
    return Response(status_code=204)
