"""我的 on the phone: the masked phone, the sections the services answer (from their `mine`
lists), and leaving: 注销账号 says what it erases, asks once more, and signs the resident out."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import otp_texted, screenshot
from tests.browser.stack import Stack

# A number no other browser test uses.
PHONE = "13600001717"


def test_a_resident_sees_their_page_and_deletes_their_account(
    page: Page, stack: Stack, unit_token: str
) -> None:
    page.goto(f"/q/{unit_token}/me")
    page.get_by_test_id("resident-phone").locator("input").fill(PHONE)
    since = len(stack.inbox_text("identity"))
    page.get_by_test_id("resident-send").click()
    page.get_by_test_id("resident-code").locator("input").fill(otp_texted(stack, since))
    page.get_by_test_id("resident-submit").click()

    expect(page.get_by_test_id("my-phone")).to_contain_text(f"{PHONE[:3]}****{PHONE[-4:]}")
    expect(page.locator("body")).not_to_contain_text(PHONE)
    for section in ("my-page-reports", "home-claim", "my-children"):
        expect(page.get_by_test_id(section)).to_be_visible()
    page.get_by_test_id("my-page-reports").click()
    expect(page).to_have_url(f"{stack.base_url}/q/{unit_token}/mine")
    page.go_back()

    page.get_by_test_id("delete-account").click()
    dialog = page.get_by_role("dialog", name="注销账号")
    expect(dialog).to_contain_text("手机号")
    expect(dialog).to_contain_text("不能撤销")
    screenshot(page, "people-my-page-delete", full_page=False)
    dialog.get_by_role("button", name="取消").click()
    expect(page.get_by_test_id("my-phone")).to_be_visible()  # cancelled: nothing happened

    page.get_by_test_id("delete-account").click()
    page.get_by_role("dialog", name="注销账号").get_by_role("button", name="确认注销").click()
    expect(page.get_by_text("账号已注销")).to_be_visible()
    expect(page.get_by_text("用手机号登录后，可以看到你在各项服务里的记录。")).to_be_visible()
    expect(page.get_by_test_id("my-phone")).to_have_count(0)
