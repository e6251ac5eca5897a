"""statistics_indexes_and_day_figures: milestone indexes, a daily summary per community

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 08:00:00+00:00

The statistics (services/intake/statistics.py) read each milestone's period as a range on
its own index. On PostgreSQL a trigger also keeps `ticket_day_figures`: per community and
Beijing day, the counters behind the rates (each on its own milestone's day), the counts
of the day's reports by status, category, source and priority, and the response and
resolution times of the day's answers and resolutions. A year then reads about 365 rows a
community instead of its tickets. The trigger takes a ticket's old contribution back and
adds its new one in one statement, rows locked in day order. On SQLite the table stays
empty: the statistics read the tickets there.

The definitions below repeat the module docstring of statistics.py; change both together
(a new revision replacing `ticket_day_figures_rows`, then `SELECT ticket_day_figures_rebuild()`).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from services.kit.db import binary_string

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# created_at has had its index since 0001.
MILESTONES = (
    "due_respond_at",
    "responded_at",
    "resolved_at",
    "closed_at",
    "escalated_at",
    "rated_at",
)
COUNTERS = (
    "reported",
    "hotline",
    "response_due",
    "response_on_time",
    "finished",
    "resolved_not_reopened",
    "settled",
    "never_escalated",
    "resolved",
    "reopened",
    "rated",
    "satisfied",
)
# What a change to a ticket must touch to move a figure.
TRACKED = (
    "community_code",
    "community_id",
    "place_path",
    "category",
    "priority",
    "source",
    "status",
    "created_at",
    "due_respond_at",
    "responded_at",
    "resolved_at",
    "closed_at",
    "escalated_at",
    "rated_at",
    "rating",
    "reopen_count",
)

LOCAL_DAY = "(({at}) AT TIME ZONE 'Asia/Shanghai')::date"
MINUTES = "extract(epoch FROM {later} - t.created_at)::float8 / 60"


def _row(
    at: str, values: dict[str, str], counts: str = "NULL", ack: str = "NULL", resolve: str = "NULL"
) -> str:
    cells = [at, *(values.get(name, "0") for name in COUNTERS), counts, ack, resolve]
    return "(" + ", ".join(cells) + ")"


ROWS = f"""
CREATE FUNCTION ticket_day_figures_rows(t tickets, sign integer)
RETURNS TABLE (
    day date, community_code varchar, community_path varchar,
    {", ".join(f"{name} integer" for name in COUNTERS)},
    counts jsonb, ack float8, resolve float8
)
LANGUAGE sql STABLE AS $$
    SELECT {LOCAL_DAY.format(at="m.at")}, t.community_code,
        CASE WHEN strpos(t.place_path, '/' || t.community_id || '/') > 0
             THEN left(t.place_path, strpos(t.place_path, '/' || t.community_id || '/') + 37)
             ELSE t.place_path END,
        {", ".join(f"sign * m.{name}" for name in COUNTERS)},
        m.counts, m.ack, m.resolve
    FROM (VALUES
        {
    _row(
        "t.created_at",
        {"reported": "1", "hotline": "(t.source = 'hotline')::int"},
        counts="jsonb_build_object('status:' || t.status, sign, 'category:' || t.category, sign,"
        " 'source:' || t.source, sign, 'priority:' || t.priority, sign)",
    )
},
        {
    _row(
        "t.due_respond_at",
        {
            "response_due": "1",
            "response_on_time": "coalesce(t.responded_at <= t.due_respond_at, false)::int",
        },
    )
},
        {
    _row(
        "CASE t.status WHEN 'rejected' THEN t.closed_at WHEN 'escalated' THEN t.escalated_at"
        " WHEN 'duplicate' THEN NULL ELSE t.resolved_at END",
        {
            "finished": "1",
            "resolved_not_reopened": "(t.status IN ('resolved', 'closed')"
            " AND t.reopen_count = 0)::int",
            "settled": "(t.status <> 'rejected')::int",
            "never_escalated": "(t.status <> 'rejected' AND t.escalated_at IS NULL)::int",
        },
    )
},
        {
    _row(
        "CASE WHEN t.status <> 'duplicate' THEN t.resolved_at END",
        {"resolved": "1", "reopened": "(t.reopen_count > 0)::int"},
        resolve=MINUTES.format(later="t.resolved_at"),
    )
},
        {
    _row(
        "CASE WHEN t.rating IS NOT NULL THEN t.rated_at END",
        {"rated": "1", "satisfied": "(t.rating >= 4)::int"},
    )
},
        {_row("t.responded_at", {}, ack=MINUTES.format(later="t.responded_at"))}
    ) AS m(at, {", ".join(COUNTERS)}, counts, ack, resolve)
    WHERE t.id IS NOT NULL AND m.at IS NOT NULL
