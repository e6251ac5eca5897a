"""A tracking link opened on its own (from the text message or a saved link, in a browser
that never saw the scan) leads home: the place, the community office's phone, and the hub of
the door its holder scanned, for the reporter and for a neighbour who "+1"ed."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from tests.browser.conftest import active_token, check_accessibility
from tests.browser.stack import Stack


def test_a_tracking_link_opened_on_its_own_leads_home(
    page: Page, stack: Stack, admin_api: httpx.Client
) -> None:
    # Filed from the door of 3号楼 3单元, then opened from the text message in a browser that
    # never saw the scan (this page's storage is empty): it still names the place, gives the
    # office's phone and leads back to the building's hub.
    door = active_token(admin_api, "TGYZL-03-3")
    response = httpx.post(
        f"{stack.base_url}/api/intake/v1/tickets",
        json={
            "code_token": door,
            "category": "facility",
            "description": "电梯按钮失灵，按了不亮",
            "reporter_phone": "13700137000",
            "consent": True,
        },
        timeout=30,
    )
    assert response.status_code == 201, response.text
    filed = response.json()

    page.goto(f"/t/{filed['tracking_token']}")
    expect(page.get_by_test_id("track-number")).to_contain_text(filed["number"])
    expect(page.get_by_test_id("track-place")).to_have_text("天宫院中里社区 · 3号楼 · 3单元")
    home = page.get_by_test_id("track-home")
    expect(home.get_by_test_id("office-phone")).to_have_attribute("href", "tel:01060000101")
    expect(page.get_by_test_id("track-timeline")).to_contain_text("您已提交")  # spoken to them
    check_accessibility(page, "tracking opened on its own")
    home.get_by_test_id("track-hub").click()
    expect(page.get_by_test_id("hub-heading")).to_have_text("3号楼 · 3单元")
    # And the bar's "back" from the tracking page goes to the same hub, not the root page.
    page.go_back()
    expect(page.get_by_test_id("track-number")).to_contain_text(filed["number"])
    page.locator(".van-nav-bar__left").click()
    expect(page.get_by_test_id("hub-heading")).to_have_text("3号楼 · 3单元")

    # A neighbour at 1单元 "+1"s it: their link, opened on its own, names the report's place
    # and leads back to the door they scanned (their own unit's hub).
    neighbour_door = active_token(admin_api, "TGYZL-03-1")
    followed = httpx.post(
        f"{stack.base_url}/api/intake/v1/tickets/{filed['id']}/follow",
        json={"code_token": neighbour_door},
        timeout=30,
    )
    assert followed.status_code == 201, followed.text
    page.goto(f"/t/{followed.json()['tracking_token']}")
    expect(page.get_by_test_id("track-place")).to_have_text("天宫院中里社区 · 3号楼 · 3单元")
    page.get_by_test_id("track-home").get_by_test_id("track-hub").click()
    expect(page.get_by_test_id("hub-heading")).to_have_text("3号楼 · 1单元")
