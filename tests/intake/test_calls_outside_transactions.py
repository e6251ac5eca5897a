"""Intake calls directory and identity (and texts reporters) outside its write
transactions: submit, assign and the notice jobs, under the strict guard (kit.calls), with
each call seen happening while no write transaction of the task is open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from services.kit import calls
from services.kit.messages import Delivery, Message
from tests.fixtures.identity import Identity
from tests.fixtures.intake import Intake
from tests.intake.workorder_support import REPORTER_PHONE, UNIT, Stack


async def test_submit_assign_and_the_notice_jobs_call_out_with_no_transaction_open(
    intake: Intake, identity: Identity, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert calls.is_strict()
    stack = await Stack.start(intake, identity, tmp_path)
    seen: list[tuple[str, bool]] = []
    check = calls.check_outbound

    def watched(target: str) -> None:
        seen.append((target.split("/v1/")[-1].split("/")[0], calls.open_write_transaction()))
        check(target)

    monkeypatch.setattr(calls, "check_outbound", watched)
    sender = intake.app.state.intake.sender
    send = sender.send

    async def texting(message: Message) -> Delivery:
        seen.append(("text", calls.open_write_transaction()))
        delivered: Delivery = await send(message)
        return delivered

    monkeypatch.setattr(sender, "send", texting)

    # submit: the code is resolved with directory before the first statement.
    submitted = await intake.report(
        UNIT,
        category="safety",
        priority="urgent",
        description="楼道里有煤气味",
        reporter_phone=REPORTER_PHONE,
        consent=True,
    )
    ticket = submitted["id"]
    staff = await stack.staff()
    await stack.post(f"/v1/tickets/{ticket}/acknowledge", staff, {"outcome": "reached"})
    # The notice jobs: the on-duty alert (identity) and the reporter's text, two-phase.
    await intake.runner.run_due()
    # assign: identity is asked for the organisation before the ticket is locked.
    contractor = await stack.organisation("京南宽带")
    detail: dict[str, Any] = await stack.post(
        f"/v1/tickets/{ticket}/assign",
        staff,
        {"assignee_kind": "contractor", "assignee_ref": contractor},
    )
    assert detail["status"] == "assigned"
    actions = [e["action"] for e in detail["events"]]
    assert "on_duty_alerted" in actions
    assert "reporter_notified" in actions
    called = {name for name, _ in seen}
    assert {"codes", "text", "notifications", "organisations"} <= called, seen
    assert [s for s in seen if s[1]] == []  # no call while a write transaction was open
