"""statistics_medians_by_histogram: the medians read a histogram, then one bucket's
tickets; week rows beside the day rows

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 10:00:00+00:00

At a district's scale (a million tickets) a year holds ~1.6 million response and
resolution times and ~36,000 daily rows: sorting the times for the medians and reading
every daily row were the statistics' main costs. Now (statistics_reads.py,
statistics_medians.py):

- the daily rows keep, instead of every time, how many fell in each of 36 buckets of
  minutes (`ack_buckets`, `resolve_buckets`; bucket i holds [EDGES[i-1], EDGES[i])): the
  period's histogram tells which bucket holds the middle rank and at which place;
- the tickets keep each time in minutes (`responded_minutes`, `resolved_minutes`, set by a
  trigger on PostgreSQL from the same expression as before), indexed with the milestone and
  the community, so that bucket's times are read from the index alone;
- `ticket_week_figures` holds the same figures per community and ISO week (Beijing), kept
  by the same trigger: a period reads a row per whole week and a day row for each day at
  either end.

On SQLite the columns stay null and the tables empty: the statistics read the tickets
there. EDGES repeats statistics_medians.py's; change both together (a new revision
replacing `ticket_day_figures_bucket`, then `SELECT ticket_day_figures_rebuild()`).
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from services.kit.db import binary_string

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _previous() -> ModuleType:
    """Revision 0010, whose definitions the daily rows go back to on the way down."""
    path = next(Path(__file__).parent.glob("*-0010_*.py"))
    spec = importlib.util.spec_from_file_location("intake_0010", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Lower bounds, in minutes, about sqrt(2) apart: a bucket holds a few per cent of the times.
EDGES = (
    "-Infinity", 0, 1, 2, 3, 4, 6, 8, 11, 16, 23, 32, 45, 64, 91, 128, 181, 256, 362, 512,
    724, 1024, 1448, 2048, 2896, 4096, 5793, 8192, 11585, 16384, 23170, 32768, 46341, 65536,
    92682, 131072,
)  # fmt: skip
BUCKETS = len(EDGES)
MINUTES = "extract(epoch FROM {later} - {earlier})::float8 / 60"

BUCKET = f"""
CREATE FUNCTION ticket_day_figures_bucket(minutes float8) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT width_bucket(minutes, '{{{", ".join(str(e) for e in EDGES)}}}'::float8[])
$$
"""

# Signed bucket numbers (-3: one time less in bucket 3) -> the BUCKETS counts. PL/pgSQL, as
# `add`: the trigger calls both on every change of a ticket, and their plans stay cached.
HISTOGRAM = f"""
CREATE FUNCTION ticket_day_figures_histogram(signed integer[]) RETURNS integer[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    counts integer[] := array_fill(0, ARRAY[{BUCKETS}]);
    s integer;
BEGIN
    FOREACH s IN ARRAY coalesce(signed, '{{}}') LOOP
        counts[abs(s)] := counts[abs(s)] + sign(s);
    END LOOP;
    RETURN counts;
END
$$
"""

# Histograms (a 2-D array, one per row) -> their sum.
TOTAL = f"""
CREATE FUNCTION ticket_day_figures_total(histograms integer[]) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_agg(n ORDER BY b) FROM (
        SELECT (o - 1) % {BUCKETS} + 1 AS b, sum(v)::integer AS n
        FROM unnest(histograms) WITH ORDINALITY AS u(v, o) GROUP BY 1
    ) AS s
$$
"""

ADD = """
CREATE FUNCTION ticket_day_figures_add(a integer[], b integer[]) RETURNS integer[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    FOR i IN 1 .. cardinality(b) LOOP
        IF b[i] <> 0 THEN
            a[i] := a[i] + b[i];
        END IF;
    END LOOP;
    RETURN a;
END
$$
"""

TICKET_MINUTES = f"""
CREATE FUNCTION tickets_minutes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.responded_minutes := {MINUTES.format(later="NEW.responded_at", earlier="NEW.created_at")};
    NEW.resolved_minutes := {MINUTES.format(later="NEW.resolved_at", earlier="NEW.created_at")};
    RETURN NEW;
END
$$
"""

TICKET_MINUTES_TRIGGER = """
CREATE TRIGGER tickets_minutes BEFORE INSERT OR UPDATE OF created_at, responded_at, resolved_at
    ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_minutes()
"""


# A day's Monday (ISO weeks, Beijing days).
MONDAY = "({day} - (extract(isodow FROM {day})::integer - 1))"
TABLES = {"ticket_day_figures": ("day", "r.day"), "ticket_week_figures": ("week", MONDAY)}


def _insert(counters: Sequence[str], table: str, source: str, upsert: bool) -> str:
    """Rows `r` (ticket_day_figures_rows) summed into `table`'s rows, in key order."""
    key, of_day = TABLES[table]
    at = of_day.format(day="r.day")
    statement = f"""
    INSERT INTO {table} AS f (
        {key}, community_code, community_path, {", ".join(counters)},
        counts, ack_buckets, resolve_buckets
    )
    SELECT {at}, r.community_code, min(r.community_path),
        {", ".join(f"sum(r.{name})" for name in counters)},
        ticket_day_figures_sum(array_agg(r.counts) FILTER (WHERE r.counts IS NOT NULL)),
        ticket_day_figures_histogram(array_agg(r.ack) FILTER (WHERE r.ack IS NOT NULL)),
        ticket_day_figures_histogram(array_agg(r.resolve) FILTER (WHERE r.resolve IS NOT NULL))
    FROM {source}
    GROUP BY {at}, r.community_code
    ORDER BY {at}, r.community_code"""
    if not upsert:
        return statement
    return f"""{statement}
    ON CONFLICT ({key}, community_code) DO UPDATE SET
        {", ".join(f"{name} = f.{name} + excluded.{name}" for name in counters)},
        counts = ticket_day_figures_sum(ARRAY[f.counts, excluded.counts]),
        ack_buckets = ticket_day_figures_add(f.ack_buckets, excluded.ack_buckets),
        resolve_buckets = ticket_day_figures_add(f.resolve_buckets, excluded.resolve_buckets)"""


def _definitions(previous: ModuleType) -> tuple[str, str, str]:
    """0010's rows, apply and rebuild functions with the times as signed bucket numbers,
    and the week rows beside the day rows."""
    counters = previous.COUNTERS
    rows = (
        previous.ROWS.replace("ack float8, resolve float8", "ack integer, resolve integer")
        .replace(
            previous.MINUTES.format(later="t.resolved_at"),
            "sign * ticket_day_figures_bucket(t.resolved_minutes)",
        )
        .replace(
            previous.MINUTES.format(later="t.responded_at"),
            "sign * ticket_day_figures_bucket(t.responded_minutes)",
        )
    )
    # A ticket's old contribution taken back and its new one added; the day rows, then
    # the week rows, each in key order (so two writers never wait for each other in a circle).
    change = """(
        SELECT * FROM ticket_day_figures_rows(o, -1)
        UNION ALL
        SELECT * FROM ticket_day_figures_rows(n, 1)
    ) AS r"""
    apply = f"""
CREATE OR REPLACE FUNCTION ticket_day_figures_apply(o tickets, n tickets) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    {_insert(counters, "ticket_day_figures", change, upsert=True)};
    {_insert(counters, "ticket_week_figures", change, upsert=True)};
END
$$
"""
    every = "tickets AS t CROSS JOIN LATERAL ticket_day_figures_rows(t, 1) AS r"
    monday = MONDAY.format(day="day")
    rebuild = f"""
CREATE OR REPLACE FUNCTION ticket_day_figures_rebuild() RETURNS void
LANGUAGE sql AS $$
    DELETE FROM ticket_day_figures;
    DELETE FROM ticket_week_figures;
    -- Stored in key order, as the trigger would have added them: a period is few pages.
    {_insert(counters, "ticket_day_figures", every, upsert=False)};
    -- The weeks summed from the days (reading the tickets once).
    INSERT INTO ticket_week_figures (
        week, community_code, community_path, {", ".join(counters)},
        counts, ack_buckets, resolve_buckets
    )
    SELECT {monday}, community_code, min(community_path),
        {", ".join(f"sum({name})" for name in counters)},
        ticket_day_figures_sum(array_agg(counts)),
        ticket_day_figures_total(array_agg(ack_buckets)),
        ticket_day_figures_total(array_agg(resolve_buckets))
    FROM ticket_day_figures
    GROUP BY {monday}, community_code
    ORDER BY {monday}, community_code;
$$
"""
    return rows, apply, rebuild


def _figures_table(previous: ModuleType, name: str, key: str) -> None:
    op.create_table(
        name,
        sa.Column(key, sa.Date(), nullable=False),
        sa.Column("community_code", sa.String(length=32), nullable=False),
        sa.Column("community_path", binary_string(400), nullable=False),
        *(sa.Column(counter, sa.Integer(), nullable=False) for counter in previous.COUNTERS),
        sa.Column(
            "counts",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        *(
            sa.Column(
                kind,
                sa.JSON().with_variant(postgresql.ARRAY(sa.Integer()), "postgresql"),
                nullable=False,
            )
            for kind in ("ack_buckets", "resolve_buckets")
        ),
        sa.PrimaryKeyConstraint(key, "community_code", name=op.f(f"pk_{name}")),
    )


def _postgres() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def _times(kind: str) -> sa.Column[Any]:
    return sa.Column(
        kind,
        sa.JSON().with_variant(postgresql.ARRAY(sa.Float()), "postgresql"),
        nullable=False,
        server_default="{}" if _postgres() else "[]",
    )


def _histogram(kind: str) -> sa.Column[Any]:
    zeros = ",".join(["0"] * BUCKETS)
    return sa.Column(
        kind,
        sa.JSON().with_variant(postgresql.ARRAY(sa.Integer()), "postgresql"),
        nullable=False,
        server_default=f"{{{zeros}}}" if _postgres() else f"[{zeros}]",
    )


def upgrade() -> None:
    postgres = _postgres()
    previous = _previous()
    # Plain ALTERs (no batch copy of `tickets`).
    op.add_column("tickets", sa.Column("responded_minutes", sa.Float(), nullable=True))
    op.add_column("tickets", sa.Column("resolved_minutes", sa.Float(), nullable=True))
    if postgres:
        op.execute("DROP FUNCTION ticket_day_figures_remove(float8[], float8[])")
        op.execute("DROP FUNCTION ticket_day_figures_rows(tickets, integer)")
        op.execute(TICKET_MINUTES)
        op.execute(TICKET_MINUTES_TRIGGER)
        # Backfill; the daily rows are rebuilt below, so their trigger sits this one out.
        op.execute("ALTER TABLE tickets DISABLE TRIGGER ticket_day_figures_changed")
        op.execute(
            "UPDATE tickets SET responded_at = responded_at"
            " WHERE responded_at IS NOT NULL OR resolved_at IS NOT NULL"
        )
        op.execute("ALTER TABLE tickets ENABLE TRIGGER ticket_day_figures_changed")
    op.drop_column("ticket_day_figures", "ack_minutes")
    op.drop_column("ticket_day_figures", "resolve_minutes")
    # Defaults only to add a NOT NULL column to rows already there (SQLite's table is empty).
    op.add_column("ticket_day_figures", _histogram("ack_buckets"))
    op.add_column("ticket_day_figures", _histogram("resolve_buckets"))
    _figures_table(previous, "ticket_week_figures", "week")
    op.create_index(
        "ix_tickets_responded_minutes",
        "tickets",
        ["responded_minutes"],
        postgresql_include=["responded_at", "community_code"],
        postgresql_where=sa.text("responded_minutes IS NOT NULL"),
        sqlite_where=sa.text("responded_minutes IS NOT NULL"),
    )
    op.create_index(
        "ix_tickets_resolved_minutes",
        "tickets",
        ["resolved_minutes"],
        postgresql_include=["resolved_at", "community_code", "status"],
        postgresql_where=sa.text("resolved_minutes IS NOT NULL"),
        sqlite_where=sa.text("resolved_minutes IS NOT NULL"),
    )
    if not postgres:
        return
    rows, apply, rebuild = _definitions(previous)
    for statement in (BUCKET, HISTOGRAM, TOTAL, ADD, rows, apply, rebuild):
        op.execute(statement)
    op.execute("SELECT ticket_day_figures_rebuild()")


def downgrade() -> None:
    postgres = _postgres()
    previous = _previous()
    op.drop_index("ix_tickets_resolved_minutes", table_name="tickets")
    op.drop_index("ix_tickets_responded_minutes", table_name="tickets")
    if postgres:
        op.execute("DROP TRIGGER tickets_minutes ON tickets")
        op.execute("DROP FUNCTION tickets_minutes()")
        op.execute("DROP FUNCTION ticket_day_figures_rows(tickets, integer)")
        for function in (
            "add(integer[], integer[])",
            "total(integer[])",
            "histogram(integer[])",
            "bucket(float8)",
        ):
            op.execute(f"DROP FUNCTION ticket_day_figures_{function}")
    op.drop_table("ticket_week_figures")
    op.drop_column("ticket_day_figures", "resolve_buckets")
    op.drop_column("ticket_day_figures", "ack_buckets")
    op.add_column("ticket_day_figures", _times("ack_minutes"))
    op.add_column("ticket_day_figures", _times("resolve_minutes"))
    if postgres:
        for statement in (previous.ROWS, previous.REMOVE):
            op.execute(statement)
        for statement in (previous.APPLY, previous.REBUILD):
            op.execute(statement.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
        op.execute("SELECT ticket_day_figures_rebuild()")
    op.drop_column("tickets", "resolved_minutes")
    op.drop_column("tickets", "responded_minutes")
