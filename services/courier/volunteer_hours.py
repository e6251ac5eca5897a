"""Volunteer hours in the statistics: a figure of its own, kept apart from the visits.

Volunteering (activities and tasks posted by communities, hours confirmed by staff) is its
own part of this service; it adds the confirmed hours here, for the same scope and period
as the visits' figures, and nothing else in the statistics changes when it does."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.coverage import Period


async def volunteer_hours(session: AsyncSession, path: str, *, span: Period) -> float:
    """Hours of volunteering confirmed in `span` at places under `path`: none are recorded
    by this part of the service, so 0.0."""
    return 0.0
