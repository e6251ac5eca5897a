"""How long intake's statistics take at a district's scale, on PostgreSQL.

    .venv/bin/python benchmarks/intake/statistics.py [--keep] [--reuse] [--rounds 7]

Creates a database of its own (`bench_stats` on postgresql://postgres@127.0.0.1:5432,
see --url and --db), migrates it with intake's Alembic tree, and generates in SQL
(generate_series, indexes built after the load) a district of 10 streets, 100 communities,
6,000 unit doors and 1,000,000 tickets over 400 days with about 3 million events: a
realistic spread of answered, late, rejected, merged, escalated, reopened, rated and still
open tickets. About a minute and a half on two cores (the summary rows' rebuild is ~30 s).

Then, in rounds that interleave the cases, it times for the whole district:

- `domain`: intake's `statistics.compute` (every figure of the dashboard) and the response
  body's JSON, i.e. what `GET /v1/statistics` does after checking the caller;
- `bare`: the reference: one hand-written SQL statement that reads the same figures from
  the tickets (no summary rows) as one JSON document (asyncpg, no ORM, no Pydantic),

for the last 30 days and for the last 365 days, and prints min / median / max of each.
Before timing it checks that the domain function and the bare statement give the same
numbers. The database is dropped at the end unless --keep; --reuse times an existing one
(migrated to head first) instead of generating it again. Not part of `make test`.

Measured 2026-12-07 on the shared two-core machine, ms (min / median / max):

                      before (0010; 5 rounds,     now (0011; 9 rounds,
                      load average 2.2)           load average 6.0)
    30 days  domain      75 /   324 /   375         117 /   151 /   260
    30 days  bare       725 /   762 /   837       1,106 / 1,629 / 3,421
    365 days domain     531 / 1,070 / 1,118         193 /   391 /   755
    365 days bare     4,487 / 5,562 / 8,930       8,576 / 11,183 / 20,139

Same numbers from both in each run. A rerun at load average 10.9 (5 rounds): 30 days
145 / 246 / 393 (bare 2,272 / 3,159 / 3,862), a year 402 / 444 / 1,089 (bare 16,076 /
20,585 / 35,329). Alone (no bare statement between runs, load ~7) a
year takes ~140 ms warm: the summary's counts by status, category, source and priority
~25 ms, the medians' histogram ~10 ms and their two bucket reads ~12 + 16 ms, the overdue
snapshot ~14 ms, today's tickets ~10 ms; 30 days ~60 ms. The bare statement between runs
pushes the summary and the indexes out of PostgreSQL's buffers, hence the medians above.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on the path and its name would hide the
# standard library's `statistics` (which intake's module imports).
if Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    del sys.path[0]

import argparse
import asyncio
import json
import os
import statistics as stats
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg

from services.intake import statistics
from services.intake.app import MIGRATIONS_DIR
from services.intake.categories import DEFAULTS
from services.kit.clients.directory import PlaceRef
from services.kit.coverage import Period, Scope, local_midnight, period
from services.kit.db import Database
from services.kit.migrations import upgrade
from services.kit.scope import subtree_bounds

SCHEMA = "intake"
# The data's "now": 2026-06-01 12:00 in Beijing. Fixed, so every run sees the same figures.
NOW = datetime(2026, 6, 1, 4, 0, tzinfo=UTC)
TODAY = date(2026, 6, 1)
DAYS = 400
COMMUNITIES = 100  # 10 per street
BUILDINGS = 20  # per community, 3 unit doors each
DISTRICT_PATH = "/{}/"  # filled with the district's id

TABLES = ("tickets", "ticket_events")

# --- the data ---------------------------------------------------------------------------------

# Ids are md5 of a name, so a rerun makes the same tree.
_ID = "md5({})::uuid"

TICKETS = f"""
INSERT INTO tickets (
    id, number, tracking_token, community_id, community_code, building_id, place_id,
    place_code, place_path, category, description, priority, source, status,
    reporter_phone_cipher, reporter_phone_hash, consent,
    due_respond_at, due_resolve_at, responded_at, acknowledged_at, assigned_at,
    resolved_at, closed_at, rated_at, escalated_at, reopen_count, rating,
    assignee_kind, assignee_ref, created_at, updated_at, responded_minutes, resolved_minutes
)
WITH draw AS MATERIALIZED (
    -- In the order they came in: a ticket table is physically in report order.
    SELECT i,
        :now - interval '{DAYS} days' + (i - 1 + random()) * (interval '{DAYS} days' / :n)
            AS created_at,
        floor(random() * {COMMUNITIES * BUILDINGS * 3})::int AS unit,
        random() AS r_out, random() AS r_resp, random() AS r_res, random() AS r_rate,
        random() AS r_star, random() AS r_cat, random() AS r_src, random() AS r_pri,
        random() AS r_misc
    FROM generate_series(1, :n) AS i
), shaped AS MATERIALIZED (
    SELECT draw.*, community_id, community_code, building_id, unit_id, unit_code, unit_path,
        CASE WHEN r_pri < 0.08 THEN 'urgent' WHEN r_pri < 0.14 THEN 'utility'
             WHEN r_pri < 0.18 THEN 'complex' ELSE 'normal' END AS priority,
        (ARRAY[{", ".join(f"'{c[0]}'" for c in DEFAULTS)}])[1 + floor(r_cat * {len(DEFAULTS)})::int]
            AS category,
        CASE WHEN r_src < 0.70 THEN 'qr' WHEN r_src < 0.82 THEN 'hotline'
             WHEN r_src < 0.92 THEN 'patrol' WHEN r_src < 0.97 THEN 'staff'
             ELSE 'contractor' END AS source,
        CASE WHEN r_out < 0.02 THEN 'unanswered' WHEN r_out < 0.05 THEN 'duplicate'
             WHEN r_out < 0.10 THEN 'rejected' WHEN r_out < 0.13 THEN 'escalated'
             WHEN r_out < 0.17 THEN 'open' ELSE 'resolved' END AS fate
    FROM draw JOIN bench_units USING (unit)
), timed AS MATERIALIZED (
    SELECT shaped.*,
        created_at + CASE WHEN priority = 'urgent' THEN interval '1 hour'
                          ELSE interval '24 hours' END AS due_respond,
        created_at + CASE WHEN priority = 'urgent' THEN interval '1 day'
                          ELSE interval '7 days' END AS due_resolve,
        -- About one answer in five is late: r^3 of twice the deadline.
        created_at + r_resp ^ 3 * CASE WHEN priority = 'urgent' THEN interval '2 hours'
                                       ELSE interval '48 hours' END AS respond,
        created_at + r_resp ^ 3 * interval '48 hours' + r_res ^ 2 * interval '10 days'
            AS resolve
    FROM shaped
), settled AS MATERIALIZED (
    SELECT timed.*,
        CASE WHEN fate = 'unanswered' OR respond > :now THEN 'submitted'
             WHEN fate IN ('duplicate', 'rejected') THEN fate
             WHEN fate = 'escalated' AND respond + interval '1 day' <= :now THEN 'escalated'
             WHEN fate = 'resolved' AND resolve + interval '3 days' <= :now THEN 'closed'
             WHEN fate = 'resolved' AND resolve <= :now THEN 'resolved'
             WHEN r_misc < 0.3 THEN 'acknowledged' WHEN r_misc < 0.6 THEN 'assigned'
             ELSE 'in_progress' END AS status
    FROM timed
), final AS MATERIALIZED (
    SELECT settled.*,
        CASE WHEN status <> 'submitted' THEN respond END AS responded_at,
        CASE WHEN status IN ('resolved', 'closed') THEN resolve END AS resolved_at,
        CASE WHEN status = 'closed' THEN resolve + interval '3 days'
             WHEN status IN ('rejected', 'duplicate') THEN respond END AS closed_at,
        CASE WHEN status = 'escalated' THEN respond + interval '1 day' END AS escalated_at,
        CASE WHEN status IN ('resolved', 'closed') AND r_rate < 0.4
                  AND resolve + r_rate * interval '5 days' <= :now
             THEN resolve + r_rate * interval '5 days' END AS rated_at
    FROM settled
)
SELECT
    gen_random_uuid(),
    community_code || '-' || lpad(i::text, 7, '0'),
    lpad(i::text, 40, 'tk'),
    community_id,
    community_code,
    building_id,
    unit_id,
    unit_code,
    unit_path,
    category,
    '第' || i || '号反映：' || CASE category WHEN 'small_ads' THEN '楼道里又贴满了小广告'
        WHEN 'lighting' THEN '楼道灯不亮，晚上看不清台阶' WHEN 'parking' THEN '消防通道被车占了'
        ELSE '麻烦尽快派人来看一下，谢谢' END,
    priority,
    source,
    status,
    CASE WHEN r_misc < 0.6 THEN 'v1:' || lpad(i::text, 93, 'cipher') END,
    CASE WHEN r_misc < 0.6 THEN lpad(i::text, 64, 'h') END,
    r_misc < 0.6,
    due_respond,
    due_resolve,
    responded_at,
    CASE WHEN fate IN ('resolved', 'open', 'escalated') THEN responded_at END,
    CASE WHEN status IN ('assigned', 'in_progress', 'resolved', 'closed') THEN responded_at END,
    resolved_at,
    closed_at,
    rated_at,
    escalated_at,
    CASE WHEN resolved_at IS NOT NULL AND r_misc > 0.95 THEN 1 ELSE 0 END,
    CASE WHEN rated_at IS NOT NULL THEN 1 + floor(sqrt(r_star) * 4.999)::int END,
    CASE WHEN status IN ('assigned', 'in_progress', 'resolved', 'closed') THEN 'team' END,
    CASE WHEN status IN ('assigned', 'in_progress', 'resolved', 'closed') THEN '维修组' END,
    created_at,
    greatest(created_at, responded_at, resolved_at, closed_at, rated_at, escalated_at),
    -- What the trigger (off during the load) sets: minutes from the report (migration 0011).
    extract(epoch FROM responded_at - created_at)::float8 / 60,
    extract(epoch FROM resolved_at - created_at)::float8 / 60
