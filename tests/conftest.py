"""Fixtures every service's tests share.

The `backend` fixture runs each database test on SQLite and, when TEST_DATABASE_URL is set,
again on PostgreSQL. Each service's schema is migrated once per backend per session; each
test starts from empty tables.
"""

from __future__ import annotations

import pytest

from services.kit.clock import FrozenClock
from services.kit.testing import TokenFactory, backends

# Each service's fixtures (a migrated database, an app, a client), shared by every test.
pytest_plugins = [
    "tests.fixtures.directory",
    "tests.fixtures.identity",
    "tests.fixtures.intake",
    "tests.fixtures.system",
]


@pytest.fixture(scope="session", params=backends())
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def tokens() -> TokenFactory:
    return TokenFactory()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()
