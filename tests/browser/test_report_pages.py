"""Reporting a problem from the unit door's code, on a phone in WeChat: the form (category,
description, a real photo compressed in the browser, phone with consent), the success page
and the tracking link, a neighbour's "+1", staff handling through the API, and the
reporter's rating; then the same form in elder mode."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import Browser, Page, Request, Route, expect

from tests.browser.conftest import (
    active_token,
    check_accessibility,
    otp_texted,
    screenshot,
    set_elder_before_load,
)
from tests.browser.stack import Stack
from tests.browser.test_elder_mode import INPUT_SIZES, small_targets, small_text

NUMBER = re.compile(r"^TGYZL-\d{4}-\d{6}$")


# The share of a photo tile painted over by something other than the photo (opaque boxes).
PAINTED_OVER = """tile => {
  const box = tile.getBoundingClientRect();
  let painted = 0;
  for (const el of tile.querySelectorAll('*')) {
    if (el.tagName === 'IMG') continue;
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const bg = style.backgroundColor;
    const drawn = bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent';
    if (drawn && r.width > 0 && r.height > 0) painted += r.width * r.height;
  }
  return painted / (box.width * box.height);
}"""


def photo_file(folder: Path, name: str = "stairwell.jpg") -> Path:
    """A 3000×2000 JPEG as a phone camera makes it (bigger than the 1600 px sent)."""
    image = Image.new("RGB", (3000, 2000), (70, 80, 90))
    draw = ImageDraw.Draw(image)
    for x in range(0, 3000, 150):
        draw.rectangle([x, 0, x + 70, 2000], fill=(200, 190, 120))
    draw.ellipse([1200, 700, 1800, 1300], fill=(250, 250, 210))
    path = folder / name
    image.save(path, "JPEG", quality=92)
    return path


@pytest.fixture
def neighbour(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[Page]:
    """A second resident's phone."""
    context = browser.new_context(**browser_context_args)
    yield context.new_page()
    context.close()


@pytest.fixture
def staff(stack: Stack) -> Iterator[httpx.Client]:
    with stack.api("tgyzl_staff") as client:
        yield client


def ticket_by_number(staff: httpx.Client, number: str) -> dict[str, Any]:
    found = staff.get("/intake/v1/tickets", params={"limit": 100}).json()["items"]
    return next(t for t in found if t["number"] == number)


def handle_to_resolved(
    staff: httpx.Client, ticket_id: str, note: str, *, outcome: str = "reached"
) -> None:
    """What community staff do in the console: call back, send the team, mark it fixed."""
    base = f"/intake/v1/tickets/{ticket_id}"
    for path, body in (
        ("acknowledge", {"outcome": outcome, "note": "已处理"}),
        ("assign", {"assignee_kind": "team", "assignee_ref": "物业维修班"}),
        ("start", None),
        ("resolve", {"note": note}),
    ):
        answer = staff.post(f"{base}/{path}", json=body)
        assert answer.status_code == 200, (path, answer.text)


def fill_report(page: Page, category: str, description: str) -> None:
    page.get_by_test_id(f"category-{category}").click()
    page.get_by_test_id("report-description").locator("textarea").fill(description)


