"""The warm station's desk in the console (pages/courier/console/): station staff `station_tgy`
see who is in, scan a courier's card with the desk's camera and check them in, check them out
from the live view, type a short code (a courier with a photo shows their face, one without
the nickname's first character), and see a revoked card refused; the live view holds on a
phone too. Screenshots go to test-artifacts/screenshots/ (courier-desk-*).

The camera is Chromium's fake capture device playing a Y4M file made here: the QR code of a real
demo courier's card (its payload `SQWB-COURIER:<token>`, as the courier's phone shows it), so the
page reads it with the same code that reads a real camera's frames."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import segno
from PIL import Image
from playwright.sync_api import Browser, Page, Playwright, expect

from services.kit.demo import demo_resident_phone
from tests.browser.conftest import check_accessibility, login, otp_texted, screenshot
from tests.browser.stack import CHROMIUM, CHROMIUM_ARGS, PHONE_CONTEXT, Stack

DESK: dict[str, Any] = {
    "viewport": {"width": 1280, "height": 800},
    "device_scale_factor": 1,
    "is_mobile": False,
    "has_touch": False,
    "locale": "zh-CN",
    "timezone_id": "Asia/Shanghai",
}
# Demo couriers of this file (registered at 天街暖心驿站, kit.demo's numbers); others leave them be.
SCANNED, TYPED, REVOKED = 187, 193, 199
FRAME = (640, 480)


def courier_card(stack: Stack, n: int) -> dict[str, Any]:
    """A demo courier's profile and card, as their phone gets them after signing in."""
    phone = demo_resident_phone(n)
    with httpx.Client(base_url=f"{stack.base_url}/api", timeout=30) as http:
        since = len(stack.inbox_text("identity"))
        http.post("/identity/v1/auth/otp/send", json={"phone": phone}).raise_for_status()
        signed = http.post(
            "/identity/v1/auth/otp/verify", json={"phone": phone, "code": otp_texted(stack, since)}
        )
        signed.raise_for_status()
        me = {"Authorization": f"Bearer {signed.json()['access_token']}"}
        profile = http.get("/courier/v1/me/courier", headers=me)
        profile.raise_for_status()
        card = http.get("/courier/v1/me/courier/card", headers=me)
        card.raise_for_status()
    return {**profile.json(), "card": card.json(), "headers": me}


def give_photo(stack: Stack, courier: dict[str, Any]) -> None:
    """The courier adds a profile photo from their phone (upload, then name it)."""
    face = io.BytesIO()
    Image.new("RGB", (400, 400), (200, 90, 20)).save(face, "JPEG")
    with httpx.Client(base_url=f"{stack.base_url}/api", timeout=30) as http:
        uploaded = http.post(
            "/courier/v1/media",
            files={"file": ("me.jpg", face.getvalue(), "image/jpeg")},
            headers=courier["headers"],
        )
        uploaded.raise_for_status()
        http.put(
            "/courier/v1/me/courier/photo",
            json={"media_id": uploaded.json()["id"]},
            headers=courier["headers"],
        ).raise_for_status()


def qr_video(payload: str, path: Path, frames: int = 8) -> Path:
    """A Y4M (4:2:0) clip of a QR code on white, centred, 8 px a module: what the fake camera
    plays in a loop."""
    width, height = FRAME
    matrix = segno.make(payload, error="m").matrix
    scale = 8
    side = len(matrix) * scale
    left, top = (width - side) // 2, (height - side) // 2
    luma = bytearray(b"\xeb" * (width * height))  # 235: white in video range
    for r, row in enumerate(matrix):
        dark = bytes([16]) * scale  # black in video range
        for c, module in enumerate(row):
            if not module:
                continue
            for dy in range(scale):
                start = (top + r * scale + dy) * width + left + c * scale
                luma[start : start + scale] = dark
    chroma = b"\x80" * ((width // 2) * (height // 2))
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            out.write(b"FRAME\n" + bytes(luma) + chroma + chroma)
    return path


@pytest.fixture(scope="module")
def scanned(stack: Stack) -> dict[str, Any]:
    return courier_card(stack, SCANNED)


@pytest.fixture(scope="module")
def station(stack: Stack) -> Iterator[dict[str, Any]]:
    """天街暖心驿站, open all day for this file (a desk's check-in at night would be refused as
    closed), its hours put back afterwards; the demo couriers of this file not in."""
    with stack.api("station_tgy") as api:
        [found] = [s for s in api.get("/courier/v1/stations").json() if "天街" in s["name"]]
        profile = {
            k: found[k]
            for k in (
                "hours",
                "rest_seats",
                "charging_points",
                "microwave",
                "water",
                "medicine_kit",
                "auto_close_minutes",
            )
        }
        all_day = [{"weekday": d, "opens": "00:00", "closes": "23:59"} for d in range(7)]
        api.put(
            f"/courier/v1/stations/{found['id']}", json={**profile, "hours": all_day}
        ).raise_for_status()
        try:
            yield found
        finally:
            api.put(f"/courier/v1/stations/{found['id']}", json=profile).raise_for_status()


def not_in(stack: Stack, station: dict[str, Any], card: str) -> None:
    """Checked out first if a demo visit of theirs is still open (the demo's week runs to now)."""
    with stack.api("station_tgy") as api:
        seen = api.get(f"/courier/v1/stations/{station['id']}/cards/{card}").json()
        visit = seen.get("open_visit")
        if visit and visit["status"] == "open":
            api.post(
                f"/courier/v1/stations/{visit['station_id']}/visits/{visit['id']}/checkout"
            ).raise_for_status()


@pytest.fixture(scope="module")
def camera_browser(
    playwright: Playwright, scanned: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Browser]:
    """Chromium whose camera shows the scanned courier's card (and asks no permission)."""
    clip = qr_video(scanned["card"]["qr_payload"], tmp_path_factory.mktemp("camera") / "card.y4m")
    launched = playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={clip}",
        ],
    )
    yield launched
    launched.close()


