"""报事类别设置: a street-office admin switches a category off and sets another's priority and
default handler for their street; residents scanning a door there get the categories as set;
恢复默认 brings the inherited values back. Community staff have no such page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import (
    active_token,
    check_accessibility,
    login,
    place_by_code,
    screenshot,
)
from tests.browser.stack import Stack

SETTINGS = "/intake/v1/category-settings"


@pytest.fixture
def street_and_district(stack: Stack, admin_api: httpx.Client) -> Iterator[dict[str, Any]]:
    """天宫院街道 and 大兴区; whatever the test sets there is removed afterwards (the stack is
    shared by the whole browser suite)."""
    places = {"street": place_by_code(admin_api, "TGY"), "district": place_by_code(admin_api, "DX")}
    yield places
    for place in places.values():
        for category in ("parking", "small_ads", "noise"):
            response = admin_api.delete(f"{SETTINGS}/{category}", params={"place_id": place["id"]})
            assert response.status_code == 204, response.text


def resident_categories(stack: Stack, token: str) -> dict[str, dict[str, Any]]:
    """The categories a resident scanning the door may report, as the report form loads them."""
    response = httpx.get(
        f"{stack.base_url}/api/intake/v1/categories", params={"code_token": token}, timeout=30
    )
    assert response.status_code == 200, response.text
    return {c["code"]: c for c in response.json()}


def category_card(page: Page, code: str) -> Locator:
    return page.locator(f"[data-testid=category-setting][data-category={code}]")


def test_a_street_admin_switches_parking_off_and_sends_small_ads_to_a_team(
    page: Page, stack: Stack, admin_api: httpx.Client, street_and_district: dict[str, Any]
) -> None:
    # The district raised noise for all its streets: 天宫院街道 inherits it.
    district = street_and_district["district"]
    raised = admin_api.put(
        f"{SETTINGS}/noise",
        params={"place_id": district["id"]},
        json={"default_priority": "urgent"},
    )
    assert raised.status_code == 200, raised.text
    with stack.api("tgyzl_staff") as staff:
        token = active_token(staff, "TGYZL-03-2")
        # Community staff hold no grant to set categories.
        refused = staff.get(SETTINGS, params={"place_id": street_and_district["street"]["id"]})
        assert refused.status_code == 403
    before = resident_categories(stack, token)
    assert "parking" in before
    assert before["small_ads"]["default_priority"] == "normal"

    login(page, "tgy_admin")
    page.get_by_test_id("tab-admin").click()
    page.get_by_test_id("admin-categories").click()
    expect(page).to_have_url("/console/admin/categories")
    expect(page).to_have_title("报事类别设置 · 您扫我办")
    expect(page.get_by_test_id("setting-place")).to_contain_text("天宫院街道")
    expect(page.get_by_test_id("category-setting")).to_have_count(10)
    noise = category_card(page, "noise")
    expect(noise.get_by_test_id("value-priority")).to_have_text("紧急")
    expect(
        noise.locator(".value", has_text="默认优先级").get_by_test_id("setting-source")
    ).to_have_text("继承自 大兴区")
    parking = category_card(page, "parking")
    expect(parking).to_contain_text("停车")
    expect(parking.get_by_test_id("value-deadline-normal")).to_contain_text(
        "响应 24 小时 · 办结 7 天"
    )
    expect(
        parking.get_by_test_id("value-deadline-normal").get_by_test_id("setting-source")
    ).to_have_text("默认")
    check_accessibility(page, "category settings")
    screenshot(page, "console-category-settings", full_page=False)

    # 停车 off, straight from its switch.
    parking.get_by_test_id("category-active").click()
    expect(parking.get_by_test_id("value-active")).to_have_text("已停用")
    expect(
        parking.locator(".value", has_text="启用").get_by_test_id("setting-source")
    ).to_have_text("本街道设置")

    # 小广告: urgent, to the team 城管协管队; a respond time longer than the resolve time is
    # refused at the field and nothing is stored.
    small_ads = category_card(page, "small_ads")
    small_ads.get_by_test_id("category-edit").click()
    sheet = page.get_by_test_id("category-sheet")
    expect(sheet).to_be_visible()
    sheet.get_by_test_id("sheet-priority-urgent").click()
    sheet.get_by_test_id("sheet-handler-team").click()
    sheet.get_by_test_id("sheet-team").locator("input").fill("城管协管队")
    sheet.get_by_test_id("sheet-urgent-respond").fill("3")
    page.get_by_test_id("panel-confirm").click()
    expect(sheet.get_by_test_id("sheet-error-urgent")).to_have_text("响应时限不能长于办结时限")
    expect(page.get_by_test_id("panel-error")).to_contain_text("办理时限有误")
    check_accessibility(page, "category sheet with a refused deadline")
    screenshot(page, "console-category-sheet", full_page=False)
    assert resident_categories(stack, token)["small_ads"]["default_priority"] == "normal"

    sheet.get_by_test_id("sheet-urgent-respond").fill("30")
    sheet.get_by_test_id("sheet-urgent-respond-unit").select_option("minutes")
    page.get_by_test_id("panel-confirm").click()
    expect(sheet).to_be_hidden()
    expect(small_ads.get_by_test_id("value-priority")).to_have_text("紧急")
    expect(small_ads.get_by_test_id("value-handler")).to_have_text("城管协管队（班组）")
    expect(small_ads.get_by_test_id("value-deadline-urgent")).to_contain_text(
        "响应 30 分钟 · 办结 2 小时"
    )
    expect(
        small_ads.get_by_test_id("value-deadline-urgent").get_by_test_id("setting-source")
    ).to_have_text("本街道设置")
    # The other deadlines were not sent: still the defaults.
    expect(
        small_ads.get_by_test_id("value-deadline-normal").get_by_test_id("setting-source")
    ).to_have_text("默认")

    # A resident at a 天宫院中里 door: no parking to report, small ads are urgent.
    after = resident_categories(stack, token)
    assert "parking" not in after
    assert after["small_ads"]["default_priority"] == "urgent"
    assert after["noise"]["default_priority"] == "urgent"  # the district's, still

    # 恢复默认: parking is back for residents, and the card offers no reset any more.
    parking.get_by_test_id("category-reset").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("停车")
    check_accessibility(page, "restore defaults dialog")
    dialog.get_by_role("button", name="恢复默认").click()
    expect(parking.get_by_test_id("value-active")).to_have_text("已启用")
    expect(parking.get_by_test_id("category-reset")).to_have_count(0)
    assert "parking" in resident_categories(stack, token)


def test_a_district_admin_picks_one_of_the_districts_streets(
    page: Page, street_and_district: dict[str, Any]
) -> None:
    login(page, "admin")
    page.goto("/console/admin/categories")
    expect(page.get_by_test_id("setting-place")).to_contain_text("大兴区")
    small_ads = category_card(page, "small_ads")
    expect(small_ads.get_by_test_id("value-priority")).to_have_text("一般")
    page.get_by_test_id("setting-place").click()
    expect(page.get_by_role("button", name="天宫院街道")).to_be_visible()
    check_accessibility(page, "place picker")
    page.get_by_role("button", name="天宫院街道").click()
    expect(page.get_by_test_id("setting-place")).to_contain_text("天宫院街道")
    expect(page).to_have_url(
        f"/console/admin/categories?place={street_and_district['street']['id']}"
    )
    expect(
        small_ads.locator(".value", has_text="默认优先级").get_by_test_id("setting-source")
    ).to_have_text("默认")
    check_accessibility(page, "category settings of a street, for the district admin")


def test_community_staff_have_no_category_settings(page: Page) -> None:
    login(page, "tgyzl_staff")
    page.get_by_test_id("tab-admin").click()
    expect(page.get_by_test_id("admin-audit")).to_be_visible()
    expect(page.get_by_test_id("admin-categories")).to_have_count(0)
    page.goto("/console/admin/categories")
    expect(page.get_by_test_id("no-access")).to_be_visible()
