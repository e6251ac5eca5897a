"""Jobs: due rows claimed with a lease, run once per claim, effects and completion together."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import String, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.clock import FrozenClock
from services.kit.db import Database, new_metadata
from services.kit.http import service_client
from services.kit.jobs import Job, JobQueue, JobRunner, Planned, TwoPhase
from services.kit.testing import drop_database, empty_tables, run_replicas
from services.kit.workers import backoff, error_summary, run_with_app
from tests.kit.support import database_with, replica, schema_drift


class Base(DeclarativeBase):
    metadata = new_metadata()


jobs = JobQueue(Base.metadata)


class Effect(Base):
    """What a handler does: a row that must commit with the job's completion or not at all."""

    __tablename__ = "effects"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(40))


T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
RETRY_BASE = timedelta(seconds=30)


@pytest.fixture(scope="module")
async def jobs_db(backend: str) -> AsyncIterator[Database]:
    db = await database_with(backend, "kit_jobs", Base.metadata)
    yield db
    await drop_database(db)


@pytest.fixture
async def db(jobs_db: Database) -> Database:
    await empty_tables(jobs_db, Base.metadata)
    return jobs_db


async def schedule(db: Database, **kw: Any) -> uuid.UUID | None:
    kw.setdefault("now", T0)
    kw.setdefault("run_at", T0)
    async with db.session() as session:
        job_id = await jobs.schedule(session, **kw)
        await session.commit()
    return job_id


async def job_row(db: Database, job_id: uuid.UUID | None) -> Any:
    async with db.session(write=False) as session:
        return (await session.execute(select(jobs.table).where(jobs.table.c.id == job_id))).one()


async def effects(db: Database) -> list[str]:
    async with db.session(write=False) as session:
        return list(await session.scalars(select(Effect.label).order_by(Effect.id)))


def runner(db: Database, *handlers: tuple[str, Any], **kw: Any) -> JobRunner:
    kw.setdefault("retry_base", RETRY_BASE)
    return JobRunner(db, jobs, clock=FrozenClock(T0), handlers=dict(handlers), **kw)


async def test_a_job_runs_when_due_and_not_before(db: Database) -> None:
    seen: list[Job] = []

    async def remind(session: AsyncSession, job: Job) -> None:
        seen.append(job)
        session.add(Effect(label=job.payload["what"]))

    job_id = await schedule(
        db, kind="remind", run_at=T0 + timedelta(hours=1), payload={"what": "x"}
    )
    other = await schedule(db, kind="unknown-here", payload={})
    worker = runner(db, ("remind", remind))

    assert (await worker.run_due(T0)).succeeded == 0
    assert (await worker.run_due(T0 + timedelta(minutes=59, seconds=59))).succeeded == 0
    assert (await worker.run_due(T0 + timedelta(hours=1))).succeeded == 1
    assert (await worker.run_due(T0 + timedelta(hours=2))).succeeded == 0

    assert [(j.id, j.attempts, j.now) for j in seen] == [(job_id, 1, T0 + timedelta(hours=1))]
    assert await effects(db) == ["x"]
    row = await job_row(db, job_id)
    assert (row.status, row.finished_at, row.lease_until) == ("done", T0 + timedelta(hours=1), None)
    # A kind this replica has no handler for is left for one that has.
    assert (await job_row(db, other)).status == "pending"


async def test_effects_and_completion_commit_together(db: Database) -> None:
    calls = 0

    async def flaky(session: AsyncSession, job: Job) -> None:
        nonlocal calls
        calls += 1
        session.add(Effect(label=f"try {calls}"))
        await session.flush()
        if calls == 1:
            raise RuntimeError("provider said no to 13812345678")

    job_id = await schedule(db, kind="flaky")
    worker = runner(db, ("flaky", flaky))

    report = await worker.run_due(T0)
    assert (report.succeeded, report.retried) == (0, 1)
    assert await effects(db) == []
    row = await job_row(db, job_id)
    assert (row.status, row.attempts, row.leased_by) == ("pending", 1, None)
    assert row.run_at == T0 + RETRY_BASE
    assert row.last_error == "RuntimeError: provider said no to #"  # no phone in the column

    assert (await worker.run_due(T0 + RETRY_BASE - timedelta(seconds=1))).retried == 0
    assert (await worker.run_due(T0 + RETRY_BASE)).succeeded == 1
    assert await effects(db) == ["try 2"]
    row = await job_row(db, job_id)
    assert (row.status, row.attempts, row.last_error) == ("done", 2, None)