def test_a_resident_reports_a_neighbour_follows_and_the_reporter_rates_the_fix(
    page: Page,
    neighbour: Page,
    unit_token: str,
    admin_api: httpx.Client,
    staff: httpx.Client,
    tmp_path: Path,
) -> None:
    description = "5 楼楼道灯不亮，已经 3 天了，晚上上楼看不见台阶"
    page.goto(f"/q/{unit_token}")
    page.get_by_test_id("hub-entry-report").click()
    expect(page).to_have_url(re.compile(r"/q/[A-Za-z2-7]{12}/report$"))
    expect(page).to_have_title("报事报修 · 您扫我办")
    fill_report(page, "lighting", description)
    expect(page.get_by_test_id("category-lighting")).to_have_attribute("aria-checked", "true")

    # A real photo: made smaller in the browser (long side 1600 px) before it goes up.
    with page.expect_response(
        lambda r: r.url.endswith("/api/intake/v1/media") and r.request.method == "POST"
    ) as uploaded:
        page.get_by_test_id("photo-input").set_input_files(str(photo_file(tmp_path)))
    media = uploaded.value.json()
    assert uploaded.value.status == 201, media
    assert (media["kind"], media["width"], media["height"]) == ("image", 1600, 1067)
    tile = page.get_by_test_id("photo-tile")
    expect(tile).to_have_attribute("data-status", "done")
    expect(tile).to_contain_text("已上传")
    # The photo stays in view: what is drawn over it (a tick, a small corner delete) covers
    # well under a fifth of the tile.
    covered = tile.evaluate(PAINTED_OVER)
    assert covered < 0.2, covered
    expect(tile.get_by_role("button", name="删除 照片 1")).to_be_visible()

    # The consent line is there to read before anything is sent.
    consent = page.get_by_test_id("report-consent")
    expect(consent).to_contain_text("同意社区工作人员致电回访")
    page.get_by_test_id("report-phone").locator("input").fill("1380013800")
    page.get_by_test_id("report-submit").click()
    expect(page.get_by_test_id("report-phone")).to_contain_text("请输入正确的 11 位手机号")
    page.get_by_test_id("report-phone").locator("input").fill("138 0013 8000")
    page.get_by_test_id("report-submit").click()
    expect(page.get_by_role("alert").filter(has_text="请勾选")).to_be_visible()
    check_accessibility(page, "report form with errors")
    consent.click()

    with page.expect_request(
        lambda r: r.url.endswith("/api/intake/v1/tickets") and r.method == "POST"
    ) as sent:
        page.get_by_test_id("report-submit").click()
    request: Request = sent.value
    assert re.fullmatch(r"[0-9a-f-]{36}", request.headers["idempotency-key"])
    body = request.post_data_json
    assert body is not None
    assert body["reporter_phone"] == "13800138000"
    assert body["consent"] is True
    assert body["photo_ids"] == [media["id"]]

    # The success page: the number, when we reply, the link to keep.
    number = page.get_by_test_id("done-number")
    expect(number).to_have_text(NUMBER)
    filed = number.inner_text()
    expect(page.get_by_test_id("done-reply")).to_contain_text(
        re.compile(r"我们会在 \d{4}/\d{2}/\d{2} \d{2}:\d{2} 前回复您")
    )
    # They left a phone: they will be texted at it (masked), and may keep it in 我的反馈.
    expect(page.get_by_test_id("done-texted")).to_contain_text("138****8000")
    expect(page.get_by_test_id("done-keep")).to_contain_text("保存到“我的反馈”")
    link = page.get_by_test_id("done-link").inner_text()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/t/[A-Za-z0-9_-]{20,}", link), link
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_test_id("done-copy").click()
    expect(page.locator(".van-toast")).to_contain_text("已复制")
    assert page.evaluate("navigator.clipboard.readText()") == link
    check_accessibility(page, "report sent")
    screenshot(page, "report-done")

    # Its tracking page: submitted, the photo, the trail.
    page.goto(link)
    expect(page.get_by_test_id("track-number")).to_contain_text(filed)
    expect(page.get_by_test_id("track-status")).to_have_text("待受理")
    expect(page.get_by_test_id("track-timeline")).to_contain_text("已提交")
    expect(page.get_by_test_id("track-actions")).to_have_count(0)
    check_accessibility(page, "tracking, submitted")
    page.get_by_test_id("track-photo").click()  # the thumbnail opens the photo
    expect(page.locator(".van-image-preview")).to_be_visible()
    page.locator(".van-image-preview__close-icon").click()
    expect(page.locator(".van-image-preview")).to_be_hidden()

    # A neighbour at 3号楼 1单元 is about to report the same: "+1" instead.
    neighbour_door = active_token(admin_api, "TGYZL-03-1")
    neighbour.goto(f"/q/{neighbour_door}/report")
    neighbour.get_by_test_id("category-lighting").click()
    suggestion = neighbour.get_by_test_id("similar-report").filter(has_text="5 楼楼道灯不亮")
    expect(suggestion).to_contain_text("待受理")
    expect(suggestion).not_to_contain_text("138")  # no one's phone, no one's name
    # Filed at 2单元: offered to this 1单元 neighbour under "the rest of the building".
    expect(neighbour.get_by_test_id("similar-group-building")).to_have_text("3号楼其他单元")
    expect(neighbour.get_by_test_id("similar-group-unit")).to_have_count(0)
    check_accessibility(neighbour, "report form with a +1 suggestion")
    screenshot(neighbour, "report-similar")
    # A tap on the suggestion puts its "+1" on screen, ready for the next tap.
    neighbour.evaluate("window.scrollTo(0, 0)")
    suggestion.locator(".similar-excerpt").click()
    expect(suggestion.get_by_test_id("similar-follow")).to_be_in_viewport(ratio=1)
    expect(suggestion.get_by_test_id("similar-follow")).to_be_focused()
    suggestion.get_by_test_id("similar-follow").click()
    expect(neighbour).to_have_url(re.compile(r"/t/[A-Za-z0-9_-]{20,}$"))
    followed_at = neighbour.url
    expect(neighbour.get_by_test_id("track-number")).to_contain_text(filed)
    expect(neighbour.get_by_test_id("track-follower-note")).to_be_visible()
    expect(neighbour.get_by_test_id("track-ticket")).to_contain_text("1 位邻居也遇到了")
    expect(neighbour.get_by_test_id("track-photo")).to_have_count(0)  # not the reporter's photos
    neighbour.goto(f"/q/{neighbour_door}/mine")
    expect(neighbour.get_by_test_id("mine-report")).to_contain_text("我关注的")

    # Back on the reporter's phone, their own report is no "+1" suggestion: it leads to itself.
    page.goto(f"/q/{unit_token}/report")
    page.get_by_test_id("category-lighting").click()
    own = page.get_by_test_id("similar-report").filter(has_text="5 楼楼道灯不亮")
    expect(page.get_by_test_id("similar-group-unit")).to_have_text("本单元")  # their own door
    expect(own.get_by_test_id("similar-own")).to_have_text("这是您报的，查看进度")
    expect(own.get_by_test_id("similar-follow")).to_have_count(0)
    own.get_by_test_id("similar-own").click()
    expect(page.get_by_test_id("track-number")).to_contain_text(filed)

    # Staff call back, send the team, mark it fixed.
    handle_to_resolved(staff, ticket_by_number(staff, filed)["id"], "已更换 5 楼声控灯")

    page.get_by_test_id("track-refresh").click()
    expect(page.get_by_test_id("track-status")).to_have_text("已解决")
    timeline = page.get_by_test_id("track-timeline")
    for line in ("社区已受理", "已解决", "已更换 5 楼声控灯"):
        expect(timeline).to_contain_text(line)
    expect(page.get_by_test_id("track-confirm")).to_be_visible()
    expect(page.get_by_test_id("track-reopen")).to_be_visible()
    # They were texted (by intake's worker, every few seconds): their trail says so to them.
    for _ in range(20):
        if timeline.get_by_text("已给您发短信").count():
            break
        page.wait_for_timeout(1000)
        page.get_by_test_id("track-refresh").click()
    expect(timeline).to_contain_text("已给您发短信")
    expect(timeline).not_to_contain_text("反映人")
    # The neighbour's link shows the fix and offers nothing to do: that is the reporter's.
    neighbour.goto(followed_at)
    expect(neighbour.get_by_test_id("track-status")).to_have_text("已解决")
    expect(neighbour.get_by_test_id("track-actions")).to_have_count(0)
    page.get_by_test_id("track-rate").click()
    page.get_by_test_id("rate-submit").click()
    expect(page.get_by_test_id("rate-panel")).to_contain_text("请点星星打分")
    page.get_by_test_id("star-5").click()
    expect(page.get_by_test_id("star-5")).to_have_attribute("aria-checked", "true")
    page.get_by_test_id("rate-comment").locator("textarea").fill("修得很快，谢谢")
    check_accessibility(page, "tracking, rating")
    page.get_by_test_id("rate-submit").click()

    expect(page.get_by_test_id("track-status")).to_have_text("已办结")
    expect(page.get_by_test_id("track-rating")).to_contain_text("★★★★★")
    expect(page.get_by_test_id("track-actions")).to_have_count(0)
    expect(page.get_by_test_id("track-timeline")).to_contain_text("修得很快，谢谢")
    screenshot(page, "report-tracking-closed")
    assert ticket_by_number(staff, filed)["status"] == "closed"

    # "我的反馈" on this phone lists it, with its status now.
    page.goto(f"/q/{unit_token}/mine")
    mine = page.get_by_test_id("mine-report").filter(has_text=filed)
    expect(mine).to_contain_text("已办结")
    expect(mine).to_contain_text("我报的")
    check_accessibility(page, "my reports")
    screenshot(page, "report-mine")


