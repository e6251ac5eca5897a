"""Exports of the filtered list: CSV that Excel opens, .xlsx; masked for everyone by
default, in clear only as a deliberate act with a reason, recorded and noted in the file."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx
import openpyxl
import pytest
import sqlalchemy as sa

from services.intake import exports
from services.intake.models import audit
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


def csv_note(response: httpx.Response) -> str:
    """The file's own first row: who exported it, when and why."""
    text = response.content.decode("utf-8-sig")
    [note] = next(csv.reader(io.StringIO(text, newline="")))
    return note


def parse_csv(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    text = response.content.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][0].startswith("导出人：")  # the file's note comes first
    assert rows[1] == HEADERS
    return [dict(zip(HEADERS, row, strict=True)) for row in rows[2:]]


async def export_csv(intake: Intake, headers: dict[str, str], **params: Any) -> httpx.Response:
    """`reason` goes where the console sends it: the X-Export-Reason header, percent-encoded."""
    reason = params.pop("reason", None)
    if reason is not None:
        headers = headers | {"X-Export-Reason": quote(reason)}
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


async def test_an_export_is_masked_by_default_even_for_a_role_that_may_reveal(
    intake: Intake, reported: dict[str, Any]
) -> None:
    # Issue 13 §1: holding identity:personal:reveal no longer puts phones in a file by
    # default (this test replaces the former "reader with reveal gets them in clear").
    await intake.report(
        "TGYZL-01-2", description="漏水, 请打楼上住户电话 139 0013 9001 联系", category="other"
    )
    for roles in ((READ,), (READ, REVEAL)):
        staff = await intake.staff("TGYZL", *roles)
        response = await export_csv(intake, staff)
        rows = parse_csv(response)
        text = response.content.decode("utf-8-sig")
        assert PHONE not in text
        assert "13900139001" not in text
        assert "139 0013 9001" not in text
        by_number = {r["编号"]: r for r in rows}
        assert by_number["TGYZL-2026-000001"]["联系人"] == "王*"
        assert by_number["TGYZL-2026-000001"]["联系电话"] == "138****8000"
        assert "请打楼上住户电话" in by_number["TGYZL-2026-000003"]["描述"]
        assert "已脱敏" in csv_note(response)

    # The street's and the district's roles, holding reveal over all of it: masked the same.
    whole = {"", "138****8000", "139****9000"}
    for role, code, phones in (
        ("street_admin", "TGY", whole - {"139****9000"}),  # that one is another street's
        ("district_admin", "DX", whole),
    ):
        place = await intake.directory.place(code)
        token = intake.tokens.issue(
            grants=[grant(role, place["id"], place["path"], READ, REVEAL)],
            now=intake.clock.now(),
        )
        response = await export_csv(intake, {"Authorization": f"Bearer {token}"})
        rows = parse_csv(response)
        assert {r["联系电话"] for r in rows} == phones, role
        assert "已脱敏" in csv_note(response)


async def test_a_clear_export_needs_a_reason_and_the_reveal_over_every_ticket(
    intake: Intake, reported: dict[str, Any]
) -> None:
    reader = await intake.staff("TGYZL", READ)
    refused = await export_csv(intake, reader, clear="true", reason="回访核实")
    assert refused.status_code == 403
    assert refused.json()["code"] == "export_clear_not_permitted"

    community = await intake.staff("TGYZL", READ, REVEAL)
    for reason in (None, "", "   "):
        params = {"clear": "true"} | ({"reason": reason} if reason is not None else {})
        missing = await export_csv(intake, community, **params)
        assert missing.status_code == 422
        assert missing.json()["code"] == "reason_required"

    # Reads the whole district, may reveal only in GYSNL: refused for the district as a
    # whole (never a file with some rows in clear), allowed for GYSNL alone.
    district = await intake.directory.place("DX")
    gysnl = await intake.directory.place("GYSNL")
    token = intake.tokens.issue(
        grants=[
            grant("district_staff", district["id"], district["path"], READ),
            grant("community_staff", gysnl["id"], gysnl["path"], READ, REVEAL),
        ],
        now=intake.clock.now(),
    )
    mixed = {"Authorization": f"Bearer {token}"}
    partly = await export_csv(intake, mixed, clear="true", reason="回访核实")
    assert partly.status_code == 403
    assert partly.json()["code"] == "export_clear_not_permitted"
    rows = parse_csv(await export_csv(intake, mixed, clear="true", reason="回访", building="GYSNL"))
    assert [(r["联系人"], r["联系电话"]) for r in rows] == [("李雷", "13900139000")]

    async with intake.db.session(write=False) as session:
        kinds = list(await session.scalars(sa.select(audit.table.c.kind)))
    assert kinds == ["export"]  # the refused ones left no record


