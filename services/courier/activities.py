"""Activities at the warm stations, and those a community or street posts for its couriers:
seasonal care (winter warmth, summer cooling), festival events (三八 flower arranging, 端午
粽子) and volunteering tasks (garbage-sorting guide, 学雷锋日 culture promotion).

Registered couriers sign up until the capacity is reached. The places taken are a counter
on the activity moved only by a conditional UPDATE (`taken < capacity`): on PostgreSQL a
concurrent sign-up waits for the row and re-reads the condition, on SQLite the write
transaction is serial, so concurrent sign-ups at the last place give exactly one of them
the place and the rest a 409 `activity_full`. A cancelled sign-up gives its place back.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier import permissions
from services.courier.models import Activity, ActivitySignup, Courier
from services.courier.schemas.activities import ActivityIn, ActivityOut, ActivityUpdate
from services.kit.auth import Principal, authorize
from services.kit.clients.directory import PlaceDetail
from services.kit.errors import Conflict, FieldError, InvalidInput, NotFound
from services.kit.pagination import PageParams, fetch_page
from services.kit.scope import PathColumn, ancestor_paths, within, within_any
from services.kit.shapes.volunteering import hours

PERM_MANAGE = permissions.ACTIVITIES_MANAGE
# Where activities are posted: a station, or the community or street its couriers ride in.
ACTIVITY_PLACE_KINDS = ("station", "community", "street")


def activity_not_found() -> NotFound:
    return NotFound("activity_not_found", "没有找到这个活动。")


def _rowcount(result: object) -> int:
    return int(result.rowcount)  # type: ignore[attr-defined]


async def get_activity(session: AsyncSession, activity_id: uuid.UUID) -> Activity:
    activity = await session.get(Activity, activity_id)
    if activity is None:
        raise activity_not_found()
    return activity


async def activity_for(
    session: AsyncSession,
    activity_id: uuid.UUID,
    *,
    principal: Principal | None,
    any_of: Sequence[str],
) -> Activity:
    """An activity staff act on with one of `any_of`: a 404 when they hold no role anywhere
    above its place, a 403 inside one without the permissions (kit.auth)."""
    activity = await get_activity(session, activity_id)
    if principal is not None and any(principal.can(p, activity.place_path) for p in any_of):
        return activity
    authorize(principal, any_of[0], activity.place_path, hidden=activity_not_found())
    return activity


def present(activity: Activity, *, signed_up: bool | None = None) -> ActivityOut:
    return ActivityOut(
        id=activity.id,
        kind=activity.kind,
        title=activity.title,
        description=activity.description,
        role=activity.role,
        hours=hours(activity.planned_minutes) if activity.kind == "volunteering" else None,
        place_id=activity.place_id,
        place_name=activity.place_name,
        location=activity.location,
        starts_at=activity.starts_at,
        ends_at=activity.ends_at,
        capacity=activity.capacity,
        places_left=max(0, activity.capacity - activity.taken),
        status=activity.status,
        signed_up=signed_up,
    )


def _volunteering_fields(data: ActivityIn) -> tuple[str | None, int]:
    """A volunteering task names the volunteer's role and the hours a sign-up is worth;
    care and festival activities neither."""
    if data.kind != "volunteering":
        if data.role is not None or data.hours is not None:
            raise InvalidInput(
                "volunteering_fields_only",
                "只有志愿任务才填写志愿者岗位和时长。",
                errors=[FieldError(pointer="/body/role", detail="volunteering only")],
            )
        return None, 0
    missing = [name for name in ("role", "hours") if getattr(data, name) is None]
    if missing:
        raise InvalidInput(
            f"{missing[0]}_required",
            "志愿任务需要填写志愿者岗位和每人可记的时长。",
            errors=[FieldError(pointer=f"/body/{m}", detail="required") for m in missing],
        )
    assert data.hours is not None
    assert data.role is not None
    return data.role.strip(), round(data.hours * 60)


async def create(
    session: AsyncSession,
    place: PlaceDetail,
    *,
    data: ActivityIn,
    principal: Principal,
    now: datetime,
) -> Activity:
    """Post an activity at `place` (read from directory before this transaction)."""
    authorize(principal, PERM_MANAGE, place.path)
    if place.kind not in ACTIVITY_PLACE_KINDS:
        raise InvalidInput(
            "not_an_activity_place",
            "活动只能发布在驿站、社区或街道。",
            errors=[FieldError(pointer="/body/place_id", detail="a station, community or street")],
        )
    if data.starts_at <= now:
        raise InvalidInput(
            "activity_in_past",
            "活动开始时间已经过去了。",
            errors=[FieldError(pointer="/body/starts_at", detail="in the past")],
        )
    role, minutes = _volunteering_fields(data)
    activity = Activity(
        id=uuid.uuid4(),
        kind=data.kind,
        title=data.title.strip(),
        description=data.description.strip(),
        role=role,
        place_id=place.id,
        place_name=place.name,
        place_path=place.path,
        location=data.location.strip(),
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        capacity=data.capacity,
        taken=0,
        planned_minutes=minutes,
        status="open",
        created_at=now,
        created_by=principal.actor,
    )
    session.add(activity)
    await session.flush()
    return activity


def _refuse_unless_open(activity: Activity, now: datetime) -> None:
    if activity.status == "cancelled":
        raise Conflict("activity_cancelled", "这个活动已经取消了。")
    if activity.starts_at <= now:
        raise Conflict("activity_started", "活动已经开始，不能再报名或取消报名。")


async def change(
    session: AsyncSession, activity: Activity, *, data: ActivityUpdate, now: datetime
) -> Activity:
    """Change an activity not yet started; the capacity never drops below those signed up
    (checked in the UPDATE itself, so a sign-up racing it cannot slip in between)."""
    _refuse_unless_open(activity, now)
    if data.capacity is not None:
        moved = await session.execute(
            update(Activity)
            .where(Activity.id == activity.id, Activity.taken <= data.capacity)
            .values(capacity=data.capacity)
            .execution_options(synchronize_session=False)
        )
        if _rowcount(moved) != 1:
            raise Conflict(
                "capacity_below_signups",
                "已报名的人数超过了新的名额，不能这样缩减。",
                signed_up=activity.taken,
            )
        await session.refresh(activity)
    for name in ("title", "description", "location"):
        value = getattr(data, name)
        if value is not None:
            setattr(activity, name, value.strip())
    await session.flush()
    return activity


async def cancel(session: AsyncSession, activity: Activity, *, now: datetime) -> Activity:
    """Call an activity off before it starts (its sign-ups stay, for the record)."""
    _refuse_unless_open(activity, now)
    activity.status, activity.cancelled_at = "cancelled", now
    await session.flush()
    return activity


async def sign_up(
    session: AsyncSession, activity: Activity, *, courier: Courier, now: datetime
) -> ActivitySignup:
    """Take a place for `courier`; a full activity is a 409 `activity_full`, nothing stored."""
    _refuse_unless_open(activity, now)
    signup = await session.scalar(
        select(ActivitySignup).where(
            ActivitySignup.activity_id == activity.id, ActivitySignup.courier_id == courier.id
        )
    )
    if signup is not None and signup.status == "signed_up":
        raise Conflict("already_signed_up", "你已经报名了这个活动。")
    taken = await session.execute(
        update(Activity)
        .where(
            Activity.id == activity.id,
            Activity.status == "open",
            Activity.taken < Activity.capacity,
        )
        .values(taken=Activity.taken + 1)
        .execution_options(synchronize_session=False)
    )
    if _rowcount(taken) != 1:
        raise Conflict(
            "activity_full", "活动名额已满，下次早点报名吧。", capacity=activity.capacity
        )
    if signup is None:
        signup = ActivitySignup(
            id=uuid.uuid4(), activity_id=activity.id, courier_id=courier.id, signed_up_at=now
        )
        session.add(signup)
    signup.status, signup.signed_up_at, signup.cancelled_at = "signed_up", now, None
    try:
        # The same courier signing up twice at once: the unique pair refuses the second.
        async with session.begin_nested():
            await session.flush()
    except IntegrityError as exc:
        raise Conflict("already_signed_up", "你已经报名了这个活动。") from exc
    await session.refresh(activity)
    return signup


async def cancel_sign_up(
    session: AsyncSession, activity: Activity, *, courier: Courier, now: datetime
) -> None:
    """Give the place back before the activity starts."""
    _refuse_unless_open(activity, now)
    dropped = await session.execute(
        update(ActivitySignup)
        .where(
            ActivitySignup.activity_id == activity.id,
            ActivitySignup.courier_id == courier.id,
            ActivitySignup.status == "signed_up",
        )
        .values(status="cancelled", cancelled_at=now)
        .execution_options(synchronize_session=False)
    )
    if _rowcount(dropped) != 1:
        raise NotFound("not_signed_up", "你没有报名这个活动。")
    await session.execute(
        update(Activity)
        .where(Activity.id == activity.id, Activity.taken > 0)
        .values(taken=Activity.taken - 1)
        .execution_options(synchronize_session=False)
    )
    await session.refresh(activity)


def near(column: PathColumn, station_path: str) -> ColumnElement[bool]:
    """What a station's couriers see: things at a place above the station, or anywhere
    under the street or community it hangs under (its neighbouring communities' too)."""
    above = ancestor_paths(station_path)
    neighbourhood = above[-2] if len(above) > 1 else above[-1]
    return or_(column.in_(above), within(column, neighbourhood))


async def listed(
    session: AsyncSession,
    page: PageParams,
    *,
    around: str | None,
    kind: str | None,
    since: datetime | None,
    paths: Sequence[str] | None = None,
    having: ColumnElement[bool] | None = None,
) -> tuple[list[Activity], int]:
    """Activities, soonest first: those near `around` (a station's path: posted at a place
    above it, or under the street or community it hangs under), those not over by `since`,
    those within `paths` (a staff member's scope), those `having` a further condition."""
    statement = select(Activity)
    if around is not None:
        statement = statement.where(near(Activity.place_path, around))
    if kind is not None:
        statement = statement.where(Activity.kind == kind)
    if since is not None:
        statement = statement.where(Activity.ends_at > since, Activity.status == "open")
    if paths is not None:
        statement = statement.where(within_any(Activity.place_path, paths))
    if having is not None:
        statement = statement.where(having)
    return await fetch_page(session, statement.order_by(Activity.starts_at, Activity.id), page=page)


async def signed_up_ids(
    session: AsyncSession, courier: Courier, *, among: Sequence[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of these activities `courier` holds a place at."""
    if not among:
        return set()
    return set(
        await session.scalars(
            select(ActivitySignup.activity_id).where(
                ActivitySignup.courier_id == courier.id,
                ActivitySignup.status == "signed_up",
                ActivitySignup.activity_id.in_(among),
            )
        )
    )


async def signups(
    session: AsyncSession, activity: Activity
) -> list[tuple[ActivitySignup, Courier]]:
    """Who signed up (cancelled ones too), earliest first, with their courier profile."""
    rows = await session.execute(
        select(ActivitySignup, Courier)
        .join(Courier, Courier.id == ActivitySignup.courier_id)
        .where(ActivitySignup.activity_id == activity.id)
        .order_by(ActivitySignup.signed_up_at, ActivitySignup.id)
    )
    return [(signup, courier) for signup, courier in rows.all()]
