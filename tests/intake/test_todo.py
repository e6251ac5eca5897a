"""What needs doing, as the console's home page reads it from every service (GET /v1/todo):
intake counts tickets to acknowledge, overdue and due today in the caller's places."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from tests.fixtures.directory import Directory
from tests.fixtures.identity import Identity
from tests.fixtures.intake import Intake


async def _todo(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, Any]:
    response = await client.get("/v1/todo", headers=headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


def _counts(todo: dict[str, Any]) -> dict[str, int]:
    return {item["key"]: item["count"] for item in todo["items"]}


async def test_staff_see_what_needs_doing_in_their_places_only(intake: Intake) -> None:
    # 09:00 in Beijing. A normal report is answered within 24 h, an urgent one within 1 h,
    # a utility one within 2 h.
    assert intake.clock.now().hour == 1
    await intake.report("TGYZL-01-1")
    await intake.report("TGYZL-01-2", category="safety", priority="urgent", description="煤气味")
    handled = await intake.report("TGYZL-02-1")
    staff = await intake.staff("TGYZL")
    await intake.move(handled["id"], "acknowledge", staff, outcome="anonymous")
    await intake.report("GYSNL-01-1")  # another community's

    intake.clock.advance(timedelta(hours=2))  # 11:00: the urgent report is late
    await intake.report("TGYZL-01-1", category="facility", priority="utility", description="停水")

    staff = await intake.staff("TGYZL")
    todo = await _todo(intake.client, staff)
    assert _counts(todo) == {"intake.submitted": 3, "intake.overdue": 1, "intake.due_today": 1}
    submitted = todo["items"][0]
    assert submitted["label"] == {"zh-CN": "待受理", "en": "To acknowledge"}
    assert submitted["link"] == "/console/tickets?status=submitted"
    # The counts agree with the inbox the links open.
    inbox = await intake.client.get("/v1/tickets?status=submitted", headers=staff)
    assert inbox.json()["total"] == 3
    overdue = await intake.client.get("/v1/tickets?overdue=true", headers=staff)
    assert overdue.json()["total"] == 1

    # Staff of the other community count their own ticket only.
    other = await intake.staff("GYSNL", subject="staff-2")
    assert _counts(await _todo(intake.client, other)) == {
        "intake.submitted": 1,
        "intake.overdue": 0,
        "intake.due_today": 0,
    }
    # A role without intake's read permission shows nothing of intake's.
    webhooks_only = await intake.staff("TGYZL", "intake:webhooks:manage", subject="staff-3")
    assert await _todo(intake.client, webhooks_only) == {"items": []}

    # Late at night the utility report (due 13:00) is overdue too; tomorrow's are due today.
    intake.clock.set(intake.clock.now().replace(hour=15, minute=30))  # 23:30 in Beijing
    staff = await intake.staff("TGYZL")
    assert _counts(await _todo(intake.client, staff)) == {
        "intake.submitted": 3,
        "intake.overdue": 2,
        "intake.due_today": 0,
    }
    intake.clock.advance(timedelta(hours=1))  # 00:30 the next day
    staff = await intake.staff("TGYZL")
    assert _counts(await _todo(intake.client, staff))["intake.due_today"] == 1


async def test_no_one_signed_in_gets_a_401_from_every_service(
    intake: Intake, directory: Directory, identity: Identity
) -> None:
    for client in (intake.client, directory.client, identity.client):
        response = await client.get("/v1/todo")
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"


async def test_directory_and_identity_answer_the_same_shape_with_nothing_to_do(
    directory: Directory, identity: Identity
) -> None:
    await directory.seed()
    community = await directory.place("TGYZL")
    assert await _todo(directory.client, directory.staff(community)) == {"items": []}
    await identity.seed()
    # Identity counts the household claims waiting in the staff member's 住户核验 queue.
    assert await _todo(identity.client, await identity.bearer("tgyzl_staff")) == {
        "items": [
            {
                "key": "identity.household_claims",
                "label": {"zh-CN": "待核验住户", "en": "Households to verify"},
                "count": 0,
                "link": "/console/households",
            }
        ]
    }
