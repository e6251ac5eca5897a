"""Sessions that ended before their access tokens expired: the set every verifier consults.

Access tokens are verified where they arrive (kit.auth) and live for minutes. A sign-out, a
disabled account or a reset password must stop them sooner, on every replica of every
service. Identity records each ended session (the `sid` claim its access tokens carry, an
opaque random id) and publishes those whose tokens may still be unexpired at
`GET /v1/revocations`, an ETag'd list. Each verifier keeps that set in memory and asks again
at most every `interval` seconds, on the first request after it is due (a conditional GET:
a 304 when nothing changed); a request pays one set lookup. So a token of an ended session
is refused everywhere within about `interval` seconds (10 by default) of its end.

A deleted account is listed too, as a digest of its subject (`deleted_account_entry`): it
never comes back, so every token naming it is refused, a staff member's act-for token for
that resident included, whose `sid` is the staff member's session. A digest keeps the public
list one of opaque strings.

A fault in identity never stops another service: when the list cannot be fetched, the last
known set stays in force (logged) and is asked for again at the next interval; a request
waits at most `wait` seconds for a fetch that hangs.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable

import httpx

from services.kit.clock import Clock

log = logging.getLogger("kit.revocations")

# How often a verifier asks for the list again, by default (ServiceSettings overrides).
REFRESH_SECONDS = 10.0
# How long a request waits for a fetch in flight before going on with the set it has.
WAIT_SECONDS = 1.0
FETCH_TIMEOUT_SECONDS = 2.0
_JWKS_PATHS = ("/v1/jwks.json", "/.well-known/jwks.json")

# Given the ETag of the set held (or None), the current set and its ETag; None: unchanged.
Snapshot = tuple[frozenset[str], str | None]
Source = Callable[[str | None], Awaitable[Snapshot | None]]


def url_next_to(jwks_url: str) -> str:
    """Identity publishes the list beside its keys: `.../v1/revocations`."""
    for path in _JWKS_PATHS:
        if jwks_url.endswith(path):
            return jwks_url.removesuffix(path) + "/v1/revocations"
    return ""


def http_source(
    url: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: float = FETCH_TIMEOUT_SECONDS,
) -> Source:
    """The list as identity publishes it, fetched with If-None-Match."""

    async def fetch(etag: str | None) -> Snapshot | None:
        headers = {"If-None-Match": etag} if etag else {}
        async with httpx.AsyncClient(transport=transport, timeout=timeout) as client:
            response = await client.get(url, headers=headers)
        if response.status_code == 304:
            return None
        response.raise_for_status()
        sessions = response.json()["sessions"]
        if not isinstance(sessions, list):
            raise ValueError("sessions is not a list")
        return frozenset(str(sid) for sid in sessions), response.headers.get("etag")

    return fetch


def deleted_account_entry(subject: str) -> str:
    """How the list names a deleted account (`resident:<uuid>`): an opaque digest."""
    return "account:" + hashlib.sha256(subject.encode()).hexdigest()[:48]


class Revocations:
    """The ended sessions a verifier refuses, kept fresh from a source (identity's list)."""

    def __init__(
        self,
        source: Source,
        *,
        clock: Clock,
        interval: float = REFRESH_SECONDS,
        wait: float = WAIT_SECONDS,
    ) -> None:
        self.source = source
        self.clock = clock
        self.interval = interval
        self.wait = wait
        self._sids: frozenset[str] = frozenset()
        self._etag: str | None = None
        self._checked_at: float | None = None
        self._fetching: asyncio.Task[None] | None = None

    def __contains__(self, sid: object) -> bool:
        return sid in self._sids

    def refuses(self, sid: object, subject: object) -> bool:
        """Whether a token of this session (`sid`) and subject (`sub`) is refused."""
        if not self._sids:
            return False
        if isinstance(sid, str) and sid in self._sids:
            return True
        return isinstance(subject, str) and deleted_account_entry(subject) in self._sids

    def __len__(self) -> int:
        return len(self._sids)

    async def keep_fresh(self) -> None:
        """Ask the source again when the last answer is older than the interval. Never
        raises; waits at most `wait` seconds (one fetch at a time, shared by all waiters)."""
        now = self.clock.now().timestamp()
        last = self._checked_at
        # A clock set back (tests) counts as due, too.
        if last is not None and 0 <= now - last < self.interval:
            return
        fetching = self._fetching
        if fetching is None or fetching.done():
            self._fetching = fetching = asyncio.create_task(self._refresh(now))
        try:
            await asyncio.wait_for(asyncio.shield(fetching), self.wait)
        except TimeoutError:
            log.warning("the revoked sessions are slow to come; going on with %d known", len(self))

    async def _refresh(self, now: float) -> None:
        try:
            snapshot = await self.source(self._etag)
        except Exception as exc:  # whatever failed, the last set stands
            log.warning(
                "could not fetch the revoked sessions (%s); keeping the %d known",
                type(exc).__name__,
                len(self),
            )
        else:
            if snapshot is not None:
                self._sids, self._etag = snapshot
        finally:
            self._checked_at = now
