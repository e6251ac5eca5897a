"""The console on a desk (1280×800), on a tablet at a venue desk (900×700) and on a phone
(375×667): the same pages, laid out for the screen. At a desk: a side navigation, a home page
of what needs doing, the inbox as a dense table (at least 15 tickets on one screen, what
waits for staff first), the call-back beside 受理 with no scrolling, a date range on the
statistics, and the clear export's reason asked in a dialog. On a phone: the bottom tab bar
and the list of cards, as before. Screenshots of each page at both sizes go to
test-artifacts/screenshots/ (desk-1280x800-*, phone-375x667-*)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import active_token, login, screenshot
from tests.browser.stack import Stack
from tests.browser.test_console_intake import file_report

DESK: dict[str, Any] = {
    "viewport": {"width": 1280, "height": 800},
    "device_scale_factor": 1,
    "is_mobile": False,
    "has_touch": False,
    "locale": "zh-CN",
    "timezone_id": "Asia/Shanghai",
}
TABLET: dict[str, Any] = {**DESK, "viewport": {"width": 900, "height": 700}}
REPORTS = 18  # more than one desk screen's worth
SUBMITTED_RED = "rgb(198, 40, 40)"  # utils/statusColours.ts: #c62828


def _context(
    browser: Browser, stack: Stack, motion: str, options: dict[str, Any]
) -> Iterator[Page]:
    context = browser.new_context(**options, base_url=stack.base_url, reduced_motion=motion)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def desk(browser: Browser, stack: Stack, motion: str) -> Iterator[Page]:
    yield from _context(browser, stack, motion, DESK)


@pytest.fixture
def tablet(browser: Browser, stack: Stack, motion: str) -> Iterator[Page]:
    yield from _context(browser, stack, motion, TABLET)


@pytest.fixture(scope="module")
def filed(stack: Stack, admin_api: httpx.Client) -> list[dict[str, Any]]:
    """Reports at three doors of building 3, the newest acknowledged (so "pending first" has
    something to put after the waiting ones), the first with a phone to call back."""
    doors = [active_token(admin_api, code) for code in ("TGYZL-03-2", "TGYZL-03-1", "TGYZL-02-1")]
    reports = [
        file_report(
            stack,
            doors[i % len(doors)],
            f"楼道第{i + 1}处墙皮脱落",
            **({"reporter_phone": "13900139000", "consent": True} if i == 0 else {}),
        )
        for i in range(REPORTS)
    ]
    with stack.api("tgyzl_staff") as staff:
        inbox = staff.get("/intake/v1/tickets", params={"limit": 100}).json()["items"]
        newest = next(t for t in inbox if t["number"] == reports[-1]["number"])
        moved = staff.post(
            f"/intake/v1/tickets/{newest['id']}/acknowledge", json={"outcome": "anonymous"}
        )
        assert moved.status_code == 200, moved.text
    return reports


def rows_on_screen(page: Page) -> int:
    """Table rows wholly inside the viewport, the page not scrolled."""
    return int(
        page.evaluate(
            """() => {
              if (window.scrollY !== 0) return -1;
              return [...document.querySelectorAll('.el-table__body tr.el-table__row')]
                .filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length;
            }"""
        )
    )


def within_viewport(page: Page, test_id: str) -> bool:
    box = page.get_by_test_id(test_id).bounding_box()
    size = page.viewport_size
    assert box is not None
    assert size is not None
    return box["y"] >= 0 and box["y"] + box["height"] <= size["height"]


def test_at_a_desk_the_home_page_opens_on_what_needs_doing_and_links_to_the_list(
    desk: Page, filed: list[dict[str, Any]]
) -> None:
    login(desk, "tgyzl_staff")
    expect(desk.get_by_test_id("desk-nav")).to_be_visible()
    expect(desk.get_by_test_id("nav-tickets")).to_be_visible()
    expect(desk.get_by_test_id("nav-rooms")).to_contain_text("即将上线")
    expect(desk.locator(".van-tabbar")).to_have_count(0)
    # One language switch, in the top bar (the phone's home has its own, as the tab bar
    # has none).
    expect(desk.get_by_test_id("lang-toggle")).to_have_count(1)
    waiting = desk.get_by_test_id("todo-item-intake.submitted")
    expect(waiting).to_contain_text("待受理")
    assert int(waiting.get_by_test_id("todo-count").inner_text()) >= REPORTS - 1
    expect(desk.get_by_test_id("todo-item-intake.overdue")).to_contain_text("已超时")
    expect(desk.get_by_test_id("todo-item-intake.due_today")).to_contain_text("今日到期")
    screenshot(desk, "desk-1280x800-home", full_page=False)

    waiting.click()
    expect(desk).to_have_url(re.compile(r"/console/tickets\?status=submitted$"))
    expect(desk.get_by_test_id("desk-ticket").first).to_be_visible()
    statuses = desk.get_by_test_id("desk-ticket").evaluate_all(
        "links => links.map((a) => a.dataset.status)"
    )
    assert statuses
    assert set(statuses) == {"submitted"}
    expect(desk.get_by_test_id("nav-tickets")).to_have_attribute("aria-current", "page")


def test_at_a_desk_the_inbox_is_a_dense_table_pending_first_sorted_by_the_server(
    desk: Page, filed: list[dict[str, Any]]
) -> None:
    login(desk, "tgyzl_staff")
    desk.get_by_test_id("nav-tickets").click()
    table = desk.get_by_test_id("inbox-table")
    expect(table).to_be_visible()
    expect(desk.get_by_test_id("desk-ticket").nth(REPORTS - 1)).to_be_visible()
    assert rows_on_screen(desk) >= 15
    expect(desk.get_by_test_id("desk-nav")).to_be_in_viewport()

    # What waits for staff first: the acknowledged newest report comes after every 待受理.
    statuses = desk.get_by_test_id("desk-ticket").evaluate_all(
        "links => links.map((a) => a.dataset.status)"
    )
    first_other = statuses.index("acknowledged")
    assert set(statuses[:first_other]) == {"submitted"}
    assert first_other >= REPORTS - 1

    row = table.locator(
        "tr.el-table__row", has=desk.locator(f"[data-number='{filed[0]['number']}']")
    )
    expect(row.get_by_test_id("cell-place")).to_contain_text("3号楼 2单元")
    expect(row.get_by_test_id("cell-place")).to_contain_text("TGYZL-03-2")
    expect(row.get_by_test_id("due-kind")).to_have_text("受理时限")
    expect(row.get_by_test_id("cell-received")).to_contain_text(":")
    tag = row.get_by_test_id("status-tag")
    expect(tag).to_have_text("待受理")
    expect(tag).to_have_css("background-color", SUBMITTED_RED)
    expect(row).to_contain_text("未派单")
    screenshot(desk, "desk-1280x800-inbox", full_page=False)

    # A click on a header sorts on the server, and the order stays in the URL.
    received = table.locator("th .cell", has_text="收到时间")
    received.click(position={"x": 8, "y": 8})  # the title, not one of its two carets
    expect(desk).to_have_url(re.compile(r"/console/tickets\?sort=created$"))
    expect(desk.get_by_test_id("desk-ticket").first).to_have_attribute(
        "data-number", filed[0]["number"]
    )
    received.click(position={"x": 8, "y": 8})
    expect(desk).to_have_url(re.compile(r"/console/tickets\?sort=-created$"))
    expect(desk.get_by_test_id("desk-ticket").first).to_have_attribute(
        "data-number", filed[-1]["number"]
    )


def test_at_a_desk_the_call_back_sits_beside_acknowledge_without_scrolling(
    desk: Page, filed: list[dict[str, Any]]
) -> None:
    login(desk, "tgyzl_staff")
    desk.goto("/console/tickets")
    desk.locator(f"[data-testid=desk-ticket][data-number='{filed[0]['number']}']").click()
    expect(desk.get_by_test_id("ticket-number")).to_have_text(filed[0]["number"])
    expect(desk.get_by_test_id("action-acknowledge")).to_be_visible()
    expect(desk.get_by_test_id("reveal-contact")).to_be_visible()
    assert desk.evaluate("window.scrollY") == 0
    assert within_viewport(desk, "action-acknowledge")
    assert within_viewport(desk, "reveal-contact")
    ack = desk.get_by_test_id("action-acknowledge").bounding_box()
    call = desk.get_by_test_id("reveal-contact").bounding_box()
    assert ack is not None
    assert call is not None
    assert abs(ack["y"] - call["y"]) < 4  # on one line: beside, not below
    expect(desk.get_by_test_id("desk-nav")).to_be_visible()
    screenshot(desk, "desk-1280x800-ticket", full_page=False)

    desk.get_by_test_id("reveal-contact").click()
    expect(desk.get_by_test_id("call-reporter")).to_have_attribute("href", "tel:13900139000")
    assert within_viewport(desk, "call-reporter")


def test_at_a_desk_the_statistics_take_a_date_range(
    desk: Page, filed: list[dict[str, Any]]
) -> None:
    login(desk, "tgyzl_staff")
    desk.get_by_test_id("nav-stats").click()
    expect(desk.get_by_test_id("rate-response")).to_be_visible()
    picker = desk.get_by_test_id("stats-range")
    expect(picker).to_be_visible()
    inputs = picker.locator("input")
    expect(inputs).to_have_count(2)
    start, end = inputs.nth(0).input_value(), inputs.nth(1).input_value()
    assert len(start) == len(end) == 10
    assert start < end
    # The date range in place of the 30 days: the period line follows it.
    inputs.nth(0).fill(end)
    inputs.nth(0).press("Enter")
    expect(desk.get_by_test_id("stats-range").locator("input").nth(0)).to_have_value(end)
    expect(desk.locator(".period")).to_contain_text(f"{end}")
    expect(desk.get_by_test_id("desk-nav")).to_be_visible()
    screenshot(desk, "desk-1280x800-stats", full_page=False)


def test_at_a_desk_the_clear_export_asks_for_a_reason_and_writes_it_in_the_file(
    desk: Page, filed: list[dict[str, Any]]
) -> None:
    login(desk, "tgyzl_staff")
    desk.goto("/console/tickets")
    desk.get_by_test_id("export-clear").click()
    dialog = desk.get_by_role("dialog", name="导出含联系方式")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("导出人、时间和原因会被记录")
    # Refused without a reason: nothing is downloaded.
    dialog.get_by_test_id("export-clear-confirm").click()
    expect(dialog.get_by_test_id("export-clear-error")).to_have_text("请填写原因")
    expect(dialog).to_be_visible()
    screenshot(desk, "desk-1280x800-export-clear", full_page=False)

    dialog.get_by_test_id("export-clear-csv").click()
    dialog.locator("textarea").fill("逐户回访墙皮脱落问题")
    exported = desk.expect_request(lambda r: "/exports/tickets.csv" in r.url)
    with desk.expect_download() as download, exported as sent:
        dialog.get_by_test_id("export-clear-confirm").click()
    expect(dialog).to_be_hidden()
    # The reason rides in a header, never the URL that logs and history keep.
    assert "reason" not in sent.value.url
    assert unquote(sent.value.headers["x-export-reason"]) == "逐户回访墙皮脱落问题"
    path = download.value.path()
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    note = rows[0][0]
    assert "导出原因：逐户回访墙皮脱落问题" in note
    assert "含联系方式（明文）" in note
    assert "天宫院中里社工" in note
    assert rows[1][0] == "编号"
    # The entitled exporter sees the reporter's phone in clear in the file.
    assert any("13900139000" in cell for row in rows[2:] for cell in row)
    clear = sum(cell.count("13900139000") for row in rows[2:] for cell in row)

    # And the console's audit list shows the act (relayed from intake to identity): who,
    # the reason, the filters, how many rows and numbers in clear.
    desk.goto("/console/admin/audit")
    entry = desk.locator("[data-testid=audit-row][data-action='intake.export']").first
    for _ in range(30):  # intake's outbox relays every 5 s; the list loads when opened
        expect(desk.get_by_test_id("audit-row").first).to_be_visible()
        if entry.count():
            break
        desk.wait_for_timeout(1000)
        desk.reload()
    expect(entry).to_contain_text("导出含联系方式（工单）")
    expect(entry).to_contain_text("天宫院中里社工")
    particulars = entry.get_by_test_id("audit-particulars")
    expect(particulars).to_contain_text("原因：逐户回访墙皮脱落问题")
    expect(particulars).to_contain_text(f"{len(rows) - 2} 行，明文号码 {clear} 个")
    expect(particulars).to_contain_text("筛选：")
    screenshot(desk, "desk-1280x800-audit-export", full_page=False)


def test_on_a_tablet_the_side_navigation_folds_to_icons_and_opens(
    tablet: Page, filed: list[dict[str, Any]]
) -> None:
    login(tablet, "tgyzl_staff")
    layout = tablet.get_by_test_id("desk-layout")
    expect(layout).to_have_attribute("data-viewport", "tablet")
    expect(tablet.get_by_test_id("nav-tickets")).to_be_visible()
    expect(tablet.locator(".van-tabbar")).to_have_count(0)
    side = tablet.get_by_test_id("desk-nav").bounding_box()
    assert side is not None
    assert side["width"] <= 80
    tablet.get_by_test_id("nav-toggle").click()
    expect(tablet.get_by_test_id("nav-toggle")).to_have_attribute("aria-expanded", "true")
    expect(tablet.get_by_test_id("nav-tickets")).to_contain_text("工单")
    opened = tablet.get_by_test_id("desk-nav").bounding_box()
    assert opened is not None
    assert opened["width"] > 150


def test_on_a_phone_the_console_keeps_its_tab_bar_and_lists(
    page: Page, filed: list[dict[str, Any]]
) -> None:
    login(page, "tgyzl_staff")
    expect(page.get_by_test_id("desk-nav")).to_have_count(0)
    expect(page.get_by_test_id("tab-tickets")).to_be_visible()
    expect(page.get_by_test_id("lang-toggle")).to_have_count(1)
    expect(page.get_by_test_id("todo-item-intake.submitted")).to_be_visible()
    page.get_by_test_id("tab-tickets").click()
    expect(page.get_by_test_id("ticket-row").first).to_be_visible()
    expect(page.get_by_test_id("inbox-table")).to_have_count(0)
    expect(page.get_by_test_id("tab-tickets")).to_be_in_viewport()
    screenshot(page, "phone-375x667-inbox", full_page=False)

    page.locator(f"[data-testid=ticket-row][data-number='{filed[0]['number']}']").click()
    expect(page.get_by_test_id("ticket-number")).to_have_text(filed[0]["number"])
    expect(page.get_by_test_id("tab-tickets")).to_be_in_viewport()
    expect(page.get_by_test_id("action-acknowledge")).to_be_visible()
    screenshot(page, "phone-375x667-ticket", full_page=False)

    page.goto("/console/stats")
    expect(page.get_by_test_id("rate-response")).to_be_visible()
    expect(page.get_by_test_id("period-30")).to_be_visible()
    expect(page.get_by_test_id("stats-range")).to_have_count(0)
    expect(page.get_by_test_id("tab-tickets")).to_be_in_viewport()
    screenshot(page, "phone-375x667-stats", full_page=False)
