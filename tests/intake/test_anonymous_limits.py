"""Anonymous writes are limited per phone and per door (kit.abuse): one client cannot file
fifty reports into one community's inbox in two seconds, and the on-duty staff get one text
per window with a count, not one per report."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx

from services.kit.abuse import DEVICE_HEADER
from tests.fixtures.identity import Identity
from tests.fixtures.intake import Intake

DOORS = [f"TGYZL-0{b}-{u}" for b in range(1, 7) for u in (1, 2)]


async def _post(
    intake: Intake, unit: str, *, device: str | None = None, **headers: str
) -> httpx.Response:
    body = {
        "code_token": await intake.unit_token(unit),
        "category": "small_ads",
        "description": "楼道墙上贴满了小广告",
    }
    if device is not None:
        headers[DEVICE_HEADER] = device
    return await intake.client.post("/v1/tickets", json=body, headers=headers)


def _refused(response: httpx.Response, limit: str) -> dict[str, Any]:
    assert response.status_code == 429, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = dict(response.json())
    assert (problem["code"], problem["limit"]) == ("anonymous_limit_reached", limit)
    assert int(response.headers["retry-after"]) == problem["retry_after"] > 0
    return problem


async def test_one_phone_files_five_reports_in_ten_minutes(intake: Intake) -> None:
    phone = uuid.uuid4().hex
    for unit in DOORS[:5]:
        assert (await _post(intake, unit, device=phone)).status_code == 201
    problem = _refused(await _post(intake, DOORS[5], device=phone), "per_device")
    # Until enough of these five have slid out of the last ten minutes (sliding windows).
    assert problem["retry_after"] <= 12 * 60
    # A neighbour's phone on the same network is not held back; a signed-in resident is
    # limited by their account, not here.
    assert (await _post(intake, DOORS[5], device=uuid.uuid4().hex)).status_code == 201
    resident = intake.tokens.issue(subject="resident:r1", kind="resident", now=intake.clock.now())
    signed_in = await _post(intake, DOORS[6], device=phone, Authorization=f"Bearer {resident}")
    assert signed_in.status_code == 201, signed_in.text

    intake.clock.advance(timedelta(minutes=20))
    assert (await _post(intake, DOORS[6], device=phone)).status_code == 201


async def test_new_device_ids_do_not_get_past_the_limit_of_a_door(intake: Intake) -> None:
    for _ in range(20):
        assert (await _post(intake, "TGYZL-01-1", device=uuid.uuid4().hex)).status_code == 201
    _refused(await _post(intake, "TGYZL-01-1", device=uuid.uuid4().hex), "per_door")
    # The same door's code lower-cased (as a scanner may hand it) is the same door.
    token = (await intake.unit_token("TGYZL-01-1")).lower()
    lowered = await intake.client.post(
        "/v1/tickets",
        json={"code_token": token, "category": "noise", "description": "楼上装修太吵"},
        headers={DEVICE_HEADER: uuid.uuid4().hex},
    )
    _refused(lowered, "per_door")
    # Other doors of the community still report.
    assert (await _post(intake, "TGYZL-01-2", device=uuid.uuid4().hex)).status_code == 201
    intake.clock.advance(timedelta(hours=2))
    assert (await _post(intake, "TGYZL-01-1", device=uuid.uuid4().hex)).status_code == 201


async def test_no_device_id_is_one_phone_per_address(intake: Intake) -> None:
    """A script that sends no device id is one phone per address: the gateway's X-Real-IP,
    believed from the gateway (this machine) only."""
    for unit in DOORS[:5]:
        assert (await _post(intake, unit, **{"X-Real-IP": "198.51.100.7"})).status_code == 201
    _refused(await _post(intake, DOORS[5], **{"X-Real-IP": "198.51.100.7"}), "per_device")
    assert (await _post(intake, DOORS[5], **{"X-Real-IP": "198.51.100.8"})).status_code == 201

    # Reached directly from elsewhere, a service believes the TCP peer, not the header.
    outside = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=intake.app, client=("203.0.113.9", 50000)),
        base_url="http://intake",
    )
    body = {"category": "small_ads", "description": "楼道墙上贴满了小广告"}
    async with outside:
        for i, unit in enumerate(DOORS[6:12]):
            response = await outside.post(
                "/v1/tickets",
                json={**body, "code_token": await intake.unit_token(unit)},
                headers={"X-Real-IP": f"198.51.100.{100 + i}"},
            )
            if i < 5:
                assert response.status_code == 201, response.text
        _refused(response, "per_device")


async def test_the_limits_are_settings(intake: Intake) -> None:
    settings = intake.app.state.settings
    settings.anonymous_limits = {"reports.per_door": "2/hour", "reports.per_device": "off"}
    phone = uuid.uuid4().hex
    for _ in range(2):
        assert (await _post(intake, "TGYZL-02-1", device=phone)).status_code == 201
    problem = _refused(await _post(intake, "TGYZL-02-1", device=phone), "per_door")
    assert (problem["limit_count"], problem["limit_seconds"]) == (2, 3600)
    for unit in [d for d in DOORS if d != "TGYZL-02-1"][:6]:  # per phone: off
        assert (await _post(intake, unit, device=phone)).status_code == 201


async def test_anonymous_uploads_and_follows_are_limited_too(intake: Intake) -> None:
    intake.app.state.settings.anonymous_limits = {"uploads.per_device": "2/10min"}
    phone = {DEVICE_HEADER: uuid.uuid4().hex}
    files = {"file": ("a.txt", b"not even a photo", "text/plain")}
    for _ in range(2):
        assert (
            await intake.client.post("/v1/media", files=files, headers=phone)
        ).status_code == 422
    _refused(await intake.client.post("/v1/media", files=files, headers=phone), "per_device")

    ticket = await intake.report("TGYZL-01-1")
    neighbour = {DEVICE_HEADER: uuid.uuid4().hex}
    token = await intake.unit_token("TGYZL-01-2")
    for _ in range(10):
        followed = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/follow", json={"code_token": token}, headers=neighbour
        )
        assert followed.status_code == 201, followed.text
    again = await intake.client.post(
        f"/v1/tickets/{ticket['id']}/follow", json={"code_token": token}, headers=neighbour
    )
    _refused(again, "per_device")


async def test_fifty_urgent_reports_in_two_seconds_are_two_texts_with_a_count(
    intake: Intake, identity: Identity
) -> None:
    await identity.seed()
    intake.identity.target = httpx.ASGITransport(app=identity.app)
    filed: list[str] = []
    refused = 0
    for i in range(50):
        body = {
            "code_token": await intake.unit_token(DOORS[i % 2]),
            "category": "safety",
            "priority": "urgent",
            "description": "楼道里有煤气味",
        }
        response = await intake.client.post(
            "/v1/tickets", json=body, headers={DEVICE_HEADER: uuid.uuid4().hex}
        )
        if response.status_code == 201:
            filed.append(response.json()["id"])
        else:
            _refused(response, "per_door")
            refused += 1
    # Twenty a door an hour, whatever device ids the client makes up.
    assert (len(filed), refused) == (40, 10)
    await intake.runner.run_due()
    sent = await identity.sent_to("13800000011")  # TGYZL's on-duty worker
    assert [m.template for m in sent] == ["urgent_ticket"]

    intake.clock.advance(timedelta(minutes=5))
    await intake.runner.run_due()
    await intake.runner.run_due()  # nothing twice
    sent = await identity.sent_to("13800000011")
    assert [m.template for m in sent] == ["urgent_ticket", "urgent_tickets_digest"]
    assert f"5 分钟内又有 {len(filed) - 1} 条紧急报事：安全隐患 {len(filed) - 1} 条" in sent[1].body
    staff = await intake.staff("TGYZL")
    coalesced = [
        e["detail"]
        for ticket_id in filed[1:]
        for e in (await intake.detail(ticket_id, staff))["events"]
        if e["action"] == "on_duty_alerted"
    ]
    assert coalesced == [{"on_duty": 1, "coalesced": len(filed) - 1}] * (len(filed) - 1)

    # The next window's first urgent report is texted at once again.
    await intake.report("TGYZL-04-1", category="safety", priority="urgent", description="电线裸露")
    await intake.runner.run_due()
    assert len(await identity.sent_to("13800000011")) == 3
