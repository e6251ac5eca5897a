"""Limits on anonymous writes: what anyone may do without signing in (report from a QR code,
"+1", upload a photo) is limited per door and per device, the same way in every service.

The gateway limits each address to some hundreds of requests a minute: far more than one
door's inbox can take (50 reports in 2 s into one community, each urgent one texting the
on-duty staff). So a route that takes anonymous writes declares its limits:

    @router.post("/tickets", dependencies=[anonymous_write_limit(
        "reports", per_device="5/10min", per_door="20/hour", door=body_field("code_token"))])

- per door: the place the write is about (the scanned code's token, checked for its shape
  by kit.codes), whoever writes: one sticker cannot flood its community;
- per device: the random id the page keeps (`X-Device-Id`) together with the client's
  address (a new id per request does not help, nor does a new network with the same id);
- per address (optional): the client's address alone, for what has no door.

A signed-in caller is not limited here (their account is). Each limit is a default in code
that settings override per scope (`<SERVICE>_ANONYMOUS_LIMITS='{"reports.per_door":
"40/hour"}'`, "off" for none). Counting is kit.ratelimit's: this process's memory, or Redis
shared by every replica (`<SERVICE>_RATE_LIMIT_REDIS_URL`), failing open. Past a limit the
answer is a 429 `anonymous_limit_reached` problem with `Retry-After`, `retry_after` and the
limit (`per_door`, ...) that was reached.

A retry is not a new write: when the route takes idempotency keys (kit.idempotency) and the
request's `Idempotency-Key` already has its answer stored for this same request, it is not
counted, and it is served even past a limit reached meanwhile: the replay only tells the
phone what already happened (a weak network's retries must not use up its limit, nor lose
it the answer to its report). A retry racing its first try's commit still counts.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, FastAPI, Request
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings

from services.kit.addresses import client_address
from services.kit.auth import principal_of
from services.kit.codes import code_token
from services.kit.errors import TooManyRequests
from services.kit.idempotency import caller_scope, keys_of_route
from services.kit.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter

DEVICE_HEADER = "X-Device-Id"
# What a page's device id looks like (a UUID, or any random URL-safe string of this size).
_DEVICE = re.compile(r"[A-Za-z0-9_-]{8,64}")
_RATE = re.compile(r"\s*(\d+)\s*/\s*(\d*)\s*(s|sec|second|min|minute|h|hour|d|day)s?\s*")
_UNITS = {"s": 1, "sec": 1, "second": 1, "min": 60, "minute": 60, "h": 3600, "hour": 3600}
_UNITS |= {"d": 86400, "day": 86400}

PER = ("per_device", "per_address", "per_door")
# Where a door's key comes from in a request (None: this request names no door).
DoorOf = Callable[[Request], Awaitable[str | None]]


class AbuseSettings(BaseSettings):
    """Settings a service's settings class inherits (env <PREFIX>_ANONYMOUS_LIMITS, ...)."""

    # Overrides of the limits routes declare, by "<scope>.<per_door|per_device|per_address>"
    # ("*.<per>" for every scope): "<count>/<window>" (e.g. "20/hour", "5/10min") or "off".
    anonymous_limits: dict[str, str] = Field(default_factory=dict)
    # Where the counts live: "" for this process's memory, a redis:// URL to share them.
    rate_limit_redis_url: str = ""

    @field_validator("anonymous_limits")
    @classmethod
    def _rates(cls, value: dict[str, str]) -> dict[str, str]:
        for key, text in value.items():
            if key.rsplit(".", 1)[-1] not in PER:
                raise ValueError(f"{key}: expected <scope>.<{'|'.join(PER)}>")
            Rate.parse(text)
        return value


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: float

    @classmethod
    def parse(cls, text: str) -> Rate | None:
        """ "5/10min", "20/hour", "100/day", "30/60s" as a rate; "off" (or "") as none."""
        if text.strip().lower() in ("", "off", "none"):
            return None
        found = _RATE.fullmatch(text.lower())
        if found is None:
            raise ValueError(f"not a rate: {text!r} (e.g. 20/hour, 5/10min, off)")
        count, times, unit = int(found[1]), int(found[2] or 1), found[3]
        return cls(count, float(times * _UNITS[unit]))


