"""kit.abuse's pieces: rates as settings write them, and kit.ratelimit's windows of any length."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.kit.abuse import AbuseSettings, Rate, anonymous_write_limit
from services.kit.ratelimit import MemoryRateLimiter


def test_rates_as_settings_write_them() -> None:
    assert Rate.parse("5/10min") == Rate(5, 600.0)
    assert Rate.parse("20/hour") == Rate(20, 3600.0)
    assert Rate.parse(" 100 / day ") == Rate(100, 86400.0)
    assert Rate.parse("30/60s") == Rate(30, 60.0)
    assert Rate.parse("3/2hours") == Rate(3, 7200.0)
    assert Rate.parse("off") is None
    for wrong in ("5", "five/hour", "5/fortnight", "/hour"):
        with pytest.raises(ValueError, match="not a rate"):
            Rate.parse(wrong)


def test_a_wrong_limit_fails_when_settings_are_read_or_a_route_declares_it() -> None:
    assert AbuseSettings(anonymous_limits={"reports.per_door": "40/hour"}).anonymous_limits
    with pytest.raises(ValidationError):
        AbuseSettings(anonymous_limits={"reports.per_door": "lots"})
    with pytest.raises(ValidationError):
        AbuseSettings(anonymous_limits={"reports.per_person": "5/hour"})
    with pytest.raises(ValueError, match="not a rate"):
        anonymous_write_limit("reports", per_device="often")
    with pytest.raises(ValueError, match="where the door is"):
        anonymous_write_limit("reports", per_door="20/hour")  # where is the door?


async def test_windows_of_other_lengths_count_apart() -> None:
    now = [6000.0]
    limiter = MemoryRateLimiter(algorithm="fixed", timer=lambda: now[0])
    assert [await limiter.hit("k", 2, 600) for _ in range(2)] == [0.0, 0.0]
    assert await limiter.hit("k", 2, 600) == pytest.approx(600.0)
    assert await limiter.hit("k", 2) == 0.0  # the minute's counter is another
    now[0] += 599
    assert await limiter.hit("k", 2, 600) > 0
    now[0] += 1
    assert await limiter.hit("k", 2, 600) == 0.0
