"""Volunteer hours: staff confirm a sign-up's hours once the task is over, once only, and a
courier's confirmed hours add up to their running total (what `GET /v1/me/volunteering`
answers in kit's shared shape, and the 我的 page sums across services).

Confirming is a conditional UPDATE on `confirmed_at IS NULL`: two staff confirming the same
sign-up at once give one confirmation and one 409 `hours_already_confirmed`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier import permissions
from services.courier.models import Activity, ActivitySignup, Courier
from services.kit.auth import Principal
from services.kit.clock import LOCAL_TZ
from services.kit.coverage import Period
from services.kit.errors import Conflict, NotFound
from services.kit.scope import within, within_any
from services.kit.shapes.volunteering import MyVolunteering, VolunteeringItem, hours
from services.kit.todo import Label, TodoItem

PERM_CONFIRM = permissions.HOURS_CONFIRM


def _waiting(now: datetime) -> list[ColumnElement[bool]]:
    """Sign-ups to volunteering tasks over by `now` whose hours are not confirmed yet."""
    return [
        Activity.kind == "volunteering",
        Activity.status == "open",
        Activity.ends_at <= now,
        ActivitySignup.status == "signed_up",
        ActivitySignup.confirmed_at.is_(None),
    ]


def hours_waiting(now: datetime) -> ColumnElement[bool]:
    """The activities with hours to confirm (for a list's filter)."""
    return (
        select(ActivitySignup.id)
        .where(ActivitySignup.activity_id == Activity.id, *_waiting(now))
        .exists()
    )


async def waiting_counts(
    session: AsyncSession, activity_ids: Sequence[uuid.UUID], *, now: datetime
) -> dict[uuid.UUID, int]:
    """How many sign-ups of each activity wait for their hours to be confirmed."""
    if not activity_ids:
        return {}
    rows = await session.execute(
        select(ActivitySignup.activity_id, func.count())
        .join(Activity, Activity.id == ActivitySignup.activity_id)
        .where(ActivitySignup.activity_id.in_(activity_ids), *_waiting(now))
        .group_by(ActivitySignup.activity_id)
    )
    return {activity_id: int(n) for activity_id, n in rows.all()}


def signup_not_found() -> NotFound:
    return NotFound("signup_not_found", "没有找到这条报名记录。")


async def confirm_hours(
    session: AsyncSession,
    activity: Activity,
    *,
    signup_id: uuid.UUID,
    minutes: int | None,
    actor: str,
    now: datetime,
) -> ActivitySignup:
    """Confirm the hours of one sign-up to a volunteering task that is over (`minutes`
    None: the hours the task planned)."""
    if activity.kind != "volunteering":
        raise Conflict("not_a_volunteering_task", "只有志愿任务才记录志愿时长。")
    if activity.status != "open":
        raise Conflict("activity_cancelled", "这个活动已经取消了。")
    if activity.ends_at > now:
        raise Conflict(
            "task_not_over", "志愿任务结束后才能确认时长。", ends_at=activity.ends_at.isoformat()
        )
    signup = await session.get(ActivitySignup, signup_id)
    if signup is None or signup.activity_id != activity.id:
        raise signup_not_found()
    confirmed = await session.execute(
        update(ActivitySignup)
        .where(
            ActivitySignup.id == signup_id,
            ActivitySignup.status == "signed_up",
            ActivitySignup.confirmed_at.is_(None),
        )
        .values(
            confirmed_minutes=minutes or activity.planned_minutes,
            confirmed_at=now,
            confirmed_by=actor,
        )
        .execution_options(synchronize_session=False)
    )
    await session.refresh(signup)
    if confirmed.rowcount != 1:  # type: ignore[attr-defined]
        if signup.status != "signed_up":
            raise Conflict("signup_cancelled", "这位骑手已经取消了报名。")
        raise Conflict(
            "hours_already_confirmed",
            "这条报名的志愿时长已经确认过了，不能重复确认。",
            confirmed_at=signup.confirmed_at.isoformat() if signup.confirmed_at else None,
        )
    return signup


async def mine(session: AsyncSession, courier: Courier | None) -> MyVolunteering:
    """A courier's volunteering tasks, newest first, and their confirmed hours in total."""
    if courier is None:
        return MyVolunteering(items=[], total=0)
    rows = await session.execute(
        select(Activity, ActivitySignup)
        .join(ActivitySignup, ActivitySignup.activity_id == Activity.id)
        .where(
            ActivitySignup.courier_id == courier.id,
            ActivitySignup.status == "signed_up",
            Activity.kind == "volunteering",
            Activity.status == "open",
        )
        .order_by(Activity.starts_at.desc(), Activity.id)
    )
    items: list[VolunteeringItem] = []
    total = 0
    for activity, signup in rows.all():
        confirmed = signup.confirmed_minutes is not None
        minutes = signup.confirmed_minutes if confirmed else activity.planned_minutes
        total += signup.confirmed_minutes or 0
        items.append(
            VolunteeringItem(
                activity=activity.title,
                role=activity.role or "志愿者",
                place=activity.location,
                date=activity.starts_at.astimezone(LOCAL_TZ).date(),
                hours=hours(minutes or 0),
                confirmed=confirmed,
            )
        )
    return MyVolunteering(items=items, total=hours(total))


async def todo_items(
    session: AsyncSession, principal: Principal, *, now: datetime
) -> list[TodoItem]:
    """待确认时长: sign-ups to volunteering tasks that are over, hours not yet confirmed,
    within the places where the caller confirms hours."""
    paths = principal.scope_paths(PERM_CONFIRM)
    if not paths:
        return []
    waiting = await session.scalar(
        select(func.count())
        .select_from(ActivitySignup)
        .join(Activity, Activity.id == ActivitySignup.activity_id)
        .where(*_waiting(now), within_any(Activity.place_path, paths))
    )
    return [
        TodoItem(
            key="courier.hours_to_confirm",
            label=Label(zh_cn="待确认志愿时长", en="Volunteer hours to confirm"),
            count=int(waiting or 0),
            link="/console/courier/activities?filter=unconfirmed",
        )
    ]


async def confirmed_hours(session: AsyncSession, path: str, *, span: Period) -> float:
    """The statistics' volunteer hours: hours staff confirmed for volunteering tasks that
    started in `span`, posted at places under `path`. A task posted at a street counts in
    the street's figures and the district's, not in one station's."""
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
