"""The loop behind every background worker (jobs, outbox relay), and its small helpers.

A worker polls, runs what is due, and sleeps; tests call `run_due(now)` instead of waiting.
`run_with_app` ties workers to an app's lifespan: started after migrations, stopped before
the database closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fastapi import FastAPI

from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.redaction import redact_personal

log = logging.getLogger("kit.workers")

ERROR_LENGTH = 300


@dataclass
class RunReport:
    """What one `run_due` / `relay_due` did, for logs and tests."""

    succeeded: int = 0
    retried: int = 0
    gave_up: int = 0


def backoff(attempts: int, base: timedelta, cap: timedelta) -> timedelta:
    """The n-th retry waits base * 2^(n-1), never more than cap."""
    return min(cap, base * (2 ** max(0, min(attempts - 1, 30))))


def error_summary(exc: BaseException, limit: int = 200) -> str:
    """Class name and the start of the message, for a short `last_error` column.

    Messages from providers may quote a phone or an id number; those columns and the logs
    must not hold personal data, so they are blanked out (kit.redaction).
    """
    text = redact_personal(f"{type(exc).__name__}: {exc}", mask="#")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def default_worker_id() -> str:
    # Host and pid tell an operator which replica holds a lease; the suffix tells apart
    # two runners in one process (and a restarted pid).
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class PollingWorker:
    """The loop shared by the job runner and the outbox relay: poll, run what is due, sleep.

    Tests call `run_due(now)` instead; an app starts and stops the loop with its lifespan
    (`run_with_app`).
    """

    name = "worker"
    # Set by each subclass: the database it claims from, and who it claims as (leases name
    # it). kit.testing.run_replicas copies a worker onto other engines through these two.
    db: Database
    worker_id: str

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def run_due(self, now: datetime | None = None) -> RunReport:
        raise NotImplementedError

    async def run_forever(self, poll_interval: float = 5.0) -> None:
        while not self._stopping.is_set():
            try:
                await self.run_due(self.clock.now())
            except Exception as exc:
                # A database blip must not end the loop; the next round tries again.
                log.error("%s: a round failed: %s", self.name, error_summary(exc))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), poll_interval)

    def start(self, poll_interval: float = 5.0) -> None:
        if self._task is not None and not self._task.done():
            raise RuntimeError(f"{self.name} is already running")
        self._stopping.clear()
        self._task = asyncio.create_task(self.run_forever(poll_interval), name=self.name)

    async def stop(self, grace: float = 10.0) -> None:
        """Let the current job or delivery finish (up to `grace` seconds), then cancel."""
        task, self._task = self._task, None
        if task is None:
            return
        self._stopping.set()
        try:
            await asyncio.wait_for(asyncio.shield(task), grace)
        except TimeoutError:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._stopping.clear()  # run_due may still be called by hand afterwards


def run_with_app(app: FastAPI, *workers: PollingWorker, poll_interval: float = 5.0) -> None:
    """Start the workers after the app's own start-up (migrations) and stop them before it
    closes the database: they wrap the lifespan create_service_app built."""
    inner = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(app_: Any) -> AsyncIterator[Any]:
        async with inner(app_) as state:
            for worker in workers:
                worker.start(poll_interval)
            try:
                yield state
            finally:
                for worker in workers:
                    await worker.stop()

    app.router.lifespan_context = lifespan
