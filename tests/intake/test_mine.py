"""我的反馈 across phones: a signed-in resident's own reports and "+1"s (GET /v1/me/tickets)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.fixtures.intake import Intake

MINE = "/v1/me/tickets"


def _resident(intake: Intake, subject: str) -> dict[str, str]:
    # Good for the whole test: the clock moves on between reports.
    token = intake.tokens.issue(
        subject=subject, kind="resident", now=intake.clock.now(), ttl=timedelta(hours=2)
    )
    return {"Authorization": f"Bearer {token}"}


async def _report(
    intake: Intake, headers: dict[str, str] | None, unit: str, description: str
) -> dict[str, Any]:
    body = {
        "code_token": await intake.unit_token(unit),
        "category": "small_ads",
        "description": description,
    }
    response = await intake.client.post("/v1/tickets", json=body, headers=headers or {})
    assert response.status_code == 201, response.text
    intake.clock.advance(timedelta(minutes=5))  # one after another, as a resident files them
    return dict(response.json())


async def _follow(
    intake: Intake, headers: dict[str, str], ticket_id: str, unit: str
) -> dict[str, Any]:
    response = await intake.client.post(
        f"/v1/tickets/{ticket_id}/follow",
        json={"code_token": await intake.unit_token(unit)},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    intake.clock.advance(timedelta(minutes=5))
    return dict(response.json())


async def test_a_resident_sees_their_reports_and_follows_and_no_one_elses(
    intake: Intake,
) -> None:
    wang = _resident(intake, "resident:wang")
    li = _resident(intake, "resident:li")
    neighbours = await _report(intake, li, "TGYZL-01-2", "一楼大门口贴了小广告 电话13912345678")
    first = await _report(intake, wang, "TGYZL-01-1", "楼道墙上贴满了小广告")
    await _report(intake, None, "TGYZL-01-3", "电梯里也有小广告")  # someone not signed in
    second = await _report(intake, wang, "TGYZL-01-1", "单元门上的广告撕了又贴")
    followed = await _follow(intake, wang, neighbours["id"], "TGYZL-01-1")

    response = await intake.client.get(MINE, headers=wang)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == 3
    # Newest report first; the neighbour's (filed first) last.
    assert [(t["number"], t["role"]) for t in body["items"]] == [
        (second["number"], "reporter"),
        (first["number"], "reporter"),
        (neighbours["number"], "follower"),
    ]
    tokens = [t["tracking_token"] for t in body["items"]]
    assert tokens == [
        second["tracking_token"],
        first["tracking_token"],
        followed["tracking_token"],
    ]
    assert neighbours["tracking_token"] not in response.text  # the neighbour's own key
    [latest, _, theirs] = body["items"]
    assert latest["excerpt"] == "单元门上的广告撕了又贴"
    assert latest["status"] == "submitted"
    assert latest["category"] == "small_ads"
    assert "13912345678" not in theirs["excerpt"]

    # Each token opens the right report, as its reporter or as a follower.
    for item, is_reporter in zip(body["items"], (True, True, False), strict=True):
        tracked = await intake.client.get(f"/v1/track/{item['tracking_token']}")
        assert tracked.status_code == 200
        assert tracked.json()["number"] == item["number"]
        assert tracked.json()["is_reporter"] is is_reporter

    # The neighbour sees their own report only; a resident who filed nothing sees nothing.
    hers = (await intake.client.get(MINE, headers=li)).json()
    assert [(t["number"], t["role"]) for t in hers["items"]] == [(neighbours["number"], "reporter")]
    assert hers["items"][0]["tracking_token"] == neighbours["tracking_token"]
    nobody = await intake.client.get(MINE, headers=_resident(intake, "resident:zhao"))
    assert nobody.json() == {"items": [], "total": 0}


async def test_pages_hold_the_total_and_the_newest_first(intake: Intake) -> None:
    wang = _resident(intake, "resident:wang")
    filed = [await _report(intake, wang, "TGYZL-01-1", f"第{n}次反馈小广告") for n in range(3)]
    response = await intake.client.get(MINE, params={"limit": 2, "offset": 0}, headers=wang)
    rest = await intake.client.get(MINE, params={"limit": 2, "offset": 2}, headers=wang)
    assert response.json()["total"] == rest.json()["total"] == 3
    numbers = [t["number"] for t in response.json()["items"] + rest.json()["items"]]
    assert numbers == [f["number"] for f in reversed(filed)]
    too_many = await intake.client.get(MINE, params={"limit": 101}, headers=wang)
    assert too_many.status_code == 422


async def test_a_report_of_ones_own_also_followed_is_listed_once_as_theirs(
    intake: Intake,
) -> None:
    wang = _resident(intake, "resident:wang")
    filed = await _report(intake, wang, "TGYZL-01-1", "楼道墙上贴满了小广告")
    # "+1" from another door of the same building (the suggestion shows one's own report too).
    await _follow(intake, wang, filed["id"], "TGYZL-01-2")
    body = (await intake.client.get(MINE, headers=wang)).json()
    assert body["total"] == 1
    assert [(t["role"], t["tracking_token"]) for t in body["items"]] == [
        ("reporter", filed["tracking_token"])
    ]


async def test_only_a_signed_in_resident_has_reports_of_their_own(intake: Intake) -> None:
    anonymous = await intake.client.get(MINE)
    assert anonymous.status_code == 401
    assert anonymous.json()["code"] == "authentication_required"
    staff = await intake.client.get(MINE, headers=await intake.staff("TGYZL"))
    assert staff.status_code == 403
    assert staff.json()["code"] == "residents_only"
    # An integration's token is no resident's either.
    client_token = intake.tokens.issue(
        subject="client:hotline", kind="client", now=intake.clock.now()
    )
    integration = await intake.client.get(MINE, headers={"Authorization": f"Bearer {client_token}"})
    assert integration.status_code == 403
