"""Rate limits per client (IP, token subject, API key), in memory and shared through Redis."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import redis.asyncio as redis_asyncio

from gateway.ratelimit import MemoryRateLimiter, RedisRateLimiter, retry_after
from tests.fixtures.directory import Directory
from tests.gateway.support import MakeGateway

REDIS_URL = "redis://127.0.0.1:6379/0"


async def test_anonymous_clients_get_a_429_with_retry_after_past_their_limit(
    make_gateway: MakeGateway, directory: Directory
) -> None:
    await directory.seed()
    door = await make_gateway(rate_limit_anonymous_per_minute=3, rate_limit_per_minute=5)
    url = "/api/directory/v1/places/by-code/TGYZL-03-2"

    statuses = [(await door.client.get(url)).status_code for _ in range(3)]
    refused = await door.client.get(url)

    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "rate_limited"
    assert 1 <= int(refused.headers["retry-after"]) <= 120
    # A signed-in client is counted on its own, with the higher limit.
    staff = directory.staff(await directory.place("TGYZL"))
    signed_in = [(await door.client.get(url, headers=staff)).status_code for _ in range(6)]
    assert signed_in == [200] * 5 + [429]
    # The gateway's own pages are not counted.
    assert (await door.client.get("/healthz")).status_code == 200


async def test_the_fixed_window_refuses_until_the_next_minute() -> None:
    now = [600.0]
    limiter = MemoryRateLimiter(algorithm="fixed", timer=lambda: now[0])

    assert [await limiter.hit("ip:1", 2) for _ in range(3)] == [0.0, 0.0, 60.0]
    now[0] = 659.0
    assert await limiter.hit("ip:1", 2) == pytest.approx(1.0)
    now[0] = 660.0  # a new window
    assert [await limiter.hit("ip:1", 2) for _ in range(3)] == [0.0, 0.0, 60.0]


async def test_the_sliding_window_weighs_the_previous_minute() -> None:
    now = [600.0]
    limiter = MemoryRateLimiter(algorithm="sliding", timer=lambda: now[0])
    for _ in range(10):
        assert await limiter.hit("sub:a", 10) == 0.0
    assert await limiter.hit("sub:a", 10) > 0

    # A quarter into the next minute, 75% of the last minute's 10 still count: 2 more fit.
    now[0] = 675.0
    assert [await limiter.hit("sub:a", 10) for _ in range(2)] == [0.0, 0.0]
    wait = await limiter.hit("sub:a", 10)
    # 7.5 + 2 + 1 > 10; one more fits once another 0.5 of the 10 has slid out: 3 s.
    assert wait == pytest.approx(3.0)
    now[0] += wait
    assert await limiter.hit("sub:a", 10) == 0.0
    # Other clients are counted apart.
    assert await limiter.hit("sub:b", 10) == 0.0


def test_retry_after_when_this_window_alone_is_full() -> None:
    # 10 in this window, limit 10, half way through, nothing before: wait for the next
    # window, then until 10% of this one has slid out.
    assert retry_after(10, 0, 10, 0.5, sliding=True) == pytest.approx(30.0 + 6.0)
    assert retry_after(10, 0, 10, 0.5, sliding=False) == pytest.approx(30.0)


async def test_memory_limiter_forgets_clients_it_has_not_seen_for_two_minutes() -> None:
    now = [600.0]
    limiter = MemoryRateLimiter(timer=lambda: now[0])
    await limiter.hit("ip:old", 5)
    now[0] = 780.0
    await limiter.hit("ip:new", 5)
    assert set(limiter._counts) == {"ip:new"}


@pytest.fixture
async def redis_prefix() -> AsyncIterator[str]:
    prefix = f"test:gateway:{uuid.uuid4().hex[:8]}:"
    yield prefix
    client = redis_asyncio.Redis.from_url(REDIS_URL)
    try:
        keys = [key async for key in client.scan_iter(match=f"{prefix}*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


async def test_two_gateways_share_counts_through_redis(
    make_gateway: MakeGateway, directory: Directory, redis_prefix: str
) -> None:
    await directory.seed()
    shared: dict[str, Any] = {
        "redis_url": REDIS_URL,
        "redis_prefix": redis_prefix,
        "rate_limit_anonymous_per_minute": 3,
    }
    first = await make_gateway(**shared)
    second = await make_gateway(**shared)
    assert isinstance(first.app.limiter, RedisRateLimiter)
    url = "/api/directory/v1/places/by-code/TGYZL-03-2"

    assert (await first.client.get(url)).status_code == 200
    assert (await second.client.get(url)).status_code == 200
    assert (await first.client.get(url)).status_code == 200
    refused = await second.client.get(url)

    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"
    assert int(refused.headers["retry-after"]) >= 1
    assert (await first.client.get(url)).status_code == 429


async def test_a_redis_that_is_down_lets_requests_through_with_a_warning(
    make_gateway: MakeGateway,
    directory: Directory,
    dead_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await directory.seed()
    port = dead_url.rsplit(":", 1)[1]
    door = await make_gateway(
        redis_url=f"redis://127.0.0.1:{port}/0", rate_limit_anonymous_per_minute=1
    )

    with caplog.at_level(logging.WARNING, logger="gateway.ratelimit"):
        statuses = [
            (await door.client.get("/api/directory/v1/places/by-code/TGYZL-03-2")).status_code
            for _ in range(3)
        ]

    assert statuses == [200, 200, 200]
    warnings = [r for r in caplog.records if r.name == "gateway.ratelimit"]
    assert len(warnings) == 1  # once, not once per request
    assert "rate limits not enforced" in warnings[0].getMessage()