@pytest.fixture
def desk(camera_browser: Browser, stack: Stack, motion: str) -> Iterator[Page]:
    context = camera_browser.new_context(**DESK, base_url=stack.base_url, reduced_motion=motion)
    context.grant_permissions(["camera"])
    try:
        yield context.new_page()
    finally:
        context.close()


def test_at_the_desk_staff_scan_a_card_with_the_camera_check_in_and_out_and_type_a_code(
    desk: Page, stack: Stack, station: dict[str, Any], scanned: dict[str, Any]
) -> None:
    not_in(stack, station, scanned["card"]["short_code"])
    typed = courier_card(stack, TYPED)
    not_in(stack, station, typed["card"]["short_code"])
    give_photo(stack, typed)

    login(desk, "station_tgy")
    desk.goto("/console/courier")
    live = desk.get_by_test_id("courier-live")
    expect(live.get_by_test_id("live-present")).to_contain_text(re.compile(r"\d+"))
    expect(live.get_by_test_id("live-charging")).to_contain_text("空闲充电位")
    expect(desk.get_by_test_id("live-updated")).to_contain_text("每 15 秒刷新")
    check_accessibility(desk, "the live view at a desk")
    screenshot(desk, "courier-desk-1280x800-live")

    # The camera reads the card's QR code: the courier by nickname, the phone masked.
    desk.get_by_test_id("courier-tab-scan").click()
    desk.get_by_test_id("camera-start").click()
    expect(desk.get_by_test_id("scanned-nickname")).to_have_text(
        scanned["nickname"], timeout=15_000
    )
    expect(desk.get_by_test_id("scanned-phone")).to_have_text(scanned["phone_masked"])
    expect(desk.get_by_test_id("scanned-status")).to_have_text("未在站")
    # No photo: the avatar is the nickname's first character.
    found = desk.get_by_test_id("scanned-courier")
    expect(found.get_by_test_id("courier-avatar")).to_have_text(scanned["nickname"][0])
    desk.get_by_test_id("service-charging").click()
    desk.get_by_test_id("scan-check-in").click()
    expect(desk.get_by_test_id("scanned-status")).to_contain_text("在站中")
    check_accessibility(desk, "a scanned card at a desk")
    screenshot(desk, "courier-desk-1280x800-scanned")

    # The live view names them with the service they use; they are checked out from there.
    desk.get_by_test_id("courier-tab-live").click()
    row = desk.get_by_test_id("live-courier").filter(has_text=scanned["nickname"])
    expect(row).to_contain_text("充电")
    expect(row).to_contain_text(scanned["phone_masked"])
    row.get_by_test_id("live-checkout").click()
    desk.locator(".van-dialog__confirm").click()
    expect(desk.get_by_test_id("live-courier").filter(has_text=scanned["nickname"])).to_have_count(
        0
    )

    # The short code typed as people type it (lower case, a space for the dash).
    desk.get_by_test_id("courier-tab-scan").click()
    code = typed["card"]["short_code"].lower().replace("-", " ")
    desk.get_by_test_id("short-code").locator("input").fill(code)
    desk.get_by_test_id("short-code-go").click()
    expect(desk.get_by_test_id("scanned-nickname")).to_have_text(typed["nickname"])
    # A courier with a photo: the desk sees their face (the signed link loads).
    face = desk.get_by_test_id("scanned-courier").get_by_test_id("courier-avatar").locator("img")
    expect(face).to_be_visible()
    # Loaded, not only laid out (a busy machine decodes it a moment after it shows).
    desk.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=face.element_handle())
    desk.get_by_test_id("scan-check-in").click()
    expect(desk.get_by_test_id("scanned-status")).to_contain_text("在站中")
    desk.get_by_test_id("scan-check-out").click()
    expect(desk.get_by_test_id("scanned-status")).to_have_text("未在站")

    # A letter no card has is named before asking anyone; a revoked card is refused plainly.
    desk.get_by_test_id("short-code").locator("input").fill("ABCD-EFG0")
    desk.get_by_test_id("short-code-go").click()
    expect(desk.get_by_test_id("scan-problem")).to_contain_text("没有 0、O、1、I、L")
    revoked = courier_card(stack, REVOKED)
    with stack.api("station_tgy") as api:
        api.post(
            f"/courier/v1/stations/{station['id']}/cards/{revoked['card']['short_code']}/revoke"
        ).raise_for_status()
    desk.get_by_test_id("short-code").locator("input").fill(revoked["card"]["short_code"])
    desk.get_by_test_id("short-code-go").click()
    expect(desk.get_by_test_id("scan-problem")).to_have_text("这张骑手卡已注销")
    expect(desk.get_by_test_id("scanned-courier")).to_have_count(0)
    screenshot(desk, "courier-desk-1280x800-revoked")


