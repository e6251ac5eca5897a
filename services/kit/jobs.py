"""Work that must happen later: rows in the service's own `jobs` table, run by a worker.

A domain function schedules a job in its own transaction (so the job exists iff the change
commits). Each replica runs a `JobRunner`: it claims due jobs with a lease in a short write
transaction (PostgreSQL: SELECT ... FOR UPDATE SKIP LOCKED; SQLite: the same SELECT under
BEGIN IMMEDIATE, which already serialises writers), then runs each handler in a transaction
of its own that also marks the job done, so effects and completion commit together. A
replica that dies mid-job leaves a lease that runs out; the job is then claimed again.
Delivery to handlers is therefore at-least-once: a handler must tolerate a second run.

    class Base(DeclarativeBase):
        metadata = new_metadata()

    jobs = JobQueue(Base.metadata)  # adds the `jobs` table; Alembic autogenerate sees it
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import and_, or_
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.clock import Clock
from services.kit.db import Database, PerBackend, UTCDateTime, check_in, insert_ignoring_conflicts
from services.kit.workers import (
    ERROR_LENGTH,
    PollingWorker,
    RunReport,
    backoff,
    default_worker_id,
    error_summary,
)

log = logging.getLogger("kit.jobs")

JOB_STATUSES = ("pending", "running", "done", "failed")
DEFAULT_MAX_ATTEMPTS = 5

Handler = Callable[[AsyncSession, "Job"], Awaitable[None]]


@dataclass(frozen=True)
class Planned:
    """A job to add (JobQueue.schedule_all): what, when, with what, under which key."""

    kind: str
    run_at: datetime
    payload: Mapping[str, Any] | None = None
    unique_key: str | None = None
    max_attempts: int = DEFAULT_MAX_ATTEMPTS


@dataclass(frozen=True)
class TwoPhase:
    """A handler that calls out: read, call, record, never a call inside a transaction.

    1. `read(session, job)` in a read session: what the call needs (None: nothing to do).
    2. `call(plan, job)` outside any transaction (kit.calls refuses one inside); pass
       `job.id` on as the call's idempotency key where the other side takes one.
    3. `record(session, job, plan, outcome)` in a new write transaction that also marks the
       job done: if the lease was lost meanwhile, the record rolls back with it.

    A run that dies between 2 and 3 calls again on the next run (at least once, as every
    job); `record` re-reads what it changes, since the world may have moved since 1.
    """

    read: Callable[[AsyncSession, Job], Awaitable[Any]]
    call: Callable[[Any, Job], Awaitable[Any]]
    record: Callable[[AsyncSession, Job, Any, Any], Awaitable[None]]


AnyHandler = Handler | TwoPhase


@dataclass(frozen=True)
class Job:
    """A claimed job, as its handler sees it (a snapshot: no session attached)."""

    id: uuid.UUID
    kind: str
    payload: dict[str, Any]
    run_at: datetime
    attempts: int  # counting this run: a run that kills its worker still counts
    max_attempts: int
    unique_key: str | None
    leased_by: str
    lease_until: datetime
    now: datetime  # the time this run is judged at: handlers use it, not a clock of their own


# The columns a Job copies from its row (`now` is the runner's, not the row's).
_ROW_FIELDS = tuple(f.name for f in fields(Job) if f.name != "now")


class JobQueue:
    """The `jobs` table of one service, and the operations on it."""

    def __init__(self, metadata: sa.MetaData, *, table_name: str = "jobs") -> None:
        self.table = sa.Table(
            table_name,
            metadata,
            sa.Column("id", sa.Uuid, primary_key=True),
            sa.Column("kind", sa.String(100), nullable=False),
            sa.Column("payload", sa.JSON, nullable=False),
            sa.Column("run_at", UTCDateTime, nullable=False),
            sa.Column("status", sa.String(10), nullable=False),
            sa.Column("attempts", sa.Integer, nullable=False),
            sa.Column("max_attempts", sa.Integer, nullable=False),
            sa.Column("lease_until", UTCDateTime),
            sa.Column("leased_by", sa.String(100)),
            sa.Column("last_error", sa.String(ERROR_LENGTH)),
            # One live piece of work per key ("auto-close ticket X"); finished jobs keep it.
            sa.Column("unique_key", sa.String(200), unique=True),
            sa.Column("created_at", UTCDateTime, nullable=False),
            sa.Column("finished_at", UTCDateTime),
            sa.CheckConstraint(check_in("status", JOB_STATUSES), name="status"),
            sa.Index(f"ix_{table_name}_status_run_at", "status", "run_at"),
        )
        t = self.table
        # Every report schedules a job: its statements built once (kit.db.PerBackend).
        self._schedule_one = PerBackend(
            lambda session: (
                insert_ignoring_conflicts(session, t)
                .on_conflict_do_nothing(index_elements=[t.c.unique_key])
                .returning(t.c.id)
            )
        )
        self._schedule_all = PerBackend(
            lambda session: insert_ignoring_conflicts(session, t).on_conflict_do_nothing(
                index_elements=[t.c.unique_key]
            )
        )

    async def schedule(
        self,
        session: AsyncSession,
        *,
        kind: str,
        run_at: datetime,
        now: datetime,
        payload: Mapping[str, Any] | None = None,
        unique_key: str | None = None,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    ) -> uuid.UUID | None:
        """Add a job in the caller's transaction; None when `unique_key` is already taken."""
        row = self._row(Planned(kind, run_at, payload, unique_key, max_attempts), now=now)
        job_id: uuid.UUID | None = await session.scalar(self._schedule_one(session), row)
        return job_id

    async def schedule_all(
        self, session: AsyncSession, planned: Iterable[Planned], *, now: datetime
    ) -> None:
        """Add several jobs in one statement (in the caller's transaction); each whose
        `unique_key` is already taken is left out, as `schedule` would."""
        rows = [self._row(p, now=now) for p in planned]
        if not rows:
            return
        # The rows as parameters of one execution (one trip to the database): built into
        # the statement, each value would be a bound parameter made anew on every call.
        await session.execute(self._schedule_all(session), rows)

    @staticmethod
    def _row(planned: Planned, *, now: datetime) -> dict[str, Any]:
        if planned.run_at.tzinfo is None or now.tzinfo is None:
            raise ValueError("jobs need aware datetimes")
        if planned.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        return {
            "id": uuid.uuid4(),
            "kind": planned.kind,
            "payload": dict(planned.payload or {}),
            "run_at": planned.run_at,
            "status": "pending",
            "attempts": 0,
            "max_attempts": planned.max_attempts,
            "unique_key": planned.unique_key,
            "created_at": now,
        }

    async def cancel(self, session: AsyncSession, unique_key: str) -> bool:
        """Remove the unfinished job with this key (in the caller's transaction).

        A running one is removed too: its handler's completion then finds no row and its
        effects roll back, so "cancel" wins over a run that has not committed yet.
        """
        t = self.table
        removed = await session.scalar(
            sa.delete(t)
            .where(t.c.unique_key == unique_key, t.c.status.in_(("pending", "running")))
            .returning(t.c.id)
        )
        return removed is not None

    async def purge_finished(self, session: AsyncSession, *, before: datetime) -> int:
        """Delete done and failed jobs finished before `before` (retention)."""
        t = self.table
        gone = await session.scalars(
            sa.delete(t)
            .where(t.c.status.in_(("done", "failed")), t.c.finished_at < before)
            .returning(t.c.id)
        )
        return len(gone.all())

    async def claim_due(
        self,
        db: Database,
        *,
        now: datetime,
        worker_id: str,
        lease: timedelta,
        kinds: Iterable[str] | None = None,
        limit: int = 10,
    ) -> list[Job]:
        """Take up to `limit` due jobs for `worker_id` until now + lease, in one short write."""
        t = self.table
        expired = and_(t.c.status == "running", t.c.lease_until < now)
        async with db.session(write=True) as session:
            # A job whose last allowed run died with its worker is given up, not run again.
            await session.execute(
                sa.update(t)
                .where(expired, t.c.attempts >= t.c.max_attempts)
                .values(
                    status="failed",
                    finished_at=now,
                    lease_until=None,
                    leased_by=None,
                    last_error="lease expired on the last attempt",
                )
            )
            due = or_(
                and_(t.c.status == "pending", t.c.run_at <= now),
                and_(expired, t.c.attempts < t.c.max_attempts),
            )
            if kinds is not None:
                due = and_(due, t.c.kind.in_(list(kinds)))
            # Two statements rather than UPDATE ... WHERE id IN (SELECT ... LIMIT ... FOR
            # UPDATE SKIP LOCKED): PostgreSQL may rescan such a subquery and lock more rows
            # than the limit. SQLite ignores FOR UPDATE; BEGIN IMMEDIATE already holds the lock.
            ids = list(
                await session.scalars(
                    sa.select(t.c.id)
                    .where(due)
                    .order_by(t.c.run_at)
                    .limit(limit)
                    .with_for_update(skip_locked=True)
                )
            )
            rows = []
            if ids:
                result = await session.execute(
                    sa.update(t)
                    .where(t.c.id.in_(ids))
                    .values(
                        status="running",
                        attempts=t.c.attempts + 1,
                        lease_until=now + lease,
                        leased_by=worker_id,
                    )
                    .returning(*t.c)
                )
                rows = list(result.mappings())
            await session.commit()
        jobs = [Job(now=now, **{f: r[f] for f in _ROW_FIELDS}) for r in rows]
        return sorted(jobs, key=lambda j: (j.run_at, str(j.id)))