async def test_the_reason_in_the_query_string_is_refused(
    intake: Intake, reported: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    """URLs end up in access logs, proxies and browser history: the reason never rides there."""
    community = await intake.staff("TGYZL", READ, REVEAL)
    for params in ({"clear": "true", "reason": "回访核实"}, {"reason": "回访核实"}):
        leaked = await intake.client.get(
            "/v1/exports/tickets.csv", params=params, headers=community
        )
        assert leaked.status_code == 422
        assert leaked.json()["code"] == "reason_in_query"
    garbled = await intake.client.get(
        "/v1/exports/tickets.csv",
        params={"clear": "true"},
        headers=community | {"X-Export-Reason": "%E5%9B"},  # half a character
    )
    assert garbled.status_code == 422
    assert garbled.json()["code"] == "reason_not_encoded"
    with caplog.at_level("INFO"):
        sent = await export_csv(intake, community, clear="true", reason="逐户回访核实")
    assert sent.status_code == 200
    assert "逐户回访核实" in csv_note(sent)
    logged = " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert "/v1/exports/tickets.csv" in logged  # the access line, without the reason
    assert "逐户回访核实" not in logged
    assert quote("逐户回访核实") not in logged
    async with intake.db.session(write=False) as session:
        reasons = list(await session.scalars(sa.select(audit.table.c.reason)))
    assert reasons == ["逐户回访核实"]


async def test_a_clear_export_is_recorded_and_says_so_on_its_first_row(
    intake: Intake, reported: dict[str, Any]
) -> None:
    community = await intake.staff("TGYZL", READ, REVEAL)
    response = await export_csv(
        intake, community, clear="true", reason="逐户回访小广告问题", category="small_ads"
    )
    rows = parse_csv(response)
    assert [(r["联系人"], r["联系电话"]) for r in rows] == [("王芳", PHONE)]
    note = csv_note(response)
    assert "导出时间：2026-03-02 09:10" in note
    assert "导出原因：逐户回访小广告问题" in note
    assert "含联系方式" in note
    assert "已脱敏" not in note
    assert response.headers["content-disposition"].endswith('-2026-03-02-clear.csv"')

    masked = await export_csv(intake, community)
    assert masked.status_code == 200

    async with intake.db.session(write=False) as session:
        records = (
            (await session.execute(sa.select(audit.table).order_by(audit.table.c.at)))
            .mappings()
            .all()
        )
    clear, plain = sorted(records, key=lambda r: r["detail"]["clear"], reverse=True)
    assert clear["kind"] == "export"
    assert clear["actor"].startswith("staff:")
    assert f"导出人：{clear['actor_name'] or clear['actor']}" in note
    assert clear["reason"] == "逐户回访小广告问题"
    assert clear["fields"] == "reporter_name,reporter_phone"
    assert clear["detail"] == {
        "rows": 1,
        "revealed": 1,
        "numbers_in_clear": 1,
        "clear": True,
        "format": "csv",
        "filters": {"category": "small_ads"},
    }
    assert plain["reason"] is None
    assert plain["fields"] == ""
    assert plain["detail"]["revealed"] == 0
    assert plain["detail"]["numbers_in_clear"] == 0
    assert plain["detail"]["rows"] == 2
    assert PHONE not in str(dict(clear))  # who saw what, never the value


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
    note = sheet.cell(row=1, column=1).value
    assert isinstance(note, str)
    assert note.startswith("导出人：")
    assert "已脱敏" in note
    assert [c.value for c in sheet[2]] == HEADERS
    assert all(c.font.b for c in sheet[2])
    values = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    first = values["TGYZL-2026-000001"]
    assert first[7] == datetime(2026, 3, 2, 9, 0)  # 01:00 UTC, shown as Beijing time
    assert first[8] == datetime(2026, 3, 2, 9, 10)  # acknowledged after the other reports
    assert first[11:13] == ("王*", "138****8000")
    formula_cell = next(
        row[6] for row in sheet.iter_rows(min_row=3) if row[0].value == "TGYZL-2026-000002"
    )
    assert formula_cell.value == "=1+1"
    assert formula_cell.data_type == "s"  # text, not a formula

    revealer = await intake.staff("TGYZL", READ, REVEAL)
    clear = await intake.client.get(
        "/v1/exports/tickets.xlsx",
        params={"clear": "true"},
        headers=revealer | {"X-Export-Reason": quote("回访")},
    )
    assert clear.status_code == 200, clear.text
    sheet = openpyxl.load_workbook(io.BytesIO(clear.content)).active
    assert sheet is not None
    note = sheet.cell(row=1, column=1).value
    assert isinstance(note, str)
    assert "导出原因：回访" in note
    values = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert values["TGYZL-2026-000001"][11:13] == ("王芳", PHONE)


async def test_an_export_over_the_limit_is_refused_not_cut(
    intake: Intake, reported: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "EXPORT_LIMIT", 1)
    staff = await intake.staff("TGYZL", READ, REVEAL)
    for clear in ({}, {"clear": "true", "reason": "回访核实"}):
        response = await export_csv(intake, staff, **clear)
        assert response.status_code == 422
        assert response.json()["code"] == "export_too_large"
        assert response.json()["total"] == 2
    # Refused, so nothing was exported: nothing is recorded either.
    async with intake.db.session(write=False) as session:
        assert list(await session.scalars(sa.select(audit.table.c.kind))) == []
    assert (await export_csv(intake, staff, category="other")).status_code == 200


def test_a_non_ascii_file_name_gets_an_rfc_5987_form() -> None:
    assert exports.content_disposition("工单-2026.csv") == (
        "attachment; filename=\"__-2026.csv\"; filename*=UTF-8''%E5%B7%A5%E5%8D%95-2026.csv"
    )
    assert exports.content_disposition("tickets.csv") == 'attachment; filename="tickets.csv"'
