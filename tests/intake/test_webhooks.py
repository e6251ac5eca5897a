"""Signed webhooks: a street office hears of its street's tickets, in order, each event once."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import httpx
import sqlalchemy as sa
from fastapi import FastAPI, Request, Response

from services.intake.config import IntakeSettings
from services.intake.models import outbox
from services.intake.webhooks import (
    HEADER_ID,
    HEADER_SIGNATURE,
    HEADER_TIMESTAMP,
    HEADER_TOPIC,
    sign,
    verify_signature,
)
from services.kit.clock import FrozenClock
from tests.fixtures.intake import Intake

MANAGE = "intake:webhooks:manage"
BOTH = ["ticket.created", "ticket.status_changed"]
PAYLOAD_KEYS = {
    "ticket_id",
    "number",
    "status",
    "previous_status",
    "category",
    "priority",
    "place_code",
    "community_code",
    "occurred_at",
}


class Receiver:
    """A street office's endpoint: checks the signature as documented, keeps what it got."""

    def __init__(self, clock: FrozenClock) -> None:
        self.clock = clock
        self.secrets: dict[str, str] = {}
        self.down = False
        self.received: list[dict[str, Any]] = []
        self.refused_ids: list[str] = []
        self.forged = 0
        self.app = FastAPI()
        self.app.post("/hooks/{office}")(self.hook)

    async def hook(self, office: str, request: Request) -> Response:
        if self.down:
            self.refused_ids.append(request.headers[HEADER_ID])
            return Response(status_code=503)
        body = await request.body()  # the raw bytes, before any parsing
        if not verify_signature(
            self.secrets[office],
            request.headers.get(HEADER_TIMESTAMP, ""),
            body,
            request.headers.get(HEADER_SIGNATURE, ""),
            self.clock.now(),
        ):
            self.forged += 1
            return Response(status_code=401)
        event = json.loads(body)
        assert event["id"] == request.headers[HEADER_ID]
        assert event["topic"] == request.headers[HEADER_TOPIC]
        self.received.append({"office": office, **event})
        return Response(status_code=204)

    def of(self, office: str) -> list[dict[str, Any]]:
        return [e for e in self.received if e["office"] == office]


async def _receiver(intake: Intake) -> Receiver:
    receiver = Receiver(intake.clock)
    intake.webhooks.target = httpx.ASGITransport(app=receiver.app)
    return receiver


async def _subscribe(
    intake: Intake,
    receiver: Receiver,
    office: str,
    place_code: str,
    topics: list[str] | None = None,
) -> dict[str, Any]:
    place = await intake.directory.place(place_code)
    headers = await intake.staff(place_code, MANAGE, subject=f"admin-{office}")
    response = await intake.client.post(
        "/v1/webhooks",
        json={
            "name": f"{office} office",
            "url": f"http://office.example/hooks/{office}",
            "place_id": place["id"],
            "topics": topics or BOTH,
        },
        headers=headers,
    )
    assert response.status_code == 201, response.text
    created = dict(response.json())
    receiver.secrets[office] = created["secret"]
    return created


async def _step(intake: Intake, ticket_id: str, action: str, **body: Any) -> None:
    staff = await intake.staff("TGYZL")
    response = await intake.client.post(
        f"/v1/tickets/{ticket_id}/{action}", json=body or None, headers=staff
    )
    assert response.status_code == 200, response.text


async def _lifecycle(intake: Intake, ticket_id: str, *, outcome: str = "anonymous") -> None:
    await _step(intake, ticket_id, "acknowledge", outcome=outcome)
    await _step(intake, ticket_id, "assign", assignee_kind="staff", assignee_ref="staff:staff-1")
    await _step(intake, ticket_id, "start")
    await _step(intake, ticket_id, "resolve", note="已清理小广告")


async def _outbox_ids(intake: Intake) -> list[str]:
    async with intake.db.session(write=False) as session:
        rows = await session.scalars(
            sa.select(outbox.events.c.id).order_by(outbox.events.c.sequence)
        )
        return [str(i) for i in rows]


