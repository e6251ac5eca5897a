"""The three rates and the figures behind them, checked against a week of hand-made history.

The scenario (Beijing times; the period is 2026-03-02 .. 03-15, read on 03-09 12:00):

    T0  TGYZL  reported 02-27 10:00 (before the period), acknowledged 11:00, resolved 03-03 10:00
    T1  TGYZL  03-02 09:00, acknowledged 10:00, resolved 03-04 09:00, rated 5
    T2  TGYZL  03-02 09:00, acknowledged 03-03 15:00 (late), resolved 03-05 09:00, rated 2
    T3  TGYZL  03-02 09:00 from the 12345 hotline, assigned straight at 11:00,
               resolved 03-03 09:00, reopened 12:00 (still in progress)
    T4  TGYZL  03-02 09:00 parking, rejected straight at 12:00
    T5  TGYZL  03-02 09:00 safety (urgent: respond 1 h), acknowledged 09:30, escalated 03-03 09:00
    T6  TGYZL  03-02 09:00, merged at 10:00 into T7 as a duplicate
    T7  TGYZL  03-02 09:00, never touched
    T8  TGYZL  03-06 20:00, never touched
    G1  GYSNL  (another street) 03-02 09:00, acknowledged 10:00, resolved 03-05 09:00, rated 5
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from services.intake import context, demo, tickets
from services.intake.models import TicketEvent
from services.kit.demo import demo_staff_id
from tests.fixtures.intake import Intake

BEIJING = ZoneInfo("Asia/Shanghai")
PERIOD = {"from": "2026-03-02", "to": "2026-03-15"}


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BEIJING)


class Desk:
    """A community's staff working through the API, with a fresh token for every step."""

    def __init__(self, intake: Intake, community: str = "TGYZL") -> None:
        self.intake = intake
        self.community = community

    async def move(self, ticket: dict[str, Any], action: str, **body: Any) -> dict[str, Any]:
        headers = await self.intake.staff(self.community)
        response = await self.intake.client.post(
            f"/v1/tickets/{ticket['id']}/{action}", json=body or None, headers=headers
        )
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def work_to_resolved(self, ticket: dict[str, Any], *, straight: bool = False) -> None:
        if not straight:
            await self.move(ticket, "assign", assignee_kind="staff", assignee_ref="staff:staff-1")
        await self.move(ticket, "start")

    async def rate(self, ticket: dict[str, Any], rating: int) -> None:
        response = await self.intake.client.post(
            f"/v1/track/{ticket['tracking_token']}/rate", json={"rating": rating}
        )
        assert response.status_code == 200, response.text


async def hotline_report(intake: Intake, unit_code: str) -> dict[str, Any]:
    """A case pushed by the 12345 system, filed the way its integration files it."""
    ctx: context.IntakeContext = intake.app.state.intake
    async with intake.db.session() as session:
        location = await ctx.directory.locate(unit_code, pointer="/body/address_id")
        ticket = await tickets.file_ticket(
            session,
            ctx,
            tickets.Report(
                category="small_ads",
                description="12345转来：楼道小广告反复出现",
                source="hotline",
                external_id="12345-20260302-0001",
            ),
            location,
            principal=None,
        )
        await session.commit()
        return {"id": str(ticket.id), "tracking_token": ticket.tracking_token}


