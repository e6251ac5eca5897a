"""The daily figures per community that PostgreSQL keeps for the statistics (migration 0010)
stay what a rebuild from the tickets gives, through every kind of move; and a place below
a community, which they cannot answer for, is read from its tickets."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from services.intake import demo
from services.intake.statistics_reads import COUNTERS
from services.kit.testing import backends
from tests.fixtures.intake import Intake
from tests.intake.test_statistics import PERIOD, at, build_history, place_id, statistics

FIGURES = text("SELECT * FROM ticket_day_figures ORDER BY day, community_code")


async def _figures(intake: Intake) -> list[dict[str, Any]]:
    async with intake.db.session(write=False) as session:
        rows = (await session.execute(FIGURES)).mappings().all()
    # The minutes are a multiset: their order is the order the moves came in. A day whose
    # every contribution was taken back (a ticket moved to another day) stays, empty.
    return [
        {
            **row,
            "ack_minutes": sorted(row["ack_minutes"]),
            "resolve_minutes": sorted(row["resolve_minutes"]),
        }
        for row in rows
        if row["counts"]
        or row["ack_minutes"]
        or row["resolve_minutes"]
        or any(row[name] for name in COUNTERS)
    ]


@pytest.mark.parametrize("backend", [b for b in backends() if b == "postgresql"], indirect=True)
async def test_the_daily_figures_kept_move_by_move_equal_a_rebuild(intake: Intake) -> None:
    async with intake.db.session() as session:
        await demo.seed_demo(session, intake.app.state.intake)
        await session.commit()
    await build_history(intake)
    # Later: the resolved tickets close by themselves, one is deleted outright.
    await intake.runner.run_due(at(3, 20, 12))
    async with intake.db.session() as session:
        await session.execute(
            text(
                "DELETE FROM tickets WHERE id = (SELECT id FROM tickets WHERE status = 'closed'"
                " AND duplicate_of_id IS NULL AND id NOT IN (SELECT duplicate_of_id FROM tickets"
                " WHERE duplicate_of_id IS NOT NULL) ORDER BY number LIMIT 1)"
            )
        )
        await session.commit()
    kept = await _figures(intake)
    assert sum(row["reported"] for row in kept) > 100

    async with intake.db.session() as session:
        await session.execute(text("SELECT ticket_day_figures_rebuild()"))
        await session.commit()
    assert await _figures(intake) == kept


async def test_a_building_s_figures_count_its_own_tickets(intake: Intake) -> None:
    await build_history(intake)
    street = await intake.staff("TGY")
    body = await statistics(intake, street, place_id=await place_id(intake, "TGYZL-01"), **PERIOD)
    # T1, T2 and the duplicate T6 were reported at building 1; T6 was answered (merged).
    assert body["counts"]["total"] == 3
    assert body["rates"]["response"] == {"rate": 0.6667, "on_time": 2, "due": 3}
    assert body["rates"]["satisfaction"] == {"rate": 0.5, "satisfied": 1, "rated": 2}
    assert body["median_minutes"] == {"acknowledge": 60.0, "resolve": 3600.0}
    assert [row["community_code"] for row in body["by_community"]] == ["TGYZL"]
