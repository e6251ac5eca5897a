"""One way for a service to tell others something happened: its outbox, delivered to the
receiver's `POST /v1/events`, de-duplicated there by event id.

Sending. A domain function publishes in its own transaction to the destinations
`destinations(topic)` names: `service:<name>` for each built service whose `subscribes`
in services.toml takes the topic (kit.catalog). The service's `OutboxRelay` hands those
deliveries to an `EventSender` (others, such as intake's webhooks, to their own sender;
`route_deliveries` joins them), which POSTs the event, at least once and in order per key.

Credentials. The sender signs with its own service credentials: its API client at identity
(`<SERVICE>_IDENTITY_API_KEY`), exchanged for a short-lived token per delivery batch. Why
this rather than a signature of the service's own (an HMAC per pair, or a key pair per
service): the receiver then verifies a delivery exactly as it verifies any request (JWKS,
kit.auth), what a sender may tell a receiver is a scope on its API client that admins see
and revoke in one place, and no secret has to be shared between two services. Identity,
which issues the tokens, mints its own when it sends (services/identity/events_out.py).

Receiving. `events_router` serves `POST /v1/events` for the topics a service handles;
the caller needs the receiver's `<service>:events:send` permission. The event id goes into
the service's `received_events` table (`ReceivedEvents`) in the request's transaction,
with the handler's effects: a second delivery of one event finds its id and does nothing,
so an event arrives once however often it is delivered.

Moving a place is not supported yet; when it is, directory will publish `place.moved`
this way and each service re-path its rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any, Protocol

import httpx
import sqlalchemy as sa
from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.app import SessionDep
from services.kit.auth import PrincipalDep, requires
from services.kit.catalog import load
from services.kit.db import UTCDateTime, insert_ignoring_conflicts
from services.kit.errors import FieldError, InvalidInput, PermissionDenied
from services.kit.http import service_client
from services.kit.outbox import Deliver, OutboxEvent

EVENTS_PATH = "/v1/events"
SERVICE_PREFIX = "service:"


def destinations(topic: str, *, sender: str) -> list[str]:
    """The outbox destinations of `topic`: every built service subscribing to it but the
    sender itself, from the one list of services."""
    return [f"{SERVICE_PREFIX}{name}" for name in load().subscribers(topic) if name != sender]


def send_permission(receiver: str) -> str:
    return f"{receiver}:events:send"


class EventIn(BaseModel):
    """An event as it travels: the outbox's id (the de-duplication key) and what it says."""

    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID
    source: str = Field(max_length=40, pattern=r"^[a-z][a-z0-9_]*$")
    topic: str = Field(max_length=100)
    key: str = Field(max_length=200)
    payload: dict[str, Any]
    created_at: datetime


def payload_uuid(event: EventIn, field: str) -> uuid.UUID:
    """An id the event's payload must carry (`resident.deleted`'s `resident_id`): a 422
    problem, never a 500, when a sender left it out or garbled it."""
    try:
        return uuid.UUID(str(event.payload[field]))
    except (KeyError, ValueError):
        raise InvalidInput(
            "invalid_event",
            f"The event's payload needs an id in {field!r}.",
            errors=[FieldError(pointer=f"/body/payload/{field}", detail="an id", code="invalid")],
        ) from None


class EventReceipt(BaseModel):
    id: uuid.UUID
    duplicate: bool = Field(description="Received before: nothing was done this time")


class ReceivedEvents:
    """The ids of the events a service has taken: its `received_events` table."""

    def __init__(self, metadata: sa.MetaData, *, table_name: str = "received_events") -> None:
        self.table = sa.Table(
            table_name,
            metadata,
            sa.Column("id", sa.Uuid, primary_key=True),
            sa.Column("source", sa.String(40), nullable=False),
            sa.Column("topic", sa.String(100), nullable=False),
            sa.Column("received_at", UTCDateTime, nullable=False, index=True),
        )

    async def first_time(self, session: AsyncSession, event: EventIn, *, now: datetime) -> bool:
        """Record the id in the caller's transaction; False when it was taken before."""
        t = self.table
        inserted = await session.scalar(
            insert_ignoring_conflicts(session, t)
            .values(id=event.id, source=event.source, topic=event.topic, received_at=now)
            .on_conflict_do_nothing(index_elements=[t.c.id])
            .returning(t.c.id)
        )
        return inserted is not None


class EventHandler(Protocol):
    """Takes one event in the receiver's transaction (`now`: when it was received)."""

    async def __call__(self, session: AsyncSession, event: EventIn, *, now: datetime) -> None: ...


def events_router(
    received: ReceivedEvents, handlers: Mapping[str, EventHandler], *, receiver: str
) -> APIRouter:
    """`POST /v1/events` for the topics in `handlers`, each taken once."""
    router = APIRouter(prefix="/v1", tags=["events"])
    permission = send_permission(receiver)

    @router.post(
        "/events",
        summary="Take an event another service's outbox sends (once per event id)",
        openapi_extra=requires(permission),
    )
    async def take_event(
        event: EventIn, session: SessionDep, principal: PrincipalDep, request: Request
    ) -> EventReceipt:
        if not principal.scope_paths(permission):
            raise PermissionDenied("forbidden", f"Your client does not hold {permission}.")
        handler = handlers.get(event.topic)
        if handler is None:
            raise InvalidInput(
                "unknown_topic",
                f"This service takes no events of topic {event.topic!r}.",
                errors=[FieldError(pointer="/body/topic", detail="unknown", code="unknown_topic")],
            )
        now = request.app.state.clock.now()
        if not await received.first_time(session, event, now=now):
            return EventReceipt(id=event.id, duplicate=True)
        await handler(session, event, now=now)
        return EventReceipt(id=event.id, duplicate=False)

    return router


TokenSource = Callable[[], Awaitable[str | None]]


class EventSender:
    """Delivers `service:<name>` destinations to that service's `POST /v1/events`."""

    def __init__(
        self,
        *,
        source: str,
        urls: Mapping[str, str],
        token: TokenSource,
        transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
    ) -> None:
        self.source = source
        self.token = token
        self._clients = {
            name: service_client(url, transport=(transports or {}).get(name))
            for name, url in urls.items()
        }

    def transport(self, name: str, transport: httpx.AsyncBaseTransport) -> None:
        """Point one receiver elsewhere (tests: the receiver's app in-process)."""
        url = str(self._clients[name].base_url)
        self._clients[name] = service_client(url, transport=transport)

    async def __call__(self, destination: str, event: OutboxEvent) -> None:
        name = destination.removeprefix(SERVICE_PREFIX)
        client = self._clients.get(name)
        if client is None:
            raise RuntimeError(f"no URL for service {name!r}")
        token = await self.token()
        if token is None:
            # Retried with backoff: nothing is lost while the key is being set up.
            raise RuntimeError("no service credentials to sign events with")
        body = {
            "id": str(event.id),
            "source": self.source,
            "topic": event.topic,
            "key": event.key,
            "payload": event.payload,
            "created_at": event.created_at.isoformat(),
        }
        response = await client.post(
            EVENTS_PATH, json=body, headers={"Authorization": f"Bearer {token}"}
        )
        if response.status_code != 200:
            raise RuntimeError(f"{name} answered {response.status_code} to event {event.id}")


def route_deliveries(*, services: Deliver, other: Deliver) -> Deliver:
    """One `deliver` for a relay whose outbox has both service and other destinations."""

    async def deliver(destination: str, event: OutboxEvent) -> None:
        if destination.startswith(SERVICE_PREFIX):
            await services(destination, event)
        else:
            await other(destination, event)

    return deliver
