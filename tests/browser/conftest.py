"""Browser tests: the real system (directory, identity, gateway serving frontend/dist) on free
local ports, driven by Playwright in Debian's headless Chromium as a phone in WeChat.

pytest-playwright gives `page` (a fresh context per test); the fixtures below make its
browser Debian's Chromium (Playwright's own browser download is never used) and every
context a 375×667 phone with WeChat's user agent, pointed at the gateway.

Every browser test runs twice: once with `prefers-reduced-motion: reduce` (as elders and
people with vestibular disorders set their phones) and once without, so both the still and
the animated path of each page are walked. Page checks (axe, measurements, screenshots)
first wait until the page is still (`wait_until_still`): measured mid-animation, a dialog
fading in over a dark overlay reads as grey on grey.

Playwright's sync API drives its own asyncio loop in this thread. Kept for the whole
session (pytest-playwright's default) it would still be there when the async tests of the
other folders run, and pytest-asyncio could not start its loop; so here Playwright and its
browser live for one test module at a time.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, BrowserType, Page, Playwright, sync_playwright

from tests.browser.stack import CHROMIUM, CHROMIUM_ARGS, FRONTEND, PHONE_CONTEXT, ROOT, Stack

AXE = FRONTEND / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
INSTALL_HINT = "apt-get install -y chromium fonts-wqy-microhei"


def has_chinese_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


MOTIONS = ("reduce", "no-preference")


@pytest.fixture(scope="session", params=MOTIONS)
def motion(request: pytest.FixtureRequest) -> str:
    """The phone's motion setting: reduced (the pages drop their animations) or not."""
    return str(request.param)


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory, motion: str) -> Iterator[Stack]:
    """A fresh system for each motion setting: each pass's tests find the demo as seeded."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: {INSTALL_HINT}", pytrace=False)
    if not has_chinese_font():
        pytest.fail(f"No Chinese font: the pages would render as boxes. {INSTALL_HINT}", False)
    if shutil.which("npm") is None and not (FRONTEND / "dist" / "index.html").exists():
        pytest.fail("npm is needed to build the frontend (Node 20.19 or newer)", pytrace=False)
    with Stack.start(tmp_path_factory.mktemp(f"stack-{motion}")) as running:
        yield running


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="module")
def browser_type(playwright: Playwright) -> BrowserType:
    return playwright.chromium


@pytest.fixture(scope="module")
def browser(
    browser_type: BrowserType, browser_type_launch_args: dict[str, Any]
) -> Iterator[Browser]:
    launched = browser_type.launch(**browser_type_launch_args)
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    return {"executable_path": str(CHROMIUM), "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(stack: Stack, motion: str) -> dict[str, Any]:
    return {**PHONE_CONTEXT, "base_url": stack.base_url, "reduced_motion": motion}


@pytest.fixture(scope="session")
def admin_api(stack: Stack) -> Iterator[httpx.Client]:
    with stack.api("admin") as client:
        yield client


def place_by_code(api: httpx.Client, code: str) -> dict[str, Any]:
    response = api.get(f"/directory/v1/places/by-code/{code}")
    response.raise_for_status()
    return dict(response.json())


def active_token(api: httpx.Client, place_code: str) -> str:
    """The active QR token posted at a place, as staff see it."""
    place = place_by_code(api, place_code)
    codes = api.get(f"/directory/v1/places/{place['id']}/codes").json()
    return next(str(c["token"]) for c in codes if c["status"] == "active")


@pytest.fixture(scope="session")
def unit_token(admin_api: httpx.Client) -> str:
    """天宫院中里社区 3号楼 2单元: the door of the README's example."""
    return active_token(admin_api, "TGYZL-03-2")


def login(page: Page, username: str) -> None:
    page.goto("/console")
    page.get_by_test_id("login-username").locator("input").fill(username)
    page.get_by_test_id("login-password").locator("input").fill("sqwb-demo-2026")
    page.get_by_test_id("login-submit").click()
    page.get_by_test_id("my-grant").first.wait_for()


def set_elder_before_load(page: Page, on: bool) -> None:
    """Elder mode as remembered from an earlier visit (localStorage), before any script runs."""
    page.add_init_script(f"localStorage.setItem('sqwb.elder', '{'1' if on else '0'}')")


# Waits until no finite animation or CSS transition is running for two frames in a row.
# Infinite ones (a loading spinner) never end and change no colour or size, so they are left
# out. Returns what still runs after the time limit, for the caller's message.
_STILL = """async (limitMs) => {
  const deadline = performance.now() + limitMs;
  const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
  const moving = () => document.getAnimations().filter(a => {
    const timing = a.effect ? a.effect.getComputedTiming() : null;
    const finite = !timing || timing.endTime !== Infinity;
    return finite && (a.playState === 'running' || a.pending);
  });
  let quiet = 0;
  while (quiet < 2) {
    const running = moving();
    if (running.length === 0) {
      quiet += 1;
    } else {
      quiet = 0;
      if (performance.now() > deadline) {
        return running.map(a => (a.animationName || a.transitionProperty || a.constructor.name)
          + ' on ' + (a.effect && a.effect.target ? a.effect.target.className : '?'));
      }
      await Promise.race([
        Promise.all(running.map(a => a.finished.catch(() => null))),
        new Promise(resolve => setTimeout(resolve, 100)),
      ]);
    }
    await frame();
  }
  return [];
}"""


def wait_until_still(page: Page, timeout_ms: int = 5000) -> None:
    """Every page check starts here: no animation or transition still running."""
    still_running = page.evaluate(_STILL, timeout_ms)
    assert not still_running, f"the page never settled: {still_running}"


def check_accessibility(page: Page, label: str) -> None:
    """axe-core on the page once it is still: no serious or critical violation."""
    wait_until_still(page)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated from outside rather than added as a <script> element: the pages'
        # Content-Security-Policy runs no inline script but their own (gateway.security).
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    results = page.evaluate(
        """async () => {
            const r = await axe.run(document, { resultTypes: ['violations'] });
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary),
            }));
        }"""
    )
    bad = [v for v in results if v["impact"] in ("serious", "critical")]
    assert not bad, f"{label}: accessibility violations\n" + json.dumps(
        bad, ensure_ascii=False, indent=2
    )


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """A PNG in test-artifacts/screenshots/. Pages with fixed bars (the console) are taken as
    the phone shows them (full_page=False): a full-page capture draws fixed bars mid-page."""
    wait_until_still(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    motion = page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
    path = SCREENSHOTS / f"{name}{'' if motion else '-motion'}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def otp_texted(stack: Stack, since: int, timeout: float = 10) -> str:
    """The code identity "texted" (in dev to its message inbox; the log has it blanked),
    newer than `since` characters of the inbox."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in stack.inbox_text("identity")[since:].splitlines():
            try:
                message = json.loads(line)
            except ValueError:
                continue
            found = re.search(r"\d{6}", message.get("text", ""))
            if message.get("template") == "otp_code" and found:
                return found.group(0)
        time.sleep(0.2)
    raise AssertionError("no one-time code in identity's message inbox")
