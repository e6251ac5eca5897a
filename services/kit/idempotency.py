"""Idempotency keys: a write retried by a weak mobile network takes effect once.

A client sends `Idempotency-Key: <random uuid>` on a POST; a retry with the same key and the
same request gets the first answer again (same status and body, plus
`Idempotent-Replayed: true`) without running the write twice. The same key with a different
request is a 422 `idempotency_key_reused`.

The key row is inserted at the start of the route's own write transaction and its response
stored at the end, so it commits with the effects or not at all. A concurrent duplicate
therefore waits rather than being refused: on SQLite its BEGIN IMMEDIATE queues behind the
first writer; on PostgreSQL its INSERT of the same (scope, key) waits on the first one's
uncommitted row. When the first commits, the second replays its answer; if the first fails,
the second runs. A phone that retries because the first try seemed slow gets the real
answer instead of an error it would have to retry again.

    idempotency = IdempotencyKeys(Base.metadata)  # adds the `idempotency_keys` table
    IdempotentDep = Annotated[IdempotentRequest, Depends(idempotency.dependency)]

    @router.post("/v1/things", status_code=201, response_model=ThingOut)
    async def create(body: ThingIn, session: SessionDep, idem: IdempotentDep) -> Response:
        return await idem.run(lambda: things.create(session, body), status_code=201)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.app import SessionDep
from services.kit.auth import Principal, principal_of
from services.kit.db import PerBackend, UTCDateTime, insert_ignoring_conflicts
from services.kit.errors import Conflict, DomainError, FieldError, InvalidInput

HEADER = "Idempotency-Key"
REPLAY_HEADER = "Idempotent-Replayed"
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,100}$")
DEFAULT_TTL = timedelta(hours=24)
_POINTER = f"/header/{HEADER}"


def request_fingerprint(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(f"{method.upper()}\n{path}\n".encode() + body).hexdigest()


def caller_scope(principal: Principal | None) -> str:
    """Whose keys these are. Anonymous callers share one scope: their keys are random
    UUIDs, and a replay needs the same body too (an IP would change on a mobile network)."""
    return "anonymous" if principal is None else f"{principal.kind}:{principal.subject}"


def parse_key(raw: str | None) -> str | None:
    if raw is None:
        return None
    if not KEY_PATTERN.match(raw):
        detail = "1 to 100 characters: letters, digits, '-' and '_'."
        raise InvalidInput(
            "invalid_idempotency_key",
            f"The {HEADER} header is not valid: {detail}",
            errors=[FieldError(pointer=_POINTER, detail=detail, code="invalid_idempotency_key")],
        )
    return raw


class IdempotencyKeys:
    """The `idempotency_keys` table of one service and its FastAPI dependency."""

    def __init__(
        self,
        metadata: sa.MetaData,
        *,
        table_name: str = "idempotency_keys",
        ttl: timedelta = DEFAULT_TTL,
    ) -> None:
        self.ttl = ttl
        self.table = sa.Table(
            table_name,
            metadata,
            sa.Column("scope", sa.String(200), primary_key=True),
            sa.Column("key", sa.String(100), primary_key=True),
            sa.Column("fingerprint", sa.String(64), nullable=False),
            # NULL until the route has answered (seen only inside its own transaction).
            sa.Column("response_status", sa.Integer),
            sa.Column("response_body", sa.JSON),
            sa.Column("created_at", UTCDateTime, nullable=False),
            sa.Column("expires_at", UTCDateTime, nullable=False, index=True),
        )
        t = self.table
        # The answer stored with its key: built once, the values given as parameters.
        self.answered = (
            sa.update(t)
            .where(t.c.scope == sa.bindparam("b_scope"), t.c.key == sa.bindparam("b_key"))
            .values(
                response_status=sa.bindparam("b_status", type_=t.c.response_status.type),
                response_body=sa.bindparam("b_body", type_=t.c.response_body.type),
            )
        )
        # The key taken at the start of the write (`claim`), built once per backend.
        self._claim = PerBackend(
            lambda session: (
                insert_ignoring_conflicts(session, t)
                .on_conflict_do_nothing(index_elements=[t.c.scope, t.c.key])
                .returning(t.c.key)
            )
        )
        # Whether a request's answer is stored (`answered_before`), likewise built once.
        self.answer_stored = sa.select(t.c.key).where(
            t.c.scope == sa.bindparam("b_scope"),
            t.c.key == sa.bindparam("b_key"),
            t.c.fingerprint == sa.bindparam("b_fingerprint"),
            t.c.response_status.is_not(None),
            t.c.expires_at > sa.bindparam("b_now", type_=t.c.expires_at.type),
        )

    async def dependency(
        self,
        request: Request,
        session: SessionDep,
        idempotency_key: Annotated[
            str | None,
            Header(
                alias=HEADER,
                description="A random UUID per intended write; resend it on retries.",
            ),
        ] = None,
    ) -> IdempotentRequest:
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return IdempotentRequest(
            keys=self,
            session=session,
            key=parse_key(idempotency_key),
            scope=caller_scope(await principal_of(request)),
            fingerprint=request_fingerprint(request.method, path, await request.body()),
            now=request.app.state.clock.now(),
        )

    def claim(self, session: AsyncSession) -> Any:
        """INSERT ... ON CONFLICT DO NOTHING RETURNING key, its values given as parameters:
        built once per backend (kit.db.PerBackend; every write with a key runs it)."""
        return self._claim(session)

    async def answered_before(self, request: Request, *, scope: str) -> bool:
        """Whether this very request (its key, path and body) already has its answer stored:
        a retry that will be replayed, not a new write (kit.abuse does not count it).

        One SELECT by primary key outside any transaction (kit.db.single_read), so the
        route's directory calls still come before its write transaction (kit.calls). An
        answer committing meanwhile is missed: that retry counts, as it did before."""
        key = parse_key(request.headers.get(HEADER))
        if key is None:
            return False
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        fingerprint = request_fingerprint(request.method, path, await request.body())
        now = request.app.state.clock.now()
        values = {"b_scope": scope, "b_key": key, "b_fingerprint": fingerprint, "b_now": now}
        async with request.app.state.db.single_read() as conn:
            return (await conn.execute(self.answer_stored, values)).first() is not None

    async def purge_expired(self, session: AsyncSession, *, now: datetime) -> int:
        t = self.table
        gone = await session.scalars(sa.delete(t).where(t.c.expires_at <= now).returning(t.c.key))
        return len(gone.all())


# By id(route), the route kept with its answer (routes live as long as their app and are
# not hashable).
_of_route: dict[int, tuple[Any, IdempotencyKeys | None]] = {}


def keys_of_route(route: Any) -> IdempotencyKeys | None:
    """The idempotency keys a route's handler takes (through `IdempotencyKeys.dependency`,
    at any depth), if any; found once per route."""
    if route is None:
        return None
    known = _of_route.get(id(route))
    if known is None or known[0] is not route:
        found: IdempotencyKeys | None = None
        pending = list(getattr(getattr(route, "dependant", None), "dependencies", []))
        while pending and found is None:
            dependant = pending.pop()
            owner = getattr(dependant.call, "__self__", None)
            if isinstance(owner, IdempotencyKeys):
                found = owner
            pending.extend(dependant.dependencies)
        known = _of_route[id(route)] = (route, found)
    return known[1]


@dataclass
class IdempotentRequest:
    """One request's key (if any), bound to the request's session."""

    keys: IdempotencyKeys
    session: AsyncSession
    key: str | None
    scope: str
    fingerprint: str
    now: datetime

    async def run(self, work: Callable[[], Awaitable[Any]], *, status_code: int = 200) -> Response:
        """Run `work` once per key and answer with its result as JSON (or the stored one)."""
        if self.key is None:
            return _response(status_code, jsonable_encoder(await work()))
        replay = await self._claim()
        if replay is not None:
            return replay
        try:
            body = jsonable_encoder(await work())
        except DomainError as exc:
            # A refusal that keeps its changes commits: it must not leave an unanswered key.
            if exc.keep_changes:
                await self.session.execute(sa.delete(self.keys.table).where(self._row))
            raise
        await self.session.execute(
            self.keys.answered,
            {"b_scope": self.scope, "b_key": self.key, "b_status": status_code, "b_body": body},
        )
        return _response(status_code, body)

    @property
    def _row(self) -> sa.ColumnElement[bool]:
        t = self.keys.table
        return sa.and_(t.c.scope == self.scope, t.c.key == self.key)

    async def _claim(self) -> Response | None:
        """Take the key for this request (None), or answer from what is stored."""
        t = self.keys.table
        fresh = {
            "fingerprint": self.fingerprint,
            "response_status": None,
            "response_body": None,
            "created_at": self.now,
            "expires_at": self.now + self.keys.ttl,
        }
        for _ in range(3):  # the row may vanish (purged, expired) between the two reads
            inserted = await self.session.scalar(
                self.keys.claim(self.session), {"scope": self.scope, "key": self.key, **fresh}
            )
            if inserted is not None:
                return None
            row = (await self.session.execute(sa.select(t).where(self._row))).mappings().first()
            if row is None:
                continue
            if row["expires_at"] <= self.now:
                taken = await self.session.scalar(
                    sa.update(t)
                    .where(self._row, t.c.expires_at <= self.now)
                    .values(**fresh)
                    .returning(t.c.key)
                )
                if taken is not None:
                    return None
                continue
            if row["fingerprint"] != self.fingerprint:
                raise InvalidInput(
                    "idempotency_key_reused",
                    "This Idempotency-Key was used for a different request.",
                    errors=[
                        FieldError(
                            pointer=_POINTER,
                            detail="already used for another request",
                            code="idempotency_key_reused",
                        )
                    ],
                )
            if row["response_status"] is None:
                # Not reachable while keys commit with their answer; kept as a safe refusal.
                raise Conflict(
                    "idempotency_key_in_progress",
                    "A request with this Idempotency-Key is still being processed.",
                    headers={"Retry-After": "1"},
                )
            return _response(
                row["response_status"], row["response_body"], headers={REPLAY_HEADER: "true"}
            )
        raise Conflict("idempotency_key_in_progress", "Try again in a moment.")


def _response(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
    if status == 204:  # No Content: no body, not even JSON null
        return Response(status_code=status, headers=headers)
    return JSONResponse(body, status_code=status, headers=headers)
