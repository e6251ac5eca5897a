"""What the resident's hub loads, from Vite's manifest: the files and their gzipped weight.

Shared by the budget test (tests/test_hub_budget.py) and the hub's load benchmark
(benchmarks/frontend/hub_load.py)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from tests.browser.stack import DIST

HUB_ROUTE = "src/pages/scan/ScanPage.vue"
# The hub's first load, JS and CSS gzipped: a resident on a slow line in WeChat waits for it.
BUDGET_KB = 150.0


def manifest() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((DIST / ".vite" / "manifest.json").read_text())
    return loaded


def hub_files(chunks: dict[str, Any]) -> list[str]:
    """The files the hub route loads: index.html's entry and the ScanPage chunk, transitively
    (static imports only: what a dynamic import brings is not loaded until asked)."""
    seen: set[str] = set()
    files: list[str] = []

    def walk(key: str) -> None:
        if key in seen:
            return
        seen.add(key)
        chunk = chunks[key]
        for name in [chunk["file"], *chunk.get("css", [])]:
            if name not in files:
                files.append(name)
        for imported in chunk.get("imports", []):
            walk(imported)

    walk("index.html")
    walk(HUB_ROUTE)
    return files


def gzipped_kb(name: str) -> float:
    """One built file's size gzipped at level 9, in KB."""
    return len(gzip.compress((DIST / name).read_bytes(), compresslevel=9)) / 1024


def built_file(name: str) -> Path:
    return DIST / name