def test_a_submission_whose_answer_was_lost_is_filed_once(
    page: Page, unit_token: str, staff: httpx.Client
) -> None:
    description = "2 单元门口的垃圾桶满了，没人清"
    lost = {"left": 1}

    def lose_the_answer(route: Route) -> None:
        # The server files it; the answer never reaches the phone (a train enters a tunnel).
        if lost["left"] and route.request.method == "POST":
            lost["left"] -= 1
            route.fetch()
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route(re.compile(r".*/api/intake/v1/tickets$"), lose_the_answer)
    page.goto(f"/q/{unit_token}/report")
    fill_report(page, "sanitation", description)
    page.get_by_test_id("report-submit").click()
    expect(page.get_by_test_id("report-error")).to_contain_text("网络")

    # What was typed is still there after a reload, and goes again under the same key.
    page.reload()
    expect(page.get_by_test_id("draft-restored")).to_be_visible()
    expect(page.get_by_test_id("report-description").locator("textarea")).to_have_value(description)
    with page.expect_response(
        lambda r: r.url.endswith("/api/intake/v1/tickets") and r.request.method == "POST"
    ) as answer:
        page.get_by_test_id("report-submit").click()
    assert answer.value.headers.get("idempotent-replayed") == "true"
    expect(page.get_by_test_id("done-number")).to_have_text(NUMBER)
    # No phone was left: nothing promises a text.
    expect(page.get_by_test_id("done-texted")).to_have_count(0)
    filed = staff.get("/intake/v1/tickets", params={"category": "sanitation", "limit": 100})
    assert [t["excerpt"] for t in filed.json()["items"]].count(description) == 1

    # The next report starts empty, with a key of its own.
    page.goto(f"/q/{unit_token}/report")
    expect(page.get_by_test_id("report-description").locator("textarea")).to_have_value("")
    expect(page.get_by_test_id("draft-restored")).to_have_count(0)


