"""The monthly recognition list (表彰榜) staff publish for a place once the month is over:
most volunteer hours (counted from the hours confirmed for tasks at or under the place that
month) or most helpful (the couriers staff pick, with a reason).

Only couriers who agree to be named are ever on it: the hours list leaves the others out
when it is counted, a pick of one is refused, and readers see only those who still agree
(a courier who withdraws consent disappears from lists already published). Nicknames only,
never a phone. Anyone may read a published list.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier import permissions
from services.courier.activities import near
from services.courier.models import (
    Activity,
    ActivitySignup,
    Courier,
    RecognitionEntry,
    RecognitionList,
)
from services.courier.schemas.activities import RecognitionEntryOut, RecognitionIn, RecognitionOut
from services.kit.auth import Principal, authorize
from services.kit.clients.directory import PlaceDetail
from services.kit.clock import LOCAL_TZ
from services.kit.errors import Conflict, FieldError, InvalidInput, NotFound
from services.kit.pagination import PageParams, fetch_page
from services.kit.scope import within
from services.kit.shapes.volunteering import hours

PERM_PUBLISH = permissions.RECOGNITION_PUBLISH
TITLES = {"volunteer_hours": "志愿服务时长榜", "most_helpful": "热心骑手榜"}


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """A Beijing calendar month ("2026-11") as [start, end) instants."""
    year, number = (int(part) for part in month.split("-"))
    start = date(year, number, 1)
    end = date(year + number // 12, number % 12 + 1, 1)
    return (
        datetime.combine(start, time(0), LOCAL_TZ),
        datetime.combine(end, time(0), LOCAL_TZ),
    )


def _invalid(code: str, detail: str, pointer: str) -> InvalidInput:
    return InvalidInput(code, detail, errors=[FieldError(pointer=pointer, detail=detail)])


async def top_volunteers(
    session: AsyncSession, place_path: str, *, month: str, top: int
) -> list[tuple[uuid.UUID, int]]:
    """The couriers who agree to be named with the most hours (in minutes) confirmed for
    tasks at or under `place_path` that started in `month`, most first."""
    start, end = month_bounds(month)
    minutes = func.sum(ActivitySignup.confirmed_minutes)
    rows = await session.execute(
        select(ActivitySignup.courier_id, minutes)
        .join(Activity, Activity.id == ActivitySignup.activity_id)
        .join(Courier, Courier.id == ActivitySignup.courier_id)
        .where(
            within(Activity.place_path, place_path),
            Activity.kind == "volunteering",
            Activity.status == "open",
            Activity.starts_at >= start,
            Activity.starts_at < end,
            ActivitySignup.status == "signed_up",
            ActivitySignup.confirmed_minutes.is_not(None),
            Courier.agrees_to_be_named.is_(True),
        )
        .group_by(ActivitySignup.courier_id)
        .order_by(minutes.desc(), ActivitySignup.courier_id)
        .limit(top)
    )
    return [(courier_id, int(total or 0)) for courier_id, total in rows.all()]


async def _picked(session: AsyncSession, data: RecognitionIn) -> list[tuple[uuid.UUID, str]]:
    """Staff's picks for a most-helpful list: each a registered courier who agrees."""
    if not data.couriers:
        raise _invalid("couriers_required", "请选择要表彰的骑手。", "/body/couriers")
    ids = [pick.courier_id for pick in data.couriers]
    found = {c.id: c for c in await session.scalars(select(Courier).where(Courier.id.in_(ids)))}
    seen: set[uuid.UUID] = set()
    for i, pick in enumerate(data.couriers):
        pointer = f"/body/couriers/{i}/courier_id"
        courier = found.get(pick.courier_id)
        if courier is None:
            raise _invalid("unknown_courier", "没有这位骑手。", pointer)
        if pick.courier_id in seen:
            raise _invalid("duplicate_courier", "同一位骑手选了两次。", pointer)
        if not courier.agrees_to_be_named:
            raise _invalid("courier_not_named", "这位骑手没有同意公开昵称，不能上榜。", pointer)
        seen.add(pick.courier_id)
    return [(pick.courier_id, pick.reason.strip()) for pick in data.couriers]


