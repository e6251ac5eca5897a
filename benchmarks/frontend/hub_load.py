"""How heavy the hub a resident lands on is, and how long it takes to show on a slow phone line.

    .venv/bin/python benchmarks/frontend/hub_load.py [--runs 5] [--cpu-slowdown 1]

1. Size: from Vite's manifest (frontend/dist/.vite/manifest.json), every JS and CSS file the
   hub route loads (the entry, its static imports and the ScanPage chunk with its imports),
   gzipped here at level 9; the budget is 150 KB.
2. Time: the real system (directory, identity, the gateway serving frontend/dist) on free
   local ports (tests/browser/stack.py), Debian's headless Chromium as a phone in WeChat,
   and Lighthouse's mobile network profile emulated through the DevTools protocol
   (Network.emulateNetworkConditions: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up). Each run
   is a fresh browser context with the cache disabled; the clock runs from the start of
   the navigation to `/q/<token>` until the building's name is on the screen (a
   MutationObserver notes performance.now() when it appears). Reports each run, the
   median, and the bytes that crossed the (emulated) network.

The gateway gzips the frontend's text files for clients that accept it (Chromium does).

Everything runs on 127.0.0.1 and stops at the end. The size's budget is asserted in
tests/test_hub_budget.py (from the same files, tests/browser/bundles.py); this measures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.bundles import BUDGET_KB, gzipped_kb, hub_files, manifest  # noqa: E402
from tests.browser.stack import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    DIST,
    PHONE_CONTEXT,
    Stack,
    ensure_frontend_built,
)

# Lighthouse's mobile profile ("Slow 4G"): 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8,
    "uploadThroughput": 750 * 1024 / 8,
}
WATCH_HEADING = """
(() => {
  const seen = () => {
    const el = document.querySelector('[data-testid=hub-heading]');
    if (el && el.textContent.includes('号楼') && window.__hubShownAt === undefined) {
      window.__hubShownAt = performance.now();
    }
  };
  new MutationObserver(seen)
    .observe(document, { childList: true, subtree: true, characterData: true });
})();
"""


def measure_size() -> float:
    total_raw = total_gz = 0.0
    print("The hub route loads:")
    for name in hub_files(manifest()):
        raw = (DIST / name).stat().st_size / 1024
        packed = gzipped_kb(name)
        total_raw += raw
        total_gz += packed
        print(f"  {name:<52} {raw:7.1f} KB  gzip {packed:6.1f} KB")
    print(
        f"  {'total JS + CSS':<52} {total_raw:7.1f} KB  gzip {total_gz:6.1f} KB"
        f"  (budget {BUDGET_KB:.0f} KB gzipped)"
    )
    return total_gz


def received_into(sizes: list[float]) -> Any:
    """A CDP listener that notes the bytes each finished response took on the wire."""
    return lambda event: sizes.append(event["encodedDataLength"])


def measure_time(runs: int, cpu_slowdown: float, gateway_app: str) -> None:
    with (
        tempfile.TemporaryDirectory(prefix="sqwb-hub-load-") as tmp,
        Stack.start(Path(tmp), gateway_app=gateway_app) as stack,
    ):
        with stack.api("admin") as api:
            unit = api.get("/directory/v1/places/by-code/TGYZL-03-2").json()
            codes = api.get(f"/directory/v1/places/{unit['id']}/codes").json()
        token = next(c["token"] for c in codes if c["status"] == "active")
        url = f"{stack.base_url}/Q/{token}"
        times: list[float] = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            for run in range(runs):
                context = browser.new_context(**PHONE_CONTEXT)
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                cdp.send("Network.emulateNetworkConditions", NETWORK)
                if cpu_slowdown > 1:
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
                received: list[float] = []
                cdp.on("Network.loadingFinished", received_into(received))
                page.add_init_script(WATCH_HEADING)
                page.goto(url, wait_until="commit")
                # A selector, not wait_for_function: the pages' CSP refuses the eval that a
                # string predicate needs.
                page.locator("[data-testid=hub-heading]", has_text="号楼").wait_for(timeout=60_000)
                shown = float(page.evaluate("window.__hubShownAt"))
                page.wait_for_load_state("networkidle")
                times.append(shown)
                print(
                    f"  run {run + 1}: building name shown after {shown:7.0f} ms"
                    f"  ({sum(received) / 1024:.1f} KB over the network, {len(received)} requests)"
                )
                context.close()
            browser.close()
        print(
            f"  median {statistics.median(times):.0f} ms, min {min(times):.0f} ms,"
            f" max {max(times):.0f} ms over {runs} fresh, uncached loads"
            f" (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up"
            + (f", CPU {cpu_slowdown:g}x slower" if cpu_slowdown > 1 else "")
            + ")"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpu-slowdown", type=float, default=1.0, help="Lighthouse mobile: 4")
    args = parser.parse_args()
    ensure_frontend_built()
    measure_size()
    runs = max(1, args.runs)
    print("Time until the building's name shows (navigation start = 0):")
    measure_time(runs, args.cpu_slowdown, "gateway.app:create_app")


if __name__ == "__main__":
    main()
