"""Staff side and the state machine: every step an event, anything else a 409."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from services.intake.models import TicketEvent
from services.kit.testing import run_replicas
from tests.fixtures.intake import Intake


async def _ticket_id(intake: Intake, headers: dict[str, str], number: str) -> str:
    response = await intake.client.get("/v1/tickets", headers=headers)
    assert response.status_code == 200, response.text
    return str(next(t["id"] for t in response.json()["items"] if t["number"] == number))


async def _resolved(intake: Intake) -> tuple[dict[str, Any], str, dict[str, str]]:
    submitted = await intake.report()
    staff = await intake.staff("TGYZL")
    ticket_id = await _ticket_id(intake, staff, submitted["number"])
    await intake.move(ticket_id, "acknowledge", staff, outcome="anonymous")
    await intake.move(
        ticket_id, "assign", staff, assignee_kind="staff", assignee_ref="staff:staff-1"
    )
    await intake.move(ticket_id, "start", staff)
    await intake.move(ticket_id, "resolve", staff, note="已清理小广告")
    return submitted, ticket_id, staff


async def test_the_full_lifecycle_is_a_trail_of_events(intake: Intake) -> None:
    submitted, ticket_id, staff = await _resolved(intake)
    token = submitted["tracking_token"]
    rated = await intake.client.post(
        f"/v1/track/{token}/rate", json={"rating": 5, "comment": "很及时"}
    )
    assert rated.status_code == 200, rated.text
    assert rated.json()["status"] == "closed"
    assert rated.json()["rating"] == 5

    detail = (await intake.client.get(f"/v1/tickets/{ticket_id}", headers=staff)).json()
    steps = [(e["action"], e["from_status"], e["to_status"]) for e in detail["events"]]
    assert steps == [
        ("submit", None, "submitted"),
        ("acknowledge", "submitted", "acknowledged"),
        ("assign", "acknowledged", "assigned"),
        ("start", "assigned", "in_progress"),
        ("resolve", "in_progress", "resolved"),
        ("rate", "resolved", "closed"),
    ]
    assert detail["events"][1]["detail"] == {"outcome": "anonymous"}
    assert detail["events"][1]["actor"] == "staff:staff-1"
    for milestone in ("acknowledged_at", "assigned_at", "resolved_at", "closed_at", "rated_at"):
        assert detail[milestone] is not None

    again = await intake.client.post(f"/v1/track/{token}/rate", json={"rating": 1})
    assert again.status_code == 409
    assert again.json()["code"] == "already_rated"


async def test_an_illegal_transition_is_a_409_listing_the_allowed_ones(intake: Intake) -> None:
    submitted = await intake.report()
    staff = await intake.staff("TGYZL")
    ticket_id = await _ticket_id(intake, staff, submitted["number"])
    response = await intake.client.post(
        f"/v1/tickets/{ticket_id}/resolve", json={"note": "done"}, headers=staff
    )
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "invalid_transition"
    assert {a["action"] for a in body["allowed"]} == {
        "acknowledge",
        "assign",
        "reject",
        "duplicate",
    }


async def test_acknowledging_a_report_with_a_phone_needs_the_call_outcome(intake: Intake) -> None:
    submitted = await intake.report(reporter_phone="13800138000", consent=True)
    staff = await intake.staff("TGYZL")
    ticket_id = await _ticket_id(intake, staff, submitted["number"])
    wrong = await intake.client.post(
        f"/v1/tickets/{ticket_id}/acknowledge", json={"outcome": "anonymous"}, headers=staff
    )
    assert wrong.status_code == 422
    detail = await intake.move(ticket_id, "acknowledge", staff, outcome="not_reached")
    assert detail["reporter_phone"] == "138****8000"


async def test_reject_needs_a_reason(intake: Intake) -> None:
    submitted = await intake.report()
    staff = await intake.staff("TGYZL")
    ticket_id = await _ticket_id(intake, staff, submitted["number"])
    missing = await intake.client.post(f"/v1/tickets/{ticket_id}/reject", json={}, headers=staff)
    assert missing.status_code == 422
    detail = await intake.move(ticket_id, "reject", staff, reason="不属于物业职责")
    assert detail["status"] == "rejected"


async def test_only_the_assignee_starts_work(intake: Intake) -> None:
    submitted = await intake.report()
    staff = await intake.staff("TGYZL")
    ticket_id = await _ticket_id(intake, staff, submitted["number"])
    await intake.move(
        ticket_id, "assign", staff, assignee_kind="staff", assignee_ref="staff:worker-9"
    )
    refused = await intake.client.post(f"/v1/tickets/{ticket_id}/start", headers=staff)
    assert refused.status_code == 403
    worker = await intake.staff("TGYZL", subject="worker-9")
    assert (await intake.move(ticket_id, "start", worker))["status"] == "in_progress"


async def test_the_reporter_reopens_within_7_days_but_not_after(intake: Intake) -> None:
    submitted, ticket_id, _staff = await _resolved(intake)
    token = submitted["tracking_token"]
    intake.clock.advance(timedelta(days=6))
    reopened = await intake.client.post(f"/v1/track/{token}/reopen", json={"reason": "又贴上了"})
    assert reopened.status_code == 200, reopened.text
    assert reopened.json()["status"] == "in_progress"
    assert reopened.json()["reopen_count"] == 1

    await intake.move(ticket_id, "resolve", await intake.staff("TGYZL"), note="再次清理")
    intake.clock.advance(timedelta(days=7, minutes=1))
    late = await intake.client.post(f"/v1/track/{token}/reopen", json={"reason": "还有"})
    assert late.status_code == 409
    assert late.json()["code"] == "reopen_window_closed"


async def test_a_resolved_ticket_closes_itself_after_7_days(intake: Intake) -> None:
    submitted, ticket_id, staff = await _resolved(intake)
    resolved_at = intake.clock.now()
    intake.clock.set(resolved_at + timedelta(days=6, hours=23))
    await intake.runner.run_due()
    staff = await intake.staff("TGYZL")
    detail = (await intake.client.get(f"/v1/tickets/{ticket_id}", headers=staff)).json()
    assert detail["status"] == "resolved"
    intake.clock.set(resolved_at + timedelta(days=7))
    reports = await run_replicas(intake.runner, 3)  # three replicas of intake: one close
    assert sum(r.succeeded for r in reports) >= 1
    staff = await intake.staff("TGYZL")
    detail = (await intake.client.get(f"/v1/tickets/{ticket_id}", headers=staff)).json()
    assert detail["status"] == "closed"
    closing = [e for e in detail["events"] if e["to_status"] == "closed"]
    assert [(e["action"], e["actor"]) for e in closing] == [("auto_close", "system")]
    # The reporter may still rate a ticket the system closed, once.
    token = submitted["tracking_token"]
    rated = await intake.client.post(f"/v1/track/{token}/rate", json={"rating": 4})
    assert rated.status_code == 200
    assert rated.json()["status"] == "closed"


async def test_a_reopened_ticket_is_not_closed_by_the_old_job(intake: Intake) -> None:
    submitted, ticket_id, staff = await _resolved(intake)
    resolved_at = intake.clock.now()
    await intake.client.post(
        f"/v1/track/{submitted['tracking_token']}/reopen", json={"reason": "没修好"}
    )
    await intake.runner.run_due(resolved_at + timedelta(days=8))
    intake.clock.set(resolved_at + timedelta(days=8))
    staff = await intake.staff("TGYZL")
    detail = (await intake.client.get(f"/v1/tickets/{ticket_id}", headers=staff)).json()
    assert detail["status"] == "in_progress"


async def test_staff_of_another_community_neither_see_nor_touch_it(intake: Intake) -> None:
    submitted = await intake.report()
    mine = await intake.staff("TGYZL")
    ticket_id = await _ticket_id(intake, mine, submitted["number"])
    other = await intake.staff("GYSNL", subject="staff-2")
    assert (await intake.client.get(f"/v1/tickets/{ticket_id}", headers=other)).status_code == 404
    moved = await intake.client.post(
        f"/v1/tickets/{ticket_id}/acknowledge", json={"outcome": "anonymous"}, headers=other
    )
    assert moved.status_code == 404
    inbox = (await intake.client.get("/v1/tickets", headers=other)).json()
    assert inbox == {"items": [], "total": 0}
    reader = await intake.staff("TGYZL", "intake:tickets:read", subject="staff-3")
    forbidden = await intake.client.post(
        f"/v1/tickets/{ticket_id}/acknowledge", json={"outcome": "anonymous"}, headers=reader
    )
    assert forbidden.status_code == 403
    assert (await intake.client.get(f"/v1/tickets/{ticket_id}")).status_code == 401


async def test_the_inbox_filters_by_status_category_and_overdue(intake: Intake) -> None:
    await intake.report()
    await intake.report(category="safety", description="楼道堆放杂物")  # urgent: 1 h
    staff = await intake.staff("TGYZL")
    everything = (await intake.client.get("/v1/tickets", headers=staff)).json()
    assert everything["total"] == 2
    safety = await intake.client.get("/v1/tickets", params={"category": "safety"}, headers=staff)
    assert [t["priority"] for t in safety.json()["items"]] == ["urgent"]
    intake.clock.advance(timedelta(hours=2))
    staff = await intake.staff("TGYZL")  # a fresh token: the first one has expired
    overdue = await intake.client.get("/v1/tickets", params={"overdue": "true"}, headers=staff)
    assert [t["category"] for t in overdue.json()["items"]] == ["safety"]
    assert overdue.json()["items"][0]["overdue"] is True
    submitted = await intake.client.get(
        "/v1/tickets", params={"status": "submitted", "limit": 1}, headers=staff
    )
    assert submitted.json()["total"] == 2
    assert len(submitted.json()["items"]) == 1


async def test_a_duplicate_hands_its_followers_to_the_original(intake: Intake) -> None:
    first = await intake.report()
    second = await intake.report("TGYZL-01-2")
    staff = await intake.staff("TGYZL")
    original_id = await _ticket_id(intake, staff, first["number"])
    duplicate_id = await _ticket_id(intake, staff, second["number"])
    detail = await intake.move(duplicate_id, "duplicate", staff, duplicate_of=original_id)
    assert detail["status"] == "duplicate"
    assert detail["duplicate_of_id"] == original_id
    escalated = await intake.move(original_id, "acknowledge", staff, outcome="anonymous")
    assert escalated["status"] == "acknowledged"
    up = await intake.move(original_id, "escalate", staff, level="street", note="需街道协调")
    assert up["status"] == "escalated"
    assert up["escalated_at"] is not None


async def test_merging_moves_reporter_and_followers_to_the_original_each_once(
    intake: Intake,
) -> None:
    def resident(subject: str) -> dict[str, str]:
        token = intake.tokens.issue(subject=subject, kind="resident", now=intake.clock.now())
        return {"Authorization": f"Bearer {token}"}

    first = await intake.report()
    body = {
        "code_token": await intake.unit_token("TGYZL-01-2"),
        "category": "small_ads",
        "description": "楼道墙上又贴了小广告",
    }
    filed = await intake.client.post("/v1/tickets", json=body, headers=resident("resident-b"))
    assert filed.status_code == 201, filed.text
    second = filed.json()
    neighbour = resident("resident-c")
    code = await intake.unit_token("TGYZL-01-3")
    for ticket in (first, second):  # a neighbour follows both reports
        followed = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/follow", json={"code_token": code}, headers=neighbour
        )
        assert followed.status_code == 201, followed.text

    staff = await intake.staff("TGYZL")
    merged = await intake.move(second["id"], "duplicate", staff, duplicate_of=first["id"])
    assert merged["status"] == "duplicate"

    # The neighbour follows the original once; the duplicate's reporter follows it too.
    original = await intake.client.get(f"/v1/tickets/{first['id']}", headers=staff)
    assert original.json()["followers"] == 2
    tracked = (await intake.client.get(f"/v1/track/{second['tracking_token']}")).json()
    assert tracked["status"] == "duplicate"
    assert tracked["merged_into"]["number"] == first["number"]
    onward = await intake.client.get(f"/v1/track/{tracked['merged_into']['tracking_token']}")
    assert onward.json()["number"] == first["number"]
    assert onward.json()["is_reporter"] is False
    mine = await intake.client.get("/v1/me/tickets", headers=resident("resident-b"))
    assert {(t["number"], t["role"]) for t in mine.json()["items"]} == {
        (second["number"], "reporter"),
        (first["number"], "follower"),
    }


async def test_staff_acting_for_a_resident_are_written_on_the_event_row(intake: Intake) -> None:
    """A resident's token carrying `act` (identity's /v1/tokens/act-for): the resident files,
    the row names the staff member as the actor, for whom and why."""
    staff_sub = "staff:7b0c1c1e-5d55-4a8e-9a34-3f0e3c6f2a10"
    token = intake.tokens.acting_for(
        "resident:5f4c1a3e-8e0b-4c55-9a51-0e6f1d2b7c11",
        staff=staff_sub,
        staff_name="天宫院中里社工",
        reason="老人来电，代为报修",
        now=intake.clock.now(),
    )
    body = {
        "code_token": await intake.unit_token("TGYZL-01-2"),
        "category": "small_ads",
        "description": "楼道墙上贴满了小广告",
    }
    filed = await intake.client.post(
        "/v1/tickets", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert filed.status_code == 201, filed.text

    staff = await intake.staff("TGYZL")
    ticket_id = await _ticket_id(intake, staff, filed.json()["number"])
    first = (await intake.detail(ticket_id, staff))["events"][0]
    assert (first["action"], first["actor"], first["actor_kind"]) == ("submit", staff_sub, "staff")
    assert first["actor_name"] == "天宫院中里社工"
    assert first["on_behalf_of"] == "resident:5f4c1a3e-8e0b-4c55-9a51-0e6f1d2b7c11"
    assert first["reason"] == "老人来电，代为报修"
    async with intake.db.session(write=False) as session:
        row = await session.scalar(
            select(TicketEvent).where(TicketEvent.ticket_id == uuid.UUID(ticket_id))
        )
    assert row is not None
    assert (row.actor, row.on_behalf_of, row.reason) == (
        staff_sub,
        "resident:5f4c1a3e-8e0b-4c55-9a51-0e6f1d2b7c11",
        "老人来电，代为报修",
    )


async def test_the_staff_detail_lists_the_moves_the_caller_may_make(intake: Intake) -> None:
    submitted = await intake.report()
    staff = await intake.staff("TGYZL")
    ticket_id = await _ticket_id(intake, staff, submitted["number"])
    detail = await intake.detail(ticket_id, staff)
    assert detail["allowed_actions"] == ["acknowledge", "assign", "reject", "duplicate"]
    reader = await intake.staff("TGYZL", "intake:tickets:read", subject="staff-3")
    assert (await intake.detail(ticket_id, reader))["allowed_actions"] == []
    assigned = await intake.move(
        ticket_id, "assign", staff, assignee_kind="staff", assignee_ref="staff:staff-1"
    )
    assert assigned["allowed_actions"] == ["reassign", "start", "reject", "escalate"]


async def test_a_call_back_is_chosen_not_assumed_and_its_two_notes_go_where_they_belong(
    intake: Intake,
) -> None:
    submitted = await intake.report(reporter_phone="13800138000", consent=True)
    staff = await intake.staff("TGYZL")
    ticket_id = await _ticket_id(intake, staff, submitted["number"])

    # No outcome chosen: refused, nothing recorded (a call that never happened must not count).
    unchosen = await intake.client.post(
        f"/v1/tickets/{ticket_id}/acknowledge", json={"note": "已受理"}, headers=staff
    )
    assert unchosen.status_code == 422, unchosen.text
    assert [e["pointer"] for e in unchosen.json()["errors"]] == ["/body/outcome"]
    untouched = await intake.client.get(f"/v1/tickets/{ticket_id}", headers=staff)
    assert untouched.json()["status"] == "submitted"

    detail = await intake.move(
        ticket_id,
        "acknowledge",
        staff,
        outcome="not_reached",
        note="已收到您的反映，我们会尽快安排",
        internal_note="打了两次没人接，晚上再打",
    )
    [ack] = [e for e in detail["events"] if e["action"] == "acknowledge"]
    assert ack["note"] == "已收到您的反映，我们会尽快安排"
    assert ack["internal_note"] == "打了两次没人接，晚上再打"
    assert ack["detail"]["outcome"] == "not_reached"

    tracked = await intake.client.get(f"/v1/track/{submitted['tracking_token']}")
    [seen] = [e for e in tracked.json()["events"] if e["action"] == "acknowledge"]
    assert seen["note"] == "已收到您的反映，我们会尽快安排"
    assert "internal_note" not in seen
    assert "晚上再打" not in tracked.text
