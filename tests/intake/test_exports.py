"""Exports of the filtered list: CSV that Excel opens, .xlsx, masked unless revealed."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from typing import Any

import httpx
import openpyxl
import pytest

from services.intake import exports
from services.kit.testing import grant
from tests.fixtures.intake import Intake

PHONE = "13800138000"
HEADERS = [
    "编号",
    "类别",
    "状态",
    "优先级",
    "来源",
    "地点编码",
    "描述",
    "报告时间",
    "受理时间",
    "解决时间",
    "评分",
    "联系人",
    "联系电话",
    "是否超期",
]
READ = "intake:tickets:read"
REVEAL = "identity:personal:reveal"


def parse_csv(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    text = response.content.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == HEADERS
    return [dict(zip(HEADERS, row, strict=True)) for row in rows[1:]]


async def export_csv(intake: Intake, headers: dict[str, str], **params: Any) -> httpx.Response:
    return await intake.client.get("/v1/exports/tickets.csv", params=params, headers=headers)


@pytest.fixture
async def reported(intake: Intake) -> dict[str, Any]:
    """A report with contact details (09:00 Beijing) and one with a formula in it."""
    with_phone = await intake.report(
        "TGYZL-01-1",
        reporter_name="王芳",
        reporter_phone=PHONE,
        consent=True,
        description='楼道里贴满了小广告, 还有"开锁"电话',
    )
    intake.clock.advance(timedelta(minutes=5))
    formula = await intake.report("TGYZL-02-1", category="other", description="=1+1")
    intake.clock.advance(timedelta(minutes=5))
    await intake.report(
        "GYSNL-01-1", reporter_name="李雷", reporter_phone="13900139000", consent=True
    )
    return {"with_phone": with_phone, "formula": formula}


async def test_a_reader_without_reveal_gets_masked_contacts(
    intake: Intake, reported: dict[str, Any]
) -> None:
    reader = await intake.staff("TGYZL", READ)
    response = await export_csv(intake, reader)
    rows = parse_csv(response)
    assert PHONE not in response.content.decode("utf-8-sig")
    assert [r["编号"] for r in rows] == ["TGYZL-2026-000002", "TGYZL-2026-000001"]
    row = rows[1]
    assert row["联系人"] == "王*"
    assert row["联系电话"] == "138****8000"
    assert row["类别"] == "小广告"
    assert row["状态"] == "待受理"
    assert row["优先级"] == "一般"
    assert row["来源"] == "扫码"
    assert row["地点编码"] == "TGYZL-01-1"
    assert row["描述"] == '楼道里贴满了小广告, 还有"开锁"电话'
    assert row["报告时间"] == "2026-03-02 09:00"
    assert (row["受理时间"], row["解决时间"], row["评分"]) == ("", "", "")
    assert row["是否超期"] == "否"
    # A formula comes out as text, never as something a spreadsheet would run.
    assert rows[0]["描述"] == "'=1+1"
    disposition = response.headers["content-disposition"]
    assert disposition == 'attachment; filename="tickets-TGYZL-2026-03-02.csv"'


async def test_a_reader_with_reveal_over_the_place_gets_them_in_clear(
    intake: Intake, reported: dict[str, Any]
) -> None:
    # Reads the whole district, may reveal only in GYSNL.
    district = await intake.directory.place("DX")
    gysnl = await intake.directory.place("GYSNL")
    token = intake.tokens.issue(
        grants=[
            grant("district_staff", district["id"], district["path"], READ),
            grant("community_staff", gysnl["id"], gysnl["path"], READ, REVEAL),
        ],
        now=intake.clock.now(),
    )
    rows = parse_csv(await export_csv(intake, {"Authorization": f"Bearer {token}"}))
    by_number = {r["编号"]: r for r in rows}
    assert set(by_number) == {"GYSNL-2026-000001", "TGYZL-2026-000002", "TGYZL-2026-000001"}
    assert by_number["GYSNL-2026-000001"]["联系人"] == "李雷"
    assert by_number["GYSNL-2026-000001"]["联系电话"] == "13900139000"
    assert by_number["TGYZL-2026-000001"]["联系电话"] == "138****8000"

    community = await intake.staff("TGYZL", READ, REVEAL)
    rows = parse_csv(await export_csv(intake, community))
    assert rows[1]["联系人"] == "王芳"
    assert rows[1]["联系电话"] == PHONE


async def test_the_inbox_filters_apply_and_the_scope_holds(
    intake: Intake, reported: dict[str, Any]
) -> None:
    staff = await intake.staff("TGYZL")
    response = await intake.client.post(
        "/v1/hotspots/tasks",
        json={"place_code": "TGYZL-01", "category": "small_ads"},
        headers=staff,
    )
    assert response.status_code == 201
    rows = parse_csv(await export_csv(intake, staff, source="patrol"))
    assert [(r["来源"], r["地点编码"]) for r in rows] == [("巡查", "TGYZL-01")]
    rows = parse_csv(await export_csv(intake, staff, building="TGYZL-01"))
    assert [r["地点编码"] for r in rows] == ["TGYZL-01", "TGYZL-01-1"]
    # The console's inbox takes the same filters.
    inbox = await intake.client.get(
        "/v1/tickets", params={"building": "TGYZL-01", "source": "qr"}, headers=staff
    )
    assert [t["place_code"] for t in inbox.json()["items"]] == ["TGYZL-01-1"]
    rows = parse_csv(await export_csv(intake, staff, category="other"))
    assert [r["编号"] for r in rows] == ["TGYZL-2026-000002"]
    rows = parse_csv(await export_csv(intake, staff, created_from="2026-03-03"))
    assert rows == []
    rows = parse_csv(await export_csv(intake, staff, created_to="2026-03-02", source="qr"))
    assert len(rows) == 2

    # 09:07 the next day: the two reports (09:00, 09:05) are past their 24 h, the task
    # (09:10) is not yet.
    intake.clock.advance(timedelta(hours=23, minutes=57))
    staff = await intake.staff("TGYZL")
    rows = parse_csv(await export_csv(intake, staff, overdue="true"))
    assert {r["是否超期"] for r in rows} == {"是"}
    assert [r["编号"] for r in rows] == ["TGYZL-2026-000002", "TGYZL-2026-000001"]

    # Another community's staff export only their own ticket.
    other = await intake.staff("GYSNL")
    rows = parse_csv(await export_csv(intake, other))
    assert [r["编号"] for r in rows] == ["GYSNL-2026-000001"]
    assert (await intake.client.get("/v1/exports/tickets.csv")).status_code == 401
    unknown = await export_csv(intake, staff, building="NOPE-01")
    assert unknown.status_code == 422
    assert unknown.json()["code"] == "unknown_place"


async def test_the_xlsx_reads_back_with_a_bold_header_and_local_times(
    intake: Intake, reported: dict[str, Any]
) -> None:
    staff = await intake.staff("TGYZL")
    await intake.client.post(
        f"/v1/tickets/{reported['with_phone']['id']}/acknowledge",
        json={"outcome": "reached"},
        headers=staff,
    )
    response = await intake.client.get("/v1/exports/tickets.xlsx", headers=staff)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == exports.XLSX_TYPE
    assert response.headers["content-disposition"] == (
        'attachment; filename="tickets-TGYZL-2026-03-02.xlsx"'
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == HEADERS
    assert all(c.font.b for c in sheet[1])
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    first = values["TGYZL-2026-000001"]
    assert first[7] == datetime(2026, 3, 2, 9, 0)  # 01:00 UTC, shown as Beijing time
    assert first[8] == datetime(2026, 3, 2, 9, 10)  # acknowledged after the other reports
    assert first[11:13] == ("王*", "138****8000")
    formula_cell = next(
        row[6] for row in sheet.iter_rows(min_row=2) if row[0].value == "TGYZL-2026-000002"
    )
    assert formula_cell.value == "=1+1"
    assert formula_cell.data_type == "s"  # text, not a formula


async def test_an_export_over_the_limit_is_refused_not_cut(
    intake: Intake, reported: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "EXPORT_LIMIT", 1)
    staff = await intake.staff("TGYZL")
    response = await export_csv(intake, staff)
    assert response.status_code == 422
    assert response.json()["code"] == "export_too_large"
    assert response.json()["total"] == 2
    assert (await export_csv(intake, staff, category="other")).status_code == 200


def test_a_non_ascii_file_name_gets_an_rfc_5987_form() -> None:
    assert exports.content_disposition("工单-2026.csv") == (
        "attachment; filename=\"__-2026.csv\"; filename*=UTF-8''%E5%B7%A5%E5%8D%95-2026.csv"
    )
    assert exports.content_disposition("tickets.csv") == 'attachment; filename="tickets.csv"'