@functools.lru_cache(maxsize=64)
def _rate(text: str | None) -> Rate | None:
    """A limit's text as a rate, parsed once (every anonymous write reads its limits)."""
    return Rate.parse(text) if text is not None else None


def device_of(request: Request) -> str:
    """The page's device id, if it sent one of the right shape ("-" otherwise)."""
    value = request.headers.get(DEVICE_HEADER, "").strip()
    return value if _DEVICE.fullmatch(value) else "-"


def body_field(name: str) -> DoorOf:
    """The door named by a JSON body's field holding a code token (kit.codes), e.g. a
    report's `code_token`; none when the body has no such token."""

    async def door(request: Request) -> str | None:
        try:
            body = await request.json()
        except ValueError:
            return None
        value = body.get(name) if isinstance(body, dict) else None
        return code_token(value) if isinstance(value, str) else None

    return door


def limiter_of(app: FastAPI) -> RateLimiter:
    """The app's limiter for anonymous writes, made on first use from its settings; it
    counts by the app's clock (tests move it)."""
    limiter: RateLimiter | None = getattr(app.state, "anonymous_limiter", None)
    if limiter is None:
        settings = app.state.settings
        clock = app.state.clock

        def timer() -> float:
            return float(clock.now().timestamp())

        url = str(getattr(settings, "rate_limit_redis_url", "") or "")
        if url:
            prefix = f"{settings.service_name}:anonymous:"
            limiter = RedisRateLimiter(url, prefix=prefix, timer=timer)
        else:
            limiter = MemoryRateLimiter(timer=timer)
        app.state.anonymous_limiter = limiter
    return limiter


def limited(scope: str, per: str, seconds: float, *, rate: Rate) -> TooManyRequests:
    wait = max(1, math.ceil(seconds))
    what = {
        "per_door": "from this code",
        "per_device": "from this phone",
        "per_address": "from this network",
    }[per]
    minutes = max(1, math.ceil(wait / 60))
    return TooManyRequests(
        "anonymous_limit_reached",
        f"Too many {scope} {what} for now; try again in {minutes} min, or call the "
        "community office.",
        headers={"Retry-After": str(wait)},
        retry_after=wait,
        limit=per,
        limit_count=rate.count,
        limit_seconds=int(rate.seconds),
    )


def anonymous_write_limit(
    scope: str,
    *,
    per_device: str | None = "5/10min",
    per_door: str | None = None,
    per_address: str | None = None,
    door: DoorOf | None = None,
) -> Any:
    """A route dependency limiting anonymous callers of one kind of write (`scope`, e.g.
    "reports"); the defaults here, settings override them (see the module)."""
    for default in (per_device, per_door, per_address):
        if default is not None:
            Rate.parse(default)  # a typo fails at import, not at the first request
    if per_door is not None and door is None:
        raise ValueError("a per-door limit needs to know where the door is (door=...)")

    async def anonymous_write_limited(request: Request) -> None:
        if await principal_of(request) is not None:
            return
        overrides: dict[str, str] = getattr(request.app.state.settings, "anonymous_limits", {})
        rates = {
            per: rate
            for per, default in (
                ("per_device", per_device),
                ("per_address", per_address),
                ("per_door", per_door),
            )
            if (rate := _rate(overrides.get(f"{scope}.{per}", overrides.get(f"*.{per}", default))))
            is not None
        }
        if not rates:
            # Every limit of this scope is off: nothing is counted, so whether this is a
            # replay (a read of the idempotency keys) does not matter.
            return
        keys = keys_of_route(request.scope.get("route"))
        if keys is not None and await keys.answered_before(request, scope=caller_scope(None)):
            return  # a replay of what was already counted (see the module)
        address = client_address(request)
        # The caller's own limits first: a device already over its limit does not use up
        # its door's.
        subjects: list[tuple[str, str]] = [
            ("per_device", f"{device_of(request)}@{address}"),
            ("per_address", address),
            (
                "per_door",
                (await door(request) or "") if door is not None and "per_door" in rates else "",
            ),
        ]
        limiter = limiter_of(request.app)
        for per, subject in subjects:
            rate = rates.get(per)
            if rate is None or not subject:
                continue
            wait = await limiter.hit(f"{scope}:{per}:{subject}", rate.count, rate.seconds)
            if wait > 0:
                raise limited(scope, per, wait, rate=rate)

    return Depends(anonymous_write_limited)