class JobRunner(PollingWorker):
    """Runs the handlers registered by kind; safe to run in every replica."""

    name = "job-runner"

    def __init__(
        self,
        db: Database,
        queue: JobQueue,
        *,
        clock: Clock,
        handlers: Mapping[str, AnyHandler] | None = None,
        worker_id: str | None = None,
        lease: timedelta = timedelta(minutes=5),
        batch_size: int = 10,
        retry_base: timedelta = timedelta(seconds=30),
        retry_cap: timedelta = timedelta(hours=1),
    ) -> None:
        super().__init__(clock)
        self.db = db
        self.queue = queue
        self.worker_id = worker_id or default_worker_id()
        # Handlers run one after another: the lease must cover a whole batch.
        self.lease = lease
        self.batch_size = batch_size
        self.retry_base = retry_base
        self.retry_cap = retry_cap
        self._handlers: dict[str, AnyHandler] = dict(handlers or {})

    def register(self, kind: str, handler: AnyHandler) -> None:
        self._handlers[kind] = handler

    async def run_due(self, now: datetime | None = None) -> RunReport:
        """Run every job due at `now` (default: the clock's now) once; retries wait for later."""
        now = now if now is not None else self.clock.now()
        report = RunReport()
        while not self._stopping.is_set() and self._handlers:
            # Only kinds this replica knows: a newer replica's kinds wait for a newer replica.
            jobs = await self.queue.claim_due(
                self.db,
                now=now,
                worker_id=self.worker_id,
                lease=self.lease,
                kinds=sorted(self._handlers),
                limit=self.batch_size,
            )
            if not jobs:
                break
            # A stop lets the batch finish: a job left half-claimed would wait out its lease.
            for job in jobs:
                outcome = await self._run_one(job, now)
                if outcome == "done":
                    report.succeeded += 1
                elif outcome == "retry":
                    report.retried += 1
                elif outcome == "failed":
                    report.gave_up += 1
        return report

    async def _run_one(self, job: Job, now: datetime) -> str:
        t = self.queue.table
        mine = and_(t.c.id == job.id, t.c.status == "running", t.c.leased_by == self.worker_id)
        handler = self._handlers[job.kind]
        try:
            if isinstance(handler, TwoPhase):
                async with self.db.session(write=False) as reading:
                    plan = await handler.read(reading, job)
                outcome = await handler.call(plan, job) if plan is not None else None
            async with self.db.session(write=True) as session:
                if isinstance(handler, TwoPhase):
                    if plan is not None:
                        await handler.record(session, job, plan, outcome)
                else:
                    await handler(session, job)
                finished = await session.scalar(
                    sa.update(t)
                    .where(mine)
                    .values(status="done", finished_at=now, lease_until=None, last_error=None)
                    .returning(t.c.id)
                )
                if finished is None:
                    # Cancelled, or our lease ran out and another worker took it: its run
                    # counts, ours must leave no trace.
                    await session.rollback()
                    log.warning("job %s (%s): lease lost, effects rolled back", job.id, job.kind)
                    return "lost"
                await session.commit()
                return "done"
        except Exception as exc:
            return await self._record_failure(job, exc, now, mine)

    async def _record_failure(self, job: Job, exc: Exception, now: datetime, mine: Any) -> str:
        summary = error_summary(exc)
        gave_up = job.attempts >= job.max_attempts
        values: dict[str, Any] = {
            "status": "failed" if gave_up else "pending",
            "last_error": summary,
            "lease_until": None,
            "leased_by": None,
        }
        if gave_up:
            values["finished_at"] = now
        else:
            values["run_at"] = now + backoff(job.attempts, self.retry_base, self.retry_cap)
        log.warning("job %s (%s) attempt %d failed: %s", job.id, job.kind, job.attempts, summary)
        async with self.db.session(write=True) as session:
            await session.execute(sa.update(self.queue.table).where(mine).values(**values))
            await session.commit()
        return "failed" if gave_up else "retry"