FROM final
"""

# The district's unit doors (10 streets, 10 communities each, 20 buildings of 3 doors).
UNITS = f"""
CREATE TEMPORARY TABLE bench_units AS
WITH u AS (
    SELECT n AS unit, n / {BUILDINGS * 3} AS c, n / 3 % {BUILDINGS} AS b, n % 3 AS d
    FROM generate_series(0, {COMMUNITIES * BUILDINGS * 3 - 1}) AS n
)
SELECT unit,
    {_ID.format("'community-' || c")} AS community_id,
    'SQ' || lpad(c::text, 3, '0') AS community_code,
    {_ID.format("'building-' || c || '-' || b")} AS building_id,
    {_ID.format("'unit-' || c || '-' || b || '-' || d")} AS unit_id,
    'SQ' || lpad(c::text, 3, '0') || '-' || lpad((b + 1)::text, 2, '0') || '-' || (d + 1)
        AS unit_code,
    '/' || {_ID.format("'district'")} || '/' || {_ID.format("'street-' || c / 10")} || '/'
        || {_ID.format("'community-' || c")} || '/' || {_ID.format("'building-' || c || '-' || b")}
        || '/' || {_ID.format("'unit-' || c || '-' || b || '-' || d")} || '/' AS unit_path
FROM u
"""

# About three events a ticket: the report, the first answer, the finish, a rating.
EVENTS = """
INSERT INTO ticket_events (
    ticket_id, from_status, to_status, action, actor, actor_kind, actor_name, at,
    public_note, detail
)
SELECT t.id, e.from_status, e.to_status, e.action, e.actor, e.actor_kind, e.actor_name, e.at,
       e.note, e.detail::json
