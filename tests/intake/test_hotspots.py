"""Hotspots (未诉先办): repeated tickets at a building, rising categories, proactive tasks."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tests.fixtures.intake import Intake


async def hotspots(intake: Intake, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = await intake.client.get("/v1/hotspots", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_three_small_ads_reports_in_30_days_make_a_building_a_hotspot(
    intake: Intake,
) -> None:
    # Building 01: three small-ads reports over three weeks, from two unit doors.
    first = await intake.report("TGYZL-01-1")
    intake.clock.advance(timedelta(days=10))
    await intake.report("TGYZL-01-2")
    intake.clock.advance(timedelta(days=10))
    latest = await intake.report("TGYZL-01-1")
    # Building 02: only two; and a noise report at building 01 is another category.
    await intake.report("TGYZL-02-1")
    await intake.report("TGYZL-02-2")
    await intake.report("TGYZL-01-1", category="noise", description="夜里装修")

    staff = await intake.staff("TGYZL")
    body = await hotspots(intake, staff)
    assert (body["days"], body["min_count"]) == (30, 3)
    [spot] = body["buildings"]
    assert spot["building_code"] == "TGYZL-01"
    assert spot["building_name"] == "1号楼"
    assert spot["community_code"] == "TGYZL"
    assert spot["category"] == "small_ads"
    assert spot["count"] == 3
    assert spot["open"] == 3
    assert datetime.fromisoformat(spot["latest"]) == intake.clock.now()
    assert spot["numbers"][0] == latest["number"]
    assert first["number"] in spot["numbers"]
    # No personal data and no descriptions in the list.
    assert "楼道" not in str(body)

    # Eleven days on, the first report has left the 30-day window.
    intake.clock.advance(timedelta(days=11))
    staff = await intake.staff("TGYZL")
    assert (await hotspots(intake, staff))["buildings"] == []
    # A lower threshold finds both buildings again.
    lower = await hotspots(intake, staff, min_count=2)
    assert {(b["building_code"], b["count"]) for b in lower["buildings"]} == {
        ("TGYZL-01", 2),
        ("TGYZL-02", 2),
    }


async def test_rejected_and_duplicate_reports_do_not_make_a_hotspot(intake: Intake) -> None:
    kept = await intake.report("TGYZL-03-1")
    rejected = await intake.report("TGYZL-03-1")
    merged = await intake.report("TGYZL-03-2")
    staff = await intake.staff("TGYZL")
    for ticket, action, body in (
        (rejected, "reject", {"reason": "并非小广告"}),
        (merged, "duplicate", {"duplicate_of": kept["id"]}),
    ):
        response = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/{action}", json=body, headers=staff
        )
        assert response.status_code == 200, response.text
    await intake.report("TGYZL-03-2")
    assert (await hotspots(intake, staff))["buildings"] == []


async def test_a_category_rising_across_a_community_is_listed(intake: Intake) -> None:
    # The 30 days before: 2 noise reports; the last 30 days: 3 (1.5x) -> rising.
    # Small ads: 2 before, 2 now -> not rising (and under min_count).
    for code in ("TGYZL-01-1", "TGYZL-05-1"):
        await intake.report(code, category="noise", description="噪音")
        await intake.report(code)
    intake.clock.advance(timedelta(days=31))
    for code in ("TGYZL-02-1", "TGYZL-06-1", "TGYZL-07-1"):
        await intake.report(code, category="noise", description="噪音")
    for code in ("TGYZL-02-1", "TGYZL-06-1"):
        await intake.report(code)
    # Another community's rise is not ours to see.
    for code in ("GYSNL-01-1", "GYSNL-02-1", "GYSNL-03-1"):
        await intake.report(code, category="lighting", description="路灯不亮")

    staff = await intake.staff("TGYZL")
    body = await hotspots(intake, staff)
    assert [
        (r["community_code"], r["category"], r["count"], r["previous"], r["ratio"])
        for r in body["rising"]
    ] == [("TGYZL", "noise", 3, 2, 1.5)]

    district = await intake.staff("DX")
    everywhere = await hotspots(intake, district)
    rising = {(r["community_code"], r["category"]): r for r in everywhere["rising"]}
    assert set(rising) == {("TGYZL", "noise"), ("GYSNL", "lighting")}
    # Nothing before: no ratio, and rising all the same.
    assert (rising["GYSNL", "lighting"]["previous"], rising["GYSNL", "lighting"]["ratio"]) == (
        0,
        None,
    )


async def test_hotspots_of_another_community_are_refused(intake: Intake) -> None:
    other = await intake.staff("GYSNL")
    tgyzl = await intake.directory.place("TGYZL")
    response = await intake.client.get(
        "/v1/hotspots", params={"place_id": tgyzl["id"]}, headers=other
    )
    assert response.status_code == 403
    assert (await intake.client.get("/v1/hotspots")).status_code == 401


async def test_the_task_button_files_a_patrol_ticket_at_the_building(intake: Intake) -> None:
    staff = await intake.staff("TGYZL")
    response = await intake.client.post(
        "/v1/hotspots/tasks",
        json={"place_code": "TGYZL-01", "category": "small_ads"},
        headers={**staff, "Idempotency-Key": "task-tgyzl-01-small-ads"},
    )
    assert response.status_code == 201, response.text
    task = response.json()
    assert task["status"] == "submitted"
    assert task["place_code"] == "TGYZL-01"
    assert task["number"] == "TGYZL-2026-000001"
    assert task["excerpt"] == "未诉先办：天宫院中里社区1号楼小广告问题近期多次反映，主动巡查处理。"

    detail = (await intake.client.get(f"/v1/tickets/{task['id']}", headers=staff)).json()
    assert detail["source"] == "patrol"
    assert detail["events"][0]["actor"] == "staff:staff-1"
    assert detail["reporter_phone"] is None

    # A second click with the same key files nothing more.
    again = await intake.client.post(
        "/v1/hotspots/tasks",
        json={"place_code": "TGYZL-01", "category": "small_ads"},
        headers={**staff, "Idempotency-Key": "task-tgyzl-01-small-ads"},
    )
    assert again.status_code == 201
    assert again.json()["id"] == task["id"]
    inbox = await intake.client.get("/v1/tickets", params={"source": "patrol"}, headers=staff)
    assert inbox.json()["total"] == 1


async def test_a_task_needs_the_handle_permission_and_a_building(intake: Intake) -> None:
    reader = await intake.staff("TGYZL", "intake:tickets:read")
    body = {"place_code": "TGYZL-01", "category": "small_ads", "description": "巡查发现小广告"}
    response = await intake.client.post("/v1/hotspots/tasks", json=body, headers=reader)
    assert response.status_code == 403

    other = await intake.staff("GYSNL")
    response = await intake.client.post("/v1/hotspots/tasks", json=body, headers=other)
    assert response.status_code == 403

    staff = await intake.staff("TGYZL")
    response = await intake.client.post(
        "/v1/hotspots/tasks", json={**body, "place_code": "TGYZL"}, headers=staff
    )
    assert response.status_code == 422
    assert response.json()["code"] == "not_a_building"
    response = await intake.client.post(
        "/v1/hotspots/tasks", json={**body, "place_code": "NOPE-99"}, headers=staff
    )
    assert response.status_code == 422
    assert response.json()["code"] == "unknown_place"
    response = await intake.client.post(
        "/v1/hotspots/tasks", json={**body, "category": "nonsense"}, headers=staff
    )
    assert response.status_code == 422
    assert response.json()["code"] == "unknown_category"
    inbox = await intake.client.get("/v1/tickets", headers=staff)
    assert inbox.json()["total"] == 0
