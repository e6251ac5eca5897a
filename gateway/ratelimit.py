"""Rate limits per client, in this process's memory or shared through Redis.

Windows are aligned to the wall clock (minute N is [60N, 60N + 60)), so several gateway
processes counting in one Redis agree on them. Two algorithms:

- fixed: at most `limit` requests per window; a burst at a window's edge can double it.
- sliding (default): the previous window's count, weighted by how much of it still lies
  within the last 60 s, plus the current one's (the usual sliding-window counter): smooth,
  and still two counters per client.

`hit` answers 0.0 (let it through, counted) or the seconds until a request would pass
(the Retry-After). A refused request is not counted. When Redis fails, the limiter lets
requests through (fails open) with a warning, and leaves Redis alone for a few seconds so
a dead Redis costs nothing per request.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Any, Protocol

log = logging.getLogger("gateway.ratelimit")

WINDOW_SECONDS = 60.0
# After a Redis failure: requests pass without counting for this long, then Redis is tried again.
REDIS_BACKOFF_SECONDS = 5.0

Timer = Callable[[], float]


class RateLimiter(Protocol):
    async def hit(self, key: str, limit: int) -> float:
        """0.0 if the request may pass (and is counted), else the seconds to wait."""
        ...

    async def aclose(self) -> None: ...


def retry_after(current: int, previous: int, limit: int, elapsed: float, *, sliding: bool) -> float:
    """Seconds until one more request fits, given the counts and the window's elapsed part.

    Sliding estimate: previous * (1 - elapsed) + current, with `elapsed` in [0, 1).
    """
    remaining = (1.0 - elapsed) * WINDOW_SECONDS
    if not sliding:
        return remaining
    room = limit - 1 - current
    if room >= 0 and previous > 0:
        # Within this window, once enough of the previous one has slid out.
        return max(0.0, WINDOW_SECONDS * ((1.0 - elapsed) - room / previous))
    # In the next window, once enough of this window's count has slid out.
    slide = max(0.0, 1.0 - (limit - 1) / current) if current > 0 else 0.0
    return remaining + slide * WINDOW_SECONDS


def retry_after_header(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))


class MemoryRateLimiter:
    """Counts in this process: right for one gateway process (the default)."""

    def __init__(self, *, algorithm: str = "sliding", timer: Timer = time.time) -> None:
        self.sliding = algorithm == "sliding"
        self._time = timer
        # key -> [window index, count in that window, count in the window before]
        self._counts: dict[str, list[int]] = {}
        self._swept = 0

    async def hit(self, key: str, limit: int) -> float:
        position = self._time() / WINDOW_SECONDS
        index = int(position)
        if index != self._swept:
            self._sweep(index)
        entry = self._counts.get(key)
        if entry is None:
            entry = self._counts[key] = [index, 0, 0]
        elif entry[0] != index:
            entry[2] = entry[1] if entry[0] == index - 1 else 0
            entry[1] = 0
            entry[0] = index
        current = entry[1]
        previous = entry[2] if self.sliding else 0
        elapsed = position - index
        if previous * (1.0 - elapsed) + current + 1 > limit:
            return retry_after(current, previous, limit, elapsed, sliding=self.sliding)
        entry[1] = current + 1
        return 0.0

    def _sweep(self, index: int) -> None:
        """Forget clients not seen in the last two windows (once per window)."""
        self._swept = index
        stale = [key for key, entry in self._counts.items() if entry[0] < index - 1]
        for key in stale:
            del self._counts[key]

    async def aclose(self) -> None:
        self._counts.clear()


# KEYS: this window's counter, the previous window's. ARGV: limit, weight of the previous
# window (0 for fixed windows), expiry in seconds. Answers {allowed, current, previous}.
_HIT_SCRIPT = """
local limit = tonumber(ARGV[1])
local weight = tonumber(ARGV[2])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = 0
if weight > 0 then previous = tonumber(redis.call('GET', KEYS[2]) or '0') end
if previous * weight + current + 1 > limit then return {0, current, previous} end
current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
return {1, current, previous}
"""


class RedisRateLimiter:
    """Counts in Redis, shared by every gateway process that uses the same URL and prefix."""

    def __init__(
        self,
        url: str,
        *,
        algorithm: str = "sliding",
        prefix: str = "gateway:rl:",
        timeout: float = 0.25,
        timer: Timer = time.time,
    ) -> None:
        import redis.asyncio as redis_asyncio

        self.sliding = algorithm == "sliding"
        self.prefix = prefix
        self._time = timer
        self._redis: Any = redis_asyncio.Redis.from_url(
            url, socket_connect_timeout=timeout, socket_timeout=timeout
        )
        self._script = self._redis.register_script(_HIT_SCRIPT)
        self._down_until = 0.0
        self._warned_at = -math.inf

    async def hit(self, key: str, limit: int) -> float:
        now = self._time()
        if now < self._down_until:
            return 0.0
        position = now / WINDOW_SECONDS
        index = int(position)
        elapsed = position - index
        # {key}: one hash slot for both counters, should the Redis be a cluster.
        base = f"{self.prefix}{{{key}}}:"
        try:
            allowed, current, previous = await self._script(
                keys=[f"{base}{index}", f"{base}{index - 1}"],
                args=[limit, (1.0 - elapsed) if self.sliding else 0, int(WINDOW_SECONDS * 2)],
            )
        except Exception as exc:  # any Redis trouble: fail open, never take the gateway down
            self._down_until = now + REDIS_BACKOFF_SECONDS
            if now - self._warned_at > 30.0:
                self._warned_at = now
                log.warning(
                    "rate limits not enforced: Redis failed (%s); letting requests through",
                    type(exc).__name__,
                )
            return 0.0
        if allowed:
            return 0.0
        return retry_after(int(current), int(previous), limit, elapsed, sliding=self.sliding)

    async def aclose(self) -> None:
        await self._redis.aclose()
