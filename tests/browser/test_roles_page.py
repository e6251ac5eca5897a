"""Roles and permissions (岗位与权限): a district admin reads each role's permissions with
their meanings, takes one away and gives it back; both acts are in the audit list."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from tests.browser.conftest import check_accessibility, login, screenshot


def test_a_district_admin_removes_and_adds_a_permission_to_a_role(
    page: Page, admin_api: httpx.Client
) -> None:
    login(page, "admin")
    page.get_by_test_id("tab-admin").click()
    page.get_by_test_id("admin-roles").click()
    expect(page).to_have_url("/console/admin/roles")
    expect(page).to_have_title("岗位与权限 · 您扫我办")
    captain = page.locator("[data-testid=role][data-role=building_captain]")
    expect(captain).to_contain_text("楼门长")
    printing = captain.locator("[data-permission='directory:codes:print']")
    expect(printing).to_contain_text("打印二维码张贴单")
    expect(captain.get_by_test_id("role-permission")).to_have_count(2)
    screenshot(page, "console-roles", full_page=False)
    check_accessibility(page, "console roles")

    printing.get_by_test_id("role-permission-remove").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("打印二维码张贴单")
    check_accessibility(page, "remove permission dialog")
    dialog.get_by_role("button", name="移除").click()
    expect(captain.get_by_test_id("role-permission")).to_have_count(1)
    expect(printing).to_have_count(0)

    captain.get_by_test_id("role-add-select").select_option("directory:codes:print")
    captain.get_by_test_id("role-add").click()
    expect(captain.get_by_test_id("role-permission")).to_have_count(2)
    expect(printing).to_contain_text("打印二维码张贴单")

    events = admin_api.get("/identity/v1/audit", params={"limit": 10}).json()["items"]
    assert [e["action"] for e in events if e["target_id"] == "building_captain"][:2] == [
        "role.permission_added",
        "role.permission_removed",
    ]