async def build_history(intake: Intake) -> None:
    clock = intake.clock
    desk, gys = Desk(intake), Desk(intake, "GYSNL")

    clock.set(at(2, 27, 10))
    t0 = await intake.report("TGYZL-02-1")
    clock.set(at(2, 27, 11))
    await desk.move(t0, "acknowledge", outcome="anonymous")
    await desk.work_to_resolved(t0)

    clock.set(at(3, 2, 9))
    t1 = await intake.report("TGYZL-01-1")
    t2 = await intake.report("TGYZL-01-2")
    t3 = await hotline_report(intake, "TGYZL-03-1")
    t4 = await intake.report("TGYZL-03-2", category="parking", description="消防通道被占")
    t5 = await intake.report("TGYZL-04-1", category="safety", description="楼道电线裸露")
    t6 = await intake.report("TGYZL-01-1")
    t7 = await intake.report("TGYZL-05-1")
    g1 = await intake.report("GYSNL-01-1")

    clock.set(at(3, 2, 9, 30))
    await desk.move(t5, "acknowledge", outcome="anonymous")
    clock.set(at(3, 2, 10))
    await desk.move(t1, "acknowledge", outcome="anonymous")
    await desk.move(t6, "duplicate", duplicate_of=t7["id"])
    await gys.move(g1, "acknowledge", outcome="anonymous")
    clock.set(at(3, 2, 11))
    await desk.move(t3, "assign", assignee_kind="staff", assignee_ref="staff:staff-1")
    await desk.work_to_resolved(t3, straight=True)
    await desk.work_to_resolved(t1)
    await gys.work_to_resolved(g1)
    clock.set(at(3, 2, 12))
    await desk.move(t4, "reject", reason="不属于社区职责")

    clock.set(at(3, 3, 9))
    await desk.move(t3, "resolve", note="已清理")
    await desk.move(t5, "escalate", level="street", note="需街道协调")
    clock.set(at(3, 3, 10))
    await desk.move(t0, "resolve", note="已修复")
    clock.set(at(3, 3, 12))
    await desk.move(t3, "reopen", reason="又贴上了")
    clock.set(at(3, 3, 15))
    await desk.move(t2, "acknowledge", outcome="anonymous")
    await desk.work_to_resolved(t2)

    clock.set(at(3, 4, 9))
    await desk.move(t1, "resolve", note="已清理")
    clock.set(at(3, 4, 12))
    await desk.rate(t1, 5)
    clock.set(at(3, 5, 9))
    await desk.move(t2, "resolve", note="已清理")
    await gys.move(g1, "resolve", note="已清理")
    clock.set(at(3, 5, 10))
    await desk.rate(t2, 2)
    await gys.rate(g1, 5)

    clock.set(at(3, 6, 20))
    await intake.report("TGYZL-06-1")
    clock.set(at(3, 9, 12))