async def publish(
    session: AsyncSession,
    place: PlaceDetail,
    *,
    data: RecognitionIn,
    principal: Principal,
    now: datetime,
) -> RecognitionList:
    """Publish a month's list for `place` (read from directory before this transaction)."""
    authorize(principal, PERM_PUBLISH, place.path)
    if month_bounds(data.month)[1] > now:
        raise _invalid("month_not_over", "这个月还没有结束，月底之后再发布。", "/body/month")
    if data.category == "volunteer_hours":
        if data.couriers:
            raise _invalid(
                "picks_only_for_most_helpful",
                "时长榜按确认的时长排名，不用选人。",
                "/body/couriers",
            )
        ranked: list[tuple[uuid.UUID, int | None, str | None]] = [
            (courier_id, minutes, None)
            for courier_id, minutes in await top_volunteers(
                session, place.path, month=data.month, top=data.top
            )
        ]
    else:
        ranked = [(courier_id, None, reason) for courier_id, reason in await _picked(session, data)]
    if not ranked:
        raise Conflict("nothing_to_recognise", "这个月没有可以上榜的骑手（需确认时长并同意公开）。")
    listing = RecognitionList(
        id=uuid.uuid4(),
        place_id=place.id,
        place_name=place.name,
        place_path=place.path,
        month=data.month,
        category=data.category,
        title=(data.title or f"{data.month} {TITLES[data.category]}").strip(),
        published_at=now,
        published_by=principal.actor,
    )
    try:
        async with session.begin_nested():  # one list per place, month and category
            session.add(listing)
            await session.flush()
    except IntegrityError as exc:
        raise already_published() from exc
    session.add_all(
        RecognitionEntry(
            list_id=listing.id, rank=rank, courier_id=courier_id, minutes=minutes, reason=reason
        )
        for rank, (courier_id, minutes, reason) in enumerate(ranked, start=1)
    )
    await session.flush()
    return listing


def already_published() -> Conflict:
    return Conflict("recognition_already_published", "这个月的这份表彰榜已经发布过了。")


async def get_list(session: AsyncSession, list_id: uuid.UUID) -> RecognitionList:
    found = await session.get(RecognitionList, list_id)
    if found is None:
        raise NotFound("recognition_not_found", "没有找到这份表彰榜。")
    return found


async def present(session: AsyncSession, listing: RecognitionList) -> RecognitionOut:
    """The list as anyone reads it: couriers who agree to be named, by nickname, in order."""
    rows = await session.execute(
        select(RecognitionEntry, Courier)
        .join(Courier, Courier.id == RecognitionEntry.courier_id)
        .where(RecognitionEntry.list_id == listing.id, Courier.agrees_to_be_named.is_(True))
        .order_by(RecognitionEntry.rank)
    )
    entries = [
        RecognitionEntryOut(
            rank=position,
            nickname=courier.nickname,
            platform=courier.platform,
            hours=hours(entry.minutes) if entry.minutes is not None else None,
            reason=entry.reason,
        )
        for position, (entry, courier) in enumerate(rows.all(), start=1)
    ]
    return RecognitionOut(
        id=listing.id,
        place_id=listing.place_id,
        place_name=listing.place_name,
        month=listing.month,
        category=listing.category,
        title=listing.title,
        published_at=listing.published_at,
        entries=entries,
    )


async def listed(
    session: AsyncSession,
    page: PageParams,
    *,
    place_id: uuid.UUID | None,
    month: str | None,
    around: str | None = None,
) -> tuple[list[RecognitionList], int]:
    """Published lists, the latest month first: for a place, or near a station (`around`,
    its path: as its couriers see activities)."""
    statement = select(RecognitionList)
    if around is not None:
        statement = statement.where(near(RecognitionList.place_path, around))
    if place_id is not None:
        statement = statement.where(RecognitionList.place_id == place_id)
    if month is not None:
        statement = statement.where(RecognitionList.month == month)
    return await fetch_page(
        session,
        statement.order_by(RecognitionList.month.desc(), RecognitionList.published_at.desc()),
        page=page,
    )
