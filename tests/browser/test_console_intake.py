"""The staff console for intake on a phone: a report filed from a unit door shows in the
inbox with the badge, staff handle it step by step to resolved, and the dashboard shows the
rates with their counts and a chart."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from tests.browser.conftest import active_token, check_accessibility, login, screenshot
from tests.browser.stack import Stack

POLL_WAIT_MS = 30_000  # the console polls every 20 s

# A status tag's look: its text and background colours.
COLOURS = "el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor].join(' / ')"


def file_report(stack: Stack, unit_token: str, description: str, **fields: Any) -> dict[str, Any]:
    """A resident's report through the gateway, as the QR page sends it."""
    body = {"code_token": unit_token, "category": "facility", "description": description, **fields}
    response = httpx.post(
        f"{stack.base_url}/api/intake/v1/tickets",
        json=body,
        headers={"Idempotency-Key": str(uuid.uuid4())},
        timeout=30,
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def badge_count(page: Page) -> int:
    badge = page.get_by_test_id("tab-tickets").locator(".van-badge")
    if badge.count() == 0 or not badge.is_visible():
        return 0
    return int(badge.inner_text())


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "fixed.jpg"
    Image.new("RGB", (1200, 900), (40, 120, 200)).save(path, "JPEG", quality=90)
    return path


def test_staff_handle_a_door_report_from_the_inbox_to_resolved(
    page: Page, stack: Stack, unit_token: str, photo: Path
) -> None:
    filed = file_report(
        stack,
        unit_token,
        "3号楼2单元楼道灯不亮，晚上看不见台阶",
        reporter_phone="13800138000",
        consent=True,
    )
    number = filed["number"]

    login(page, "tgyzl_staff")
    tab = page.get_by_test_id("tab-tickets")
    expect(tab.locator(".van-badge")).to_be_visible()
    waiting = badge_count(page)
    assert waiting >= 1
    tab.click()
    row = page.locator(f"[data-testid=ticket-row][data-number='{number}']")
    expect(row).to_be_visible()
    expect(row).to_contain_text("设施损坏")
    expect(row).to_contain_text("TGYZL-03-2")
    expect(row.get_by_test_id("due-countdown")).to_contain_text("剩")
    # The countdown says which deadline it counts; the row says when the report came in.
    expect(row.get_by_test_id("due-kind")).to_have_text("受理时限")
    expect(row.get_by_test_id("row-received")).to_contain_text(
        re.compile(r"\d{4}/\d{2}/\d{2} \d{2}:\d{2} 收到")
    )
    expect(row.get_by_test_id("status-tag")).to_have_text("待受理")
    waiting_colour = row.get_by_test_id("status-tag").evaluate(COLOURS)
    screenshot(page, "console-inbox", full_page=False)
    check_accessibility(page, "console inbox")

    row.click()
    expect(page.get_by_test_id("ticket-number")).to_have_text(number)
    expect(page.get_by_test_id("ticket-description")).to_contain_text("楼道灯不亮")
    expect(page.get_by_test_id("ticket-place")).to_contain_text("天宫院中里社区 › 3号楼 › 2单元")
    expect(page.get_by_test_id("reporter-phone")).to_contain_text("138****8000")
    expect(page.get_by_test_id("ticket-actions").get_by_role("button")).to_have_text(
        ["受理", "派单", "合并重复", "退回"]
    )
    check_accessibility(page, "ticket page")

    # The number in clear, on request, to call back (the service records the reveal).
    page.get_by_test_id("reveal-contact").click()
    expect(page.get_by_test_id("call-reporter")).to_have_attribute("href", "tel:13800138000")

    # 受理 after calling the reporter back.
    page.get_by_test_id("action-acknowledge").click()
    panel = page.get_by_role("dialog", name="受理")
    # Nothing is pre-selected: a hurried tap must not record a call that never happened.
    expect(panel.get_by_role("radio", checked=True)).to_have_count(0)
    panel.get_by_test_id("panel-confirm").click()
    expect(panel.get_by_test_id("panel-error")).to_have_text(
        "请选择回访结果：联系上了，还是没联系上。"
    )
    panel.get_by_test_id("ack-reached").click()
    panel.get_by_test_id("ack-note").locator("textarea").fill("已电话联系，今天下午去看")
    panel.get_by_test_id("ack-internal-note").locator("textarea").fill("居民说晚上在家")
    check_accessibility(page, "acknowledge panel")
    panel.get_by_test_id("panel-confirm").click()
    acknowledged = page.get_by_test_id("ticket-head").get_by_test_id("status-tag")
    expect(acknowledged).to_have_text("已受理")
    # 已受理 no longer looks like 待受理: each status its own colour.
    assert acknowledged.evaluate(COLOURS) != waiting_colour
    first_step = page.get_by_test_id("timeline-step").first
    expect(first_step).to_contain_text("受理")
    expect(first_step).to_contain_text("已联系上")
    expect(first_step).to_contain_text("已电话联系，今天下午去看")
    expect(first_step.get_by_test_id("step-internal-note")).to_have_text("内部：居民说晚上在家")
    # The badge counts new reports only: this one is no longer new.
    if waiting > 1:
        expect(tab.locator(".van-badge")).to_have_text(str(waiting - 1))
    else:
        expect(tab.locator(".van-badge")).to_be_hidden()

    # 派单 to a team; anyone in scope then works as the team.
    page.get_by_test_id("action-assign").click()
    panel = page.get_by_role("dialog", name="派单")
    panel.get_by_test_id("assign-kind-team").click()
    panel.get_by_test_id("assign-ref").locator("input").fill("物业维修班")
    panel.get_by_test_id("panel-confirm").click()
    expect(page.get_by_test_id("ticket-head").get_by_test_id("status-tag")).to_have_text("已派单")
    expect(page.get_by_test_id("ticket-assignee")).to_contain_text("班组：物业维修班")

    page.get_by_test_id("action-start").click()
    expect(page.get_by_test_id("ticket-head").get_by_test_id("status-tag")).to_have_text("处理中")

    # 办结 with a note and a photo of the result, uploaded as soon as it is picked.
    page.get_by_test_id("action-resolve").click()
    panel = page.get_by_role("dialog", name="办结")
    panel.get_by_test_id("panel-confirm").click()
    expect(panel.get_by_test_id("panel-error")).to_have_text("请填写办理结果")
    panel.get_by_test_id("resolve-note").locator("textarea").fill("已更换楼道声控灯")
    panel.get_by_test_id("resolve-photo-input").set_input_files(str(photo))
    expect(panel.get_by_test_id("resolve-photo")).to_have_attribute("data-status", "done")
    screenshot(page, "console-resolve-panel", full_page=False)
    panel.get_by_test_id("panel-confirm").click()
    expect(page.get_by_test_id("ticket-head").get_by_test_id("status-tag")).to_have_text("已解决")
    expect(page.get_by_test_id("ticket-actions").get_by_role("button")).to_have_text(["重新打开"])
    resolution = page.get_by_test_id("timeline-step").first
    expect(resolution).to_contain_text("已更换楼道声控灯")
    expect(resolution.get_by_test_id("step-photo")).to_have_count(1)  # the photo, re-encoded
    screenshot(page, "console-ticket-resolved", full_page=False)

    # Back in the inbox, the filter chips find it among the resolved ones.
    page.get_by_test_id("tab-tickets").click()
    page.get_by_test_id("filter-status").click()
    page.get_by_role("dialog", name="状态").get_by_role("button", name="已解决").click()
    expect(page).to_have_url(re.compile(r"/console/tickets\?status=resolved$"))
    resolved = page.locator(f"[data-testid=ticket-row][data-number='{number}']")
    expect(resolved.get_by_test_id("status-tag")).to_have_text("已解决")
    expect(page.locator("[data-testid=ticket-row][data-status=submitted]")).to_have_count(0)


def test_a_new_report_reaches_the_open_inbox_and_the_badge_without_a_reload(
    page: Page, stack: Stack, unit_token: str
) -> None:
    login(page, "tgyzl_staff")
    page.get_by_test_id("tab-tickets").click()
    expect(page.get_by_test_id("inbox-total")).to_be_visible()
    before = badge_count(page)

    filed = file_report(stack, unit_token, "单元门口的台阶塌了一块")
    row = page.locator(f"[data-testid=ticket-row][data-number='{filed['number']}']")
    expect(row).to_be_visible(timeout=POLL_WAIT_MS)
    expect(page.get_by_test_id("tab-tickets").locator(".van-badge")).to_have_text(
        str(before + 1), timeout=POLL_WAIT_MS
    )


def test_the_dashboard_shows_the_three_rates_with_their_counts_and_charts(
    page: Page, stack: Stack, unit_token: str, admin_api: httpx.Client
) -> None:
    # Small ads three times at building 3 in a month: a hotspot.
    neighbour = active_token(admin_api, "TGYZL-03-1")
    file_report(stack, unit_token, "楼道墙上贴满了小广告", category="small_ads")
    file_report(stack, neighbour, "单元门上也贴了小广告", category="small_ads")
    file_report(stack, unit_token, "刚清理完又贴了", category="small_ads")
    login(page, "tgyzl_staff")
    page.goto("/console/stats")
    for rate in ("response", "resolution", "satisfaction"):
        card = page.get_by_test_id(f"rate-{rate}")
        expect(card).to_be_visible()
        n, d = card.get_attribute("data-n"), card.get_attribute("data-d")
        assert n is not None
        assert d is not None
        assert int(n) <= int(d)
        expect(card).to_contain_text(f"{n} / {d}")
    expect(page.get_by_test_id("figure-total")).to_contain_text(re.compile(r"[1-9]\d*"))
    expect(page.get_by_test_id("chart-trend").locator("canvas")).to_have_count(1)
    expect(page.get_by_test_id("chart-category").locator("canvas")).to_have_count(1)
    screenshot(page, "console-dashboard", full_page=False)
    check_accessibility(page, "statistics dashboard")

    hotspot = page.get_by_test_id("hotspot").filter(has_text="3号楼").filter(has_text="小广告")
    expect(hotspot).to_contain_text("次")
    hotspot.get_by_test_id("hotspot-create-task").click()
    task = hotspot.get_by_test_id("hotspot-task")
    expect(task).to_contain_text(re.compile(r"已生成巡查任务 TGYZL-\d{4}-\d{6}"))
    task.click()
    expect(page.get_by_test_id("ticket-description")).to_contain_text("3号楼")
    expect(page.get_by_test_id("timeline-step").first).to_contain_text("提交")
    page.go_back()

    page.get_by_test_id("period-7").click()
    expect(page.get_by_test_id("period-7")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_test_id("rate-response")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_test_id("export-csv").click()
    assert download.value.suggested_filename.endswith(".csv")


DEMO_CONTRACTOR_KEY = "sqwb_demo0001_JingNanBroadbandDemoKeyLocalOnly"


def test_staff_send_a_job_to_a_contractor_and_confirm_its_work(
    page: Page, stack: Stack, admin_api: httpx.Client, photo: Path
) -> None:
    """观音寺南里's worker assigns a broken swing to 京南宽带 from the ticket page; the
    contractor's system works the order with its API key; the worker confirms the work."""
    filed = file_report(
        stack, active_token(admin_api, "GYSNL-02-1"), "2号楼门口秋千链条断了", category="facility"
    )
    login(page, "gysnl_staff")
    page.goto(f"/console/tickets/{filed['id']}")
    expect(page.get_by_test_id("ticket-number")).to_have_text(filed["number"])

    page.get_by_test_id("action-assign").click()
    panel = page.get_by_role("dialog", name="派单")
    panel.get_by_test_id("assign-kind-contractor").click()
    panel.get_by_test_id("assign-contractor").filter(has_text="京南宽带").click()
    panel.get_by_test_id("panel-confirm").click()
    order = page.get_by_test_id("work-order")
    expect(order).to_have_attribute("data-status", "offered")
    expect(order).to_contain_text("京南宽带")

    # The contractor's system, through the gateway with its API key only.
    contractor = httpx.Client(
        base_url=f"{stack.base_url}/api/intake", headers={"X-API-Key": DEMO_CONTRACTOR_KEY}
    )
    with contractor:
        orders = contractor.get("/v1/work-orders", params={"status": "offered"}).json()["items"]
        mine = next(o for o in orders if o["ticket_number"] == filed["number"])
        for step in ("accept", "start"):
            assert contractor.post(f"/v1/work-orders/{mine['id']}/{step}").status_code == 200
        with photo.open("rb") as fh:
            after = contractor.post("/v1/media", files={"file": ("after.jpg", fh, "image/jpeg")})
        assert after.status_code == 201, after.text
        done = contractor.post(
            f"/v1/work-orders/{mine['id']}/done",
            json={"note": "已更换链条", "after_photo_ids": [after.json()["id"]]},
        )
        assert done.status_code == 200, done.text

    page.reload()
    expect(order).to_have_attribute("data-status", "done")
    expect(order).to_contain_text("已更换链条")
    page.get_by_test_id("work-order-confirm").click()
    page.get_by_role("dialog").get_by_role("button", name="验收通过").click()
    expect(page.get_by_test_id("ticket-head").get_by_test_id("status-tag")).to_have_text("已解决")
    expect(order).to_have_attribute("data-status", "confirmed")
    # The trail names the contractor's side, not its system's id.
    started = page.get_by_test_id("timeline-step").filter(has_text="开始处理")
    expect(started).to_contain_text("维修单位")
    expect(started).not_to_contain_text("client:")
    screenshot(page, "console-work-order-confirmed")


def test_staff_refer_repeated_small_ads_to_the_enforcement_office(
    page: Page, stack: Stack, admin_api: httpx.Client
) -> None:
    filed = file_report(
        stack, active_token(admin_api, "TGYZL-05-1"), "楼道里的小广告撕了又贴", category="small_ads"
    )
    login(page, "tgyzl_staff")
    page.goto(f"/console/tickets/{filed['id']}")
    page.get_by_test_id("action-refer").click()
    dialog = page.get_by_role("dialog", name="移送城管执法")
    expect(dialog.get_by_test_id("referral-agency").locator("input")).to_have_value(
        "街道综合行政执法队"
    )
    dialog.get_by_test_id("referral-note").locator("textarea").fill("同一广告反复张贴")
    check_accessibility(page, "referral dialog")
    dialog.get_by_role("button", name="移送").click()
    row = page.get_by_test_id("referral-row")
    expect(row).to_contain_text(f"{filed['number']}-R1")
    expect(row).to_contain_text("已移送")
    expect(page.get_by_test_id("timeline-step").first).to_contain_text("移送")
