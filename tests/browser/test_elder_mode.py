"""Elder mode (适老化) and the sizes that make the pages usable on a phone, measured in Chromium.

Normal mode: tap targets ≥ 44 px, inputs ≥ 16 px (iOS zooms into smaller ones).
Elder mode: every piece of text ≥ 18 px, tap targets ≥ 60 px, one tap to switch, remembered.
"""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    check_accessibility,
    login,
    set_elder_before_load,
    wait_until_still,
)

# Text nodes that are shown, with the computed font size of the element holding them.
TEXT_SIZES = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.textContent.trim();
    if (!text) continue;
    const el = node.parentElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (box.width < 2 || box.height < 2 || style.visibility === 'hidden') continue;
    out.push({ text: text.slice(0, 30), size: parseFloat(style.fontSize), tag: el.tagName });
  }
  return out;
}"""

# What a finger taps: links, buttons, switches, tabs, clickable cells, form fields. Links
# inside a sentence are exempt (WCAG 2.5.8), so only links that stand alone are measured.
TARGETS = """() => {
  const selector = 'a[href], button, [role=button], [role=switch], [role=tab], input, '
    + 'textarea, .van-cell--clickable';
  const shown = el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  return [...document.querySelectorAll(selector)]
    .filter(el => shown(el)
      && !(el.tagName === 'A' && el.closest('p, nav.crumbs'))
      && !(el.tagName === 'INPUT' && el.type === 'hidden'))
    .map(el => {
      // A field's input is tapped through its whole cell.
      const cell = el.matches('input, textarea') ? el.closest('.van-cell') : null;
      const area = (cell || el).getBoundingClientRect();
      const name = el.getAttribute('data-testid') || el.textContent || el.tagName;
      return { what: name.trim().slice(0, 30), width: area.width, height: area.height };
    });
}"""
# Placeholders a reader cannot read whole: a one-line field's text wider than the field (cut
# off), or a text area's placeholder whose last line holds a lone character.
CUT_PLACEHOLDERS = """() => {
  const out = [];
  const canvas = document.createElement('canvas').getContext('2d');
  for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    const box = el.getBoundingClientRect();
    if (!el.placeholder || el.value || box.width < 2 || box.height < 2) continue;
    const style = getComputedStyle(el);
    const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (el.tagName === 'INPUT') {
      canvas.font = style.font;
      const width = canvas.measureText(el.placeholder).width;
      if (width > inner + 0.5) out.push({ text: el.placeholder, width, inner });
      continue;
    }
    const copy = document.createElement('div');
    copy.style.cssText = `position:absolute;visibility:hidden;white-space:pre-wrap;`
      + `width:${inner}px;font:${style.font};letter-spacing:${style.letterSpacing};`
      + `word-break:${style.wordBreak};overflow-wrap:${style.overflowWrap}`;
    copy.textContent = el.placeholder;
    document.body.appendChild(copy);
    const text = copy.firstChild, n = el.placeholder.length;
    const top = i => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
      return r.getBoundingClientRect().top; };
    if (n > 1 && top(n - 1) > top(n - 2) + 1) out.push({ text: el.placeholder, lone: true });
    copy.remove();
  }
  return out;
}"""
INPUT_SIZES = "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
FONT_SIZE = "e => parseFloat(getComputedStyle(e).fontSize)"


def input_sizes(page: Page) -> list[float]:
    wait_until_still(page)
    return list(page.eval_on_selector_all("input", INPUT_SIZES))


def cut_placeholders(page: Page) -> list[dict[str, Any]]:
    wait_until_still(page)
    return list(page.evaluate(CUT_PLACEHOLDERS))


def font_size(page: Page, test_id: str) -> float:
    wait_until_still(page)
    return float(page.get_by_test_id(test_id).evaluate(FONT_SIZE))


def small_text(page: Page, minimum: float) -> list[dict[str, Any]]:
    wait_until_still(page)
    return [t for t in page.evaluate(TEXT_SIZES) if t["size"] < minimum - 0.01]


def big_enough(page: Page, selector: str, minimum: float) -> bool:
    wait_until_still(page)
    boxes = [entry.bounding_box() for entry in page.locator(selector).all()]
    return bool(boxes) and all(
        b is not None and b["height"] >= minimum and b["width"] >= minimum for b in boxes
    )


def small_targets(page: Page, minimum: float) -> list[dict[str, Any]]:
    wait_until_still(page)
    return [
        t
        for t in page.evaluate(TARGETS)
        if t["height"] < minimum - 0.5 or t["width"] < minimum - 0.5
    ]


def test_normal_mode_targets_are_44px_and_inputs_16px(page: Page, unit_token: str) -> None:
    page.goto(f"/q/{unit_token}")
    page.get_by_test_id("hub-heading").wait_for()
    assert small_targets(page, 44) == []
    assert big_enough(page, "a.hub-entry", 44)

    page.goto(f"/q/{unit_token}/mine")
    page.get_by_test_id("resident-phone").wait_for()
    assert small_targets(page, 44) == []
    sizes = input_sizes(page)
    assert sizes
    assert min(sizes) >= 16
    # Each placeholder reads whole (the code's was cut to "请输入 6 位验证").
    expect(page.get_by_test_id("resident-code").locator("input")).to_have_attribute(
        "placeholder", re.compile("验证码")
    )
    assert cut_placeholders(page) == []

    page.goto(f"/q/{unit_token}/report")
    page.get_by_test_id("category-lighting").wait_for()
    assert cut_placeholders(page) == []

    page.goto("/console/login")
    page.get_by_test_id("login-username").wait_for()
    assert small_targets(page, 44) == []
    sizes = input_sizes(page)
    assert sizes
    assert min(sizes) >= 16


def test_elder_mode_is_one_tap_on_the_hub_and_survives_a_reload(
    page: Page, unit_token: str
) -> None:
    page.goto(f"/q/{unit_token}")
    toggle = page.get_by_test_id("elder-toggle")
    expect(toggle).to_have_attribute("aria-checked", "false")
    # The toggle says what a tap does: "长辈模式：已关闭" read as "the service is closed".
    expect(toggle).to_have_text("开启长辈模式（大字）")
    normal_heading = font_size(page, "hub-heading")
    toggle.click()

    expect(toggle).to_have_attribute("aria-checked", "true")
    expect(toggle).to_have_text("关闭长辈模式")  # the next tap's effect, in words
    assert page.evaluate("document.documentElement.classList.contains('elder')")
    assert page.evaluate("localStorage.getItem('sqwb.elder')") == "1"
    elder_heading = font_size(page, "hub-heading")
    assert elder_heading > normal_heading

    def sizes_hold() -> None:
        assert small_text(page, 18) == []
        assert small_targets(page, 60) == []
        assert big_enough(page, "a.hub-entry", 60)
        wait_until_still(page)
        body = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert body >= 18

    sizes_hold()
    check_accessibility(page, "elder hub")
    page.reload()
    expect(page.get_by_test_id("hub-heading")).to_be_visible()
    assert page.evaluate("document.documentElement.classList.contains('elder')")
    expect(page.get_by_test_id("elder-toggle")).to_have_attribute("aria-checked", "true")
    sizes_hold()

    page.get_by_test_id("elder-toggle").click()
    assert not page.evaluate("document.documentElement.classList.contains('elder')")
    assert page.evaluate("localStorage.getItem('sqwb.elder')") == "0"


def test_elder_mode_holds_on_the_other_resident_pages(page: Page, unit_token: str) -> None:
    set_elder_before_load(page, True)
    for path, ready in [
        (f"/q/{unit_token}/soon/rooms", "coming-soon"),
        (f"/q/{unit_token}/mine", "resident-phone"),
        (f"/q/{unit_token}/report", "category-lighting"),
        ("/q/AAAAAAAAAAAA", "code-problem"),
    ]:
        page.goto(path)
        page.get_by_test_id(ready).wait_for()
        assert small_text(page, 18) == [], path
        assert small_targets(page, 60) == [], path
        sizes = input_sizes(page)
        assert all(size >= 18 for size in sizes), path
        assert cut_placeholders(page) == [], path


def test_elder_mode_in_the_console(page: Page) -> None:
    page.goto("/console/login")
    page.get_by_test_id("elder-toggle").click()
    assert small_text(page, 18) == []
    assert small_targets(page, 60) == []
    login(page, "tgyzl_staff")
    assert page.evaluate("document.documentElement.classList.contains('elder')")
    assert small_text(page, 18) == []
    assert small_targets(page, 60) == []
    page.get_by_test_id("tab-places").click()
    page.get_by_test_id("root-place").click()
    page.get_by_test_id("child-place").first.wait_for()
    assert small_text(page, 18) == []
    assert small_targets(page, 60) == []
    page.get_by_test_id("tab-me").click()
    expect(page.get_by_test_id("elder-toggle")).to_have_attribute("aria-checked", "true")
    assert small_text(page, 18) == []
