"""The warm station on a courier's phone: scan the station's code, check in with one tap, pick
charging, check out, the station's numbers following; the main actions big and legible
outdoors (≥ 60 px, contrast ≥ 7:1, measured), in elder mode and in English too; a signed-in
courier registers once and sees their card with its short code, adds a photo the desk sees."""

from __future__ import annotations

import io
import re
from typing import Any

import httpx
import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import (
    active_token,
    check_accessibility,
    login,
    otp_texted,
    screenshot,
)
from tests.browser.stack import PHONE_CONTEXT, Stack

STATION_CODE = "TGY-NXYZ"  # 天街暖心驿站, the demo's warm station
# A number no other browser test signs in with.
PHONE = "13600001515"
ALL_DAY = [{"weekday": d, "opens": "00:00", "closes": "23:59:59"} for d in range(7)]

# WCAG 2 contrast of an element's text against the first opaque background behind it, from
# the computed styles (the colours as the browser resolved them: theme, elder mode and all).
_CONTRAST = """(el) => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  let bg = null;
  for (let n = el; n; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] === 1)) { bg = c.slice(0, 3); break; }
  }
  bg = bg || [255, 255, 255];
  const fg = rgb(getComputedStyle(el).color).slice(0, 3);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.fixture(scope="module")
def station(stack: Stack, admin_api: httpx.Client) -> dict[str, Any]:
    """The demo station's code, open all day (the demo's 07:30–22:00 Beijing would close
    the test at night)."""
    token = active_token(admin_api, STATION_CODE)
    target = admin_api.get(f"/directory/v1/codes/{token}").json()["target"]
    station_id = target["id"]
    current = admin_api.get(f"/courier/v1/stations/{station_id}").json()
    profile = {
        key: current[key]
        for key in (
            "rest_seats",
            "charging_points",
            "microwave",
            "water",
            "medicine_kit",
            "auto_close_minutes",
        )
    }
    saved = admin_api.put(f"/courier/v1/stations/{station_id}", json={**profile, "hours": ALL_DAY})
    assert saved.status_code == 200, saved.text
    return {"token": token, "id": station_id}


def present(page: Page) -> int:
    text = page.get_by_test_id("station-present").inner_text()
    found = re.search(r"\d+", text)
    assert found, text
    return int(found.group(0))


def assert_big_and_legible(button: Locator, label: str) -> None:
    """At least 60 px tall, its text at 7:1 or more against what is behind it."""
    box = button.bounding_box()
    assert box is not None, f"{label} is not shown"
    assert box["height"] >= 60, f"{label} is {box['height']} px tall"
    ratio = float(button.evaluate(_CONTRAST))
    assert ratio >= 7, f"{label}: contrast {ratio:.2f}:1"


def test_one_tap_check_in_charging_and_check_out(page: Page, station: dict[str, Any]) -> None:
    page.goto(f"/q/{station['token']}")
    expect(page.get_by_test_id("hub-heading")).to_have_text("天街暖心驿站")
    expect(page.get_by_test_id("station-now")).to_contain_text("正在开放")
    before = present(page)
    check_in = page.get_by_test_id("check-in")
    expect(check_in).to_contain_text("签到")
    assert_big_and_legible(check_in, "签到")
    check_accessibility(page, "the station before check-in")

    check_in.click()  # the one tap after the scan
    expect(page.get_by_test_id("visit-open")).to_contain_text("已签到")
    expect(page.get_by_test_id("station-present")).to_have_text(f"{before + 1} 人")

    charging = page.get_by_test_id("service-charging")
    assert_big_and_legible(charging, "充电")
    free = page.get_by_test_id("station-charging").inner_text()
    charging.click()
    expect(charging).to_have_attribute("aria-pressed", "true")
    assert_big_and_legible(charging, "充电 (picked)")
    expect(page.get_by_test_id("station-charging")).not_to_have_text(free)
    screenshot(page, "courier-station-checked-in")

    # Reopening the page (or scanning again) shows the open visit, not a second check-in.
    page.reload()
    expect(page.get_by_test_id("visit-open")).to_be_visible()
    expect(page.get_by_test_id("service-charging")).to_have_attribute("aria-pressed", "true")
    check_out = page.get_by_test_id("check-out")
    assert_big_and_legible(check_out, "签退")
    check_accessibility(page, "the station during a visit")

    check_out.click()
    expect(page.get_by_test_id("checked-out")).to_contain_text("已签退")
    expect(page.get_by_test_id("station-present")).to_have_text(f"{before} 人")
    expect(page.get_by_test_id("station-charging")).to_have_text(free)


def test_elder_mode_and_english_hold_on_the_station(page: Page, station: dict[str, Any]) -> None:
    page.goto(f"/q/{station['token']}")
    check_in = page.get_by_test_id("check-in")
    expect(check_in).to_be_visible()
    page.get_by_test_id("elder-toggle").click()
    expect(page.locator("html.elder")).to_have_count(1)
    assert_big_and_legible(check_in, "签到 in elder mode")
    size = page.get_by_test_id("station-now").evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    assert size >= 18, size

    page.get_by_test_id("lang-toggle").click()
    expect(check_in).to_contain_text("Check in")
    expect(page.get_by_test_id("station-now")).to_contain_text("Open now")
    assert_big_and_legible(check_in, "Check in, elder mode, English")
    check_accessibility(page, "the station in elder mode and English")
    screenshot(page, "courier-station-elder-en")


def test_a_signed_in_courier_registers_and_sees_their_card(
    page: Page, stack: Stack, station: dict[str, Any], admin_api: httpx.Client, unit_token: str
) -> None:
    page.goto(f"/q/{station['token']}")
    account = page.get_by_test_id("courier-account")
    account.get_by_test_id("resident-phone").locator("input").fill(PHONE)
    since = len(stack.inbox_text("identity"))
    account.get_by_test_id("resident-send").click()
    account.get_by_test_id("resident-code").locator("input").fill(otp_texted(stack, since))
    account.get_by_test_id("resident-submit").click()

    register = page.get_by_test_id("courier-register")
    register.get_by_test_id("courier-nickname").fill("小骑")
    register.get_by_test_id("platform-eleme").check()
    register.get_by_test_id("courier-agree").check()
    register.get_by_test_id("courier-register-submit").click()

    card = page.get_by_test_id("courier-card")
    expect(card.get_by_test_id("courier-card-code")).to_have_text(
        re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")
    )
    expect(page.get_by_test_id("courier-hours")).to_contain_text("0 小时")
    # An optional photo (上传头像): shown on the phone, and to the desk scanning the card.
    photo = page.get_by_test_id("courier-photo")
    expect(photo.locator("img")).to_have_count(0)
    expect(photo).to_contain_text("上传头像")
    face = io.BytesIO()
    Image.new("RGB", (600, 600), (30, 120, 200)).save(face, "PNG")
    page.get_by_test_id("courier-photo-input").set_input_files(
        files=[{"name": "me.png", "mimeType": "image/png", "buffer": face.getvalue()}]
    )
    expect(photo.locator("img")).to_be_visible()
    expect(photo).to_contain_text("换头像")
    assert photo.locator("img").evaluate("img => img.naturalWidth") > 0
    # The QR drawn on the phone is the card the desk scans: decoded, the station finds them.
    # (Cut from the whole page's capture: an element's own capture in headless Chromium
    # sometimes misses a band of rows not yet rasterised.)
    check_accessibility(page, "the courier's card")
    page_shot = Image.open(screenshot(page, "courier-card")).convert("L")
    box = card.get_by_test_id("courier-card-qr").bounding_box()
    assert box is not None
    assert box["width"] >= 200, box
    scale = int(PHONE_CONTEXT["device_scale_factor"])
    left = round(box["x"] * scale)
    top = round((box["y"] + float(page.evaluate("scrollY"))) * scale)
    side = round(box["width"] * scale)
    shot = page_shot.crop((left, top, left + side, top + side))
    found = zxingcpp.read_barcodes(shot)
    assert len(found) == 1, found
    assert found[0].text.startswith("SQWB-COURIER:"), found[0].text
    scanned = admin_api.get(f"/courier/v1/stations/{station['id']}/cards/{found[0].text}")
    assert scanned.status_code == 200, scanned.text
    assert scanned.json()["nickname"] == "小骑"
    assert scanned.json()["photo_url"].startswith("/api/courier/v1/media/")
    short = card.get_by_test_id("courier-card-code").inner_text()
    by_code = admin_api.get(f"/courier/v1/stations/{station['id']}/cards/{short}")
    assert by_code.json()["courier_id"] == scanned.json()["courier_id"]

    # Checked in now, the visit is theirs (registered, not anonymous).
    page.get_by_test_id("check-in").click()
    expect(page.get_by_test_id("visit-open")).to_be_visible()
    page.get_by_test_id("check-out").click()
    expect(page.get_by_test_id("checked-out")).to_be_visible()
    visit = page.get_by_test_id("courier-visit")
    expect(visit).to_have_count(1)
    expect(visit).to_contain_text("天街暖心驿站")
    expect(visit).to_contain_text("已签退")

    # The hub's 我的 holds their volunteer hours (none confirmed yet), signed in already.
    page.goto(f"/q/{unit_token}")
    page.get_by_test_id("hub-me").click()
    expect(page.get_by_test_id("my-volunteering-total")).to_have_text("累计 0 小时")
    expect(page.get_by_test_id("resident-phone")).to_have_count(0)
    check_accessibility(page, "the resident's 我的")


def test_station_staff_print_the_stations_poster_from_the_console(
    page: Page, station: dict[str, Any]
) -> None:
    login(page, "station_tgy")
    page.goto(f"/console/places/{station['id']}")
    expect(page.get_by_test_id("print-sheet")).to_contain_text("签到海报")
    page.get_by_test_id("print-sheet").click()
    expect(page.get_by_test_id("sheet-count")).to_have_text("共 1 个二维码", timeout=30_000)
    poster = page.frame_locator("[data-testid=sheet-frame]").locator("[data-place-code]")
    expect(poster).to_contain_text("天街暖心驿站")
    expect(poster).to_contain_text("扫码签到 · 免费歇脚充电")
