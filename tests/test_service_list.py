"""The one list of services (services.toml) and the repository agree: every service folder is
listed and every built entry has one, the generated files are fresh, every QR code kind opens
a page, and the import contracts reach every service without naming one."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from gateway.config import GatewaySettings
from services.directory.models import CODE_KINDS
from services.identity.seed import DEMO_INTAKE_KEY
from services.kit.catalog import Catalog, generated_files, load, stale_files
from services.kit.settings import REPO_ROOT

SERVICES_DIR = REPO_ROOT / "services"


def mismatches(catalog: Catalog, services_dir: Path) -> list[str]:
    """What is wrong between the folders under services/ (kit aside) and the list."""
    folders = {
        p.name
        for p in services_dir.iterdir()
        if p.is_dir() and p.name != "kit" and not p.name.startswith((".", "_"))
    }
    listed = set(catalog.names)
    built = {s.name for s in catalog.built()}
    return [f"services/{name}/ is not in services.toml" for name in sorted(folders - listed)] + [
        f"{name} is built in services.toml but services/{name}/ has no app.py"
        for name in sorted(built)
        if not (services_dir / name / "app.py").is_file()
    ]


def test_every_service_folder_is_listed_and_every_built_service_has_its_folder() -> None:
    assert mismatches(load(), SERVICES_DIR) == []


def test_a_folder_missing_from_the_list_or_an_entry_without_a_folder_is_found(
    tmp_path: Path,
) -> None:
    # Every built service has its folder except directory; one folder is in no list.
    written = [s.name for s in load().built() if s.name != "directory"]
    for name in ("kit", "lockers", "__pycache__", *written):
        (tmp_path / name).mkdir()
    for name in written:
        (tmp_path / name / "app.py").write_text("")

    assert mismatches(load(), tmp_path) == [
        "services/lockers/ is not in services.toml",
        "directory is built in services.toml but services/directory/ has no app.py",
    ]


def test_the_procfile_and_the_frontend_s_list_are_generated_from_the_current_list() -> None:
    stale = [str(p.relative_to(REPO_ROOT)) for p in stale_files(load())]
    assert stale == [], "run `python -m services.kit.catalog generate` (make generate)"


def test_a_changed_list_makes_the_generated_files_stale() -> None:
    # The committed files are what generate writes; a list with one more built tile is not.
    catalog = load()
    files = generated_files(catalog)
    assert all(path.read_text(encoding="utf-8") == text for path, text in files.items())
    built_rooms = tuple(
        replace(s, built=True) if s.name == "rooms" else s for s in catalog.services
    )
    changed = Catalog(catalog.gateway, built_rooms)
    assert generated_files(changed) != files


def test_every_qr_code_kind_of_the_directory_opens_a_page() -> None:
    pages = load().qr_pages()
    assert set(pages) == set(CODE_KINDS)
    # A unit door opens the hub, a warm station's code the courier service's station; the
    # kinds of services not built yet show the place.
    assert pages["unit"] == "hub"
    assert pages["station"] == "station"
    assert {pages[k] for k in CODE_KINDS if k not in ("unit", "station")} == {"place"}


def test_the_import_contracts_cover_every_service_without_naming_one() -> None:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    named = {
        module
        for contract in contracts
        for key in ("modules", "source_modules", "forbidden_modules")
        for module in contract.get(key, [])
    }
    for service in load().names:
        assert not any(service in module.split(".") for module in named), service
    assert "services.*" in named


def test_the_gateway_routes_every_listed_service_and_its_mounts() -> None:
    catalog = load()
    settings = GatewaySettings(env="test", intake_url="http://elsewhere:1")

    assert list(settings.service_urls) == list(catalog.names)
    assert settings.service_urls["intake"] == "http://elsewhere:1"
    assert settings.service_urls["courier"] == catalog.service("courier").local_url
    assert catalog.mounts() == {"/open311/v2": "intake"}


def test_the_gateway_still_reads_a_service_s_url_from_its_environment_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GATEWAY_ROOMS_URL", "http://rooms.internal:80")
    assert GatewaySettings(env="test").service_urls["rooms"] == "http://rooms.internal:80"


def test_make_run_gives_intake_the_demo_key_identity_seeds() -> None:
    env = load().run_env({}, public_url="http://127.0.0.1:8000")
    assert env["INTAKE_IDENTITY_API_KEY"] == DEMO_INTAKE_KEY
    assert env["INTAKE_JWKS_URL"] == env["GATEWAY_JWKS_URL"] == "http://127.0.0.1:8001/v1/jwks.json"
