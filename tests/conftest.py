"""Fixtures every service's tests share.

The `backend` fixture runs each database test on SQLite and, when TEST_DATABASE_URL is set,
again on PostgreSQL. Each service's schema is migrated once per backend per session; each
test starts from empty tables.
"""

from __future__ import annotations

import pytest

from services.kit import calls
from services.kit.catalog import load
from services.kit.clock import FrozenClock
from services.kit.testing import TokenFactory, backends

# Each built service's fixtures (tests/fixtures/<name>.py: a migrated database `<name>_db`, and
# `<name>` with .app and .client), shared by every test; then the whole system behind the
# gateway. The services are those of services.toml.
pytest_plugins = [
    *(f"tests.fixtures.{service.name}" for service in load().built()),
    "tests.fixtures.system",
]


@pytest.fixture(scope="session", params=backends())
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session", autouse=True)
def strict_calls() -> None:
    """A call to another service inside an open write transaction fails the test doing it
    (kit.calls), whichever test builds the first app."""
    calls.set_strict(True)


@pytest.fixture(scope="session")
def tokens() -> TokenFactory:
    return TokenFactory()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()
