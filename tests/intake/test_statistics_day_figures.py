"""The daily and weekly figures per community that PostgreSQL keeps for the statistics
(migrations 0010, 0011) stay what a rebuild from the tickets gives, through every kind of
move; and a place below a community, which they cannot answer for, is read from its
tickets."""

from __future__ import annotations

import math
from typing import Any

import pytest
from sqlalchemy import text

from services.intake import demo
from services.intake.statistics_medians import EDGES
from services.intake.statistics_reads import COUNTERS
from services.kit.testing import backends
from tests.fixtures.intake import Intake
from tests.intake.test_statistics import PERIOD, at, build_history, place_id, statistics

FIGURES = text("SELECT * FROM ticket_day_figures ORDER BY day, community_code")
WEEKS = text("SELECT * FROM ticket_week_figures ORDER BY week, community_code")


async def _figures(intake: Intake) -> list[dict[str, Any]]:
    async with intake.db.session(write=False) as session:
        rows = [
            *(await session.execute(FIGURES)).mappings().all(),
            *(await session.execute(WEEKS)).mappings().all(),
        ]
    # A day whose every contribution was taken back (a ticket moved to another day) stays,
    # empty; the histograms of times are counts like the rest (migration 0011).
    return [
        dict(row)
        for row in rows
        if row["counts"]
        or any(row["ack_buckets"])
        or any(row["resolve_buckets"])
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


@pytest.mark.parametrize("backend", [b for b in backends() if b == "postgresql"], indirect=True)
async def test_the_medians_buckets_are_the_same_in_the_database_and_in_python(
    intake: Intake,
) -> None:
    """The trigger files each time by ticket_day_figures_bucket; the medians read a bucket
    back by statistics_medians.EDGES: one edge apart, a median would be wrong."""
    edges = [edge for edge in EDGES if math.isfinite(edge)]
    below = [math.nextafter(edge, -math.inf) for edge in edges]
    async with intake.db.session(write=False) as session:
        buckets = (
            await session.execute(
                text(
                    "SELECT array_agg(ticket_day_figures_bucket(m) ORDER BY o)"
                    " FROM unnest(CAST(:m AS float8[])) WITH ORDINALITY AS u(m, o)"
                ),
                {"m": [*edges, *below, -1e9]},
            )
        ).scalar_one()
    first = EDGES.index(edges[0]) + 1
    assert buckets == [
        *range(first, first + len(edges)),
        *range(first - 1, first - 1 + len(edges)),
        1,
    ]
