"""Rate limits per key, in this process's memory or shared through Redis: the gateway's per
client (gateway.ratelimit), and any service's (kit.abuse: anonymous writes per door and
device).

Windows are aligned to the wall clock (window N of w seconds is [wN, wN + w); a minute by
default), so several processes counting in one Redis agree on them. Two algorithms:

- fixed: at most `limit` requests per window; a burst at a window's edge can double it.
- sliding (default): the previous window's count, weighted by how much of it still lies
  within the last window's length, plus the current one's (the usual sliding-window
  counter): smooth, and still two counters per key.

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

log = logging.getLogger("kit.ratelimit")

WINDOW_SECONDS = 60.0
# After a Redis failure: requests pass without counting for this long, then Redis is tried again.
REDIS_BACKOFF_SECONDS = 5.0

Timer = Callable[[], float]


class RateLimiter(Protocol):
    async def hit(self, key: str, limit: int, window: float = WINDOW_SECONDS) -> float:
        """0.0 if the request may pass (and is counted), else the seconds to wait; at most
        `limit` requests per `window` seconds."""
        ...

    async def aclose(self) -> None: ...


def retry_after(
    current: int,
    previous: int,
    limit: int,
    elapsed: float,
    *,
    sliding: bool,
    window: float = WINDOW_SECONDS,
) -> float:
    """Seconds until one more request fits, given the counts and the window's elapsed part.

    Sliding estimate: previous * (1 - elapsed) + current, with `elapsed` in [0, 1).
    """
    remaining = (1.0 - elapsed) * window
    if not sliding:
        return remaining
    room = limit - 1 - current
    if room >= 0 and previous > 0:
        # Within this window, once enough of the previous one has slid out.
        return max(0.0, window * ((1.0 - elapsed) - room / previous))
    # In the next window, once enough of this window's count has slid out.
    slide = max(0.0, 1.0 - (limit - 1) / current) if current > 0 else 0.0
    return remaining + slide * window


def retry_after_header(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))


class MemoryRateLimiter:
    """Counts in this process: right for one process (the default)."""

    def __init__(self, *, algorithm: str = "sliding", timer: Timer = time.time) -> None:
        self.sliding = algorithm == "sliding"
        self._time = timer
        # key (and window, when not the minute) -> [window index, count in that window,
        # count in the window before, the window's length]
        self._counts: dict[str, list[float]] = {}
        self._swept = 0

    async def hit(self, key: str, limit: int, window: float = WINDOW_SECONDS) -> float:
        now = self._time()
        position = now / window
        index = int(position)
        if int(now / WINDOW_SECONDS) != self._swept:
            self._sweep(now)
        name = key if window == WINDOW_SECONDS else f"{key}\x00{window:g}"
        entry = self._counts.get(name)
        if entry is None:
            entry = self._counts[name] = [index, 0, 0, window]
        elif entry[0] != index:
            entry[2] = entry[1] if entry[0] == index - 1 else 0
            entry[1] = 0
            entry[0] = index
        current = int(entry[1])
        previous = int(entry[2]) if self.sliding else 0
        elapsed = position - index
        if previous * (1.0 - elapsed) + current + 1 > limit:
            return retry_after(
                current, previous, limit, elapsed, sliding=self.sliding, window=window
            )
        entry[1] = current + 1
        return 0.0

    def _sweep(self, now: float) -> None:
        """Forget keys not seen in the last two of their windows (once a minute)."""
        self._swept = int(now / WINDOW_SECONDS)
        stale = [name for name, entry in self._counts.items() if entry[0] < int(now / entry[3]) - 1]
        for name in stale:
            del self._counts[name]

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
    """Counts in Redis, shared by every process that uses the same URL and prefix."""

    # Where "Redis failed" is told (the gateway's subclass tells its own logger).
    log = log

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

    async def hit(self, key: str, limit: int, window: float = WINDOW_SECONDS) -> float:
        now = self._time()
        if now < self._down_until:
            return 0.0
        position = now / window
        index = int(position)
        elapsed = position - index
        # {key}: one hash slot for both counters, should the Redis be a cluster. A window
        # other than the minute is part of the name, so two lengths never share counters.
        span = "" if window == WINDOW_SECONDS else f"w{int(window)}:"
        base = f"{self.prefix}{{{key}}}:{span}"
        try:
            allowed, current, previous = await self._script(
                keys=[f"{base}{index}", f"{base}{index - 1}"],
                args=[limit, (1.0 - elapsed) if self.sliding else 0, int(window * 2)],
            )
        except Exception as exc:  # any Redis trouble: fail open, never take the gateway down
            self._down_until = now + REDIS_BACKOFF_SECONDS
            if now - self._warned_at > 30.0:
                self._warned_at = now
                self.log.warning(
                    "rate limits not enforced: Redis failed (%s); letting requests through",
                    type(exc).__name__,
                )
            return 0.0
        if allowed:
            return 0.0
        return retry_after(
            int(current), int(previous), limit, elapsed, sliding=self.sliding, window=window
        )

    async def aclose(self) -> None:
        await self._redis.aclose()
