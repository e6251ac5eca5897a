from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from services.directory import calendar
from services.directory.schemas import CalendarDayIn, CalendarDayOut, WorkingDay
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import Principal, PrincipalDep, requires
from services.kit.errors import PermissionDenied

router = APIRouter(prefix="/v1/calendar", tags=["calendar"])


def _may_edit_calendar(principal: Principal) -> None:
    # The calendar is national, not a place's: any grant carrying the permission will do.
    if not principal.scope_paths(calendar.PERM_CALENDAR_WRITE):
        raise PermissionDenied("forbidden", "Your roles do not include editing the calendar.")


@router.get("", summary="Holidays and make-up workdays of a year (public)")
async def list_days(
    session: SessionDep, year: Annotated[int, Query(ge=2000, le=2100)]
) -> list[CalendarDayOut]:
    return [CalendarDayOut.model_validate(d) for d in await calendar.days_in_year(session, year)]


@router.get("/working-days/after", summary="The date N working days after a date")
async def working_days_after(
    session: SessionDep,
    start: date,
    days: Annotated[int, Query(ge=0, le=calendar.MAX_WORKING_DAYS)],
) -> WorkingDay:
    day = await calendar.add_working_days(session, start=start, days=days)
    working, reason = await calendar.working_day(session, day)
    return WorkingDay(day=day, working=working, reason=reason)


@router.get("/{day}", summary="Is this a working day?")
async def get_day(day: date, session: SessionDep) -> WorkingDay:
    working, reason = await calendar.working_day(session, day)
    return WorkingDay(day=day, working=working, reason=reason)


@router.put(
    "/{day}",
    summary="Mark a day as a holiday or a make-up workday",
    openapi_extra=requires(calendar.PERM_CALENDAR_WRITE),
)
async def put_day(
    day: date,
    data: CalendarDayIn,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
) -> CalendarDayOut:
    _may_edit_calendar(principal)
    entry = await calendar.set_day(
        session, day=day, kind=data.kind, name=data.name, actor=principal.subject, now=clock.now()
    )
    return CalendarDayOut.model_validate(entry)


@router.delete(
    "/{day}",
    status_code=204,
    summary="Make a day ordinary again",
    openapi_extra=requires(calendar.PERM_CALENDAR_WRITE),
)
async def delete_day(day: date, session: SessionDep, principal: PrincipalDep) -> None:
    _may_edit_calendar(principal)
    await calendar.remove_day(session, day=day)