FROM tickets AS t CROSS JOIN LATERAL (VALUES
    (NULL, 'submitted', 'submit', 'reporter', 'resident', NULL, t.created_at, NULL, '{}'),
    ('submitted', CASE WHEN t.status IN ('rejected', 'duplicate') THEN t.status
                       ELSE 'acknowledged' END,
     CASE WHEN t.status = 'rejected' THEN 'reject' WHEN t.status = 'duplicate' THEN 'duplicate'
          ELSE 'acknowledge' END,
     'staff:' || t.community_code, 'staff', '社区工作人员', t.responded_at, '已收到，马上安排',
     '{"outcome": "reached"}'),
    ('in_progress', CASE WHEN t.status = 'escalated' THEN 'escalated' ELSE 'resolved' END,
     CASE WHEN t.status = 'escalated' THEN 'escalate' ELSE 'resolve' END,
     'staff:' || t.community_code, 'staff', '社区工作人员',
     coalesce(t.resolved_at, t.escalated_at), '已处理完毕', '{}'),
    (t.status, t.status, 'rate', 'reporter', 'resident', NULL, t.rated_at, NULL,
     '{"rating": ' || coalesce(t.rating, 0) || '}')
) AS e(from_status, to_status, action, actor, actor_kind, actor_name, at, note, detail)
WHERE e.at IS NOT NULL
"""


def _sql(template: str, **values: Any) -> str:
    """Literals into the generator (numbers and a timestamp we made: nothing from outside)."""
    out = template
    for name, value in values.items():
        literal = f"'{value.isoformat()}'::timestamptz" if isinstance(value, datetime) else value
        out = out.replace(f":{name}", str(literal))
    return out


async def _constraints_and_indexes(conn: asyncpg.Connection) -> tuple[list[str], list[str]]:
    """What to drop before the bulk load and how to put it back (keys first, then indexes)."""
    tables = [f"{SCHEMA}.{t}" for t in TABLES]
    constraints = await conn.fetch(
        """SELECT conrelid::regclass::text AS tbl, conname, contype,
                  pg_get_constraintdef(oid) AS def
           FROM pg_constraint
           WHERE contype IN ('p', 'u', 'f')
             AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]))
           ORDER BY contype = 'f'""",
        tables,
    )
    indexes = await conn.fetch(
        """SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
           FROM pg_index AS i
           WHERE i.indrelid = ANY($1::regclass[])
             AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = i.indexrelid
                             AND c.contype IN ('p', 'u'))""",
        tables,
    )
    drop = [f'ALTER TABLE {r["tbl"]} DROP CONSTRAINT "{r["conname"]}"' for r in constraints[::-1]]
    drop += [f"DROP INDEX {r['name']}" for r in indexes]
    create = [
        f'ALTER TABLE {r["tbl"]} ADD CONSTRAINT "{r["conname"]}" {r["def"]}' for r in constraints
    ]
    create += [r["def"] for r in indexes]
    return drop, create


async def generate(url: str, n: int) -> None:
    db = Database(_sqlalchemy_url(url), schema=SCHEMA)
    try:
        await upgrade(db, MIGRATIONS_DIR)
    finally:
        await db.dispose()
    conn = await asyncpg.connect(url, server_settings={"search_path": SCHEMA})
    try:
        step = time.perf_counter()

        def lap(what: str) -> None:
            nonlocal step
            print(f"  {what:34s} {time.perf_counter() - step:5.1f} s", flush=True)
            step = time.perf_counter()

        await conn.executemany(
            "INSERT INTO categories (code, name_zh, name_en, icon, default_priority, position,"
            " active) VALUES ($1, $2, $3, $4, $5, $6, true)",
            [(*row, position) for position, row in enumerate(DEFAULTS)],
        )
        drop, create = await _constraints_and_indexes(conn)
        for statement in drop:
            await conn.execute(statement)
        # Row by row triggers (the daily figures, where migrated) are rebuilt after the load.
        await conn.execute("ALTER TABLE tickets DISABLE TRIGGER USER")
        await conn.execute("SET maintenance_work_mem = '256MB'")
        # Big generated statements: JIT would spend longer compiling than running them.
        await conn.execute("SET work_mem = '256MB'; SET jit = off")
        await conn.execute(UNITS)
        await conn.execute("ANALYZE bench_units")
        await conn.execute("SELECT setseed(0.2026)")
        await conn.execute(_sql(TICKETS, now=NOW, n=n))
        lap(f"{n:,} tickets")
        await conn.execute(EVENTS)
        events = await conn.fetchval("SELECT count(*) FROM ticket_events")
        lap(f"{events:,} events")
        for statement in create:
            await conn.execute(statement)
        lap("keys and indexes")
        await conn.execute("ALTER TABLE tickets ENABLE TRIGGER USER")
        if await conn.fetchval("SELECT to_regproc('ticket_day_figures_rebuild')"):
            await conn.execute("SELECT ticket_day_figures_rebuild()")
            await conn.execute("VACUUM (ANALYZE) ticket_day_figures")
            if await conn.fetchval("SELECT to_regclass('ticket_week_figures')"):
                await conn.execute("VACUUM (ANALYZE) ticket_week_figures")
            lap("daily and weekly figures per community")
        await conn.execute("VACUUM (ANALYZE) tickets")
        await conn.execute("VACUUM (ANALYZE) ticket_events")
        lap("vacuum, analyze")
    finally:
        await conn.close()


# --- the bare reference ------------------------------------------------------------------------

# Every figure from the tickets in one hand-written statement, returned as one JSON document:
# the floor for reading them from the tickets (the same passes the domain makes there).
_SCOPE = "place_path >= $1 AND place_path < $2"
_ZEROS = ", ".join(["0"] * 12)


def _pass(counters: dict[str, str], week: str, where: str) -> str:
    names = [
        "reported", "hotline", "response_due", "response_on_time", "finished",
        "resolved_not_reopened", "settled", "never_escalated", "resolved", "reopened",
        "rated", "satisfied",
    ]  # fmt: skip
    cells = [counters.get(name, "0") for name in names]
    return (
        f"SELECT community_code AS c, date_bin('7 days', {week}, $6) AS w, {', '.join(cells)}"
        f" FROM tickets AS t WHERE {_SCOPE} AND {where} GROUP BY 1, 2"
    )


_FINISH = (
    "(CASE status WHEN 'rejected' THEN closed_at WHEN 'escalated' THEN escalated_at"
    " WHEN 'duplicate' THEN NULL ELSE resolved_at END)"
)
_F = f"({_FINISH} >= $3 AND {_FINISH} < $4)"
_R = "(resolved_at >= $3 AND resolved_at < $4 AND status <> 'duplicate')"
_S = f"({_F} AND status <> 'rejected')"
_GRID = " UNION ALL ".join(
    (
        _pass(
            {"reported": "count(*)", "hotline": "count(*) FILTER (WHERE source = 'hotline')"},
            "created_at",
            "created_at >= $3 AND created_at < $4",
        ),
        _pass(
            {
                "response_due": "count(*)",
                "response_on_time": "count(*) FILTER (WHERE responded_at <= due_respond_at)",
            },
            "due_respond_at",
            "due_respond_at >= $3 AND due_respond_at < $4"
            " AND (responded_at IS NOT NULL OR due_respond_at < $5)",
        ),
        _pass(
            {
                "finished": f"count(*) FILTER (WHERE {_F})",
                "resolved_not_reopened": f"count(*) FILTER (WHERE {_F}"
                " AND status IN ('resolved', 'closed') AND reopen_count = 0)",
                "settled": f"count(*) FILTER (WHERE {_S})",
                "never_escalated": f"count(*) FILTER (WHERE {_S} AND escalated_at IS NULL)",
                "resolved": f"count(*) FILTER (WHERE {_R})",
                "reopened": f"count(*) FILTER (WHERE {_R} AND reopen_count > 0)",
            },
            f"CASE WHEN {_R} THEN resolved_at END",
            "((resolved_at >= $3 AND resolved_at < $4) OR (closed_at >= $3 AND closed_at < $4)"
            " OR (escalated_at >= $3 AND escalated_at < $4))",
        ),
        _pass(
            {"rated": "count(*)", "satisfied": "count(*) FILTER (WHERE rating >= 4)"},
            "rated_at",
            "rated_at >= $3 AND rated_at < $4 AND rating IS NOT NULL",
        ),
    )
)
_SUMS = """sum(reported) AS reported, sum(hotline) AS hotline, sum(response_due) AS response_due,
    sum(response_on_time) AS response_on_time, sum(finished) AS finished,
    sum(resolved_not_reopened) AS resolved_not_reopened, sum(settled) AS settled,
    sum(never_escalated) AS never_escalated, sum(resolved) AS resolved,
    sum(reopened) AS reopened, sum(rated) AS rated, sum(satisfied) AS satisfied"""
_MINUTES = "extract(epoch FROM {} - created_at)::float8 / 60"
BARE = f"""
WITH grid (c, w, reported, hotline, response_due, response_on_time, finished,
           resolved_not_reopened, settled, never_escalated, resolved, reopened, rated,
           satisfied) AS MATERIALIZED ({_GRID}),
