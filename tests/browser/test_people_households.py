"""A resident claims their home from the code at their unit door and adds a child on the
phone (375×667); community staff verify the claim from the 住户核验 queue at a desk
(1280×800); the resident reloads and sees 已核验."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import login, otp_texted, screenshot
from tests.browser.stack import Stack
from tests.browser.test_console_desk import DESK

# A number and a room no other browser test uses.
PHONE = "13600001616"
ROOM = "1616"


@pytest.fixture
def desk(browser: Browser, stack: Stack, motion: str) -> Iterator[Page]:
    context = browser.new_context(**DESK, base_url=stack.base_url, reduced_motion=motion)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_a_resident_claims_a_home_and_staff_verify_it_from_the_queue(
    page: Page, desk: Page, stack: Stack, unit_token: str
) -> None:
    page.goto(f"/q/{unit_token}/me")
    page.get_by_test_id("resident-phone").locator("input").fill(PHONE)
    since = len(stack.inbox_text("identity"))
    page.get_by_test_id("resident-send").click()
    page.get_by_test_id("resident-code").locator("input").fill(otp_texted(stack, since))
    page.get_by_test_id("resident-submit").click()

    claim = page.get_by_test_id("home-claim")
    claim.get_by_test_id("home-room").fill(ROOM)
    claim.get_by_text("业主").click()
    claim.get_by_test_id("home-claim-submit").click()
    home = page.get_by_test_id("my-household")
    expect(home.get_by_test_id("my-household-status")).to_have_text("待核验")
    expect(home).to_contain_text(ROOM)

    children = page.get_by_test_id("my-children")
    children.get_by_test_id("child-name").fill("小明")
    children.get_by_test_id("child-birth-year").fill("2016")
    add = children.get_by_test_id("child-add")
    expect(add).to_be_disabled()  # no consent, no child
    children.get_by_test_id("child-consent").check()
    add.click()
    expect(children.get_by_test_id("my-child")).to_contain_text("小明")
    screenshot(page, "people-my-home-pending")

    login(desk, "tgyzl_staff")
    desk.goto("/console")
    waiting = desk.get_by_test_id("todo-item-identity.household_claims")
    expect(waiting).to_contain_text("待核验住户")
    waiting.click()  # the home's count opens the queue
    table = desk.get_by_test_id("claims-table")
    row = table.locator(f"[data-testid=claim-row][data-room='{ROOM}']")
    expect(row).to_be_visible()
    row.click()
    detail = desk.get_by_test_id("claim-detail")
    expect(detail).to_contain_text(f"{PHONE[:3]}****{PHONE[-4:]}")
    expect(detail).not_to_contain_text("小明")  # a child is nowhere on staff pages
    detail.get_by_test_id("claim-approve").click()
    expect(desk.get_by_test_id("claim-detail")).to_have_count(0)
    expect(row).to_have_count(0)
    screenshot(desk, "people-household-claims-desk", full_page=False)

    page.reload()
    expect(page.get_by_test_id("my-household-status")).to_have_text("已核验")