async def test_a_lifecycle_is_delivered_in_order_signed_and_without_personal_data(
    intake: Intake,
) -> None:
    receiver = await _receiver(intake)
    await _subscribe(intake, receiver, "tgy", "TGY")
    ticket = await intake.report(reporter_name="王阿姨", reporter_phone="13800138000", consent=True)
    await _lifecycle(intake, ticket["id"], outcome="reached")

    report = await intake.relay.relay_due(intake.clock.now())
    assert report.succeeded == 5
    events = receiver.of("tgy")
    assert [(e["topic"], e["data"]["previous_status"], e["data"]["status"]) for e in events] == [
        ("ticket.created", None, "submitted"),
        ("ticket.status_changed", "submitted", "acknowledged"),
        ("ticket.status_changed", "acknowledged", "assigned"),
        ("ticket.status_changed", "assigned", "in_progress"),
        ("ticket.status_changed", "in_progress", "resolved"),
    ]
    # The event id is the outbox's: stable, and what a receiver de-duplicates by.
    assert [e["id"] for e in events] == await _outbox_ids(intake)
    for event in events:
        data = event["data"]
        assert set(data) == PAYLOAD_KEYS
        assert data["ticket_id"] == ticket["id"]
        assert data["number"] == ticket["number"]
        assert data["place_code"] == "TGYZL-01-1"
        assert data["community_code"] == "TGYZL"
        assert data["category"] == "small_ads"
        assert datetime.fromisoformat(data["occurred_at"]).tzinfo is not None
    raw = json.dumps(receiver.received, ensure_ascii=False)
    for personal in ("王阿姨", "13800138000", "138****8000", ticket["tracking_token"]):
        assert personal not in raw

    # Delivered is delivered: nothing is sent twice.
    again = await intake.relay.relay_due(intake.clock.now() + timedelta(hours=2))
    assert again.succeeded == 0
    assert len(receiver.received) == 5


async def test_a_receiver_down_for_an_hour_gets_everything_afterwards_in_order(
    intake: Intake,
) -> None:
    receiver = await _receiver(intake)
    await _subscribe(intake, receiver, "tgy", "TGY")
    receiver.down = True
    first = await intake.report()
    await _step(intake, first["id"], "acknowledge", outcome="anonymous")
    second = await intake.report(unit_code="TGYZL-02-1")
    await _step(intake, first["id"], "assign", assignee_kind="staff", assignee_ref="staff:staff-1")
    await _step(intake, second["id"], "reject", reason="不属于物业职责")

    for _ in range(6):  # an hour of 503s
        report = await intake.relay.relay_due(intake.clock.now())
        assert report.succeeded == 0
        intake.clock.advance(timedelta(minutes=10))
    assert receiver.received == []
    assert receiver.refused_ids  # it was tried, and only the heads of each ticket

    receiver.down = False
    intake.clock.advance(timedelta(hours=1))
    report = await intake.relay.relay_due(intake.clock.now())
    assert report.succeeded == 5

    ids = [e["id"] for e in receiver.received]
    assert len(ids) == len(set(ids)) == 5  # each once
    assert set(receiver.refused_ids) <= set(ids)  # retries carry the same event id
    by_ticket: dict[str, list[str]] = {}
    for event in receiver.received:
        by_ticket.setdefault(event["data"]["ticket_id"], []).append(event["data"]["status"])
    assert by_ticket == {
        first["id"]: ["submitted", "acknowledged", "assigned"],
        second["id"]: ["submitted", "rejected"],
    }


async def test_a_subscription_for_another_street_receives_nothing(intake: Intake) -> None:
    receiver = await _receiver(intake)
    await _subscribe(intake, receiver, "tgy", "TGY")
    await _subscribe(intake, receiver, "gys", "GYS")
    await _subscribe(intake, receiver, "community", "TGYZL", topics=["ticket.created"])
    ticket = await intake.report()
    await _lifecycle(intake, ticket["id"])

    await intake.relay.relay_due(intake.clock.now())
    assert len(receiver.of("tgy")) == 5
    assert receiver.of("gys") == []
    # The community's office asked for new reports only.
    assert [e["topic"] for e in receiver.of("community")] == ["ticket.created"]


