"""我的反馈 across phones: a resident who signs in with their phone sees their reports on
any phone, not only on the one they were filed from."""

from __future__ import annotations

import time
from typing import Any

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import check_accessibility, otp_texted
from tests.browser.stack import Stack
from tests.browser.test_report_pages import NUMBER, fill_report

# A number no other browser test signs in with: its account holds only this test's report.
PHONE = "13600006868"
MASKED = "136****6868"
# Identity sends one code per number per otp_resend_seconds (2 s in the test stack).
RESEND_PAUSE = 2.5


def sign_in(page: Page, stack: Stack, unit_token: str) -> float:
    """Sign in on 我的反馈 with a texted code; when the code was asked for (monotonic)."""
    page.goto(f"/q/{unit_token}/mine")
    page.get_by_test_id("resident-phone").locator("input").fill(PHONE)
    since = len(stack.inbox_text("identity"))
    asked = time.monotonic()
    page.get_by_test_id("resident-send").click()
    page.get_by_test_id("resident-code").locator("input").fill(otp_texted(stack, since))
    page.get_by_test_id("resident-submit").click()
    expect(page.get_by_text(f"已登录：{MASKED}")).to_be_visible()
    return asked


def test_a_signed_in_residents_report_shows_on_a_new_phone(
    page: Page,
    browser: Browser,
    browser_context_args: dict[str, Any],
    unit_token: str,
    stack: Stack,
) -> None:
    asked = sign_in(page, stack, unit_token)
    page.goto(f"/q/{unit_token}/report")
    fill_report(page, "sanitation", "3号楼门口的垃圾桶两天没人清了")
    page.get_by_test_id("report-submit").click()
    number = page.get_by_test_id("done-number")
    expect(number).to_have_text(NUMBER)
    filed = number.inner_text()

    # On the phone it was filed from, this phone's entry and the account's are one line.
    page.goto(f"/q/{unit_token}/mine")
    expect(page.get_by_test_id("my-reports")).to_contain_text("这台手机和我账号里的反馈")
    expect(page.get_by_test_id("mine-report")).to_have_count(1)
    expect(page.get_by_test_id("mine-report")).to_contain_text(filed)

    new_phone = browser.new_context(**browser_context_args)
    try:
        other = new_phone.new_page()
        other.goto(f"/q/{unit_token}/mine")
        # Not signed in there: that phone has nothing of its own, as before.
        mine = other.get_by_test_id("my-reports")
        expect(mine).to_contain_text("这台手机上的反馈")
        expect(mine).to_contain_text("您还没有反馈记录")

        time.sleep(max(0.0, RESEND_PAUSE - (time.monotonic() - asked)))
        sign_in(other, stack, unit_token)
        report = other.get_by_test_id("mine-report").filter(has_text=filed)
        expect(report).to_contain_text("我报的")
        expect(report).to_contain_text("待受理")  # the status the account's list carries
        expect(mine).to_contain_text("这台手机和我账号里的反馈")
        check_accessibility(other, "my reports from the account")

        link = report.get_attribute("href")
        assert link is not None
        assert link.startswith("/t/"), link

        # Signed out, that phone is back to its own (empty) list.
        other.get_by_text("退出登录").click()
        expect(mine).to_contain_text("这台手机上的反馈")
        expect(mine).to_contain_text("您还没有反馈记录")
        expect(other.get_by_test_id("mine-report")).to_have_count(0)

        # The link the account gave is the reporter's own: the report opens as theirs.
        other.goto(link)
        expect(other.get_by_test_id("track-number")).to_contain_text(filed)
        expect(other.get_by_test_id("track-status")).to_have_text("待受理")
        expect(other.get_by_test_id("track-follower-note")).to_have_count(0)
    finally:
        new_phone.close()