counts AS MATERIALIZED (
    SELECT status, category, source, priority, count(*) AS n FROM tickets
    WHERE {_SCOPE} AND created_at >= $3 AND created_at < $4 GROUP BY 1, 2, 3, 4
)
SELECT json_build_object(
    'total', (SELECT row_to_json(x) FROM (SELECT {_SUMS} FROM grid) AS x),
    'communities', (SELECT json_object_agg(c, row_to_json(x)) FROM (
        SELECT c, {_SUMS} FROM grid GROUP BY c) AS x),
    'weekly', (SELECT json_object_agg(to_char(w AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'),
        row_to_json(x)) FROM (SELECT w, {_SUMS} FROM grid WHERE w IS NOT NULL GROUP BY w) AS x),
    'counts', json_build_object(
        'status', (SELECT json_object_agg(k, n) FROM (
            SELECT status AS k, sum(n) AS n FROM counts GROUP BY 1) AS x),
        'category', (SELECT json_object_agg(k, n) FROM (
            SELECT category AS k, sum(n) AS n FROM counts GROUP BY 1) AS x),
        'source', (SELECT json_object_agg(k, n) FROM (
            SELECT source AS k, sum(n) AS n FROM counts GROUP BY 1) AS x),
        'priority', (SELECT json_object_agg(k, n) FROM (
            SELECT priority AS k, sum(n) AS n FROM counts GROUP BY 1) AS x)),
    'acknowledge', (SELECT percentile_cont(0.5) WITHIN GROUP (
        ORDER BY {_MINUTES.format("responded_at")}) FROM tickets
        WHERE {_SCOPE} AND responded_at >= $3 AND responded_at < $4),
    'resolve', (SELECT percentile_cont(0.5) WITHIN GROUP (
        ORDER BY {_MINUTES.format("resolved_at")}) FROM tickets
        WHERE {_SCOPE} AND resolved_at >= $3 AND resolved_at < $4 AND status <> 'duplicate'),
    'overdue', (SELECT json_build_object(
        'respond', count(*) FILTER (WHERE status = 'submitted' AND due_respond_at < $5),
        'resolve', count(*) FILTER (WHERE due_resolve_at < $5)) FROM tickets
        WHERE {_SCOPE} AND status IN ('submitted', 'acknowledged', 'assigned', 'in_progress'))
)::text
"""


async def run_bare(conn: asyncpg.Connection, scope: Scope, span: Period) -> dict[str, Any]:
    low, high = subtree_bounds(scope.path)
    origin = local_midnight(span.weeks()[0][0])
    text = await conn.fetchval(BARE, low, high, span.start, span.end, NOW, origin)
    return dict(json.loads(text))


# --- the same numbers -------------------------------------------------------------------------

_FROM_RATES = {
    "response_on_time": ("rates", "response", "on_time"),
    "response_due": ("rates", "response", "due"),
    "resolved_not_reopened": ("rates", "resolution", "resolved_not_reopened"),
    "finished": ("rates", "resolution", "finished"),
    "satisfied": ("rates", "satisfaction", "satisfied"),
    "rated": ("rates", "satisfaction", "rated"),
    "never_escalated": ("never_escalated_share", "n"),
    "settled": ("never_escalated_share", "d"),
    "hotline": ("hotline_share", "n"),
    "reported": ("hotline_share", "d"),
    "reopened": ("reopen_rate", "n"),
    "resolved": ("reopen_rate", "d"),
}


def _dig(body: dict[str, Any], keys: tuple[str, ...]) -> int:
    value: Any = body
    for key in keys:
        value = value[key]
    return int(value)


def _numbers_of_domain(body: dict[str, Any]) -> dict[str, Any]:
    def tallies(part: dict[str, Any]) -> dict[str, int]:
        return {name: _dig(part, keys) for name, keys in _FROM_RATES.items()}

    weeks = {}
    for row in body["weekly"]:
        numbers = {k: v for k, v in row.items() if k not in ("week", "starts_on")}
        if any(numbers.values()):
            weeks[row["starts_on"]] = numbers
    return {
        "total": tallies(body),
        "communities": {c["community_code"]: tallies(c) for c in body["by_community"]},
        "weekly": weeks,
        "counts": {k[3:]: v for k, v in body["counts"].items() if k.startswith("by_")},
        "medians": body["median_minutes"],
        "overdue": {k: body["overdue"][k] for k in ("respond", "resolve")},
    }


def _numbers_of_bare(doc: dict[str, Any]) -> dict[str, Any]:
    def tallies(part: dict[str, Any]) -> dict[str, int]:
        return {name: int(part[name] or 0) for name in _FROM_RATES}

    weeks = {}
    for starts_on, row in (doc["weekly"] or {}).items():
        numbers = {
            "reported": row["reported"],
            "resolved": row["resolved"],
            "response_due": row["response_due"],
            "responded_on_time": row["response_on_time"],
            "rated": row["rated"],
            "satisfied": row["satisfied"],
        }
        if any(numbers.values()):
            weeks[starts_on] = numbers
    communities = {c: tallies(row) for c, row in (doc["communities"] or {}).items()}

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    return {
        "total": tallies(doc["total"]),
        "communities": {c: t for c, t in communities.items() if any(t.values())},
        "weekly": weeks,
        "counts": {k: {v: int(n) for v, n in (m or {}).items()} for k, m in doc["counts"].items()},
        "medians": {"acknowledge": rounded(doc["acknowledge"]), "resolve": rounded(doc["resolve"])},
        "overdue": doc["overdue"],
    }


# --- the cases ------------------------------------------------------------------------------


def _sqlalchemy_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+asyncpg://", 1)


async def district(url: str) -> Scope:
    conn = await asyncpg.connect(url)
    try:
        place_id = await conn.fetchval("SELECT md5('district')::uuid")
    finally:
        await conn.close()
    path = f"/{place_id}/"
    return Scope(
        PlaceRef(id=place_id, code="BENCH", name="测试区", kind="district", path=path), path
    )


def periods() -> dict[str, Period]:
    return {
        "30 days": period(None, None, today=TODAY),
        "365 days": period(TODAY - timedelta(days=364), TODAY, today=TODAY),
    }


async def run_domain(db: Database, scope: Scope, span: Period) -> dict[str, Any]:
    async with db.session(write=False) as session:
        figures = await statistics.compute(session, scope, span=span, now=NOW)
    return dict(json.loads(figures.model_dump_json(by_alias=True)))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--db", default="bench_stats")
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="leave the database in place")
    parser.add_argument("--reuse", action="store_true", help="time an existing database")
    args = parser.parse_args()
    admin = await asyncpg.connect(f"{args.url}/postgres")
    url = f"{args.url}/{args.db}"
    try:
        exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", args.db)
        if not (args.reuse and exists):
            print(f"generating {args.db}:", flush=True)
            await admin.execute(f'DROP DATABASE IF EXISTS "{args.db}"')
            await admin.execute(f'CREATE DATABASE "{args.db}"')
            started = time.perf_counter()
            await generate(url, args.tickets)
            print(f"  {'in all':34s} {time.perf_counter() - started:5.1f} s", flush=True)
        else:
            db = Database(_sqlalchemy_url(url), schema=SCHEMA)
            await upgrade(db, MIGRATIONS_DIR)
            await db.dispose()
        await bench(url, args.rounds)
    finally:
        if not args.keep:
            await admin.execute(f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)')
        await admin.close()


async def bench(url: str, rounds: int) -> None:
    scope = await district(url)
    db = Database(_sqlalchemy_url(url), schema=SCHEMA)
    conn = await asyncpg.connect(url, server_settings={"search_path": SCHEMA})
    try:
        cases: dict[str, Callable[[], Awaitable[Any]]] = {}
        for name, span in periods().items():
            domain = _numbers_of_domain(await run_domain(db, scope, span))
            bare = _numbers_of_bare(await run_bare(conn, scope, span))
            same = "the same numbers" if domain == bare else "DIFFERENT NUMBERS"
            rates = domain["total"]
            print(
                f"{name}: {same} from the domain and the bare statement; response"
                f" {rates['response_on_time']}/{rates['response_due']}, resolution"
                f" {rates['resolved_not_reopened']}/{rates['finished']}, satisfaction"
                f" {rates['satisfied']}/{rates['rated']}, medians {domain['medians']}"
            )
            if domain != bare:
                for key in domain:
                    if domain[key] != bare[key]:
                        print(f"  {key}:\n    domain {domain[key]}\n    bare   {bare[key]}")
            cases[f"{name}  domain"] = lambda span=span: run_domain(db, scope, span)
            cases[f"{name}  bare SQL"] = lambda span=span: run_bare(conn, scope, span)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(rounds):
            for name, case in cases.items():
                start = time.perf_counter()
                await case()
                times[name].append(time.perf_counter() - start)
        load = os.getloadavg()[0]
        cores = os.cpu_count()
        print(f"{rounds} rounds, interleaved (load average {load:.1f}, {cores} cores), ms:")
        for name, values in times.items():
            print(
                f"  {name:20s} min {min(values) * 1000:7.0f}  median"
                f" {stats.median(values) * 1000:7.0f}  max {max(values) * 1000:7.0f}"
            )
    finally:
        await conn.close()
        await db.dispose()


if __name__ == "__main__":
    asyncio.run(main())
