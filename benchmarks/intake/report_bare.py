"""The report benchmark's floor (report.py): a bare FastAPI app that validates a report with
Pydantic and inserts one row with SQLAlchemy's async ORM in its own transaction.

Started by report.py under uvicorn with kit's flags, its database given in `BARE_ENV`: a
SQLite file with kit's settings (WAL, synchronous=NORMAL, a busy timeout), or PostgreSQL
with the schema `BARE_SCHEMA`.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, Field
from sqlalchemy import DateTime, String, Text, Uuid, event
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

BARE_SCHEMA = "report_bare"
BARE_ENV = "REPORT_BENCH_BARE_DATABASE_URL"


class BareBase(DeclarativeBase):
    pass


class BareReport(BareBase):
    __tablename__ = "reports"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    tracking_token: Mapped[str] = mapped_column(String(40), unique=True)
    code_token: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class BareReportIn(BaseModel):
    code_token: str = Field(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9]+$")
    category: str = Field(min_length=1, max_length=20, pattern=r"^[a-z_]+$")
    description: str = Field(min_length=1, max_length=2000)


class BareReportOut(BaseModel):
    number: str
    tracking_token: str


def bare_app() -> FastAPI:
    """The floor: FastAPI, Pydantic, SQLAlchemy's async ORM, one INSERT per report."""
    url = os.environ[BARE_ENV]
    if url.startswith("sqlite"):
        engine = create_async_engine(url)

        @event.listens_for(engine.sync_engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

    else:
        engine = create_async_engine(
            url, connect_args={"server_settings": {"search_path": BARE_SCHEMA}}
        )
    sessions = async_sessionmaker(engine, expire_on_commit=False)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        async with engine.begin() as conn:
            await conn.run_sync(BareBase.metadata.create_all)
        yield
        await engine.dispose()

    app = FastAPI(lifespan=lifespan)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/reports", status_code=201)
    async def report(data: BareReportIn) -> BareReportOut:
        row = BareReport(
            id=uuid.uuid4(),
            number=f"BARE-{uuid.uuid4().hex[:16]}",
            tracking_token=uuid.uuid4().hex,
            code_token=data.code_token,
            category=data.category,
            description=data.description,
            status="submitted",
            created_at=datetime.now(UTC),
        )
        async with sessions() as session:
            session.add(row)
            await session.commit()
        return BareReportOut(number=row.number, tracking_token=row.tracking_token)

    return app
