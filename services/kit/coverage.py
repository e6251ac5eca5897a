"""What a dashboard figure, a hotspot list or an export covers: a subtree of places (the
caller's, checked) and a period of Beijing local days.

Every service's statistics need the same two things, so they live in kit (first user:
intake's dashboard, hotspots and exports)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from services.kit.auth import Principal, authorize
from services.kit.clients.directory import DirectoryClient, PlaceRef
from services.kit.clock import LOCAL_TZ
from services.kit.errors import FieldError, InvalidInput, PermissionDenied
from services.kit.scope import SEPARATOR

DEFAULT_DAYS = 30
MAX_DAYS = 366


@dataclass(frozen=True)
class Scope:
    """The subtree the figures are about: a place (None: the whole tree) and its path."""

    place: PlaceRef | None
    path: str


async def scope_for(
    directory: DirectoryClient,
    principal: Principal,
    place_id: uuid.UUID | None,
    permission: str,
) -> Scope:
    """The place asked for, if the caller holds `permission` over it; without one, the
    caller's widest place holding it (the first of several equally wide ones).

    Places are public, so a place outside the caller's grants is an honest 403.
    """
    if place_id is not None:
        ref = await directory.place(place_id, pointer="/query/place_id")
        authorize(principal, permission, ref.path)
        return Scope(ref.ref(), ref.path)
    grants = [g for g in principal.grants if permission in g.perms]
    if not grants:
        raise PermissionDenied("forbidden", f"Your roles do not include {permission}.")
    widest = min(grants, key=lambda g: g.path.count(SEPARATOR))
    if widest.path == SEPARATOR:
        return Scope(None, SEPARATOR)
    ref = await directory.place(uuid.UUID(widest.place_id), pointer="/query/place_id")
    return Scope(ref.ref(), widest.path)


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=LOCAL_TZ).astimezone(UTC)


@dataclass(frozen=True)
class Period:
    first_day: date
    last_day: date

    @property
    def start(self) -> datetime:
        return local_midnight(self.first_day)

    @property
    def end(self) -> datetime:
        """Exclusive: the midnight after the last day."""
        return local_midnight(self.last_day + timedelta(days=1))

    def weeks(self) -> list[tuple[date, datetime]]:
        """(Monday, the next Monday's midnight in UTC) of each ISO week the period touches."""
        monday = self.first_day - timedelta(days=self.first_day.weekday())
        found = []
        while monday <= self.last_day:
            following = monday + timedelta(days=7)
            found.append((monday, local_midnight(following)))
            monday = following
        return found


def period(first_day: date | None, last_day: date | None, *, today: date) -> Period:
    """[from, to] in Beijing days; default the last 30 days ending today."""
    last = last_day or max(today, first_day or today)
    first = first_day or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise InvalidInput(
            "invalid_period",
            "The period's first day comes after its last day.",
            errors=[FieldError(pointer="/query/from", detail="after 'to'", code="invalid_period")],
        )
    if (last - first).days + 1 > MAX_DAYS:
        raise InvalidInput(
            "period_too_long",
            f"A period is at most {MAX_DAYS} days.",
            errors=[
                FieldError(pointer="/query/from", detail="too far back", code="period_too_long")
            ],
        )
    return Period(first, last)


def week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"
