"""Reduced motion: with `prefers-reduced-motion: reduce` set on the phone, the pages drop their
animations (a sheet or dialog appears at once instead of sliding or fading in); without it they
animate. Every browser test runs under both settings (the `motion` fixture)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import check_accessibility, login, wait_until_still

# Opens the inbox's status filter and samples, for 400 ms (longer than any of the pages'
# transitions), how many animations and transitions are running at each frame.
_OPEN_AND_SAMPLE = """async () => {
  document.querySelector('[data-testid=filter-status]').click();
  const counts = [];
  const until = performance.now() + 400;
  while (performance.now() < until) {
    await new Promise(resolve => requestAnimationFrame(() => resolve()));
    counts.push(document.getAnimations().filter(a => a.playState === 'running').length);
  }
  return Math.max(...counts);
}"""


def test_the_filter_sheet_slides_in_only_when_motion_is_welcome(page: Page, motion: str) -> None:
    login(page, "tgyzl_staff")
    page.get_by_test_id("tab-tickets").click()
    expect(page.get_by_test_id("inbox-total")).to_contain_text("共")
    wait_until_still(page)

    most_running = page.evaluate(_OPEN_AND_SAMPLE)

    sheet = page.get_by_role("dialog", name="状态")
    expect(sheet).to_be_visible()
    expect(sheet).to_contain_text("待受理")
    if motion == "reduce":
        assert most_running == 0, "the sheet animated although the phone asks for reduced motion"
    else:
        assert most_running > 0, "the sheet should slide in when motion is welcome"
    check_accessibility(page, f"filter sheet ({motion})")
