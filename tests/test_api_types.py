"""The frontend's API types are generated from each service's OpenAPI document; committed
files that no longer match the services fail here (run `make api-types`)."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from infra import api_types

ROOT = Path(__file__).resolve().parent.parent
FRONTEND = ROOT / "frontend"
COMMITTED = FRONTEND / "src" / "api"
FIX = "the frontend's API types are stale: run `make api-types` and commit the result"


def _stale(fresh: Path, name: str) -> list[str]:
    return [
        service
        for service in api_types.SERVICES
        if not (COMMITTED / service / name).is_file()
        or not filecmp.cmp(fresh / service / name, COMMITTED / service / name, shallow=False)
    ]


def test_the_openapi_documents_match_the_services(tmp_path: Path) -> None:
    api_types.dump(tmp_path)
    assert _stale(tmp_path, "openapi.json") == [], FIX


def test_the_typescript_types_match_the_openapi_documents(tmp_path: Path) -> None:
    if not (FRONTEND / "node_modules" / "openapi-typescript").is_dir():
        if os.environ.get("CI"):
            pytest.fail("frontend/node_modules is missing: run `cd frontend && npm ci`")
        pytest.skip("frontend/node_modules is missing (cd frontend && npm ci)")
    node = shutil.which("node")
    assert node, "Node.js is needed to check the frontend's API types"
    for service in api_types.SERVICES:
        (tmp_path / service).mkdir()
        shutil.copyfile(COMMITTED / service / "openapi.json", tmp_path / service / "openapi.json")
    subprocess.run(
        [node, "build/api-types.mjs", str(tmp_path)],
        cwd=FRONTEND,
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert _stale(tmp_path, "schema.d.ts") == [], FIX