def test_the_report_form_in_elder_mode(page: Page, unit_token: str, tmp_path: Path) -> None:
    set_elder_before_load(page, True)
    page.goto(f"/q/{unit_token}/report")
    page.get_by_test_id("category-facility").click()
    page.get_by_test_id("report-description").locator("textarea").fill("单元门的闭门器坏了")
    page.get_by_test_id("photo-input").set_input_files(str(photo_file(tmp_path, "door.jpg")))
    expect(page.get_by_test_id("photo-tile")).to_have_attribute("data-status", "done")
    assert page.evaluate("document.documentElement.classList.contains('elder')")
    assert small_text(page, 18) == []
    assert small_targets(page, 60) == []
    sizes = page.eval_on_selector_all("input:not([type=file]), textarea", INPUT_SIZES)
    assert sizes
    assert min(sizes) >= 18
    check_accessibility(page, "report form (elder)")
    screenshot(page, "report-form-elder")


def test_a_resident_signed_in_with_their_phone_reports_under_it(
    page: Page, unit_token: str, stack: Stack
) -> None:
    page.goto(f"/q/{unit_token}/mine")
    page.get_by_test_id("resident-phone").locator("input").fill("13912340001")
    since = len(stack.inbox_text("identity"))
    page.get_by_test_id("resident-send").click()
    page.get_by_test_id("resident-code").locator("input").fill(otp_texted(stack, since))
    page.get_by_test_id("resident-submit").click()
    expect(page.get_by_text("已登录：139****0001")).to_be_visible()

    page.goto(f"/q/{unit_token}/report")
    fill_report(page, "noise", "楼上装修每天晚上十点以后还在电钻")
    with page.expect_request(
        lambda r: r.url.endswith("/api/intake/v1/tickets") and r.method == "POST"
    ) as sent:
        page.get_by_test_id("report-submit").click()
    assert sent.value.headers["authorization"].startswith("Bearer ")
    expect(page.get_by_test_id("done-number")).to_have_text(NUMBER)


