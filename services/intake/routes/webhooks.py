"""Staff side: webhook subscriptions of a place (the secret is shown once, at creation).
The rules are in services/intake/webhooks.py."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from services.intake import webhooks
from services.intake.context import ContextDep
from services.intake.schemas.webhooks import WebhookCreate, WebhookCreated, WebhookOut
from services.kit.app import SessionDep
from services.kit.auth import Principal, PrincipalDep
from services.kit.permissions import Access, listing

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])
MANAGE_ACCESS = Access(webhooks.PERM_MANAGE)
MANAGE = MANAGE_ACCESS.declare()
ListManagerDep = Annotated[Principal, Depends(listing(MANAGE_ACCESS))]


@router.post(
    "",
    status_code=201,
    summary="Subscribe a url to the ticket events of a place (answers the secret once)",
    openapi_extra=MANAGE,
)
async def create_webhook(
    data: WebhookCreate, session: SessionDep, ctx: ContextDep, principal: PrincipalDep
) -> WebhookCreated:
    place = await ctx.directory.place(data.place_id, pointer="/body/place_id")
    subscription, secret = await webhooks.subscribe(
        session,
        principal=principal,
        data=data,
        place_path=place.path,
        cipher=ctx.cipher,
        targets=ctx.webhook_targets,
        now=ctx.clock.now(),
    )
    return WebhookCreated(**WebhookOut.model_validate(subscription).model_dump(), secret=secret)


@router.get("", summary="The active subscriptions in your places", openapi_extra=MANAGE)
async def list_webhooks(session: SessionDep, principal: ListManagerDep) -> list[WebhookOut]:
    found = await webhooks.subscriptions_of(session, principal)
    return [WebhookOut.model_validate(s) for s in found]


@router.delete(
    "/{webhook_id:uuid}",
    status_code=204,
    summary="Stop a subscription (its undelivered events are dropped)",
    openapi_extra=MANAGE,
)
async def delete_webhook(
    webhook_id: uuid.UUID, session: SessionDep, ctx: ContextDep, principal: PrincipalDep
) -> Response:
    await webhooks.unsubscribe(
        session, principal=principal, subscription_id=webhook_id, now=ctx.clock.now()
    )
    return Response(status_code=204)