def test_the_desk_lands_on_the_kit_filtered_from_the_home_pages_links(
    desk: Page, station: dict[str, Any]
) -> None:
    login(desk, "station_tgy")
    desk.goto("/console/courier/supplies?filter=expiring")
    table = desk.get_by_test_id("supplies-table")
    expect(table.get_by_test_id("supply-name").first).to_be_visible()
    # Every row shown is expiring or expired (the demo's kit has one near expiry).
    flagged = table.locator("[data-testid=flag-near-expiry], [data-testid=flag-expired]")
    expect(flagged).to_have_count(table.get_by_test_id("supply-name").count())
    expect(desk.get_by_test_id("supplies-filter-expiring")).to_have_attribute(
        "aria-pressed", "true"
    )
    check_accessibility(desk, "the kit at a desk")
    screenshot(desk, "courier-desk-1280x800-supplies")

    # A restock in Element Plus's dialog: the stock grows by what was added.
    name = table.get_by_test_id("supply-name").first.inner_text()
    row = table.locator("tr", has_text=name)
    before = int(re.findall(r"\d+", row.locator("td").nth(2).inner_text())[0])
    row.get_by_test_id(f"restock-{name}").click()
    dialog = desk.locator(".el-dialog", has_text=name)
    dialog.get_by_test_id("restock-quantity").locator("input").fill("5")
    dialog.get_by_test_id("restock-expires").locator("input").fill("2030-06-30")
    screenshot(desk, "courier-desk-1280x800-restock", full_page=False)
    dialog.get_by_test_id("restock-dialog-confirm").click()
    expect(desk.locator(".el-dialog", has_text=name)).to_be_hidden()
    desk.get_by_test_id("supplies-filter-all").click()
    expect(
        desk.get_by_test_id("supplies-table").locator("tr", has_text=name).locator("td").nth(2)
    ).to_contain_text(str(before + 5))


def test_at_a_desk_volunteer_hours_are_confirmed_once_and_visits_open_their_detail(
    desk: Page, station: dict[str, Any]
) -> None:
    # The street posts the volunteering tasks (demo_activities.py): its admin confirms the hours.
    login(desk, "tgy_admin")
    desk.goto("/console/courier/activities?filter=unconfirmed")
    waiting = desk.get_by_test_id("activity-card").filter(
        has=desk.get_by_test_id("hours-to-confirm")
    )
    waiting.first.get_by_test_id("activity-open").click()
    row = (
        desk.get_by_test_id("signup-row")
        .filter(has_not=desk.get_by_test_id("signup-confirmed"))
        .first
    )
    nickname = row.get_attribute("data-nickname")
    row.get_by_test_id("signup-confirm").click()
    confirmed = desk.locator(f"[data-testid=signup-row][data-nickname='{nickname}']").first
    expect(confirmed.get_by_test_id("signup-confirmed")).to_contain_text("已确认")
    # A second click (a stale page, a double tap): refused, and said so on the row.
    confirmed.get_by_test_id("signup-confirm").click()
    expect(confirmed.get_by_test_id("signup-problem")).to_contain_text("不能重复确认")
    check_accessibility(desk, "sign-ups and hours at a desk")
    screenshot(desk, "courier-desk-1280x800-hours")

    desk.goto("/console/courier/visits?status=closed")
    table = desk.get_by_test_id("visits-table")
    expect(table.get_by_test_id("visit-row").first).to_be_visible()
    assert table.get_by_test_id("visit-row").count() == 20  # a page of the demo's week
    screenshot(desk, "courier-desk-1280x800-visits")
    table.get_by_test_id("visit-row").first.click()
    expect(desk.get_by_test_id("courier-visit")).to_contain_text("已签退")
    expect(desk.get_by_test_id("visit-items")).to_contain_text("领用的药品物资")


