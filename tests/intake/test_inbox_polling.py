"""The console polls its inbox every ~20 s: an unchanged list is a 304 without a body; a new
report, a move, a deadline passing or a neighbour's "+1" changes it."""

from __future__ import annotations

from datetime import timedelta

import httpx

from services.kit.conditional import etag, matches
from tests.fixtures.intake import Intake

INBOX = "/v1/tickets"


async def _poll(
    intake: Intake, headers: dict[str, str], tag: str | None = None, **query: str
) -> httpx.Response:
    conditional = {"If-None-Match": tag} if tag else {}
    return await intake.client.get(INBOX, params=query, headers={**headers, **conditional})


async def test_an_unchanged_inbox_answers_304_without_a_body(intake: Intake) -> None:
    await intake.report()
    staff = await intake.staff("TGYZL")
    first = await _poll(intake, staff)
    assert first.status_code == 200
    assert first.json()["total"] == 1
    tag = first.headers["ETag"]
    assert tag.startswith('"')
    assert first.headers["Cache-Control"] == "private, no-cache"

    again = await _poll(intake, staff, tag)
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == tag
    # A client holding several versions, or a weak copy of this one, is answered the same.
    assert (await _poll(intake, staff, f'"stale", W/{tag}')).status_code == 304


async def test_a_new_report_in_scope_changes_the_inbox(intake: Intake) -> None:
    await intake.report()
    staff = await intake.staff("TGYZL")
    tag = (await _poll(intake, staff)).headers["ETag"]
    await intake.report(unit_code="TGYZL-02-1")

    changed = await _poll(intake, staff, tag)
    assert changed.status_code == 200
    assert changed.json()["total"] == 2
    assert changed.headers["ETag"] != tag


async def test_a_report_elsewhere_leaves_the_inbox_unchanged(intake: Intake) -> None:
    await intake.report()
    staff = await intake.staff("TGYZL")
    tag = (await _poll(intake, staff)).headers["ETag"]
    await intake.report(unit_code="GYSNL-01-1")
    assert (await _poll(intake, staff, tag)).status_code == 304


async def test_a_move_changes_the_inbox_and_the_submitted_badge(intake: Intake) -> None:
    await intake.report()
    staff = await intake.staff("TGYZL")
    listed = await _poll(intake, staff)
    badge = await _poll(intake, staff, status="submitted", limit="1")
    assert badge.json()["total"] == 1
    ticket_id = listed.json()["items"][0]["id"]

    acknowledged = await intake.client.post(
        f"{INBOX}/{ticket_id}/acknowledge", json={"outcome": "anonymous"}, headers=staff
    )
    assert acknowledged.status_code == 200, acknowledged.text

    moved = await _poll(intake, staff, listed.headers["ETag"])
    assert moved.status_code == 200
    assert moved.json()["items"][0]["status"] == "acknowledged"
    badge_now = await _poll(intake, staff, badge.headers["ETag"], status="submitted", limit="1")
    assert badge_now.status_code == 200
    assert badge_now.json()["total"] == 0


async def test_a_deadline_passing_changes_the_inbox(intake: Intake) -> None:
    await intake.report()  # small ads, normal priority: a reply is due within 24 hours
    staff = await intake.staff("TGYZL")
    before = await _poll(intake, staff)
    assert before.json()["items"][0]["overdue"] is False

    intake.clock.advance(timedelta(hours=23))
    staff = await intake.staff("TGYZL")  # a fresh access token: the first one has expired
    assert (await _poll(intake, staff, before.headers["ETag"])).status_code == 304
    intake.clock.advance(timedelta(hours=2))
    staff = await intake.staff("TGYZL")
    after = await _poll(intake, staff, before.headers["ETag"])
    assert after.status_code == 200
    assert after.json()["items"][0]["overdue"] is True


async def test_a_neighbours_follow_shows_in_the_row_and_changes_the_inbox(
    intake: Intake,
) -> None:
    await intake.report(unit_code="TGYZL-01-1")
    staff = await intake.staff("TGYZL")
    before = await _poll(intake, staff)
    row = before.json()["items"][0]
    assert row["followers"] == 0

    neighbour = await intake.unit_token("TGYZL-01-2")
    followed = await intake.client.post(
        f"/v1/tickets/{row['id']}/follow", json={"code_token": neighbour}
    )
    assert followed.status_code == 201, followed.text

    after = await _poll(intake, staff, before.headers["ETag"])
    assert after.status_code == 200
    assert after.json()["items"][0]["followers"] == 1


async def test_the_tag_belongs_to_the_filters_and_to_the_caller(intake: Intake) -> None:
    await intake.report()
    tgyzl = await intake.staff("TGYZL")
    tag = (await _poll(intake, tgyzl)).headers["ETag"]
    assert (await _poll(intake, tgyzl, tag, status="assigned")).status_code == 200
    assert (await _poll(intake, tgyzl, tag, offset="20")).status_code == 200

    # Someone else sending this tag learns nothing from a 304: they get their own list.
    other = await intake.staff("GYSNL", subject="staff-2")
    theirs = await _poll(intake, other, tag)
    assert theirs.status_code == 200
    assert theirs.json() == {"items": [], "total": 0}


async def test_polling_needs_a_signed_in_staff_member(intake: Intake) -> None:
    assert (await intake.client.get(INBOX, headers={"If-None-Match": "*"})).status_code == 401


def test_if_none_match_follows_weak_comparison() -> None:
    tag = etag(3, "2026-03-01T08:00:00+00:00", "status=submitted")
    assert tag == etag(3, "2026-03-01T08:00:00+00:00", "status=submitted")
    assert tag != etag(4, "2026-03-01T08:00:00+00:00", "status=submitted")
    assert matches(tag, tag)
    assert matches(f"W/{tag}", tag)
    assert matches(f'"a", "b",{tag}', tag)
    assert matches("*", tag)
    assert not matches(None, tag)
    assert not matches("", tag)
    assert not matches('"a", "b"', tag)