def test_the_reporter_reopens_a_fix_that_did_not_hold(
    page: Page, stack: Stack, admin_api: httpx.Client, staff: httpx.Client
) -> None:
    door = active_token(admin_api, "TGYZL-03-3")
    with httpx.Client(base_url=f"{stack.base_url}/api", timeout=30) as anyone:
        filed = anyone.post(
            "/intake/v1/tickets",
            json={"code_token": door, "category": "facility", "description": "单元门禁坏了"},
            headers={"Idempotency-Key": "browser-reopen-0001"},
        )
    assert filed.status_code == 201, filed.text
    handle_to_resolved(staff, filed.json()["id"], "已更换门禁读卡器", outcome="anonymous")

    page.goto(f"/t/{filed.json()['tracking_token']}")
    expect(page.get_by_test_id("track-status")).to_have_text("已解决")
    expect(page.get_by_test_id("track-actions")).to_contain_text("解决后 7 天内可以重新打开")
    page.get_by_test_id("track-reopen").click()
    page.get_by_test_id("reopen-submit").click()
    expect(page.get_by_test_id("reopen-panel")).to_contain_text("请写一下原因")
    page.get_by_test_id("reopen-reason").locator("textarea").fill("第二天又坏了，刷卡没反应")
    check_accessibility(page, "tracking, reopening")
    page.get_by_test_id("reopen-submit").click()
    expect(page.get_by_test_id("track-status")).to_have_text("处理中")
    timeline = page.get_by_test_id("track-timeline")
    expect(timeline).to_contain_text("重新打开，继续处理")
    expect(timeline).to_contain_text("第二天又坏了，刷卡没反应")
    expect(page.get_by_test_id("track-actions")).to_have_count(0)


def test_a_report_merged_as_a_duplicate_leads_to_the_one_being_handled(
    page: Page, stack: Stack, staff: httpx.Client, admin_api: httpx.Client
) -> None:
    def report(unit: str) -> dict[str, Any]:
        response = httpx.post(
            f"{stack.base_url}/api/intake/v1/tickets",
            json={
                "code_token": active_token(admin_api, unit),
                "category": "greenery",
                "description": "楼前的树枝压到电线上了",
            },
            timeout=30,
        )
        assert response.status_code == 201, response.text
        return dict(response.json())

    first, second = report("TGYZL-06-1"), report("TGYZL-06-2")
    merged = staff.post(
        f"/intake/v1/tickets/{second['id']}/duplicate", json={"duplicate_of": first["id"]}
    )
    assert merged.status_code == 200, merged.text

    page.goto(f"/t/{second['tracking_token']}")
    expect(page.get_by_test_id("track-status")).to_have_text("已合并")
    page.get_by_test_id("track-merged-into").click()
    expect(page.get_by_test_id("track-number")).to_contain_text(first["number"])
    expect(page.get_by_test_id("track-follower-note")).to_be_visible()
