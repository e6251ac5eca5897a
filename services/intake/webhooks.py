"""Signed webhooks: ticket events for the offices that subscribe to a place.

A subscription covers a place (a street office subscribes for its street) and some topics:

- `ticket.created`: a report was submitted;
- `ticket.status_changed`: any move of the state machine (one per `lifecycle._move`).

Events are published through intake's outbox in the transaction of the change, one delivery
per active subscription whose place is the ticket's place or above it and whose topics
include the event's; the key is the ticket id, so each receiver gets a ticket's events in
order. They hold no personal data (no reporter name or phone, no description).

Each delivery is a POST of a JSON body

    {"id": "<event id>", "topic": "ticket.status_changed", "data": {"ticket_id": ..., ...}}

with the headers

    X-Sqwb-Event-Id:    the event id (the same on every retry: de-duplicate by it)
    X-Sqwb-Event-Topic: the topic
    X-Sqwb-Timestamp:   unix seconds when this attempt was signed
    X-Sqwb-Signature:   sha256=<hex HMAC-SHA256 of f"{timestamp}.{raw body}" with the secret>

Any 2xx answer is delivery; anything else, or no answer, is retried with backoff (1 min to
1 h) for up to 3 days, and later events of the same ticket wait behind it.

Receivers are on the public internet (kit.egress): a url naming a loopback, private,
link-local, metadata or reserved address (or `localhost`) is refused when subscribing, and
each delivery resolves the name again, checks every address and posts to the checked one; a
name that now resolves inside our network is not posted to (the delivery fails and is
retried, in case the name is fixed). https only in production (INTAKE_WEBHOOK_HTTPS_ONLY);
receivers on a private network only with INTAKE_WEBHOOK_ALLOW_PRIVATE_TARGETS.

Verifying (what `verify_signature` does, in any language): take the raw body bytes as
received (before any JSON parsing), refuse a timestamp more than 5 minutes away from your
clock (a replayed request), compute the HMAC-SHA256 of `timestamp + "." + body` with the
subscription's secret and compare its hex digest with the header's, after `sha256=`, in
constant time (e.g. `hmac.compare_digest`). Then de-duplicate by the event id.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import permissions
from services.intake.models import Ticket, WebhookSubscription, outbox
from services.intake.schemas.webhooks import WebhookCreate
from services.kit.auth import Principal, authorize
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.egress import EgressPolicy, TargetRefused
from services.kit.errors import FieldError, InvalidInput, NotFound
from services.kit.outbox import OutboxEvent
from services.kit.personal import PersonalDataCipher
from services.kit.scope import ancestor_paths, within_any

log = logging.getLogger("intake.webhooks")

PERM_MANAGE = permissions.WEBHOOKS_MANAGE
TICKET_CREATED = "ticket.created"
TICKET_STATUS_CHANGED = "ticket.status_changed"
TOPICS = (TICKET_CREATED, TICKET_STATUS_CHANGED)
SECRET_BYTES = 32
TOLERANCE = timedelta(minutes=5)
SIGNATURE_PREFIX = "sha256="
DELIVERY_TIMEOUT = 10.0  # seconds; shorter than the relay's own limit

HEADER_ID = "X-Sqwb-Event-Id"
HEADER_TOPIC = "X-Sqwb-Event-Topic"
HEADER_TIMESTAMP = "X-Sqwb-Timestamp"
HEADER_SIGNATURE = "X-Sqwb-Signature"


class DeliveryFailed(Exception):
    """The receiver answered, but not with a 2xx: the relay retries later."""


class DeliveryRefused(DeliveryFailed):
    """The receiver's name resolves inside our network now: nothing was sent."""


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


# --- Subscriptions: a street office's receiver for the tickets under its place


def _hidden() -> NotFound:
    return NotFound("webhook_not_found", "No such webhook subscription.")


async def subscribe(
    session: AsyncSession,
    *,
    principal: Principal,
    data: WebhookCreate,
    place_path: str,
    cipher: PersonalDataCipher,
    targets: EgressPolicy,
    now: datetime,
) -> tuple[WebhookSubscription, str]:
    """A new subscription and its signing secret (kept encrypted; the caller shows it once).
    Its url must be one `targets` allows (422 `webhook_url_refused` at /body/url)."""
    authorize(principal, PERM_MANAGE, place_path)
    try:
        targets.check(data.url)
    except TargetRefused as refused:
        raise InvalidInput(
            "webhook_url_refused",
            f"Webhooks go to receivers on the public internet. {refused.detail}",
            errors=[FieldError(pointer="/body/url", detail=refused.detail, code=refused.code)],
        ) from None
    secret = new_secret()
    subscription = WebhookSubscription(
        id=uuid.uuid4(),
        name=data.name.strip(),
        url=data.url,
        secret_cipher=cipher.encrypt(secret),
        scope_place_id=data.place_id,
        scope_path=place_path,
        topics=list(dict.fromkeys(data.topics)),
        created_at=now,
        created_by=principal.actor,
        disabled_at=None,
    )
    session.add(subscription)
    await session.flush()
    return subscription, secret


async def subscriptions_of(
    session: AsyncSession, principal: Principal
) -> list[WebhookSubscription]:
    """The active subscriptions in the caller's places (the scope is part of the query)."""
    rows = await session.scalars(
        select(WebhookSubscription)
        .where(
            within_any(WebhookSubscription.scope_path, principal.scope_paths(PERM_MANAGE)),
            WebhookSubscription.disabled_at.is_(None),
        )
        .order_by(WebhookSubscription.created_at, WebhookSubscription.id)
    )
    return list(rows)


