"""Hotspots (未诉先办): where the same problem keeps coming back, and the task that fixes it
before the next complaint.

Two lists, both over a rolling window of the last `days` days (by `created_at`, not
Beijing days: a hotspot is about "lately", not a calendar period):

- **Buildings**: a building with at least `min_count` tickets of one category in the window.
- **Rising categories**: a category in one community whose tickets in the window are at
  least `min_count` and at least 1.5 times those of the window before it (the `days` days
  before); a category with none before is rising once it reaches `min_count`.

Rejected tickets (not a real problem, not ours) and merged duplicates (one problem
reported twice) do not count: a hotspot is a problem that recurs. Neither list carries
personal data: counts, times, ticket numbers, place codes.

A proactive task is a ticket with source `patrol` filed by staff at a building or unit
door (by its public code) through `tickets.file_ticket`, like any other report.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import categories
from services.intake.context import IntakeContext
from services.intake.models import OPEN_STATUSES, Category, Ticket
from services.intake.schemas.common import PlaceOut
from services.intake.schemas.hotspots import (
    BuildingHotspot,
    Hotspots,
    ProactiveTask,
    RisingCategory,
)
from services.intake.tickets import PERM_HANDLE, Report, file_ticket
from services.kit.auth import Principal, authorize
from services.kit.clients.directory import Location, PlaceRef
from services.kit.coverage import Scope
from services.kit.errors import DomainError, FieldError, InvalidInput
from services.kit.scope import within

RISING_FACTOR_NUMERATOR, RISING_FACTOR_DENOMINATOR = 3, 2  # 1.5x, kept in integers
MAX_BUILDINGS = 50
MAX_RISING = 50
SAMPLE_NUMBERS = 5
TASK_PLACE_KINDS = ("building", "unit")
NOT_COUNTED = ("rejected", "duplicate")


def _counted(scope: Scope, since: datetime) -> ColumnElement[bool]:
    return and_(
        within(Ticket.place_path, scope.path),
        Ticket.created_at >= since,
        Ticket.status.not_in(NOT_COUNTED),
    )


def is_rising(count: int, previous: int, min_count: int) -> bool:
    return count >= min_count and count * RISING_FACTOR_DENOMINATOR >= (
        previous * RISING_FACTOR_NUMERATOR
    )


async def _place_names(ctx: IntakeContext, ids: set[uuid.UUID]) -> dict[uuid.UUID, PlaceRef | None]:
    async def one(place_id: uuid.UUID) -> PlaceRef | None:
        try:
            return await ctx.directory.place(place_id, pointer="/building_id")
        except DomainError:
            return None  # names are a courtesy: the list stands without them

    found = await asyncio.gather(*(one(i) for i in sorted(ids)))
    return dict(zip(sorted(ids), found, strict=True))


async def _buildings(
    session: AsyncSession, ctx: IntakeContext, counted: ColumnElement[bool], min_count: int
) -> list[BuildingHotspot]:
    n = func.count(Ticket.id)
    latest = func.max(Ticket.created_at)
    groups = (
        await session.execute(
            select(
                Ticket.building_id,
                Ticket.community_code,
                Ticket.category,
                n,
                func.sum(case((Ticket.status.in_(OPEN_STATUSES), 1), else_=0)),
                latest,
            )
            .where(counted, Ticket.building_id.is_not(None))
            .group_by(Ticket.building_id, Ticket.community_code, Ticket.category)
            .having(n >= min_count)
            .order_by(n.desc(), latest.desc(), Ticket.building_id, Ticket.category)
            .limit(MAX_BUILDINGS)
        )
    ).all()
    if not groups:
        return []
    building_ids = {row[0] for row in groups}
    numbers: dict[tuple[uuid.UUID | None, str], list[str]] = defaultdict(list)
    rows = await session.execute(
        select(Ticket.building_id, Ticket.category, Ticket.number)
        .where(counted, Ticket.building_id.in_(building_ids))
        .order_by(Ticket.created_at.desc(), Ticket.number.desc())
    )
    for building_id, category, number in rows:
        sample = numbers[(building_id, category)]
        if len(sample) < SAMPLE_NUMBERS:
            sample.append(number)
    places = await _place_names(ctx, building_ids)
    hotspots = []
    for building_id, community_code, category, count, still_open, last in groups:
        place = places.get(building_id)
        hotspots.append(
            BuildingHotspot(
                building_id=building_id,
                building_code=place.code if place else None,
                building_name=place.name if place else None,
                community_code=community_code,
                category=category,
                count=int(count),
                open=int(still_open or 0),
                latest=last,
                numbers=numbers[(building_id, category)],
            )
        )
    return hotspots


async def _rising(
    session: AsyncSession,
    scope: Scope,
    since: datetime,
    days: int,
    min_count: int,
) -> list[RisingCategory]:
    recent = Ticket.created_at >= since
    rows = await session.execute(
        select(
            Ticket.community_id,
            Ticket.community_code,
            Ticket.category,
            func.sum(case((recent, 1), else_=0)),
            func.sum(case((recent, 0), else_=1)),
        )
        .where(_counted(scope, since - timedelta(days=days)))
        .group_by(Ticket.community_id, Ticket.community_code, Ticket.category)
    )
    rising = [
        RisingCategory(
            community_id=community_id,
            community_code=code,
            category=category,
            count=int(count),
            previous=int(previous),
            ratio=round(int(count) / int(previous), 2) if previous else None,
        )
        for community_id, code, category, count, previous in rows
        if is_rising(int(count), int(previous), min_count)
    ]
    rising.sort(key=lambda r: (-r.count, r.previous, r.community_code, r.category))
    return rising[:MAX_RISING]


async def find(
    session: AsyncSession,
    ctx: IntakeContext,
    scope: Scope,
    *,
    days: int,
    min_count: int,
    now: datetime,
) -> Hotspots:
    since = now - timedelta(days=days)
    return Hotspots(
        place=PlaceOut.model_validate(scope.place.model_dump()) if scope.place else None,
        days=days,
        min_count=min_count,
        since=since,
        buildings=await _buildings(session, ctx, _counted(scope, since), min_count),
        rising=await _rising(session, scope, since, days, min_count),
    )


def default_task_text(location: Location, category: Category) -> str:
    chain = location.chain
    where = "".join(p.name for p in (chain.community, chain.building, chain.unit) if p)
    return f"未诉先办：{where}{category.name_zh}问题近期多次反映，主动巡查处理。"


async def locate_task(ctx: IntakeContext, data: ProactiveTask) -> Location:
    """Where a task goes, asked of directory before the request's first statement."""
    return await ctx.directory.locate(data.place_code, pointer="/body/place_code")


async def file_task(
    session: AsyncSession,
    ctx: IntakeContext,
    principal: Principal,
    data: ProactiveTask,
    *,
    location: Location,
) -> Ticket:
    """A patrol ticket at a hotspot's building (or unit door, located by `locate_task`),
    filed by staff who may handle tickets there."""
    if location.place.kind not in TASK_PLACE_KINDS:
        raise InvalidInput(
            "not_a_building",
            "A proactive task is filed at a building or a unit door.",
            errors=[
                FieldError(
                    pointer="/body/place_code", detail="not a building", code="not_a_building"
                )
            ],
        )
    authorize(principal, PERM_HANDLE, location.path)
    category = await categories.get_active(session, data.category)
    report = Report(
        category=category.code,
        description=data.description or default_task_text(location, category),
        source="patrol",
        priority=data.priority,
    )
    return await file_ticket(session, ctx, report, location, principal=principal)