async def test_a_unique_key_names_one_piece_of_work(db: Database) -> None:
    first = await schedule(db, kind="close", unique_key="close:42", run_at=T0 + timedelta(days=7))
    assert first is not None
    assert await schedule(db, kind="close", unique_key="close:42") is None
    async with db.session(write=False) as session:
        assert await session.scalar(select(func.count()).select_from(jobs.table)) == 1

    async with db.session() as session:
        assert await jobs.cancel(session, "close:42") is True
        assert await jobs.cancel(session, "close:42") is False
        await session.commit()
    again = await schedule(db, kind="close", unique_key="close:42")
    assert again not in (None, first)

    async def close(session: AsyncSession, job: Job) -> None:
        return None

    await runner(db, ("close", close)).run_due(T0)
    # Finished work keeps its key: the same work is not done twice.
    assert await schedule(db, kind="close", unique_key="close:42") is None
    async with db.session() as session:
        assert await jobs.cancel(session, "close:42") is False


async def test_jobs_added_together_keep_each_key_and_run_as_if_added_one_by_one(
    db: Database,
) -> None:
    """schedule_all: one statement for several jobs; a key already taken is left out and the
    others are added all the same."""
    await schedule(db, kind="close", unique_key="close:1", payload={"first": True})
    async with db.session() as session:
        await jobs.schedule_all(
            session,
            [
                Planned("close", T0, {"first": False}, unique_key="close:1"),
                Planned("close", T0, {"n": 2}, unique_key="close:2"),
                Planned("remind", T0 + timedelta(days=1), {"n": 3}),
            ],
            now=T0,
        )
        await session.commit()
    async with db.session(write=False) as session:
        rows = (
            await session.execute(
                select(jobs.table.c.kind, jobs.table.c.unique_key, jobs.table.c.payload).order_by(
                    jobs.table.c.run_at, jobs.table.c.unique_key
                )
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        ("close", "close:1", {"first": True}),
        ("close", "close:2", {"n": 2}),
        ("remind", None, {"n": 3}),
    ]
    ran: list[str] = []

    async def close(session: AsyncSession, job: Job) -> None:
        ran.append(str(job.payload))

    await runner(db, ("close", close)).run_due(T0)
    assert sorted(ran) == ["{'first': True}", "{'n': 2}"]


async def test_a_job_fails_for_good_after_max_attempts(db: Database) -> None:
    async def broken(session: AsyncSession, job: Job) -> None:
        raise ValueError("no")

    job_id = await schedule(db, kind="broken", max_attempts=3)
    worker = runner(db, ("broken", broken), retry_cap=timedelta(minutes=1))
    outcomes = []
    for seconds in (0, 29, 30, 89, 90, 300):
        report = await worker.run_due(T0 + timedelta(seconds=seconds))
        outcomes.append((report.retried, report.gave_up))
    # Waits 30 s, then 60 s (the cap), then gives up on the third failure.
    assert outcomes == [(1, 0), (0, 0), (1, 0), (0, 0), (0, 1), (0, 0)]
    row = await job_row(db, job_id)
    assert (row.status, row.attempts) == ("failed", 3)
    assert row.finished_at == T0 + timedelta(seconds=90)
    assert row.last_error == "ValueError: no"


async def test_an_expired_lease_is_claimed_again(db: Database) -> None:
    lease = timedelta(minutes=5)
    job_id = await schedule(db, kind="k")
    last = await schedule(db, kind="k", max_attempts=1)
    taken = await jobs.claim_due(db, now=T0, worker_id="a", lease=lease)
    assert {j.id for j in taken} == {job_id, last}

    later = T0 + timedelta(minutes=4)
    assert await jobs.claim_due(db, now=later, worker_id="b", lease=lease) == []
    # Worker "a" died: after its lease the job is taken again, and that run counts.
    after = T0 + timedelta(minutes=6)
    retaken = await jobs.claim_due(db, now=after, worker_id="b", lease=lease)
    assert [(j.id, j.attempts, j.leased_by) for j in retaken] == [(job_id, 2, "b")]
    # The job whose one allowed run died with its worker is given up, not run again.
    row = await job_row(db, last)
    assert (row.status, row.last_error) == ("failed", "lease expired on the last attempt")


async def test_a_run_that_lost_its_job_leaves_no_trace(db: Database) -> None:
    async def cancelled_meanwhile(session: AsyncSession, job: Job) -> None:
        async with db.session() as other:  # e.g. a request reopening the ticket
            await jobs.cancel(other, "once")
            await other.commit()
        session.add(Effect(label="should not stay"))

    await schedule(db, kind="k", unique_key="once")
    report = await runner(db, ("k", cancelled_meanwhile)).run_due(T0)
    assert (report.succeeded, report.retried, report.gave_up) == (0, 0, 0)
    assert await effects(db) == []


async def test_concurrent_claimers_share_the_work_without_overlap(db: Database) -> None:
    ids = set()
    for i in range(50):
        ids.add(await schedule(db, kind="k", run_at=T0 - timedelta(seconds=i)))
    replicas = [replica(db) for _ in range(4)]
    # Every replica holds its first batch before any goes on: on a loaded machine the first
    # to connect would otherwise drain the queue before the others have a connection, and
    # "side by side" would not be tested at all.
    first_claims = asyncio.Barrier(len(replicas))

    async def claimer(own: Database, worker_id: str) -> list[uuid.UUID]:
        claimed: list[uuid.UUID] = []
        while batch := await jobs.claim_due(
            own, now=T0, worker_id=worker_id, lease=timedelta(minutes=5), limit=4
        ):
            if not claimed:
                await first_claims.wait()
            claimed += [j.id for j in batch]
            await asyncio.sleep(0)
        return claimed

    try:
        results = await asyncio.gather(*(claimer(r, f"w{i}") for i, r in enumerate(replicas)))
    finally:
        for r in replicas:
            await r.dispose()
    every = [job_id for claimed in results for job_id in claimed]
    assert len(every) == len(set(every)) == 50
    assert set(every) == ids
    if not db.is_sqlite:
        # Side by side for real (SQLite queues the writers, so one may well take it all).
        assert sum(1 for claimed in results if claimed) >= 2
    async with db.session(write=False) as session:
        rows = (await session.execute(select(jobs.table.c.id, jobs.table.c.leased_by))).all()
    owner = {job_id: f"w{i}" for i, claimed in enumerate(results) for job_id in claimed}
    assert all(owner[r.id] == r.leased_by for r in rows)


async def test_runners_in_three_replicas_do_each_job_once(db: Database) -> None:
    async def remind(session: AsyncSession, job: Job) -> None:
        session.add(Effect(label=job.payload["what"]))

    for i in range(30):
        await schedule(db, kind="remind", payload={"what": f"job {i}"})
    await schedule(db, kind="remind", run_at=T0 + timedelta(hours=1), payload={"what": "later"})

    reports = await run_replicas(runner(db, ("remind", remind), batch_size=4), 3, now=T0)

    assert sum(r.succeeded for r in reports) == 30
    done = await effects(db)
    assert sorted(done) == sorted(f"job {i}" for i in range(30))
    async with db.session(write=False) as session:
        rows = (await session.execute(select(jobs.table.c.status, jobs.table.c.leased_by))).all()
    assert sorted(r.status for r in rows) == ["done"] * 30 + ["pending"]
    assert {r.leased_by for r in rows if r.status == "done"} <= {f"replica-{i}" for i in range(3)}
    if not db.is_sqlite:
        # Side by side for real (SQLite queues the writers, so one may well take it all).
        assert sum(1 for r in reports if r.succeeded) >= 2


async def test_the_worker_runs_with_the_app_and_stops_cleanly(db: Database) -> None:
    ran = asyncio.Event()

    async def quick(session: AsyncSession, job: Job) -> None:
        session.add(Effect(label="quick"))
        ran.set()

    started = asyncio.Event()

    async def stuck(session: AsyncSession, job: Job) -> None:
        session.add(Effect(label="never committed"))
        started.set()
        await asyncio.Event().wait()

    await schedule(db, kind="quick")
    app = FastAPI()
    worker = runner(db, ("quick", quick))
    run_with_app(app, worker, poll_interval=0.01)
    async with app.router.lifespan_context(app):
        await asyncio.wait_for(ran.wait(), 5)
    assert await effects(db) == ["quick"]

    # A handler that never ends is cancelled after the grace period; its work rolls back.
    job_id = await schedule(db, kind="stuck")
    worker = runner(db, ("stuck", stuck))
    worker.start(poll_interval=0.01)
    await asyncio.wait_for(started.wait(), 5)
    await asyncio.wait_for(worker.stop(grace=0.05), 5)
    assert await effects(db) == ["quick"]
    assert (await job_row(db, job_id)).status == "running"  # until its lease runs out


def test_backoff_doubles_up_to_the_cap_and_errors_are_short() -> None:
    waits = [backoff(n, timedelta(seconds=30), timedelta(minutes=5)) for n in range(1, 7)]
    assert [w.total_seconds() for w in waits] == [30, 60, 120, 240, 300, 300]
    assert len(error_summary(RuntimeError("x" * 1000))) == 200


async def test_the_table_reflects_back_as_declared(db: Database) -> None:
    assert await schema_drift(db, Base.metadata) == []


# --- Jobs that call another service: read, call outside, record (kit.jobs.TwoPhase)


def _peer() -> httpx.AsyncClient:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    return service_client("http://peer", transport=httpx.ASGITransport(app=app))


async def test_a_handler_calling_out_inside_its_transaction_fails(db: Database) -> None:
    peer = _peer()

    async def inside(session: AsyncSession, job: Job) -> None:
        session.add(Effect(label="before the call"))
        await session.flush()  # the transaction has begun: a call now holds its locks
        await peer.get("/")

    await schedule(db, kind="inside")
    runner = JobRunner(db, jobs, clock=FrozenClock(T0), handlers={"inside": inside})
    report = await runner.run_due(T0)
    assert report.retried == 1
    async with db.session(write=False) as session:
        error = await session.scalar(select(jobs.table.c.last_error))
        assert await session.scalar(select(func.count()).select_from(Effect)) == 0
    assert error is not None
    assert "CallInsideWriteTransaction" in error
    await peer.aclose()


async def test_a_two_phase_handler_reads_calls_outside_and_records_once(db: Database) -> None:
    peer = _peer()
    seen: list[str] = []

    async def read(session: AsyncSession, job: Job) -> str | None:
        return str(job.payload["label"])

    async def call(plan: str, job: Job) -> int:
        seen.append(plan)
        return (await peer.get("/", headers={"Idempotency-Key": str(job.id)})).status_code

    async def record(session: AsyncSession, job: Job, plan: str, status: int) -> None:
        session.add(Effect(label=f"{plan}:{status}"))

    async def nothing(session: AsyncSession, job: Job) -> None:
        return None

    handler = TwoPhase(read=read, call=call, record=record)
    skipped = TwoPhase(read=nothing, call=call, record=record)
    await schedule(db, kind="two", payload={"label": "told"})
    await schedule(db, kind="skip", payload={"label": "never"})
    runner = JobRunner(db, jobs, clock=FrozenClock(T0), handlers={"two": handler, "skip": skipped})
    report = await runner.run_due(T0)
    assert report.succeeded == 2
    assert seen == ["told"]  # `read` answering None: no call, no record, the job is done
    async with db.session(write=False) as session:
        assert list(await session.scalars(select(Effect.label))) == ["told:200"]
    assert (await runner.run_due(T0)).succeeded == 0  # done once
    await peer.aclose()
