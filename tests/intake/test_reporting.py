"""Residents' side: report from a unit's QR code, track it, +1 a neighbour's report."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from services.intake.models import Ticket, TicketFollower
from tests.fixtures.intake import Intake

PHONE = "13800138000"


async def _ticket_count(intake: Intake) -> int:
    async with intake.db.session(write=False) as session:
        return int(await session.scalar(select(func.count()).select_from(Ticket)) or 0)


async def test_the_categories_are_seeded_in_display_order(intake: Intake) -> None:
    response = await intake.client.get("/v1/categories")
    assert response.status_code == 200
    codes = [c["code"] for c in response.json()]
    assert codes[:3] == ["facility", "sanitation", "small_ads"]
    assert codes[-1] == "other"
    assert len(codes) == 10


async def test_an_anonymous_report_gets_a_number_and_a_tracking_token(intake: Intake) -> None:
    first = await intake.report()
    second = await intake.report("TGYZL-02-1")
    assert first["number"] == "TGYZL-2026-000001"
    assert second["number"] == "TGYZL-2026-000002"
    assert len(first["tracking_token"]) >= 16
    assert first["status"] == "submitted"
    # Another community counts on its own.
    other = await intake.report("GYSNL-01-1")
    assert other["number"] == "GYSNL-2026-000001"


async def test_the_tracked_view_shows_the_trail_and_no_phone_in_clear(intake: Intake) -> None:
    submitted = await intake.report(
        reporter_name="王芳", reporter_phone=PHONE, consent=True, priority="urgent"
    )
    response = await intake.client.get(f"/v1/track/{submitted['tracking_token']}")
    assert response.status_code == 200
    body = response.json()
    assert PHONE not in response.text
    assert "王芳" not in response.text
    assert body["reporter_phone"] == "138****8000"
    assert body["is_reporter"] is True
    assert [e["action"] for e in body["events"]] == ["submit"]
    assert body["events"][0]["actor"] == "reporter"
    # Urgent: acknowledge within 1 h, resolve within 2 h.
    created = body["created_at"]
    assert body["due_respond_at"] > created


async def test_a_neighbour_sees_only_safe_fields_and_follows_instead_of_filing(
    intake: Intake,
) -> None:
    original = await intake.report(
        description="3号楼2单元楼道小广告很多 电话13912345678", reporter_phone=PHONE, consent=True
    )
    neighbour_code = await intake.unit_token("TGYZL-01-2")  # same building, another unit
    response = await intake.client.get(
        "/v1/tickets/similar", params={"code_token": neighbour_code, "category": "small_ads"}
    )
    assert response.status_code == 200
    [suggestion] = response.json()
    assert set(suggestion) == {
        "id",
        "category",
        "excerpt",
        "status",
        "created_at",
        "followers",
        "where",
    }
    assert suggestion["where"] == "building"  # filed at unit 1, offered to unit 2
    assert len(suggestion["excerpt"]) <= 60
    assert "13912345678" not in suggestion["excerpt"]
    assert PHONE not in response.text

    # Another building sees nothing.
    elsewhere = await intake.unit_token("TGYZL-02-1")
    far = await intake.client.get(
        "/v1/tickets/similar", params={"code_token": elsewhere, "category": "small_ads"}
    )
    assert far.json() == []

    followed = await intake.client.post(
        f"/v1/tickets/{suggestion['id']}/follow", json={"code_token": neighbour_code}
    )
    assert followed.status_code == 201, followed.text
    assert followed.json()["number"] == original["number"]
    assert followed.json()["followers"] == 1
    assert await _ticket_count(intake) == 1

    # The follower's token shows the ticket but not as its reporter, and allows no rating.
    token = followed.json()["tracking_token"]
    view = await intake.client.get(f"/v1/track/{token}")
    assert view.json()["is_reporter"] is False
    assert view.json()["reporter_phone"] is None
    refused = await intake.client.post(f"/v1/track/{token}/rate", json={"rating": 5})
    assert refused.status_code == 403, refused.text
    assert refused.json()["code"] == "reporter_only"

    # A code of another building cannot follow it (its existence is not shown there).
    refused = await intake.client.post(
        f"/v1/tickets/{suggestion['id']}/follow", json={"code_token": elsewhere}
    )
    assert refused.status_code == 404


async def test_invalid_reports_are_refused_and_nothing_is_stored(intake: Intake) -> None:
    token = await intake.unit_token("TGYZL-01-1")
    base = {"code_token": token, "category": "noise", "description": "楼上装修太吵"}
    cases = [
        ({**base, "description": "吵" * 2001}, "validation_failed"),
        ({**base, "reporter_phone": "12345", "consent": True}, "invalid_phone"),
        ({**base, "reporter_phone": PHONE}, "consent_required"),
        ({**base, "category": "weather"}, "unknown_category"),
    ]
    for body, code in cases:
        response = await intake.client.post("/v1/tickets", json=body)
        assert response.status_code == 422, response.text
        assert response.json()["code"] == code
    assert await _ticket_count(intake) == 0


async def test_a_revoked_or_unknown_code_is_a_clear_problem(intake: Intake) -> None:
    token = await intake.unit_token("TGYZL-01-1")
    unit = await intake.directory.place("TGYZL-01-1")
    revoked = await intake.directory.client.post(
        f"/v1/codes/{token}/revoke",
        json={"reason": "sticker torn off"},
        headers=intake.directory.staff(unit, "directory:codes:manage"),
    )
    assert revoked.status_code == 200, revoked.text
    body = {"code_token": token, "category": "noise", "description": "楼上装修太吵"}
    response = await intake.client.post("/v1/tickets", json=body)
    assert response.status_code == 410
    assert response.json()["code"] == "code_revoked"

    unknown = await intake.client.post("/v1/tickets", json={**body, "code_token": "AAAAAAAAAAAA"})
    assert unknown.status_code == 422
    assert unknown.json()["code"] == "unknown_code"
    assert await _ticket_count(intake) == 0


async def test_a_malformed_code_is_unknown_without_asking_directory(
    intake: Intake, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tokens directory never issues (not 12 characters of base32) are refused by intake
    itself: the report form says the code is unknown (a 422 at the field), never that
    directory did not answer, and directory is not asked."""
    asked: list[str] = []

    async def down(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        return httpx.Response(503)

    directory = intake.app.state.intake.directory
    monkeypatch.setattr(
        directory,
        "_client",
        httpx.AsyncClient(base_url="http://directory", transport=httpx.MockTransport(down)),
    )
    body = {"category": "noise", "description": "楼上装修太吵"}
    for token in ("ZZZZ", "ZZZZ0000ZZZZ", "ABCDEFGHIJKLM", "A1B1C1D1E1F1"):
        report = await intake.client.post("/v1/tickets", json={**body, "code_token": token})
        assert report.status_code == 422, report.text
        assert (report.json()["code"], report.json()["errors"][0]["pointer"]) == (
            "unknown_code",
            "/body/code_token",
        )
        categories = await intake.client.get("/v1/categories", params={"code_token": token})
        assert categories.status_code == 422, categories.text
        assert categories.json()["errors"][0]["pointer"] == "/query/code_token"
        similar = await intake.client.get(
            "/v1/tickets/similar", params={"code_token": token, "category": "noise"}
        )
        assert similar.status_code == 422, similar.text
    assert asked == []
    assert await _ticket_count(intake) == 0
    # A well-formed token goes to directory: down, it is a 503 (the caller may retry).
    down_answer = await intake.client.post(
        "/v1/tickets", json={**body, "code_token": "AAAAAAAAAAAA"}
    )
    assert down_answer.status_code == 503
    assert down_answer.json()["code"] == "directory_unavailable"
    assert asked == ["/v1/codes/AAAAAAAAAAAA"]


async def test_an_idempotency_key_retry_creates_one_ticket(intake: Intake) -> None:
    body = {
        "code_token": await intake.unit_token("TGYZL-01-1"),
        "category": "lighting",
        "description": "楼道灯不亮",
    }
    headers = {"Idempotency-Key": "5b0c1f0e-7d1a-4f7e-9a0e-1f2d3c4b5a69"}
    first = await intake.client.post("/v1/tickets", json=body, headers=headers)
    again = await intake.client.post("/v1/tickets", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()
    assert await _ticket_count(intake) == 1


async def test_a_follow_retried_with_its_idempotency_key_is_one_follow(intake: Intake) -> None:
    original = await intake.report()
    code = await intake.unit_token("TGYZL-01-3")
    async with intake.db.session(write=False) as session:
        ticket_id = await session.scalar(
            select(Ticket.id).where(Ticket.number == original["number"])
        )
    headers = {"Idempotency-Key": str(uuid.uuid4())}
    first, again = [
        await intake.client.post(
            f"/v1/tickets/{ticket_id}/follow", json={"code_token": code}, headers=headers
        )
        for _ in range(2)
    ]
    assert first.status_code == again.status_code == 201, first.text
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()
    async with intake.db.session(write=False) as session:
        assert await session.scalar(select(func.count()).select_from(TicketFollower)) == 1


async def test_the_neighbours_own_unit_door_is_offered_first(intake: Intake) -> None:
    # A 5楼 light in unit 1 is rarely the one a resident of unit 2 sees: their own door's
    # report comes first, even when the other unit's is newer.
    own_door = await intake.report("TGYZL-01-2", description="2单元 5 楼小广告")
    intake.clock.advance(timedelta(minutes=5))
    other_door = await intake.report("TGYZL-01-1", description="1单元 1 楼小广告")
    code = await intake.unit_token("TGYZL-01-2")
    response = await intake.client.get(
        "/v1/tickets/similar", params={"code_token": code, "category": "small_ads"}
    )
    assert response.status_code == 200, response.text
    offered = [(s["id"], s["where"]) for s in response.json()]
    assert offered == [(own_door["id"], "unit"), (other_door["id"], "building")]


async def test_a_follow_by_a_signed_in_resident_counts_once(intake: Intake) -> None:
    original = await intake.report()
    code = await intake.unit_token("TGYZL-01-3")
    resident = intake.tokens.issue(subject="resident-7", kind="resident", now=intake.clock.now())
    headers = {"Authorization": f"Bearer {resident}"}
    async with intake.db.session(write=False) as session:
        ticket_id = await session.scalar(
            select(Ticket.id).where(Ticket.number == original["number"])
        )
    for _ in range(2):
        response = await intake.client.post(
            f"/v1/tickets/{ticket_id}/follow", json={"code_token": code}, headers=headers
        )
        assert response.status_code == 201
    async with intake.db.session(write=False) as session:
        count = await session.scalar(select(func.count()).select_from(TicketFollower))
    assert count == 1