async def unsubscribe(
    session: AsyncSession, *, principal: Principal, subscription_id: uuid.UUID, now: datetime
) -> None:
    """Stop a subscription; its undelivered events are dropped (the sender skips them)."""
    subscription = await session.get(WebhookSubscription, subscription_id, with_for_update=True)
    if subscription is None or subscription.disabled_at is not None:
        raise _hidden()
    authorize(principal, PERM_MANAGE, subscription.scope_path, hidden=_hidden())
    subscription.disabled_at = now


def sign(secret: str, timestamp: int | str, body: bytes) -> str:
    """The `X-Sqwb-Signature` value for a body sent at `timestamp` (unix seconds)."""
    message = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_PREFIX}{digest}"


def verify_signature(
    secret: str, timestamp: str, body: bytes, signature: str, now: datetime
) -> bool:
    """A receiver's check: fresh timestamp (within 5 minutes) and the right HMAC."""
    try:
        sent = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs(now.timestamp() - sent) > TOLERANCE.total_seconds():
        return False
    return hmac.compare_digest(sign(secret, sent, body), signature or "")


def event_payload(ticket: Ticket, *, previous_status: str | None, now: datetime) -> dict[str, Any]:
    """What a receiver learns of a ticket: no reporter, no description, no tracking token."""
    return {
        "ticket_id": str(ticket.id),
        "number": ticket.number,
        "status": ticket.status,
        "previous_status": previous_status,
        "category": ticket.category,
        "priority": ticket.priority,
        "place_code": ticket.place_code,
        "community_code": ticket.community_code,
        "occurred_at": now.isoformat(),
    }


# `destinations`' statement, built once with the place's paths as a parameter: every report
# runs it (see categories._EFFECTIVE).
_DESTINATIONS = (
    select(WebhookSubscription.id, WebhookSubscription.topics)
    .where(
        WebhookSubscription.scope_path.in_(bindparam("paths", expanding=True)),
        WebhookSubscription.disabled_at.is_(None),
    )
    .order_by(WebhookSubscription.created_at, WebhookSubscription.id)
)


async def destinations(session: AsyncSession, *, place_path: str, topic: str) -> list[str]:
    """The active subscriptions at the ticket's place or above it that want `topic`."""
    rows = await session.execute(_DESTINATIONS, {"paths": ancestor_paths(place_path)})
    return [str(sub_id) for sub_id, topics in rows if topic in (topics or [])]


async def publish_ticket_event(
    session: AsyncSession,
    *,
    ticket: Ticket,
    topic: str,
    previous_status: str | None,
    now: datetime,
    targets: list[str] | None = None,
) -> uuid.UUID | None:
    """Record the event for its subscribers in the caller's transaction (none: nothing).

    `targets`: the subscribers (`destinations`), when the caller looked them up earlier in
    the same transaction (a report does, before it takes its number)."""
    if targets is None:
        targets = await destinations(session, place_path=ticket.place_path, topic=topic)
    if not targets:
        return None
    return await outbox.publish(
        session,
        topic=topic,
        key=str(ticket.id),
        payload=event_payload(ticket, previous_status=previous_status, now=now),
        now=now,
        destinations=targets,
    )


def event_body(event: OutboxEvent) -> bytes:
    document = {"id": str(event.id), "topic": event.topic, "data": event.payload}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


class WebhookSender:
    """The relay's `deliver`: one signed POST to the subscription's url."""

    def __init__(
        self,
        db: Database,
        cipher: PersonalDataCipher,
        clock: Clock,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = DELIVERY_TIMEOUT,
        targets: EgressPolicy | None = None,
    ) -> None:
        self.db = db
        self.cipher = cipher
        self.clock = clock
        self.targets = targets or EgressPolicy()
        self._client = httpx.AsyncClient(
            transport=transport, timeout=timeout, follow_redirects=False
        )

    async def __call__(self, destination: str, event: OutboxEvent) -> None:
        async with self.db.session(write=False) as session:
            subscription = await session.get(WebhookSubscription, uuid.UUID(destination))
        if subscription is None or subscription.disabled_at is not None:
            # Deleted since the event was published: nothing to send, nothing to retry.
            log.info("event %s: subscription %s is gone; dropped", event.id, destination)
            return
        try:
            # Resolved and checked now, posted to the address that was checked (kit.egress).
            target = await self.targets.pin(subscription.url)
        except TargetRefused as refused:
            log.warning(
                "event %s: subscription %s not posted to: %s",
                event.id,
                destination,
                refused.code,
            )
            raise DeliveryRefused(f"{subscription.url}: {refused.detail}") from None
        secret = self.cipher.decrypt(subscription.secret_cipher)
        body = event_body(event)
        timestamp = int(self.clock.now().timestamp())
        response = await self._client.post(
            target.url,
            content=body,
            extensions=target.extensions,
            headers={
                **target.headers,
                "Content-Type": "application/json",
                HEADER_ID: str(event.id),
                HEADER_TOPIC: event.topic,
                HEADER_TIMESTAMP: str(timestamp),
                HEADER_SIGNATURE: sign(secret, timestamp, body),
            },
        )
        if not response.is_success:
            raise DeliveryFailed(f"{subscription.url} answered {response.status_code}")

    async def aclose(self) -> None:
        await self._client.aclose()
