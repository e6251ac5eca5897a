"""Idempotency keys: a retried POST takes effect once and gets the first answer again."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Annotated, Any

import httpx
import pytest
from fastapi import Depends, FastAPI, Request, Response
from pydantic import BaseModel
from sqlalchemy import String, Uuid, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.abuse import anonymous_write_limit
from services.kit.app import SessionDep
from services.kit.auth import TokenVerifier
from services.kit.clock import FrozenClock
from services.kit.db import Database, new_metadata
from services.kit.errors import Conflict, install_problem_handlers
from services.kit.idempotency import REPLAY_HEADER, IdempotencyKeys, IdempotentRequest
from services.kit.testing import TokenFactory, drop_database, empty_tables
from tests.kit.support import database_with, schema_drift


class Base(DeclarativeBase):
    metadata = new_metadata()


idempotency = IdempotencyKeys(Base.metadata)
IdempotentDep = Annotated[IdempotentRequest, Depends(idempotency.dependency)]


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    text: Mapped[str] = mapped_column(String(100))


class NoteIn(BaseModel):
    text: str


class NoteOut(BaseModel):
    id: uuid.UUID
    text: str


T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
LIMIT = 3  # anonymous notes per device and hour (kit.abuse)


def make_app(db: Database, clock: FrozenClock, tokens: TokenFactory) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    app.state.db = db
    app.state.clock = clock
    app.state.token_verifier = TokenVerifier(jwks=tokens.jwks, issuer=tokens.issuer, clock=clock)
    app.state.pause = 0.0
    app.state.settings = SimpleNamespace(
        service_name="notes", anonymous_limits={}, rate_limit_redis_url=""
    )
    limit = anonymous_write_limit("notes", per_device=f"{LIMIT}/hour")

    # The same write, limited for anonymous callers as a public door's is.
    limited = app.post(
        "/limited-notes", status_code=201, response_model=NoteOut, dependencies=[limit]
    )

    @limited
    @app.post("/notes", status_code=201, response_model=NoteOut)
    async def create_note(
        body: NoteIn, request: Request, session: SessionDep, idem: IdempotentDep
    ) -> Response:
        async def create() -> NoteOut:
            if body.text.startswith("once:"):
                # A write the first one's effects refuse (a slot already booked, say).
                taken = await session.scalar(select(Note.id).where(Note.text == body.text))
                if taken is not None:
                    raise Conflict("note_exists")
            note = Note(id=uuid.uuid4(), text=body.text)
            session.add(note)
            await session.flush()
            await asyncio.sleep(request.app.state.pause)  # a slow write: room for a retry
            if body.text.startswith("refuse"):
                # "refuse-and-count": a refusal whose changes are kept (an attempt counted).
                raise Conflict("note_refused", keep_changes=body.text == "refuse-and-count")
            return NoteOut(id=note.id, text=note.text)

        return await idem.run(create, status_code=201)

    return app


@dataclass
class Api:
    app: FastAPI
    client: httpx.AsyncClient
    db: Database
    clock: FrozenClock
    tokens: TokenFactory

    async def post(self, text: str, key: str | None = None, **headers: str) -> httpx.Response:
        if key is not None:
            headers["Idempotency-Key"] = key
        return await self.client.post("/notes", json={"text": text}, headers=headers)

    async def post_limited(self, text: str, key: str) -> httpx.Response:
        headers = {"Idempotency-Key": key, "X-Device-Id": "phone-0001"}
        return await self.client.post("/limited-notes", json={"text": text}, headers=headers)

    async def notes(self) -> int:
        async with self.db.session(write=False) as session:
            return int(await session.scalar(select(func.count()).select_from(Note)) or 0)


@pytest.fixture(scope="module")
async def idem_db(backend: str) -> AsyncIterator[Database]:
    # A real file on SQLite: concurrent requests need connections of their own.
    db = await database_with(backend, "kit_idempotency", Base.metadata)
    yield db
    await drop_database(db)


@pytest.fixture
async def api(idem_db: Database, tokens: TokenFactory) -> AsyncIterator[Api]:
    await empty_tables(idem_db, Base.metadata)
    clock = FrozenClock(T0)
    app = make_app(idem_db, clock, tokens)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://svc") as client:
        yield Api(app, client, idem_db, clock, tokens)


def problem_code(response: httpx.Response) -> Any:
    assert response.headers["content-type"] == "application/problem+json"
    return response.json()["code"]


async def test_a_retried_post_takes_effect_once_and_gets_the_same_answer(api: Api) -> None:
    key = str(uuid.uuid4())
    first = await api.post("milk", key)
    again = await api.post("milk", key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert REPLAY_HEADER not in first.headers
    assert again.headers[REPLAY_HEADER] == "true"
    assert await api.notes() == 1


async def test_a_retry_the_first_ones_effects_refuse_still_gets_the_first_answer(
    api: Api,
) -> None:
    key = str(uuid.uuid4())
    first = await api.post("once:milk", key)
    again = await api.post("once:milk", key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again.headers[REPLAY_HEADER] == "true"
    # Without the key, the same write is refused as it should be.
    refused = await api.post("once:milk", str(uuid.uuid4()))
    assert refused.status_code == 409
    assert problem_code(refused) == "note_exists"
    assert await api.notes() == 1


async def test_the_same_key_for_another_request_is_refused(api: Api) -> None:
    key = str(uuid.uuid4())
    assert (await api.post("milk", key)).status_code == 201
    other = await api.post("bread", key)
    assert other.status_code == 422
    assert problem_code(other) == "idempotency_key_reused"
    assert other.json()["errors"][0]["pointer"] == "/header/Idempotency-Key"
    assert await api.notes() == 1


async def test_without_a_key_every_post_is_a_new_write(api: Api) -> None:
    first, second = await api.post("milk"), await api.post("milk")
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]
    assert REPLAY_HEADER not in second.headers
    assert await api.notes() == 2


@pytest.mark.parametrize("key", ["", "has space", "x" * 101, "a.b", "a/b", "a+b"])
async def test_a_malformed_key_is_a_problem(api: Api, key: str) -> None:
    response = await api.post("milk", key)
    assert response.status_code == 422
    assert problem_code(response) == "invalid_idempotency_key"
    assert await api.notes() == 0


async def test_concurrent_duplicates_write_once(api: Api) -> None:
    api.app.state.pause = 0.2
    key = str(uuid.uuid4())
    first, second = await asyncio.gather(api.post("milk", key), api.post("milk", key))
    assert first.status_code == second.status_code == 201, (first.text, second.text)
    assert first.json() == second.json()
    assert sorted(r.headers.get(REPLAY_HEADER, "") for r in (first, second)) == ["", "true"]
    assert await api.notes() == 1


async def test_keys_belong_to_their_caller(api: Api) -> None:
    key = str(uuid.uuid4())
    token = api.tokens.issue(subject="resident-7", kind="resident", now=T0)
    mine = await api.post("milk", key, Authorization=f"Bearer {token}")
    anonymous = await api.post("milk", key)
    assert mine.status_code == anonymous.status_code == 201
    assert mine.json()["id"] != anonymous.json()["id"]
    assert REPLAY_HEADER not in anonymous.headers
    assert await api.notes() == 2


async def test_a_refused_write_does_not_use_up_its_key(api: Api) -> None:
    key = str(uuid.uuid4())
    for _ in range(2):
        refused = await api.post("refuse", key)
        assert refused.status_code == 409
        assert problem_code(refused) == "note_refused"
    assert await api.notes() == 0
    # A refusal that commits its changes leaves no half-done key behind either.
    key = str(uuid.uuid4())
    for _ in range(2):
        assert (await api.post("refuse-and-count", key)).status_code == 409
    assert await api.notes() == 2
    async with api.db.session(write=False) as session:
        stored = select(func.count()).select_from(idempotency.table)
        assert await session.scalar(stored) == 0


async def test_keys_expire_after_a_day(api: Api) -> None:
    key = str(uuid.uuid4())
    first = await api.post("milk", key)
    api.clock.advance(timedelta(hours=24))
    later = await api.post("milk", key)
    assert REPLAY_HEADER not in later.headers
    assert later.json()["id"] != first.json()["id"]
    assert await api.notes() == 2

    await api.post("bread", str(uuid.uuid4()))
    async with api.db.session() as session:
        now = api.clock.now() + timedelta(hours=24)
        assert await idempotency.purge_expired(session, now=now) == 2
        await session.commit()


async def test_the_table_reflects_back_as_declared(api: Api) -> None:
    assert await schema_drift(api.db, Base.metadata) == []


async def test_retries_of_one_key_do_not_use_up_the_anonymous_limit(api: Api) -> None:
    key = str(uuid.uuid4())
    answers = [await api.post_limited("milk", key) for _ in range(LIMIT + 1)]
    assert [a.status_code for a in answers] == [201] * (LIMIT + 1)
    assert {a.json()["id"] for a in answers} == {answers[0].json()["id"]}
    assert await api.notes() == 1
    # The device still has its other writes.
    others = [await api.post_limited(f"bread {n}", str(uuid.uuid4())) for n in range(LIMIT - 1)]
    assert [a.status_code for a in others] == [201] * (LIMIT - 1)


async def test_distinct_writes_reach_the_anonymous_limit(api: Api) -> None:
    answers = [await api.post_limited(f"milk {n}", str(uuid.uuid4())) for n in range(LIMIT + 1)]
    assert [a.status_code for a in answers] == [201] * LIMIT + [429]
    assert problem_code(answers[-1]) == "anonymous_limit_reached"
    assert await api.notes() == LIMIT


async def test_a_replay_past_the_limit_is_still_served(api: Api) -> None:
    key = str(uuid.uuid4())
    first = await api.post_limited("milk", key)
    for n in range(LIMIT - 1):
        assert (await api.post_limited(f"bread {n}", str(uuid.uuid4()))).status_code == 201
    assert (await api.post_limited("eggs", str(uuid.uuid4()))).status_code == 429
    again = await api.post_limited("milk", key)
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again.headers[REPLAY_HEADER] == "true"
    # The same key with another body is a new write: counted, so refused here.
    assert problem_code(await api.post_limited("cheese", key)) == "anonymous_limit_reached"
    assert await api.notes() == LIMIT
