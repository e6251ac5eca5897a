"""Dump each service's OpenAPI document for the frontend's generated API types.

`python infra/api_types.py [OUT_DIR]` writes `<OUT_DIR>/<service>/openapi.json` for every
service the frontend calls (default OUT_DIR: frontend/src/api), built from the service's own
FastAPI app with test settings: nothing is started, no database is opened. The output is
deterministic (sorted keys, fixed indentation, a final newline), so the committed files
change only when an API does. `make api-types` runs this, then openapi-typescript on each
document (frontend/package.json's `api-types` script) to write `<service>/schema.d.ts`;
tests/test_api_types.py fails when the committed files are stale.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from services.kit.catalog import load

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "frontend" / "src" / "api"
# Every built service of services.toml has an API the frontend may call (its folder
# frontend/src/api/<service>/); a new service adds its app below, or dump() says it is missing.
SERVICES = tuple(service.name for service in load().built())
_DB = "sqlite+aiosqlite:///:memory:"


def _directory() -> FastAPI:
    from services.directory.app import create_app
    from services.directory.config import DirectorySettings

    return create_app(DirectorySettings(env="test", database_url=_DB, auto_migrate=False, jwks=""))


def _identity() -> FastAPI:
    from services.identity.app import create_app
    from services.identity.config import IdentitySettings

    return create_app(
        IdentitySettings(
            env="test",
            database_url=_DB,
            auto_migrate=False,
            seed_demo=False,
            secret_key="api-types",
        )
    )


def _intake() -> FastAPI:
    from services.intake.app import create_app
    from services.intake.config import IntakeSettings

    return create_app(
        IntakeSettings(
            env="test",
            database_url=_DB,
            auto_migrate=False,
            run_workers=False,
            jwks="",
            secret_key="api-types",
        )
    )


def _courier() -> FastAPI:
    from services.courier.app import create_app
    from services.courier.config import CourierSettings

    return create_app(
        CourierSettings(
            env="test", database_url=_DB, auto_migrate=False, run_workers=False, jwks=""
        )
    )


APPS: dict[str, Callable[[], FastAPI]] = {
    "directory": _directory,
    "identity": _identity,
    "intake": _intake,
    "courier": _courier,
}


@contextmanager
def _clean_environment() -> Iterator[None]:
    """Settings read the environment: a developer's exported variables must not leak in."""
    prefixes = tuple(f"{service.upper()}_" for service in APPS)
    saved = {k: v for k, v in os.environ.items() if k.startswith(prefixes)}
    for name in saved:
        del os.environ[name]
    try:
        yield
    finally:
        os.environ.update(saved)


def document(service: str) -> dict[str, Any]:
    """The service's OpenAPI document as the frontend's types are generated from it."""
    with _clean_environment():
        spec = APPS[service]().openapi()
    # Nothing that names a deployment: only the API's shape.
    spec.pop("servers", None)
    return spec


def render(spec: dict[str, Any]) -> str:
    return json.dumps(spec, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def dump(out: Path) -> list[Path]:
    missing = [service for service in SERVICES if service not in APPS]
    if missing:
        raise SystemExit(f"infra/api_types.py: no app for {', '.join(missing)} (services.toml)")
    written = []
    for service in SERVICES:
        target = out / service / "openapi.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(document(service)), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    for path in dump(out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
