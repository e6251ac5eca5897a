"""What a resident sees after scanning the code on a unit door, in WeChat on a phone."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.conftest import active_token, check_accessibility, otp_texted
from tests.browser.stack import Stack

TGYZL_PHONE = "010-60000101"


@pytest.mark.parametrize("case", ["q-lower", "Q-upper"])
def test_a_scanned_link_opens_the_hub_of_its_building(
    page: Page, unit_token: str, case: str
) -> None:
    # A QR code in alphanumeric mode upper-cases the whole link; a shared link may not.
    path = f"/q/{unit_token.lower()}" if case == "q-lower" else f"/Q/{unit_token.upper()}"
    page.goto(path)

    expect(page.get_by_test_id("hub-heading")).to_have_text("3号楼 · 2单元")
    expect(page.get_by_test_id("hub-community")).to_have_text("天宫院中里社区")
    expect(page).to_have_title("3号楼 2单元 · 您扫我办")
    for entry, label in [
        ("report", "报事报修"),
        ("mine", "我的反馈"),
        ("rooms", "活动室预约"),
        ("parking", "停车"),
    ]:
        expect(page.get_by_test_id(f"hub-entry-{entry}")).to_contain_text(label)
    phone = page.get_by_test_id("office-phone")
    expect(phone).to_have_attribute("href", "tel:01060000101")
    expect(phone).to_contain_text(TGYZL_PHONE)
    # Whoever cannot find their way calls the office: its phone is on the first screen.
    expect(phone).to_be_in_viewport(ratio=1)
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    check_accessibility(page, f"hub ({case})")


def test_entries_not_built_yet_say_so_with_the_office_phone(page: Page, unit_token: str) -> None:
    page.goto(f"/q/{unit_token}")
    page.get_by_test_id("hub-entry-rooms").click()
    soon = page.get_by_test_id("coming-soon")
    expect(soon).to_contain_text("即将上线")
    expect(soon).to_contain_text("活动室预约")
    expect(soon.get_by_test_id("office-phone")).to_have_attribute("href", "tel:01060000101")
    expect(page).to_have_title("活动室预约 · 您扫我办")
    check_accessibility(page, "coming soon")

    page.get_by_role("link", name="返回本楼首页").click()
    expect(page.get_by_test_id("hub-heading")).to_have_text("3号楼 · 2单元")
    page.get_by_test_id("hub-entry-parking").click()
    expect(page.get_by_test_id("coming-soon")).to_contain_text("停车")


def test_my_reports_asks_for_a_phone_sign_in_and_keeps_what_was_typed(
    page: Page, unit_token: str, stack: Stack
) -> None:
    page.goto(f"/q/{unit_token}")
    page.get_by_test_id("hub-entry-mine").click()
    phone = page.get_by_test_id("resident-phone").locator("input")
    expect(phone).to_be_visible()
    check_accessibility(page, "resident sign-in")

    phone.fill("13912345678")
    page.reload()  # a reload (or a lost network) never loses what was typed
    expect(phone).to_have_value("13912345678")

    since = len(stack.inbox_text("identity"))
    page.get_by_test_id("resident-send").click()
    expect(page.get_by_test_id("resident-send")).to_contain_text("秒后可重发")
    page.get_by_test_id("resident-code").locator("input").fill(otp_texted(stack, since))
    page.get_by_test_id("resident-submit").click()

    expect(page.get_by_test_id("my-reports")).to_contain_text("您还没有反馈记录")
    expect(page.get_by_text("已登录：139****5678")).to_be_visible()


def test_a_wrong_one_time_code_is_explained(page: Page, unit_token: str) -> None:
    page.goto(f"/q/{unit_token}/mine")
    page.get_by_test_id("resident-phone").locator("input").fill("13700000001")
    page.get_by_test_id("resident-code").locator("input").fill("000000")
    page.get_by_test_id("resident-submit").click()
    expect(page.get_by_role("alert")).to_contain_text("验证码不对或已过期")


def test_an_unknown_code_says_what_to_do(page: Page) -> None:
    page.goto("/q/AAAAAAAAAAAA")
    problem = page.get_by_test_id("code-problem")
    expect(problem).to_have_attribute("data-problem", "code_not_found")
    expect(problem).to_contain_text("没有找到这个二维码")
    expect(problem).to_contain_text("社区")
    expect(page).to_have_title("二维码无法使用 · 您扫我办")
    check_accessibility(page, "unknown code")


def test_a_malformed_link_is_caught_without_asking_the_server(page: Page) -> None:
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/v1/codes/" in r.url else None)
    page.goto("/q/not-a-code")
    problem = page.get_by_test_id("code-problem")
    expect(problem).to_have_attribute("data-problem", "malformed_token")
    expect(problem).to_contain_text("二维码链接不完整")
    assert asked == []


def test_a_revoked_code_names_the_community_and_its_phone(
    page: Page, admin_api: httpx.Client
) -> None:
    # A door of 观音寺南里 (the 天宫院中里 codes stay as they are for the print test).
    token = active_token(admin_api, "GYSNL-05-2")
    revoked = admin_api.post(
        f"/directory/v1/codes/{token}/revoke", json={"reason": "browser test: sticker torn off"}
    )
    assert revoked.status_code == 200, revoked.text

    page.goto(f"/Q/{token}")
    problem = page.get_by_test_id("code-problem")
    expect(problem).to_have_attribute("data-problem", "code_revoked")
    expect(problem).to_contain_text("这个二维码已经停用")
    expect(problem).to_contain_text("观音寺南里社区")
    phone = problem.get_by_test_id("office-phone")
    expect(phone).to_have_attribute("href", "tel:01060000201")
    expect(phone).to_contain_text("010-60000201")
    check_accessibility(page, "revoked code")


def test_a_lost_network_offers_a_retry_that_works(page: Page, unit_token: str) -> None:
    failures = {"left": 1}

    def flaky(route: Route) -> None:
        if failures["left"]:
            failures["left"] -= 1
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route(re.compile(r".*/api/directory/v1/codes/.*"), flaky)
    page.goto(f"/q/{unit_token}")
    error = page.get_by_test_id("load-error")
    expect(error).to_contain_text("网络")
    check_accessibility(page, "network error")
    page.get_by_test_id("retry").click()
    expect(page.get_by_test_id("hub-heading")).to_have_text("3号楼 · 2单元")


def test_the_hub_speaks_english_when_asked_and_remembers_it(page: Page, unit_token: str) -> None:
    page.goto(f"/q/{unit_token}")
    page.get_by_test_id("lang-toggle").click()
    expect(page.get_by_test_id("hub-entry-report")).to_contain_text("Report a problem")
    expect(page.get_by_test_id("office-phone")).to_contain_text("Call the community office")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.reload()
    expect(page.get_by_test_id("hub-entry-mine")).to_contain_text("My reports")
    expect(page).to_have_title("3号楼 2单元 · Scan & Serve")
    page.get_by_test_id("lang-toggle").click()
    expect(page.get_by_test_id("hub-entry-mine")).to_contain_text("我的反馈")
