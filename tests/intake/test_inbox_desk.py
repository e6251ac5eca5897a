"""The inbox as the desk console's table reads it: sorted on the server (`sort`), pending
first when asked, "due today" as the home page's count links to it, and each place by name
beside its code."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.fixtures.intake import Intake


async def _numbers(intake: Intake, headers: dict[str, str], **query: Any) -> list[str]:
    response = await intake.client.get("/v1/tickets", params=query, headers=headers)
    assert response.status_code == 200, response.text
    return [item["number"] for item in response.json()["items"]]


async def _three_kinds(intake: Intake) -> tuple[dict[str, Any], ...]:
    """A normal report (24 h to answer), then one acknowledged, then an urgent one (1 h),
    then one rejected: every group the pending order knows, filed a minute apart."""
    normal = await intake.report("TGYZL-01-1")
    intake.clock.advance(timedelta(minutes=1))
    handled = await intake.report("TGYZL-01-2")
    intake.clock.advance(timedelta(minutes=1))
    urgent = await intake.report("TGYZL-02-1", category="safety", priority="urgent")
    intake.clock.advance(timedelta(minutes=1))
    ended = await intake.report("TGYZL-02-2")
    staff = await intake.staff("TGYZL")
    await intake.move(handled["id"], "acknowledge", staff, outcome="anonymous")
    await intake.move(ended["id"], "reject", staff, reason="不属于社区受理范围")
    return normal, handled, urgent, ended


async def test_pending_first_puts_waiting_tickets_first_most_urgent_first(intake: Intake) -> None:
    normal, handled, urgent, ended = await _three_kinds(intake)
    staff = await intake.staff("TGYZL")

    # The phone's list stays newest first.
    assert await _numbers(intake, staff) == [
        ended["number"],
        urgent["number"],
        handled["number"],
        normal["number"],
    ]
    # 待受理 first (the urgent one's reply is due first), then the open one, then the ended.
    assert await _numbers(intake, staff, sort="pending") == [
        urgent["number"],
        normal["number"],
        handled["number"],
        ended["number"],
    ]
    # Paging through the sorted list neither skips nor repeats a ticket.
    pages = [
        *(await _numbers(intake, staff, sort="pending", limit=3)),
        *(await _numbers(intake, staff, sort="pending", limit=3, offset=3)),
    ]
    assert pages == await _numbers(intake, staff, sort="pending")


async def test_each_column_sorts_both_ways_on_the_server(intake: Intake) -> None:
    normal, handled, urgent, ended = await _three_kinds(intake)
    staff = await intake.staff("TGYZL")

    assert await _numbers(intake, staff, sort="created") == [
        normal["number"],
        handled["number"],
        urgent["number"],
        ended["number"],
    ]
    # The next deadline: the urgent reply (1 h), the normal reply (24 h), the acknowledged
    # one's fix; the ended ticket has none and comes last either way.
    assert await _numbers(intake, staff, sort="due") == [
        urgent["number"],
        normal["number"],
        handled["number"],
        ended["number"],
    ]
    assert (await _numbers(intake, staff, sort="-due"))[-1] == ended["number"]
    # Statuses in the order a ticket moves through them, not the alphabet's.
    by_status = await _numbers(intake, staff, sort="status")
    assert by_status[-2:] == [handled["number"], ended["number"]]
    assert (await _numbers(intake, staff, sort="-status"))[0] == ended["number"]
    assert await _numbers(intake, staff, sort="place") == [
        normal["number"],
        handled["number"],
        urgent["number"],
        ended["number"],
    ]
    assert await _numbers(intake, staff, sort="-number") == sorted(
        await _numbers(intake, staff, sort="number"), reverse=True
    )
    for key in ("category", "-category", "assignee", "-assignee"):
        assert sorted(await _numbers(intake, staff, sort=key)) == sorted(
            await _numbers(intake, staff)
        )

    wrong = await intake.client.get("/v1/tickets", params={"sort": "reporter"}, headers=staff)
    assert wrong.status_code == 422
    assert wrong.headers["content-type"] == "application/problem+json"


async def test_due_today_lists_what_the_home_page_counts(intake: Intake) -> None:
    # 09:00 in Beijing: a normal report is answered by tomorrow 09:00, a utility one by 11:00.
    assert intake.clock.now().hour == 1
    tomorrow = await intake.report("TGYZL-01-1")
    today = await intake.report(
        "TGYZL-01-2", category="facility", priority="utility", description="停水"
    )
    staff = await intake.staff("TGYZL")
    todo = (await intake.client.get("/v1/todo", headers=staff)).json()
    due_today = next(i for i in todo["items"] if i["key"] == "intake.due_today")
    assert due_today["count"] == 1
    assert due_today["link"] == "/console/tickets?due_today=1"

    assert await _numbers(intake, staff, due_today="1") == [today["number"]]
    assert await _numbers(intake, staff, due_today="false") == [tomorrow["number"]]
    # Once the deadline has passed it is overdue, no longer "due today".
    intake.clock.advance(timedelta(hours=3))
    staff = await intake.staff("TGYZL")
    assert await _numbers(intake, staff, due_today="1") == []
    # The export is the same list.
    export = await intake.client.get(
        "/v1/exports/tickets.csv", params={"due_today": "true"}, headers=staff
    )
    assert export.status_code == 200
    assert today["number"] not in export.text


async def test_the_inbox_names_each_place_beside_its_code(intake: Intake) -> None:
    await intake.report("TGYZL-03-2")
    staff = await intake.staff("TGYZL")
    row = (await intake.client.get("/v1/tickets", headers=staff)).json()["items"][0]
    assert row["place_code"] == "TGYZL-03-2"
    assert row["place_name"] == "3号楼 2单元"
