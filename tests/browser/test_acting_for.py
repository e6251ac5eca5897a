"""代办 on the phone: community staff record a resident without a smartphone at their home,
act for them with a reason, and see their door's hub with a banner saying whom for and why
until 结束代办."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import login


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