async def statistics(intake: Intake, headers: dict[str, str], **params: str) -> dict[str, Any]:
    response = await intake.client.get("/v1/statistics", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def place_id(intake: Intake, code: str) -> str:
    return str((await intake.directory.place(code))["id"])


@pytest.fixture
async def history(intake: Intake) -> Intake:
    await build_history(intake)
    return intake


async def test_the_three_rates_show_their_counts_exactly(history: Intake) -> None:
    street = await history.staff("TGY")
    body = await statistics(history, street, place_id=await place_id(history, "TGY"), **PERIOD)

    assert body["place"]["code"] == "TGY"
    assert (body["from"], body["to"]) == ("2026-03-02", "2026-03-15")
    rates = body["rates"]
    # Due in the period: T1-T8 (T0's deadline was 02-28). On time: T1 (acknowledged),
    # T3 (assigned straight), T4 (rejected straight), T5, T6 (merged): 5 of 8.
    assert rates["response"] == {"rate": 0.625, "on_time": 5, "due": 8}
    # Finished: T0, T1, T2 (resolved), T3 (resolved, then reopened), T4 (rejected),
    # T5 (escalated); T6 is a duplicate. Resolved and never reopened: T0, T1, T2.
    assert rates["resolution"] == {"rate": 0.5, "resolved_not_reopened": 3, "finished": 6}
    assert rates["satisfaction"] == {"rate": 0.5, "satisfied": 1, "rated": 2}
    # Settled without escalation: T0-T3 of T0-T3 and T5 (the rejection settles nothing).
    assert body["never_escalated_share"] == {"rate": 0.8, "n": 4, "d": 5}
    assert body["hotline_share"] == {"rate": 0.125, "n": 1, "d": 8}
    assert body["reopen_rate"] == {"rate": 0.25, "n": 1, "d": 4}


async def test_counts_medians_overdue_and_weeks(history: Intake) -> None:
    street = await history.staff("TGY")
    body = await statistics(history, street, place_id=await place_id(history, "TGY"), **PERIOD)

    counts = body["counts"]
    assert counts["total"] == 8
    assert counts["by_status"] == {
        "closed": 2,
        "in_progress": 1,
        "rejected": 1,
        "escalated": 1,
        "duplicate": 1,
        "submitted": 2,
    }
    assert counts["by_category"] == {"small_ads": 6, "parking": 1, "safety": 1}
    assert counts["by_source"] == {"qr": 7, "hotline": 1}
    assert counts["by_priority"] == {"normal": 7, "urgent": 1}
    assert sum(counts["by_status"].values()) == counts["total"]

    # Responses: 30 (T5), 60 (T1, T6), 120 (T3), 180 (T4), 1800 (T2) minutes.
    # Resolutions: 1440 (T3), 2880 (T1), 4320 (T2), 5760 (T0) minutes.
    assert body["median_minutes"] == {"acknowledge": 90.0, "resolve": 3600.0}
    # Now 03-09 12:00: T7 and T8 unanswered; T3 and T7 past their 7-day deadline.
    assert body["overdue"]["respond"] == 2
    assert body["overdue"]["resolve"] == 2

    assert body["weekly"] == [
        {
            "week": "2026-W10",
            "starts_on": "2026-03-02",
            "reported": 8,
            "resolved": 4,
            "response_due": 8,
            "responded_on_time": 5,
            "rated": 2,
            "satisfied": 1,
        },
        {
            "week": "2026-W11",
            "starts_on": "2026-03-09",
            "reported": 0,
            "resolved": 0,
            "response_due": 0,
            "responded_on_time": 0,
            "rated": 0,
            "satisfied": 0,
        },
    ]


async def test_a_district_sees_each_community_and_a_street_only_its_own(history: Intake) -> None:
    district = await history.staff("DX")
    body = await statistics(history, district, place_id=await place_id(history, "DX"), **PERIOD)
    assert body["counts"]["total"] == 9
    assert body["rates"]["satisfaction"] == {"rate": 0.6667, "satisfied": 2, "rated": 3}
    rows = {row["community_code"]: row for row in body["by_community"]}
    assert set(rows) == {"GYSNL", "TGYZL"}
    assert rows["GYSNL"]["total"] == 1
    assert rows["GYSNL"]["rates"]["response"] == {"rate": 1.0, "on_time": 1, "due": 1}
    assert rows["GYSNL"]["rates"]["resolution"] == {
        "rate": 1.0,
        "resolved_not_reopened": 1,
        "finished": 1,
    }
    assert rows["TGYZL"]["total"] == 8
    assert rows["TGYZL"]["rates"]["response"] == {"rate": 0.625, "on_time": 5, "due": 8}

    # Without a place: the caller's widest place, here the street.
    street = await history.staff("GYS")
    own = await statistics(history, street, **PERIOD)
    assert own["place"]["code"] == "GYS"
    assert own["counts"]["total"] == 1
    assert [row["community_code"] for row in own["by_community"]] == ["GYSNL"]


async def test_another_streets_staff_cannot_read_a_street(history: Intake) -> None:
    other = await history.staff("GYS")
    response = await history.client.get(
        "/v1/statistics", params={"place_id": await place_id(history, "TGY")}, headers=other
    )
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    community = await history.staff("TGYZL")
    response = await history.client.get(
        "/v1/statistics", params={"place_id": await place_id(history, "TGY")}, headers=community
    )
    assert response.status_code == 403
    assert (await history.client.get("/v1/statistics")).status_code == 401


async def test_the_default_period_is_the_last_30_days_ending_today(history: Intake) -> None:
    street = await history.staff("TGY")
    body = await statistics(history, street)
    assert (body["from"], body["to"]) == ("2026-02-08", "2026-03-09")
    # T0 is in it now: reported 02-27, answered on time before its deadline of 02-28.
    assert body["counts"]["total"] == 9
    assert body["rates"]["response"] == {"rate": round(6 / 9, 4), "on_time": 6, "due": 9}


async def test_an_empty_period_has_null_rates_not_errors(history: Intake) -> None:
    street = await history.staff("TGY")
    body = await statistics(history, street, **{"from": "2025-12-01", "to": "2025-12-31"})
    assert body["rates"]["response"] == {"rate": None, "on_time": 0, "due": 0}
    assert body["rates"]["resolution"]["rate"] is None
    assert body["rates"]["satisfaction"]["rate"] is None
    assert body["median_minutes"] == {"acknowledge": None, "resolve": None}
    assert body["by_community"] == []
    assert len(body["weekly"]) == 5  # W49 .. W01 of 2026 (Monday 12-29 starts 2026-W01)
    assert body["weekly"][-1]["week"] == "2026-W01"


async def test_a_deadline_still_ahead_counts_once_answered(intake: Intake) -> None:
    intake.clock.set(at(3, 9, 9))
    waiting = await intake.report("TGYZL-01-1")
    answered = await intake.report("TGYZL-01-2")
    intake.clock.set(at(3, 9, 10))
    await Desk(intake).move(answered, "acknowledge", outcome="anonymous")
    street = await intake.staff("TGY")
    body = await statistics(intake, street, **{"from": "2026-03-09", "to": "2026-03-10"})
    # Both are due 03-10 09:00: the answered one counts (on time), the waiting one not yet.
    assert body["rates"]["response"] == {"rate": 1.0, "on_time": 1, "due": 1}
    assert waiting["status"] == "submitted"
    intake.clock.set(at(3, 10, 9, 1))
    later = await intake.staff("TGY")
    body = await statistics(intake, later, **{"from": "2026-03-09", "to": "2026-03-10"})
    assert body["rates"]["response"] == {"rate": 0.5, "on_time": 1, "due": 2}


async def test_a_reassignment_after_the_deadline_does_not_make_a_prompt_answer_late(
    intake: Intake,
) -> None:
    intake.clock.set(at(3, 9, 9))
    ticket = await intake.report("TGYZL-01-1")
    desk = Desk(intake)
    intake.clock.set(at(3, 9, 10))
    await desk.move(ticket, "assign", assignee_kind="team", assignee_ref="维修组")
    intake.clock.set(at(3, 11, 9))  # two days on, long past the 24 h response deadline
    await desk.move(ticket, "assign", assignee_kind="team", assignee_ref="绿化组")
    street = await intake.staff("TGY")
    body = await statistics(intake, street, **{"from": "2026-03-09", "to": "2026-03-11"})
    assert body["rates"]["response"] == {"rate": 1.0, "on_time": 1, "due": 1}
    assert body["median_minutes"]["acknowledge"] == 60


async def test_a_reversed_or_too_long_period_is_refused(intake: Intake) -> None:
    street = await intake.staff("TGY")
    for params, code in (
        ({"from": "2026-03-10", "to": "2026-03-01"}, "invalid_period"),
        ({"from": "2024-01-01", "to": "2026-03-01"}, "period_too_long"),
    ):
        response = await intake.client.get("/v1/statistics", params=params, headers=street)
        assert response.status_code == 422
        assert response.json()["code"] == code
        assert response.json()["errors"][0]["pointer"] == "/query/from"


async def seed(intake: Intake) -> str:
    async with intake.db.session() as session:
        message = await demo.seed_demo(session, intake.app.state.intake)
        await session.commit()
    return message


async def test_the_demo_history_gives_rates_strictly_between_0_and_1(intake: Intake) -> None:
    first = await seed(intake)
    assert "demo history loaded" in first
    district = await intake.staff("DX")
    # The ten weeks before the anchor (today's local midnight, 2026-03-02).
    body = await statistics(intake, district, **{"from": "2025-12-22", "to": "2026-03-01"})
    for name, rate in body["rates"].items():
        assert 0 < rate["rate"] < 1, name
    for name in ("never_escalated_share", "hotline_share", "reopen_rate"):
        assert 0 < body[name]["rate"] < 1, name
    counts = body["counts"]
    assert 90 <= counts["total"] <= 120
    for key in ("by_status", "by_category", "by_source", "by_priority"):
        assert sum(counts[key].values()) == counts["total"], key
    assert {"submitted", "closed", "rejected", "escalated", "duplicate"} <= set(counts["by_status"])
    assert sum(w["reported"] for w in body["weekly"]) == counts["total"]
    assert sum(w["resolved"] for w in body["weekly"]) == body["reopen_rate"]["d"]
    assert sum(c["total"] for c in body["by_community"]) == counts["total"]
    assert {c["community_code"] for c in body["by_community"]} == {"TGYZL", "GYSNL", "HCXL"}
    assert body["overdue"]["respond"] + body["overdue"]["resolve"] > 0

    # Hotspots to act on: small ads at 观音寺南里 building 2, facilities at 天宫院中里 3.
    spots = (await intake.client.get("/v1/hotspots", headers=district)).json()
    found = {(b["building_code"], b["category"]) for b in spots["buildings"]}
    assert {("GYSNL-02", "small_ads"), ("TGYZL-03", "facility")} <= found

    # Who acted is written in the one actor shape, staff as identity's demo log-ins.
    async with intake.db.session(write=False) as session:
        actors = set(
            (await session.execute(select(TicketEvent.actor, TicketEvent.actor_kind))).all()
        )
    shapes = {(re.sub(r"[0-9a-f-]{36}$", "<uuid>", actor), kind) for actor, kind in actors}
    assert shapes == {
        ("staff:<uuid>", "staff"),
        ("reporter", "resident"),
        ("client:12345", "client"),
    }
    assert (f"staff:{demo_staff_id('tgyzl_staff')}", "staff") in actors

    # Never twice.
    assert "not loaded" in await seed(intake)
    again = await statistics(intake, district, **{"from": "2025-12-22", "to": "2026-03-01"})
    assert again["counts"] == counts
