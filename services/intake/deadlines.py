"""Response and resolution deadlines from category × priority.

Defaults follow Beijing's 12345 service standard (DB11, 2023) as DOMAIN.md quotes it; a
category may override any priority with its own minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from services.kit.clock import Clock

HOUR = 60
DAY = 24 * HOUR

# priority -> (respond within, resolve within), in minutes
DEFAULT_MINUTES: dict[str, tuple[int, int]] = {
    "urgent": (1 * HOUR, 2 * HOUR),
    "utility": (2 * HOUR, 24 * HOUR),
    "normal": (24 * HOUR, 7 * DAY),
    "complex": (24 * HOUR, 15 * DAY),
}


@dataclass(frozen=True)
class Deadlines:
    respond_by: datetime
    resolve_by: datetime


def minutes_for(priority: str, overrides: dict[str, Any] | None = None) -> tuple[int, int]:
    custom = (overrides or {}).get(priority)
    if isinstance(custom, list | tuple) and len(custom) == 2:
        return int(custom[0]), int(custom[1])
    return DEFAULT_MINUTES[priority]


def due_times(
    priority: str,
    *,
    clock: Clock,
    overrides: dict[str, Any] | None = None,
    start: datetime | None = None,
) -> Deadlines:
    """Deadlines counted from `start` (default: the clock's now), in calendar time."""
    begin = start if start is not None else clock.now()
    respond, resolve = minutes_for(priority, overrides)
    return Deadlines(
        respond_by=begin + timedelta(minutes=respond),
        resolve_by=begin + timedelta(minutes=resolve),
    )
