"""The resident's hub stays light: its first load within budget, and none of the console's
desk library (Element Plus) in it. Read from the built frontend (`make test` builds it first;
run alone, this builds it when it is missing or stale)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.bundles import BUDGET_KB, built_file, gzipped_kb, hub_files, manifest
from tests.browser.stack import ensure_frontend_built

# What only Element Plus ships: its CSS variables and its components' names.
ELEMENT_PLUS = re.compile(r"--el-color-primary|\bEl(Table|Dialog|DatePicker|Button)\b")


@pytest.fixture(scope="module")
def chunks() -> dict[str, Any]:
    ensure_frontend_built()
    return manifest()


def test_the_hubs_first_load_is_within_its_budget(chunks: dict[str, Any]) -> None:
    files = hub_files(chunks)
    assert any(name.endswith(".js") for name in files)
    assert any("ScanPage" in name for name in files)
    total = sum(gzipped_kb(name) for name in files)
    assert total <= BUDGET_KB, f"the hub loads {total:.1f} KB gzipped, over {BUDGET_KB:.0f} KB"


def test_the_desk_library_is_only_in_the_consoles_chunks(chunks: dict[str, Any]) -> None:
    in_hub = [
        name
        for name in hub_files(chunks)
        if ELEMENT_PLUS.search(built_file(name).read_text(errors="replace"))
    ]
    assert in_hub == []
    # It is built, and found by the same marks: the check above can see it.
    everywhere = [p.name for p in built_file("assets").iterdir() if p.suffix in (".js", ".css")]
    marked = [
        n
        for n in everywhere
        if ELEMENT_PLUS.search(built_file(f"assets/{n}").read_text(errors="replace"))
    ]
    assert marked, "no built file carries Element Plus: the marks are out of date"
