"""The gateway's rate limits per client: kit's limiter (kit.ratelimit), in this process's
memory or shared through Redis (GATEWAY_REDIS_URL); the gateway counts per minute."""

import logging

from services.kit import ratelimit
from services.kit.ratelimit import (
    REDIS_BACKOFF_SECONDS,
    WINDOW_SECONDS,
    MemoryRateLimiter,
    RateLimiter,
    retry_after,
    retry_after_header,
)


class RedisRateLimiter(ratelimit.RedisRateLimiter):
    log = logging.getLogger("gateway.ratelimit")


__all__ = [
    "REDIS_BACKOFF_SECONDS",
    "WINDOW_SECONDS",
    "MemoryRateLimiter",
    "RateLimiter",
    "RedisRateLimiter",
    "retry_after",
    "retry_after_header",
]