$$
"""

SUM = """
CREATE FUNCTION ticket_day_figures_sum(maps jsonb[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
    FROM (
        SELECT e.key, sum(e.value::integer) AS total
        FROM unnest(maps) AS m(map), jsonb_each_text(m.map) AS e
        GROUP BY e.key
        HAVING sum(e.value::integer) <> 0
    ) AS s
$$
"""

REMOVE = """
CREATE FUNCTION ticket_day_figures_remove(a float8[], gone float8[]) RETURNS float8[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v float8;
    p integer;
BEGIN
    FOREACH v IN ARRAY coalesce(gone, '{}') LOOP
        p := array_position(a, v);
        IF p IS NOT NULL THEN
            a := a[1 : p - 1] || a[p + 1 :];
        END IF;
    END LOOP;
    RETURN a;
END
$$
"""

# Every day a ticket's old and new rows touch, in one statement ordered by day (so two
# writers never wait for each other in a circle), then the old times taken back from rows
# this transaction already holds.
APPLY = f"""
CREATE FUNCTION ticket_day_figures_apply(o tickets, n tickets) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ticket_day_figures AS f (
        day, community_code, community_path, {", ".join(COUNTERS)},
        counts, ack_minutes, resolve_minutes
    )
    SELECT r.day, r.community_code, min(r.community_path),
        {", ".join(f"sum(r.{name})" for name in COUNTERS)},
        ticket_day_figures_sum(array_agg(r.counts)),
        coalesce(array_agg(r.ack) FILTER (WHERE r.sign > 0 AND r.ack IS NOT NULL), '{{}}'),
        coalesce(array_agg(r.resolve) FILTER (WHERE r.sign > 0 AND r.resolve IS NOT NULL), '{{}}')
    FROM (
        SELECT *, -1 AS sign FROM ticket_day_figures_rows(o, -1)
        UNION ALL
        SELECT *, 1 AS sign FROM ticket_day_figures_rows(n, 1)
    ) AS r
    GROUP BY r.day, r.community_code
    ORDER BY r.day, r.community_code
    ON CONFLICT (day, community_code) DO UPDATE SET
        {", ".join(f"{name} = f.{name} + excluded.{name}" for name in COUNTERS)},
        counts = ticket_day_figures_sum(ARRAY[f.counts, excluded.counts]),
        ack_minutes = f.ack_minutes || excluded.ack_minutes,
        resolve_minutes = f.resolve_minutes || excluded.resolve_minutes;
    IF o.id IS NOT NULL THEN
        UPDATE ticket_day_figures AS f SET
            ack_minutes = ticket_day_figures_remove(f.ack_minutes, r.ack),
            resolve_minutes = ticket_day_figures_remove(f.resolve_minutes, r.resolve)
        FROM (
            SELECT g.day, g.community_code,
                array_agg(g.ack) FILTER (WHERE g.ack IS NOT NULL) AS ack,
                array_agg(g.resolve) FILTER (WHERE g.resolve IS NOT NULL) AS resolve
            FROM ticket_day_figures_rows(o, -1) AS g
            WHERE g.ack IS NOT NULL OR g.resolve IS NOT NULL
            GROUP BY g.day, g.community_code
        ) AS r
        WHERE f.day = r.day AND f.community_code = r.community_code;
    END IF;
END
$$
"""

TRACK = """
CREATE FUNCTION ticket_day_figures_track() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM ticket_day_figures_apply(NULL, NEW);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM ticket_day_figures_apply(OLD, NULL);
    ELSE
        PERFORM ticket_day_figures_apply(OLD, NEW);
    END IF;
    RETURN NULL;
END
$$
"""

REBUILD = f"""
CREATE FUNCTION ticket_day_figures_rebuild() RETURNS void
LANGUAGE sql AS $$
    DELETE FROM ticket_day_figures;
    INSERT INTO ticket_day_figures (
        day, community_code, community_path, {", ".join(COUNTERS)},
        counts, ack_minutes, resolve_minutes
    )
    SELECT r.day, r.community_code, min(r.community_path),
        {", ".join(f"sum(r.{name})" for name in COUNTERS)},
        ticket_day_figures_sum(array_agg(r.counts) FILTER (WHERE r.counts IS NOT NULL)),
        coalesce(array_agg(r.ack) FILTER (WHERE r.ack IS NOT NULL), '{{}}'),
        coalesce(array_agg(r.resolve) FILTER (WHERE r.resolve IS NOT NULL), '{{}}')
    FROM tickets AS t CROSS JOIN LATERAL ticket_day_figures_rows(t, 1) AS r
    GROUP BY r.day, r.community_code
    -- Stored in day order, as the trigger would have added them: a period is few pages.
    ORDER BY r.day, r.community_code;
$$
"""

TRIGGERS = (
    """
CREATE TRIGGER ticket_day_figures_new_or_gone AFTER INSERT OR DELETE ON tickets
    FOR EACH ROW EXECUTE FUNCTION ticket_day_figures_track()
""",
    f"""
CREATE TRIGGER ticket_day_figures_changed AFTER UPDATE OF {", ".join(TRACKED)} ON tickets
    FOR EACH ROW
    WHEN (({", ".join(f"OLD.{c}" for c in TRACKED)})
          IS DISTINCT FROM ({", ".join(f"NEW.{c}" for c in TRACKED)}))
    EXECUTE FUNCTION ticket_day_figures_track()
""",
)

FUNCTIONS = (
    "ticket_day_figures_track()",
    "ticket_day_figures_rebuild()",
    "ticket_day_figures_apply(tickets, tickets)",
    "ticket_day_figures_remove(float8[], float8[])",
    "ticket_day_figures_sum(jsonb[])",
    "ticket_day_figures_rows(tickets, integer)",
)


OPEN = "status IN ('submitted', 'acknowledged', 'assigned', 'in_progress')"


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        for column in MILESTONES:
            batch_op.create_index(batch_op.f(f"ix_tickets_{column}"), [column], unique=False)
        # The overdue snapshot: a subtree's open tickets, read from the index alone.
        batch_op.create_index(
            "ix_tickets_open_place_path",
            ["place_path"],
            unique=False,
            postgresql_include=["status", "due_respond_at", "due_resolve_at"],
            postgresql_where=sa.text(OPEN),
            sqlite_where=sa.text(OPEN),
        )
    op.create_table(
        "ticket_day_figures",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("community_code", sa.String(length=32), nullable=False),
        sa.Column("community_path", binary_string(400), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTERS),
        sa.Column(
            "counts",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "ack_minutes",
            sa.JSON().with_variant(postgresql.ARRAY(sa.Float()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "resolve_minutes",
            sa.JSON().with_variant(postgresql.ARRAY(sa.Float()), "postgresql"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("day", "community_code", name=op.f("pk_ticket_day_figures")),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in (ROWS, SUM, REMOVE, APPLY, TRACK, REBUILD, *TRIGGERS):
        op.execute(statement)
    op.execute("SELECT ticket_day_figures_rebuild()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER ticket_day_figures_changed ON tickets")
        op.execute("DROP TRIGGER ticket_day_figures_new_or_gone ON tickets")
        for function in FUNCTIONS:
            op.execute(f"DROP FUNCTION {function}")
    op.drop_table("ticket_day_figures")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_open_place_path")
        for column in reversed(MILESTONES):
            batch_op.drop_index(batch_op.f(f"ix_tickets_{column}"))
