"""Phones and ID numbers typed into free text, however written, reach only the entitled.

Neighbours ("+1" excerpts, a follower's tracking page), Open311 readers and staff without
`identity:personal:reveal` (a building captain) read them blanked, as the contact fields of
the same ticket are masked; the reporter and staff who may reveal read the text as typed.
"""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import quote

import pytest

from tests.fixtures.intake import Intake

READ = "intake:tickets:read"
HANDLE = "intake:tickets:handle"
REVEAL = "identity:personal:reveal"
# Ways residents really type a number into the description.
TYPED = {
    "139-1234-5678": "139-1234-5678",
    "139 1234 5678": "139 1234 5678",
    "139.1234.5678": "139.1234.5678",
    "full width": "１３９１２３４５６７８",
    "+86": "+86 139 1234 5678",
    "landline": "(010)6512 3456",
    "id number": "11010519491231002X",
}


def _description(typed: str) -> str:
    return f"3号楼2单元501门口堆了杂物,2026-12-07 14:30前请清理,联系{typed}"


BLANKED = "3号楼2单元501门口堆了杂物,2026-12-07 14:30前请清理,联系***"


def _resident(intake: Intake, subject: str) -> dict[str, str]:
    token = intake.tokens.issue(subject=subject, kind="resident", now=intake.clock.now())
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(params=list(TYPED), ids=list(TYPED))
def typed(request: pytest.FixtureRequest) -> str:
    return TYPED[str(request.param)]


async def test_neighbours_and_open311_read_the_number_blanked(intake: Intake, typed: str) -> None:
    reported = await intake.report("TGYZL-01-1", description=_description(typed))

    code = await intake.unit_token("TGYZL-01-2")  # a neighbour in the same building
    similar = await intake.client.get(
        "/v1/tickets/similar", params={"code_token": code, "category": "small_ads"}
    )
    assert similar.status_code == 200, similar.text
    [suggestion] = similar.json()
    assert suggestion["excerpt"].endswith("联系***")
    assert typed not in similar.text

    followed = await intake.client.post(
        f"/v1/tickets/{reported['id']}/follow",
        json={"code_token": code},
        headers=_resident(intake, "resident:neighbour"),
    )
    assert followed.status_code == 201, followed.text
    as_follower = await intake.client.get(f"/v1/track/{followed.json()['tracking_token']}")
    assert as_follower.json()["description"] == BLANKED
    # The reporter reads their own words as written.
    as_reporter = await intake.client.get(f"/v1/track/{reported['tracking_token']}")
    assert as_reporter.json()["description"] == _description(typed)

    open311 = await intake.client.get(f"/open311/v2/requests/{reported['number']}.json")
    assert open311.status_code == 200, open311.text
    assert open311.json()[0]["description"] == BLANKED


async def test_staff_without_reveal_read_free_text_blanked_in_the_ticket_and_the_export(
    intake: Intake,
) -> None:
    typed = TYPED["139 1234 5678"]
    reported = await intake.report(
        "TGYZL-01-1",
        description=_description(typed),
        reporter_phone="13800138000",
        consent=True,
    )
    handler = await intake.staff("TGYZL", READ, HANDLE, REVEAL)
    await intake.move(reported["id"], "acknowledge", handler, outcome="reached")
    await intake.move(
        reported["id"], "assign", handler, assignee_kind="team", assignee_ref="维修组"
    )
    await intake.move(reported["id"], "start", handler)
    await intake.move(reported["id"], "resolve", handler, note="已清理,业主电话139.1234.5678")

    captain = await intake.staff("TGYZL-01", READ)  # a building captain: may read, not reveal
    seen = await intake.detail(reported["id"], captain)
    assert seen["reporter_phone"] == "138****8000"
    assert seen["description"] == BLANKED
    resolved = next(e for e in seen["events"] if e["action"] == "resolve")
    assert resolved["note"] == "已清理,业主电话***"
    assert typed not in str(seen)
    assert "139.1234.5678" not in str(seen)

    entitled = await intake.detail(reported["id"], handler)
    assert entitled["description"] == _description(typed)
    assert next(e for e in entitled["events"] if e["action"] == "resolve")["note"] == (
        "已清理,业主电话139.1234.5678"
    )

    rows = await _export(intake, captain)
    assert rows[0]["联系电话"] == "138****8000"
    assert rows[0]["描述"] == BLANKED
    # Issue 13 §1: an export is masked for everyone by default, the entitled included;
    # the text as typed only in a clear export, made with a reason.
    rows = await _export(intake, handler)
    assert rows[0]["联系电话"] == "138****8000"
    assert rows[0]["描述"] == BLANKED
    rows = await _export(intake, handler, clear="true", reason="回访核实")
    assert rows[0]["联系电话"] == "13800138000"
    assert rows[0]["描述"] == _description(typed)


async def _export(intake: Intake, headers: dict[str, str], **params: str) -> list[dict[str, Any]]:
    reason = params.pop("reason", None)
    if reason is not None:
        headers = headers | {"X-Export-Reason": quote(reason)}
    response = await intake.client.get("/v1/exports/tickets.csv", params=params, headers=headers)
    assert response.status_code == 200, response.text
    text = response.content.decode("utf-8-sig")
    assert text.startswith("导出人：")  # the file's own note, then the header row
    return list(csv.DictReader(io.StringIO(text.split("\r\n", 1)[1], newline="")))
