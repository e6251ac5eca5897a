"""Volunteer hours in the statistics: a figure of its own, kept apart from the visits.

The hours staff confirmed (volunteering.confirm_hours) for volunteering tasks that took
place in the period, posted at places in the scope: a task posted at a street counts in the
street's figures and the district's, not in one station's."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier.models import Activity, ActivitySignup
from services.kit.coverage import Period
from services.kit.scope import within
from services.kit.shapes.volunteering import hours


async def volunteer_hours(session: AsyncSession, path: str, *, span: Period) -> float:
    """Hours of volunteering confirmed for tasks starting in `span` at places under `path`."""
    minutes = await session.scalar(
        select(func.coalesce(func.sum(ActivitySignup.confirmed_minutes), 0))
        .join(Activity, Activity.id == ActivitySignup.activity_id)
        .where(
            Activity.kind == "volunteering",
            Activity.status == "open",
            ActivitySignup.status == "signed_up",
            ActivitySignup.confirmed_minutes.is_not(None),
            Activity.starts_at >= span.start,
            Activity.starts_at < span.end,
            within(Activity.place_path, path),
        )
    )
    return hours(int(minutes or 0))
