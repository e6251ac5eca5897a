"""代办 on the phone: community staff record a resident without a smartphone at their home,
act for them with a reason, and see their door's hub with a banner saying whom for and why
until 结束代办. At a desk (1280×800): the record form in a dialog, the search's results in a
table (name, masked phone, home, who recorded them), and the reason in a dialog."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import login, screenshot
from tests.browser.stack import Stack
from tests.browser.test_console_desk import DESK


@pytest.fixture
def desk(browser: Browser, stack: Stack, motion: str) -> Iterator[Page]:
    context = browser.new_context(**DESK, base_url=stack.base_url, reduced_motion=motion)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_staff_record_a_resident_and_act_for_them_with_a_banner(page: Page, motion: str) -> None:
    login(page, "tgyzl_staff")
    page.goto("/console/acting")
    page.get_by_test_id("acting-new").click()
    page.get_by_test_id("record-name").locator("input").fill("王秀英")
    page.get_by_test_id("record-unit").locator("input").fill("TGYZL-03-2")
    # A room of its own per run: the stack (and its records) outlive one run.
    page.get_by_test_id("record-room").locator("input").fill("60" + str(len(motion)))
    page.get_by_test_id("record-save").click()
    expect(page.get_by_test_id("acting-chosen")).to_contain_text("王秀英")

    page.get_by_test_id("acting-reason").locator("textarea").fill("老人来电，代为报修")
    page.get_by_test_id("acting-start").click()
    banner = page.get_by_test_id("acting-banner")
    expect(banner).to_contain_text("正在代「王秀英」办理 · 老人来电，代为报修")
    assert "/q/" in page.url

    page.get_by_test_id("acting-end").click()
    expect(page).to_have_url(re.compile(r"/console/acting$"))
    expect(banner).to_have_count(0)


def test_at_a_desk_staff_find_a_resident_in_a_table_and_act_for_them(
    desk: Page, motion: str
) -> None:
    login(desk, "tgyzl_staff")
    desk.goto("/console/acting")
    # A record of its own (a room no other test uses), made in the desk's dialog.
    room = "61" + str(len(motion))
    desk.get_by_test_id("acting-new").click()
    desk.get_by_test_id("record-name").fill("李桂兰")
    desk.get_by_test_id("record-unit").fill("TGYZL-03-2")
    desk.get_by_test_id("record-room").fill(room)
    desk.get_by_test_id("record-contact").fill("13700006161")
    desk.get_by_test_id("record-save").click()
    dialog = desk.get_by_test_id("acting-dialog")
    expect(dialog.get_by_test_id("acting-chosen")).to_contain_text("李桂兰")
    dialog.get_by_role("button", name="取消").click()
    expect(dialog).to_be_hidden()

    desk.get_by_test_id("acting-query").fill("李桂兰")
    desk.get_by_test_id("acting-find").click()
    row = desk.locator(".el-table__row").filter(has_text=f"TGYZL-03-2 {room}")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("李桂兰")
    expect(row).to_contain_text("联系电话 137****6161")  # masked, never in clear
    expect(row).to_contain_text("社区代建档案")
    screenshot(desk, "people-acting-desk", full_page=False)

    row.get_by_test_id("acting-act").click()
    start = dialog.get_by_test_id("acting-start")
    expect(start).to_be_disabled()  # no reason, no acting
    dialog.get_by_test_id("acting-reason").fill("家属来电，代为预约")
    start.click()
    expect(desk.get_by_test_id("acting-banner")).to_contain_text(
        "正在代「李桂兰」办理 · 家属来电，代为预约"
    )
    assert "/q/" in desk.url