async def test_managing_subscriptions_needs_the_permission_and_shows_the_secret_once(
    intake: Intake,
) -> None:
    street = await intake.directory.place("TGY")
    body = {
        "name": "street office",
        "url": "https://office.example/hooks",
        "place_id": street["id"],
        "topics": BOTH,
    }
    anonymous = await intake.client.post("/v1/webhooks", json=body)
    assert anonymous.status_code == 401
    handler = await intake.staff("TGY", "intake:tickets:read", "intake:tickets:handle")
    refused = await intake.client.post("/v1/webhooks", json=body, headers=handler)
    assert refused.status_code == 403
    # A manager of one community cannot subscribe to the whole street above it.
    below = await intake.staff("TGYZL", MANAGE)
    assert (await intake.client.post("/v1/webhooks", json=body, headers=below)).status_code == 403
    unknown = await intake.client.post(
        "/v1/webhooks",
        json={**body, "place_id": "00000000-0000-4000-8000-000000000000"},
        headers=below,
    )
    assert unknown.status_code == 422

    manager = await intake.staff("TGY", MANAGE, subject="admin-tgy")
    created = await intake.client.post("/v1/webhooks", json=body, headers=manager)
    assert created.status_code == 201, created.text
    subscription = created.json()
    assert len(subscription["secret"]) >= 40
    assert subscription["scope_path"] == street["path"]
    assert subscription["created_by"] == "staff:admin-tgy"

    listed = await intake.client.get("/v1/webhooks", headers=manager)
    assert listed.status_code == 200
    assert [s["id"] for s in listed.json()] == [subscription["id"]]
    assert "secret" not in listed.json()[0]
    assert subscription["secret"] not in listed.text
    async with intake.db.session(write=False) as session:
        stored = await session.scalar(sa.text("SELECT secret_cipher FROM webhook_subscriptions"))
    assert subscription["secret"] not in str(stored)

    other = await intake.staff("GYS", MANAGE, subject="admin-gys")
    assert (await intake.client.get("/v1/webhooks", headers=other)).json() == []
    url = f"/v1/webhooks/{subscription['id']}"
    assert (await intake.client.delete(url, headers=other)).status_code == 404
    assert (await intake.client.delete(url, headers=manager)).status_code == 204
    assert (await intake.client.get("/v1/webhooks", headers=manager)).json() == []
    assert (await intake.client.delete(url, headers=manager)).status_code == 404

    # A stopped subscription is sent nothing.
    await intake.report()
    assert (await intake.relay.relay_due(intake.clock.now())).succeeded == 0


async def test_a_forged_signature_fails_the_documented_check(intake: Intake) -> None:
    now = intake.clock.now()
    stamp = str(int(now.timestamp()))
    body = b'{"id":"e1","topic":"ticket.created","data":{}}'
    good = sign("s3cret", stamp, body)
    assert good.startswith("sha256=")
    assert verify_signature("s3cret", stamp, body, good, now)
    assert not verify_signature("other", stamp, body, good, now)  # wrong secret
    assert not verify_signature("s3cret", stamp, body + b" ", good, now)  # body changed
    assert not verify_signature("s3cret", str(int(stamp) + 1), body, good, now)  # stamp changed
    assert not verify_signature("s3cret", stamp, body, good.upper(), now)
    assert not verify_signature("s3cret", "yesterday", body, good, now)
    # A genuine request replayed more than 5 minutes later is refused.
    assert verify_signature("s3cret", stamp, body, good, now + timedelta(minutes=5))
    assert not verify_signature("s3cret", stamp, body, good, now + timedelta(minutes=5, seconds=1))

    # End to end: a receiver holding another secret refuses, and the relay retries.
    receiver = await _receiver(intake)
    await _subscribe(intake, receiver, "tgy", "TGY")
    receiver.secrets["tgy"] = "not-the-secret"
    await intake.report()
    report = await intake.relay.relay_due(intake.clock.now())
    assert (report.succeeded, report.retried) == (0, 1)
    assert receiver.forged == 1
    assert receiver.received == []