def test_at_a_desk_staff_publish_a_most_helpful_list_once(
    desk: Page, station: dict[str, Any]
) -> None:
    # Last month's hours list (demo_activities.py) names couriers who agree to be named and
    # volunteered then: one of them is picked from the month's sign-ups, with a reason.
    login(desk, "tgy_admin")
    desk.goto("/console/courier/activities")
    hours_list = desk.locator("[data-testid=recognition-list][data-category=volunteer_hours]")
    named = hours_list.first.locator("li[data-nickname]").first.get_attribute("data-nickname")
    assert named

    def publish() -> Any:
        desk.get_by_test_id("recognition-publish").click()
        dialog = desk.get_by_test_id("publish-dialog")
        dialog.get_by_test_id("publish-category-most_helpful").click()
        dialog.get_by_test_id(f"helpful-pick-{named}").first.click()
        dialog.get_by_test_id(f"helpful-reason-{named}").first.locator("input").fill(
            "雨天帮邻居送药"
        )
        dialog.get_by_test_id("publish-dialog-confirm").click()
        return dialog

    publish()
    helpful = desk.locator("[data-testid=recognition-list][data-category=most_helpful]")
    expect(helpful.first).to_contain_text("热心骑手榜")
    expect(helpful.first).to_contain_text(f"{named}")
    expect(helpful.first).to_contain_text("雨天帮邻居送药")
    # The same month and kind again: refused, and said so in the dialog.
    dialog = publish()
    expect(dialog.get_by_test_id("publish-error")).to_contain_text("已经发布过了")
    screenshot(desk, "courier-desk-1280x800-most-helpful")


def test_at_a_desk_the_statistics_draw_the_hour_heatmap_and_export_masked(
    desk: Page, station: dict[str, Any]
) -> None:
    login(desk, "station_tgy")
    desk.goto("/console/courier/stats")
    # The demo's week: about a hundred visits a day, registered couriers and anonymous apart.
    visits = desk.get_by_test_id("figure-visits").locator("strong")
    expect(visits).to_have_text(re.compile(r"^[1-9]\d{2,}$"))
    expect(desk.get_by_test_id("figure-unique").locator("strong")).to_have_text(
        re.compile(r"^[1-9]\d*$")
    )
    heatmap = desk.get_by_test_id("chart-heatmap")
    expect(heatmap.locator("canvas").first).to_be_visible()
    expect(heatmap.get_by_role("img")).to_have_attribute(
        "aria-label", re.compile("到访时段热力图；周")
    )
    expect(desk.get_by_test_id("stats-range")).to_be_visible()
    with desk.expect_download() as download:
        desk.get_by_test_id("export-csv").click()
    first_row = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()[0]
    assert "已脱敏" in first_row, first_row
    check_accessibility(desk, "the statistics at a desk")
    screenshot(desk, "courier-desk-1280x800-stats")


@pytest.fixture
def phone(browser: Browser, stack: Stack, motion: str) -> Iterator[Page]:
    context = browser.new_context(**PHONE_CONTEXT, base_url=stack.base_url, reduced_motion=motion)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_on_a_phone_the_live_view_shows_who_is_in_as_cards(
    phone: Page, station: dict[str, Any]
) -> None:
    login(phone, "station_tgy")
    phone.goto("/console/courier")
    expect(phone.get_by_test_id("live-present")).to_contain_text("在站人数")
    expect(phone.get_by_test_id("live-table")).to_have_count(0)  # a desk's table, not a phone's
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the live view is wider than the phone: {width}px"
    check_accessibility(phone, "the live view on a phone")
    screenshot(phone, "courier-desk-375x667-live")
