from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError
from pydantic_settings import SettingsConfigDict

from services.kit.clock import FrozenClock
from services.kit.settings import VAR_DIR, ServiceSettings


class ExampleSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="EXAMPLE_", extra="ignore")

    service_name: str = "example"


def test_each_service_gets_its_own_sqlite_file_and_schema_by_default() -> None:
    settings = ExampleSettings()
    assert settings.database_url == f"sqlite+aiosqlite:///{VAR_DIR / 'example.db'}"
    assert settings.database_schema == "example"


def test_settings_read_the_service_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXAMPLE_PUBLIC_BASE_URL", "https://sqwb.example.cn")
    monkeypatch.setenv("DIRECTORY_PUBLIC_BASE_URL", "https://wrong.example.cn")
    assert ExampleSettings().public_base_url == "https://sqwb.example.cn"


def test_production_refuses_a_placeholder_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXAMPLE_ENV", "production")
    with pytest.raises(ValidationError, match="placeholder"):
        ExampleSettings()
    monkeypatch.setenv("EXAMPLE_SECRET_KEY", "k7Yq-a-real-long-random-secret")
    assert ExampleSettings().env == "production"


def test_a_frozen_clock_moves_only_when_told() -> None:
    clock = FrozenClock(datetime(2026, 2, 16, 16, 0, tzinfo=UTC))
    assert clock.now() == clock.now()
    assert clock.local_now().hour == 0  # midnight in Beijing
    clock.advance(timedelta(days=7))
    assert clock.now().day == 23
    with pytest.raises(ValueError, match="aware"):
        clock.set(datetime(2026, 1, 1))