INTERNAL_URLS = [
    "http://127.0.0.1:8001/v1/events",
    "http://localhost:8001/v1/events",
    "http://[::1]:8003/hooks",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.5/hooks",
    "http://192.168.1.20/hooks",
    "http://100.64.0.1/hooks",
    "http://[fd00::1]/hooks",
    "http://[::ffff:127.0.0.1]/hooks",
    "http://224.0.0.1/hooks",
    "http://0.0.0.0:8001/hooks",
    "http://240.0.0.1/hooks",
    "http://intranet/hooks",
]


async def _subscription_count(intake: Intake) -> int:
    async with intake.db.session(write=False) as session:
        count = await session.scalar(sa.text("SELECT count(*) FROM webhook_subscriptions"))
    return int(count or 0)


async def test_a_receiver_inside_our_network_is_refused_when_subscribing(intake: Intake) -> None:
    street = await intake.directory.place("TGY")
    manager = await intake.staff("TGY", MANAGE, subject="admin-tgy")
    body = {"name": "street office", "place_id": street["id"], "topics": BOTH}
    for url in INTERNAL_URLS:
        refused = await intake.client.post(
            "/v1/webhooks", json={**body, "url": url}, headers=manager
        )
        assert refused.status_code == 422, (url, refused.text)
        problem = refused.json()
        assert problem["code"] == "webhook_url_refused", url
        assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [
            ("/body/url", "url_not_public")
        ], url
    assert await _subscription_count(intake) == 0


async def test_https_only_outside_development_and_private_receivers_only_by_setting(
    intake: Intake,
) -> None:
    production = IntakeSettings(env="production", secret_key="a-real-secret-for-production")
    assert production.webhook_https_only is True
    assert production.webhook_allow_private_targets is False
    assert IntakeSettings(env="dev").webhook_https_only is False

    street = await intake.directory.place("TGY")
    manager = await intake.staff("TGY", MANAGE, subject="admin-tgy")
    body = {"name": "street office", "place_id": street["id"], "topics": BOTH}
    ctx = intake.app.state.intake
    intake.app.state.intake = replace(
        ctx, webhook_targets=replace(ctx.webhook_targets, https_only=True)
    )
    plain = await intake.client.post(
        "/v1/webhooks", json={**body, "url": "http://office.example/hooks"}, headers=manager
    )
    assert plain.status_code == 422
    assert plain.json()["errors"][0]["code"] == "url_not_https"
    secure = await intake.client.post(
        "/v1/webhooks", json={**body, "url": "https://office.example/hooks"}, headers=manager
    )
    assert secure.status_code == 201, secure.text

    # A deployment whose receivers sit on a private network says so explicitly.
    intake.app.state.intake = replace(
        ctx, webhook_targets=replace(ctx.webhook_targets, allow_private=True)
    )
    private = await intake.client.post(
        "/v1/webhooks", json={**body, "url": "http://10.0.0.5/hooks"}, headers=manager
    )
    assert private.status_code == 201, private.text


async def test_a_name_that_now_resolves_inside_our_network_is_not_posted_to(
    intake: Intake,
) -> None:
    receiver = await _receiver(intake)
    await _subscribe(intake, receiver, "tgy", "TGY")
    seen_hosts: list[tuple[str, str]] = []
    target = intake.webhooks.target

    class Watching(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            seen_hosts.append((request.url.host, request.headers["host"]))
            assert target is not None
            return await target.handle_async_request(request)

    intake.webhooks.target = Watching()
    # The name pointed at the public internet when it was saved; now one of its addresses
    # is the metadata endpoint (DNS rebinding): nothing is sent, the delivery is retried.
    intake.webhooks.addresses["office.example"] = ["93.184.215.14", "169.254.169.254"]
    await intake.report()
    report = await intake.relay.relay_due(intake.clock.now())
    assert report.succeeded == 0
    assert receiver.received == []
    assert seen_hosts == []

    # The name fixed: the event arrives, sent to the address that was checked, with the
    # receiver's own name as its Host.
    intake.webhooks.addresses["office.example"] = ["93.184.215.34"]
    intake.clock.advance(timedelta(hours=2))
    report = await intake.relay.relay_due(intake.clock.now())
    assert report.succeeded == 1
    assert [e["topic"] for e in receiver.of("tgy")] == ["ticket.created"]
    assert seen_hosts == [("93.184.215.34", "office.example")]
