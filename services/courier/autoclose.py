"""The auto check-out worker: visits still open past their limit (a courier who rode off
without checking out, every anonymous visit after its hour) are closed as `auto_closed`.

Safe in several replicas: each round takes a batch of due visits (on PostgreSQL with
SKIP LOCKED, so replicas take different ones) and closes each with a conditional UPDATE
(`visits.auto_close`), so a visit another replica or a check-out closed first is left alone
and every visit gets exactly one closing event.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from services.courier.models import Visit
from services.courier.visits import auto_close
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.workers import PollingWorker, RunReport, default_worker_id

BATCH = 200


class AutoCheckout(PollingWorker):
    name = "courier-auto-checkout"

    def __init__(self, db: Database, *, clock: Clock, worker_id: str | None = None) -> None:
        super().__init__(clock)
        self.db = db
        self.worker_id = worker_id or default_worker_id()

    async def run_due(self, now: datetime | None = None) -> RunReport:
        at = now or self.clock.now()
        report = RunReport()
        while True:
            async with self.db.session(write=True) as session:
                due = (
                    select(Visit.id)
                    .where(Visit.status == "open", Visit.closes_at <= at)
                    .order_by(Visit.closes_at)
                    .limit(BATCH)
                )
                if not self.db.is_sqlite:
                    due = due.with_for_update(skip_locked=True)
                ids = list(await session.scalars(due))
                closed = 0
                for visit_id in ids:
                    closed += await auto_close(session, visit_id, now=at)
                await session.commit()
            report.succeeded += closed
            if len(ids) < BATCH:
                return report
