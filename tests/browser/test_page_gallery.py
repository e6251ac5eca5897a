"""Each main page in both modes: no serious or critical axe-core violation, and a screenshot
in test-artifacts/screenshots/ (git-ignored) for people to look at."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from playwright.sync_api import Page

from tests.browser.conftest import (
    active_token,
    check_accessibility,
    login,
    place_by_code,
    screenshot,
    set_elder_before_load,
)


def open_hub(page: Page, api: httpx.Client) -> None:
    page.goto(f"/q/{active_token(api, 'TGYZL-03-2')}")
    page.get_by_test_id("hub-heading").wait_for()


def open_error(page: Page, api: httpx.Client) -> None:
    # A revoked code of 黄村西里 (its own door, so other tests keep theirs).
    place = place_by_code(api, "HCXL-06-2")
    codes = api.get(f"/directory/v1/places/{place['id']}/codes").json()
    active = [c for c in codes if c["status"] == "active"]
    if active:
        api.post(f"/directory/v1/codes/{active[0]['token']}/revoke", json={"reason": "gallery"})
    page.goto(f"/q/{codes[0]['token']}")
    page.get_by_test_id("code-problem").wait_for()


def open_login(page: Page, api: httpx.Client) -> None:
    page.goto("/console/login")
    page.get_by_test_id("login-username").wait_for()


def open_places(page: Page, api: httpx.Client) -> None:
    login(page, "tgyzl_staff")
    page.goto("/console/places")
    page.get_by_test_id("root-place").wait_for()


def open_community(page: Page, api: httpx.Client) -> None:
    login(page, "tgyzl_staff")
    page.goto(f"/console/places/{place_by_code(api, 'TGYZL')['id']}")
    page.get_by_test_id("child-place").first.wait_for()


PAGES: dict[str, Callable[[Page, httpx.Client], None]] = {
    "hub": open_hub,
    "error": open_error,
    "console-login": open_login,
    "console-places": open_places,
    "console-community": open_community,
}


@pytest.mark.parametrize("mode", ["normal", "elder"])
@pytest.mark.parametrize("name", list(PAGES))
def test_main_page(page: Page, admin_api: httpx.Client, name: str, mode: str) -> None:
    set_elder_before_load(page, mode == "elder")
    PAGES[name](page, admin_api)
    assert page.evaluate("document.documentElement.classList.contains('elder')") == (
        mode == "elder"
    )
    page.wait_for_load_state("networkidle")
    # Chinese text renders with a real font (fonts-wqy-microhei), not as empty boxes.
    assert page.evaluate("document.fonts.check('16px \"WenQuanYi Micro Hei\"', '天宫院')")
    check_accessibility(page, f"{name} ({mode})")
    path = screenshot(page, f"{name}-{mode}", full_page=not name.startswith("console-"))
    assert path.stat().st_size > 10_000
