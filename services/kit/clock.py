"""Time as the rules see it: always UTC-aware, and settable in tests.

Rules never read the system time or the database's now(); they ask a Clock, so a test can
put "now" anywhere (a deadline passing, a code expiring) without sleeping.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


class Clock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def local_now(self) -> datetime:
        """Opening hours, weekly slots and 'today' are reasoned about in Beijing time."""
        return self.now().astimezone(LOCAL_TZ)


class FrozenClock(Clock):
    """A clock that stands still until a test moves it."""

    def __init__(self, at: datetime | None = None) -> None:
        self._now = at or datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
        if self._now.tzinfo is None:
            raise ValueError("FrozenClock needs an aware datetime")

    def now(self) -> datetime:
        return self._now

    def set(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FrozenClock needs an aware datetime")
        self._now = at

    def advance(self, delta: timedelta) -> None:
        self._now += delta
