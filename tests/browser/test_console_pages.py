"""The staff console: sign in, see what the roles allow, browse places, manage and print codes."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from tests.browser.conftest import check_accessibility, login, place_by_code


def test_wrong_password_is_explained_in_chinese(page: Page) -> None:
    page.goto("/console")
    expect(page).to_have_url("/console/login?next=/console")
    expect(page).to_have_title("工作人员登录 · 您扫我办")
    check_accessibility(page, "console login")
    page.get_by_test_id("login-username").locator("input").fill("tgyzl_staff")
    page.get_by_test_id("login-password").locator("input").fill("not-the-password")
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("login-error")).to_have_text("用户名或密码不对，请再试一次。")
    # Whoever forgot it learns whom to ask.
    expect(page.get_by_test_id("login-forgot")).to_contain_text("街道办的系统管理员")


def test_community_staff_browse_to_their_community_and_print_its_qr_sheet(page: Page) -> None:
    login(page, "tgyzl_staff")
    expect(page.get_by_test_id("my-grant")).to_contain_text("社区工作人员")
    expect(page.get_by_test_id("my-grant")).to_contain_text("天宫院中里社区")
    check_accessibility(page, "console home")

    page.get_by_test_id("tab-places").click()
    root = page.get_by_test_id("root-place")
    expect(root).to_have_count(1)
    expect(root).to_contain_text("天宫院中里社区")
    check_accessibility(page, "console places")
    root.click()
    expect(page.get_by_test_id("place-name")).to_have_text("天宫院中里社区")
    expect(page.get_by_test_id("child-place")).to_have_count(8)
    check_accessibility(page, "console place")

    page.get_by_test_id("print-sheet").click()
    expect(page.get_by_test_id("sheet-count")).to_have_text("共 24 个二维码", timeout=30_000)
    sheet = page.frame_locator("[data-testid=sheet-frame]")
    expect(sheet.locator("[data-place-code]")).to_have_count(24)  # 8 buildings × 3 units
    expect(sheet.locator("[data-place-code='TGYZL-03-2']")).to_contain_text("3号楼 2单元")
    download = page.get_by_test_id("sheet-download")
    expect(download).to_have_attribute("download", "二维码-天宫院中里社区.html")
    assert (download.get_attribute("href") or "").startswith("blob:")

    # print() is the browser's dialog: count the calls instead of opening it.
    handle = page.get_by_test_id("sheet-frame").element_handle()
    frame = handle.content_frame() if handle else None
    assert frame is not None
    frame.evaluate(
        "() => { window.print = () => { window.__printed = (window.__printed || 0) + 1 } }"
    )
    page.get_by_test_id("sheet-print").click()
    assert frame.evaluate("window.__printed") == 1
    check_accessibility(page, "qr sheet page")


def test_a_unit_door_code_can_be_reissued_with_a_reason(
    page: Page, admin_api: httpx.Client
) -> None:
    unit = place_by_code(admin_api, "TGYZL-07-1")
    login(page, "tgyzl_staff")
    page.goto(f"/console/places/{unit['id']}")
    card = page.get_by_test_id("code-card")
    expect(card).to_have_count(1)
    old_token = card.get_attribute("data-token")
    expect(card.get_by_role("img")).to_be_visible()  # the code image, loaded from image.svg
    check_accessibility(page, "unit place with its code")

    card.get_by_test_id("code-reissue").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("button", name="重新生成").click()
    expect(dialog).to_contain_text("请填写原因")  # the reason is required
    dialog.get_by_test_id("reason-input").locator("input").fill("贴纸被撕毁")
    dialog.get_by_role("button", name="重新生成").click()

    expect(page.get_by_test_id("code-card")).to_have_count(2)
    expect(page.locator(f"[data-token='{old_token}']")).to_have_attribute("data-status", "revoked")
    expect(page.locator("[data-testid=code-card][data-status=active]")).to_have_count(1)
    # The old sticker now tells residents it is no longer in use.
    page.goto(f"/q/{old_token}")
    expect(page.get_by_test_id("code-problem")).to_have_attribute("data-problem", "code_revoked")


def test_a_building_captain_sees_only_printing_for_their_building(page: Page) -> None:
    login(page, "captain_tgyzl03")
    expect(page.get_by_test_id("tab-admin")).to_have_count(0)
    expect(page.get_by_test_id("section-staff")).to_have_count(0)
    page.get_by_test_id("tab-places").click()
    root = page.get_by_test_id("root-place")
    expect(root).to_have_count(1)
    expect(root).to_contain_text("3号楼")
    root.click()
    expect(page.get_by_test_id("print-sheet")).to_be_visible()
    page.get_by_test_id("child-place").first.click()
    expect(page.get_by_test_id("place-name")).to_have_text("1单元")
    expect(page.get_by_test_id("code-card")).to_have_count(0)  # no directory:codes:manage

    page.goto("/console/admin/staff")
    expect(page.get_by_test_id("no-access")).to_be_visible()


def test_an_expired_access_token_is_refreshed_without_signing_in_again(page: Page) -> None:
    login(page, "tgyzl_staff")
    refresh_before = page.evaluate("localStorage.getItem('sqwb.staff.refresh')")
    page.evaluate("sessionStorage.setItem('sqwb.staff.access', 'expired.or.garbage')")
    page.reload()
    expect(page.get_by_test_id("my-grant")).to_contain_text("天宫院中里社区")
    assert page.evaluate("localStorage.getItem('sqwb.staff.refresh')") != refresh_before
    assert page.evaluate("sessionStorage.getItem('sqwb.staff.access')") != "expired.or.garbage"


def test_a_session_that_cannot_be_refreshed_goes_back_to_sign_in(page: Page) -> None:
    login(page, "tgyzl_staff")
    page.evaluate(
        "sessionStorage.setItem('sqwb.staff.access', 'garbage');"
        "localStorage.setItem('sqwb.staff.refresh', 'garbage-refresh-token')"
    )
    page.goto("/console/places")
    expect(page).to_have_url("/console/login?next=/console/places")


def test_an_admin_issues_an_api_key_shown_once_and_sees_the_audit(page: Page) -> None:
    login(page, "admin")
    page.get_by_test_id("tab-admin").click()
    for section in ("staff", "organisations", "clients", "audit"):
        expect(page.get_by_test_id(f"admin-{section}")).to_be_visible()
    check_accessibility(page, "admin home")

    page.get_by_test_id("admin-staff").click()
    expect(page.get_by_test_id("staff-row").first).to_be_visible()
    expect(page.get_by_text("天宫院中里社工（tgyzl_staff）")).to_be_visible()
    check_accessibility(page, "staff list")

    page.goto("/console/admin/api-clients")
    expect(page.get_by_test_id("client-row").first).to_contain_text("京南宽带")
    form = page.locator("form")
    form.get_by_label("名称").fill("测试对接")
    form.get_by_text("tickets:read").click()
    form.get_by_label("地点编码").fill("TGYZL")
    form.get_by_role("button", name="发放密钥").click()
    key = page.get_by_test_id("issued-key")
    expect(key).to_be_visible()
    assert key.input_value().startswith("sqwb_")
    check_accessibility(page, "api key shown once")
    page.get_by_role("button", name="我已保存").click()
    expect(page.get_by_test_id("issued-key")).to_have_count(0)
    expect(page.get_by_test_id("client-row").filter(has_text="测试对接")).to_be_visible()

    page.goto("/console/admin/audit")
    expect(page.get_by_text("发放密钥").first).to_be_visible()


def test_services_to_come_say_coming_soon(page: Page) -> None:
    login(page, "tgyzl_staff")
    page.get_by_test_id("later-calendar").click()
    expect(page.get_by_test_id("coming-soon")).to_contain_text("活动室日历")
    expect(page.get_by_test_id("coming-soon")).to_contain_text("即将上线")
