"""Calls to other services are made outside write transactions: the guard.

On SQLite a write transaction's first statement takes the service's one writer lock
(BEGIN IMMEDIATE); on PostgreSQL the rows it touched stay locked until it ends. A call to
another service made after that first statement holds the lock for as long as the other
service takes (measured: a second writer waited 1.04 s behind a 1.0 s directory call). So
the rule is: resolve remote facts first, then write; a job that calls out reads, calls,
then records in a new transaction (kit.jobs.TwoPhase).

How it is enforced: every write session `kit.db.Database` makes registers itself in a
context variable of the task that opened it (the request's task, a job's task). Before
each request it sends, kit's service client (`kit.http.service_client`, under every
typed client in `kit.clients`) asks `check_outbound()` whether a write session of this
task has begun a transaction (`in_transaction()`: a statement was executed and neither
commit nor rollback followed). If so the call is a bug: under test settings it raises
`CallInsideWriteTransaction` (the test that does it fails); in production it logs a
warning and the call goes ahead, since refusing would turn a latent slowness into an
outage.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import weakref
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger("kit.calls")

# Weak references: a session the task forgot (closed, garbage) never keeps the list alive.
# A tuple, replaced on each change, so a child task's copy of the context never sees the
# parent's later sessions and the parent never sees the child's.
_write_sessions: contextvars.ContextVar[tuple[weakref.ref[AsyncSession], ...]] = (
    contextvars.ContextVar("kit_write_sessions", default=())
)
_strict = False
# Set by `tolerated(reason)`: a known offender, listed until it is rewritten (see the docs).
_tolerated: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "kit_calls_tolerated", default=None
)


class CallInsideWriteTransaction(RuntimeError):
    """Another service was called while a write transaction of this task was open."""


def set_strict(strict: bool) -> None:
    """Raise (tests) or warn (production) on a call inside a write transaction.

    Set by `kit.app.create_service_app` from the settings' env ("test" is strict)."""
    global _strict
    _strict = strict


def is_strict() -> bool:
    return _strict


def register_write_session(session: AsyncSession) -> None:
    """Called by kit.db for each write session it makes."""
    live = tuple(ref for ref in _write_sessions.get() if _alive(ref))
    _write_sessions.set((*live, weakref.ref(session)))


def _alive(ref: weakref.ref[AsyncSession]) -> bool:
    return ref() is not None


def open_write_transaction() -> bool:
    """Whether a write session of this task has executed a statement not yet committed."""
    for ref in _write_sessions.get():
        session = ref()
        if session is not None and session.in_transaction():
            return True
    return False


@contextlib.contextmanager
def tolerated(reason: str) -> Iterator[None]:
    """Let calls inside an open write transaction pass (with a warning) within the block.

    Only for code written before the rule and not yet reordered; each use names why, and
    docs/architecture.md lists them. New code never uses it."""
    token = _tolerated.set(reason)
    try:
        yield
    finally:
        _tolerated.reset(token)


def check_outbound(target: str) -> None:
    """Before a request to another service: refuse (tests) or log (production) when a
    write transaction of this task is open."""
    if not open_write_transaction():
        return
    reason = _tolerated.get()
    if reason is not None:
        log.warning("call to %s inside a write transaction, tolerated: %s", target, reason)
        return
    message = (
        f"call to {target} inside an open write transaction: resolve remote facts before "
        "the first statement, or call from a two-phase job (kit.jobs.TwoPhase)"
    )
    if _strict:
        raise CallInsideWriteTransaction(message)
    log.warning(message)
