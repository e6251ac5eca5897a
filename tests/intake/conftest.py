"""Intake's integration tests (Open311, the 12345 hotline) run against intake trusting the
real identity: under tests/intake, `system` is that pair (tests.intake.integration_support),
not the whole system behind the gateway (tests.fixtures.system), which no test here uses."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.kit.clock import FrozenClock
from services.kit.db import Database
from tests.fixtures.directory import Directory
from tests.fixtures.identity import Identity
from tests.intake.integration_support import System, build_system


@pytest.fixture
async def system(
    identity: Identity, directory: Directory, intake_db: Database, clock: FrozenClock
) -> AsyncIterator[System]:
    built, client = await build_system(identity, directory, intake_db, clock)
    async with client:
        yield built
