"""Who is told what: texts to reporters, on-duty alerts, overdue reminders, retention."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.kit.testing import run_replicas
from tests.fixtures.identity import Identity
from tests.fixtures.intake import Intake

PHONE = "13912345678"


def _actions(detail: dict[str, Any]) -> list[str]:
    return [e["action"] for e in detail["events"]]


async def test_a_reporter_with_a_phone_is_texted_on_acknowledge_and_resolve(
    intake: Intake, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    # The dev inbox (kit.messages) holds what the phone would show; the log, less.
    inbox = tmp_path / "intake-messages.jsonl"
    intake.app.state.intake.sender.inbox = inbox
    submitted = await intake.report(reporter_phone=PHONE, consent=True)
    staff = await intake.staff("TGYZL")
    ticket_id = submitted["id"]
    caplog.set_level(logging.INFO, logger="kit.messages")

    await intake.move(ticket_id, "acknowledge", staff, outcome="reached")
    await run_replicas(intake.runner, 3)  # three replicas of intake: one text
    await intake.move(ticket_id, "assign", staff, assignee_kind="team", assignee_ref="维修组")
    await intake.move(ticket_id, "start", staff)
    await intake.move(ticket_id, "resolve", staff, note="已清理")
    await run_replicas(intake.runner, 3)
    await intake.runner.run_due()  # nothing twice

    texts = [json.loads(line)["text"] for line in inbox.read_text().splitlines()]
    assert len(texts) == 2, texts
    link = f"/t/{submitted['tracking_token']}"
    assert "已受理" in texts[0]
    assert submitted["number"] in texts[0]
    assert link in texts[0]
    assert "已处理完毕" in texts[1]
    assert link in texts[1]
    # The log has each text with the phone masked and the tracking link blanked.
    logged = [r.getMessage() for r in caplog.records if r.name == "kit.messages"]
    assert len(logged) == 2, logged
    assert "已受理" in logged[0]
    assert submitted["number"] in logged[0]
    assert all(PHONE not in t and "139****5678" in t for t in logged)
    assert all(submitted["tracking_token"] not in t and "[link]" in t for t in logged)
    detail = await intake.detail(ticket_id, staff)
    notified = [e for e in detail["events"] if e["action"] == "reporter_notified"]
    assert [e["detail"]["template"] for e in notified] == ["ticket_acknowledged", "ticket_resolved"]


async def test_an_anonymous_reporter_gets_no_text(
    intake: Intake, caplog: pytest.LogCaptureFixture
) -> None:
    submitted = await intake.report()
    staff = await intake.staff("TGYZL")
    ticket_id = submitted["id"]
    caplog.set_level(logging.INFO, logger="kit.messages")
    await intake.move(ticket_id, "acknowledge", staff, outcome="anonymous")
    await intake.runner.run_due()
    assert not [r for r in caplog.records if r.name == "kit.messages"]


async def test_an_urgent_report_messages_the_on_duty_community_staff(
    intake: Intake, identity: Identity
) -> None:
    await identity.seed()
    intake.identity.target = httpx.ASGITransport(app=identity.app)
    submitted = await intake.report(
        "TGYZL-02-1", category="safety", priority="urgent", description="楼道里有煤气味"
    )
    await intake.runner.run_due()

    # tgyzl_staff (13800000011) is the community's on-duty worker in the demo data.
    sent = await identity.sent_to("13800000011")
    assert [m.template for m in sent] == ["urgent_ticket"]
    staff = await intake.staff("TGYZL")
    detail = await intake.detail(submitted["id"], staff)
    alerted = [e for e in detail["events"] if e["action"] == "on_duty_alerted"]
    assert [e["detail"] for e in alerted] == [{"on_duty": 1}]
    # Staff of another community, on duty too, are not bothered.
    assert await identity.sent_to("13800000021") == []


async def test_an_urgent_alert_waits_for_identity_and_is_sent_once_it_answers(
    intake: Intake, identity: Identity
) -> None:
    await identity.seed()
    await intake.report(category="safety", priority="urgent", description="电线裸露")
    report = await intake.runner.run_due()  # identity unreachable: the job fails, retries later
    assert await identity.sent_to("13800000011") == []
    assert report.retried == 1, report

    intake.identity.target = httpx.ASGITransport(app=identity.app)
    intake.clock.advance(timedelta(minutes=5))
    await intake.runner.run_due()
    assert [m.template for m in await identity.sent_to("13800000011")] == ["urgent_ticket"]


async def test_a_missed_deadline_leaves_one_reminder_each(intake: Intake) -> None:
    late = await intake.report()
    on_time = await intake.report("TGYZL-01-2")
    staff = await intake.staff("TGYZL")
    late_id = late["id"]
    on_time_id = on_time["id"]
    await intake.move(on_time_id, "acknowledge", staff, outcome="anonymous")

    intake.clock.advance(timedelta(hours=25))  # normal: respond within 24 h
    await run_replicas(intake.runner, 3)
    await intake.runner.run_due()
    staff = await intake.staff("TGYZL")  # a fresh token: the clock moved on
    late_detail = await intake.detail(late_id, staff)
    assert [e["detail"]["deadline"] for e in late_detail["events"] if e["action"] == "overdue"] == [
        "respond"
    ]
    assert "overdue" not in _actions(await intake.detail(on_time_id, staff))

    # The office's own reminder is not the reporter's business.
    tracked = await intake.client.get(f"/v1/track/{late['tracking_token']}")
    assert "overdue" not in [e["action"] for e in tracked.json()["events"]]
    inbox = await intake.client.get("/v1/tickets?overdue=true", headers=staff)
    assert [t["number"] for t in inbox.json()["items"]] == [late["number"]]

    intake.clock.advance(timedelta(days=7))  # resolve within 7 days: both missed it
    await run_replicas(intake.runner, 3)
    staff = await intake.staff("TGYZL")
    for ticket_id in (late_id, on_time_id):
        detail = await intake.detail(ticket_id, staff)
        missed = [e["detail"]["deadline"] for e in detail["events"] if e["action"] == "overdue"]
        assert missed[-1] == "resolve"
        assert missed.count("resolve") == 1


async def test_personal_data_is_forgotten_after_the_retention_period(intake: Intake) -> None:
    submitted = await intake.report(reporter_name="王大爷", reporter_phone=PHONE, consent=True)
    staff = await intake.staff("TGYZL")
    ticket_id = submitted["id"]
    await intake.move(ticket_id, "acknowledge", staff, outcome="reached")
    await intake.move(ticket_id, "reject", staff, reason="不属于社区管辖")
    assert (await intake.detail(ticket_id, staff))["reporter_phone"] == "139****5678"

    intake.clock.advance(timedelta(days=179))
    await intake.runner.run_due()
    staff = await intake.staff("TGYZL")
    assert (await intake.detail(ticket_id, staff))["reporter_phone"] == "139****5678"

    intake.clock.advance(timedelta(days=2))
    await intake.runner.run_due()
    staff = await intake.staff("TGYZL")
    detail = await intake.detail(ticket_id, staff)
    assert detail["reporter_phone"] is None
    assert detail["reporter_name"] is None
    assert detail["status"] == "rejected"
    assert _actions(detail)[-1] == "personal_data_purged"
    # The reporter's own link still works and shows the trail, without contact details.
    tracked = await intake.client.get(f"/v1/track/{submitted['tracking_token']}")
    assert tracked.status_code == 200
    assert tracked.json()["reporter_phone"] is None
