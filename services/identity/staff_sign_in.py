"""Staff sign-in with username and password: a stranger's wrong passwords slow the stranger
and never lock the owner out, and the owner hears of them at the next sign-in.

Failures are counted for every username given, known or not (so the answers reveal nothing
about which accounts exist), in two rows of `login_throttles`:

- per username and source address: the first `free_failures` (5) cost nothing; each one
  after makes that address wait before its next try is even checked: 1 s, 2 s, 4 s, ... up
  to `max_wait` (15 min). A try made sooner is answered 429 `login_locked` with Retry-After.
- per username over every address: past `ceiling` failures (guessing spread over many
  addresses) the free failures end, so an address waits from its first failure on. That
  slows a distributed attack; it locks no one.

An address with no recent failures is always checked, so the owner's right password from
their own address works whatever strangers do. A success forgets that address's failures,
not the username's (the owner signing in does not lift an attack's slowing). A row is
forgotten `memory` (24 h) after its first failure.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.models import LoginThrottle, StaffUser
from services.identity.staff import password_matches
from services.kit.errors import TooManyRequests, Unauthenticated

# The same answer for a wrong username, a wrong password and a disabled account.
BAD_LOGIN = "The username or password is not right."
# Past this many doublings the wait is at its ceiling anyway (2**20 s is 12 days).
_MAX_DOUBLINGS = 20

# A keyed hash (the personal-data cipher's `lookup_hash`): names and addresses are not kept.
HashKey = Callable[[str], str]


@dataclass(frozen=True)
class LoginPolicy:
    free_failures: int
    max_wait: timedelta
    ceiling: int
    memory: timedelta


@dataclass(frozen=True)
class SignedIn:
    user: StaffUser
    # Wrong passwords given for the account since it last signed in, and the last one's time.
    failed_attempts: int
    last_failed_at: datetime | None


def _keys(username: str, address: str, hash_key: HashKey) -> tuple[str, str]:
    name = username.strip().lower()
    return hash_key(f"login:user:{name}"), hash_key(f"login:pair:{name}\n{address}")


def _recent(row: LoginThrottle | None, now: datetime, policy: LoginPolicy) -> bool:
    return row is not None and now - row.first_failure_at <= policy.memory


async def _count_failure(
    session: AsyncSession, key: str, now: datetime, policy: LoginPolicy
) -> LoginThrottle:
    row = await session.get(LoginThrottle, key)
    if row is None:
        row = LoginThrottle(key=key, failures=0, first_failure_at=now)
        session.add(row)
    elif not _recent(row, now, policy):
        row.failures, row.first_failure_at, row.locked_until = 0, now, None
    row.failures += 1
    return row


def _wait(failures: int, free: int, policy: LoginPolicy) -> timedelta | None:
    """How long an address waits after its `failures`-th failure: none while free, then
    1 s, doubling with each failure, up to the policy's ceiling."""
    if failures < free:
        return None
    doublings = min(failures - free, _MAX_DOUBLINGS)
    return min(timedelta(seconds=2**doublings), policy.max_wait)


async def authenticate(
    session: AsyncSession,
    *,
    username: str,
    password: str,
    address: str,
    policy: LoginPolicy,
    hash_key: HashKey,
    profile: str,
    now: datetime,
) -> SignedIn:
    """The account, when the password is right and the account enabled; else 401 (the same
    for every reason), or 429 when this address must still wait for this username."""
    user_key, pair_key = _keys(username, address, hash_key)
    pair = await session.get(LoginThrottle, pair_key)
    if _recent(pair, now, policy) and pair and pair.locked_until and pair.locked_until > now:
        retry = max(1, math.ceil((pair.locked_until - now).total_seconds()))
        raise TooManyRequests(
            "login_locked",
            "Too many wrong passwords from here for this username; try again later.",
            headers={"Retry-After": str(retry)},
            retry_after=retry,
        )
    user = await session.scalar(
        select(StaffUser).where(StaffUser.username == username.strip().lower())
    )
    right = password_matches(user, password, profile)
    if right and user is not None and user.disabled_at is None:
        if pair is not None:
            await session.delete(pair)
        signed_in = SignedIn(user, user.failed_sign_ins, user.last_failed_sign_in_at)
        user.failed_sign_ins, user.last_failed_sign_in_at = 0, None
        user.last_sign_in_at = now
        return signed_in
    overall = await _count_failure(session, user_key, now, policy)
    pair = await _count_failure(session, pair_key, now, policy)
    free = 1 if overall.failures >= policy.ceiling else policy.free_failures
    wait = _wait(pair.failures, free, policy)
    pair.locked_until = now + wait if wait else None
    if user is not None and not right:
        user.failed_sign_ins += 1
        user.last_failed_sign_in_at = now
    # The failure is stored even though this request answers 401.
    raise Unauthenticated("invalid_credentials", BAD_LOGIN, keep_changes=True)
