"""Staff manage activities in their places: post, change, call off, see who signed up, and
confirm volunteer hours once a task is over (each sign-up once)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from services.courier import activities, permissions, volunteering
from services.courier.context import ContextDep
from services.courier.models import Activity, ActivityKind, ActivitySignup, Courier
from services.courier.schemas.activities import (
    ActivityIn,
    ActivityOut,
    ActivityUpdate,
    HoursIn,
    ManagedActivity,
    SignupRow,
)
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import Principal, PrincipalDep, requires
from services.kit.caching import PERSONAL
from services.kit.pagination import Page, PageDep
from services.kit.permissions import Access, guard, listing
from services.kit.shapes.volunteering import hours

router = APIRouter(prefix="/v1/activities", tags=["activity staff"])

MANAGE = Access(permissions.ACTIVITIES_MANAGE)
# Who confirms hours sees the sign-ups too.
SIGNUPS = Access(permissions.ACTIVITIES_MANAGE, (permissions.HOURS_CONFIRM,))
CONFIRM = Access(permissions.HOURS_CONFIRM)


def _activity(access: Access) -> Callable[..., Awaitable[Activity]]:
    @guard(access)
    async def activity(
        activity_id: uuid.UUID, session: SessionDep, principal: PrincipalDep
    ) -> Activity:
        return await activities.activity_for(
            session, activity_id, principal=principal, any_of=access.any_of
        )

    return activity


ManagedDep = Annotated[Activity, Depends(_activity(MANAGE))]
ManagerDep = Annotated[Principal, Depends(listing(SIGNUPS))]
SignupsDep = Annotated[Activity, Depends(_activity(SIGNUPS))]
ConfirmDep = Annotated[Activity, Depends(_activity(CONFIRM))]


def _row(signup: ActivitySignup, courier: Courier) -> SignupRow:
    minutes = signup.confirmed_minutes
    return SignupRow(
        id=signup.id,
        courier_id=courier.id,
        nickname=courier.nickname,
        platform=courier.platform,
        phone_masked=courier.phone_masked,
        status=signup.status,
        signed_up_at=signup.signed_up_at,
        hours=hours(minutes) if minutes is not None else None,
        confirmed_at=signup.confirmed_at,
    )


@router.get(
    "/managed",
    summary="Activities in your places, soonest first, with hours waiting for confirmation",
    openapi_extra=SIGNUPS.declare(),
)
async def managed_activities(
    session: SessionDep,
    clock: ClockDep,
    page: PageDep,
    manager: ManagerDep,
    kind: Annotated[ActivityKind | None, Query()] = None,
    unconfirmed: Annotated[
        bool, Query(description="only volunteering tasks with hours to confirm")
    ] = False,
    upcoming: Annotated[bool, Query(description="only those not over yet")] = False,
) -> Page[ManagedActivity]:
    now = clock.now()
    paths = [p for permission in SIGNUPS.any_of for p in manager.scope_paths(permission)]
    rows, total = await activities.listed(
        session,
        page,
        around=None,
        kind=kind,
        since=now if upcoming else None,
        paths=paths,
        having=volunteering.hours_waiting(now) if unconfirmed else None,
    )
    waiting = await volunteering.waiting_counts(session, [a.id for a in rows], now=now)
    return Page[ManagedActivity](
        items=[
            ManagedActivity(
                **activities.present(a).model_dump(), hours_to_confirm=waiting.get(a.id, 0)
            )
            for a in rows
        ],
        total=total,
    )


@router.post(
    "",
    status_code=201,
    summary="Post an activity or volunteering task at a station, community or street",
    openapi_extra=requires(permissions.ACTIVITIES_MANAGE),
)
async def create_activity(
    data: ActivityIn, session: SessionDep, clock: ClockDep, ctx: ContextDep, principal: PrincipalDep
) -> ActivityOut:
    # The place from directory first, outside the write transaction (kit.calls).
    place = await ctx.directory.place(data.place_id, pointer="/body/place_id")
    activity = await activities.create(
        session, place, data=data, principal=principal, now=clock.now()
    )
    return activities.present(activity)


@router.patch(
    "/{activity_id:uuid}",
    summary="Change an activity before it starts (capacity never below those signed up)",
    openapi_extra=MANAGE.declare(),
    responses={409: {"description": "capacity_below_signups, activity_started"}},
)
async def change_activity(
    data: ActivityUpdate, activity: ManagedDep, session: SessionDep, clock: ClockDep
) -> ActivityOut:
    await activities.change(session, activity, data=data, now=clock.now())
    return activities.present(activity)


@router.post(
    "/{activity_id:uuid}/cancel",
    summary="Call an activity off before it starts",
    openapi_extra=MANAGE.declare(),
    responses={409: {"description": "activity_started, activity_cancelled"}},
)
async def cancel_activity(
    activity: ManagedDep, session: SessionDep, clock: ClockDep
) -> ActivityOut:
    await activities.cancel(session, activity, now=clock.now())
    return activities.present(activity)


@router.get(
    "/{activity_id:uuid}/signups",
    summary="Who signed up (phones masked), with their hours confirmed or not",
    openapi_extra=SIGNUPS.declare(),
    dependencies=[PERSONAL],
)
async def list_signups(activity: SignupsDep, session: SessionDep) -> list[SignupRow]:
    rows = await activities.signups(session, activity)
    return [_row(signup, courier) for signup, courier in rows]


@router.post(
    "/{activity_id:uuid}/signups/{signup_id:uuid}/hours",
    summary="Confirm a volunteer's hours once the task is over (once per sign-up)",
    openapi_extra=CONFIRM.declare(),
    responses={
        409: {
            "description": "hours_already_confirmed, task_not_over, signup_cancelled, "
            "not_a_volunteering_task"
        }
    },
)
async def confirm_hours(
    signup_id: uuid.UUID,
    data: HoursIn,
    activity: ConfirmDep,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
) -> SignupRow:
    signup = await volunteering.confirm_hours(
        session,
        activity,
        signup_id=signup_id,
        minutes=round(data.hours * 60) if data.hours is not None else None,
        actor=principal.actor,
        now=clock.now(),
    )
    courier = await session.get(Courier, signup.courier_id)
    assert courier is not None  # the sign-up's foreign key
    return _row(signup, courier)
