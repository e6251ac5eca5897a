"""Demo activities around 天街暖心驿站 (called by demo.seed_demo): an upcoming festival
event (三八 flower arranging), the season's care, volunteering tasks the street posts for
its couriers (garbage-sorting guide, 学雷锋日 culture promotion) with sign-ups and some
hours confirmed, and last month's recognition list of volunteer hours, naming only the
couriers who agreed. Dates follow the clock, so `make run` always shows something coming.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from services.courier.models import (
    Activity,
    ActivitySignup,
    Courier,
    RecognitionEntry,
    RecognitionList,
    Station,
)
from services.courier.recognition import TITLES, top_volunteers
from services.kit.clients.directory import PlaceRef
from services.kit.clock import LOCAL_TZ


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), LOCAL_TZ)


def _next(today: date, month: int, day: int) -> date:
    """The next `month`/`day` after today (this year's, or next year's)."""
    this_year = date(today.year, month, day)
    return this_year if this_year > today else date(today.year + 1, month, day)


def _last_month(today: date) -> date:
    first = today.replace(day=1)
    return (first - timedelta(days=1)).replace(day=1)


def _activity(
    place: PlaceRef | Station,
    *,
    kind: str,
    title: str,
    location: str,
    starts: datetime,
    hours: float,
    capacity: int,
    description: str = "",
    role: str | None = None,
) -> Activity:
    name = place.name
    path = place.place_path if isinstance(place, Station) else place.path
    return Activity(
        id=uuid.uuid4(),
        kind=kind,
        title=title,
        description=description,
        role=role,
        place_id=place.id,
        place_name=name,
        place_path=path,
        location=location,
        starts_at=starts,
        ends_at=starts + timedelta(hours=hours),
        capacity=capacity,
        taken=0,
        planned_minutes=round(hours * 60) if kind == "volunteering" else 0,
        status="open",
        created_at=starts - timedelta(days=10),
        created_by="seed",
    )


def _sign_up(
    rng: random.Random,
    activity: Activity,
    couriers: list[Courier],
    *,
    count: int,
    now: datetime,
    confirmed: int = 0,
) -> list[ActivitySignup]:
    """`count` couriers take places, the first `confirmed` of them with hours confirmed
    (between the planned hours and half an hour less)."""
    chosen = rng.sample(couriers, count)
    activity.taken = count
    made = []
    for i, courier in enumerate(chosen):
        minutes = None
        if i < confirmed:
            minutes = max(30, activity.planned_minutes - rng.choice((0, 0, 0, 30)))
        made.append(
            ActivitySignup(
                id=uuid.uuid4(),
                activity_id=activity.id,
                courier_id=courier.id,
                status="signed_up",
                signed_up_at=min(now, activity.created_at + timedelta(hours=rng.randint(1, 120))),
                confirmed_minutes=minutes,
                confirmed_at=activity.ends_at + timedelta(hours=2) if minutes else None,
                confirmed_by="seed" if minutes else None,
            )
        )
    return made


async def seed_activities(
    session: AsyncSession,
    station: Station,
    *,
    street: PlaceRef,
    couriers: list[Courier],
    rng: random.Random,
    now: datetime,
) -> str:
    """Activities, sign-ups and last month's recognition list; a line for the seed's log."""
    today = now.astimezone(LOCAL_TZ).date()
    summer = 5 <= today.month <= 9
    festival = _activity(
        station,
        kind="festival",
        title="三八节插花：送给女骑手和骑手家属",
        description="花艺老师现场指导，花材免费，做好的花束可以带回家。",
        location=station.name,
        starts=_at(_next(today, 3, 8), 14),
        hours=2,
        capacity=20,
    )
    care = _activity(
        station,
        kind="seasonal_care",
        title="夏日送清凉：绿豆汤和防暑药品" if summer else "冬日送温暖：姜茶、暖手宝和护手霜",
        location=station.name,
        starts=_at(today + timedelta(days=3), 14),
        hours=3,
        capacity=40,
    )
    guide = _activity(
        street,
        kind="volunteering",
        title="垃圾分类引导",
        description="在投放点引导居民分类投放，讲解厨余垃圾和其他垃圾的区别。",
        role="引导员",
        location="天宫院中里社区3号楼垃圾分类投放点",
        starts=_at(today - timedelta(days=2), 7),
        hours=2,
        capacity=12,
    )
    lei_feng = _activity(
        street,
        kind="volunteering",
        title="学雷锋日文明宣传",
        role="宣传员",
        location="天街商圈广场",
        starts=_at(_next(today, 3, 5), 9),
        hours=3,
        capacity=15,
    )
    month_start = _last_month(today)
    past = [
        _activity(
            street,
            kind="volunteering",
            title=title,
            role=role,
            location=location,
            starts=_at(month_start + timedelta(days=day), 9),
            hours=hours,
            capacity=15,
        )
        for title, role, location, day, hours in (
            ("垃圾分类引导", "引导员", "天宫院中里社区3号楼垃圾分类投放点", 4, 2),
            ("文明交通宣传", "宣传员", "天街商圈路口", 14, 3),
            ("垃圾分类引导", "引导员", "天宫院中里社区6号楼垃圾分类投放点", 20, 2),
        )
    ]
    activities = [festival, care, guide, lei_feng, *past]
    for activity in activities:  # posted before today, whenever it takes place
        activity.created_at = min(activity.created_at, now - timedelta(days=1))
    session.add_all(activities)
    await session.flush()
    pool = couriers[:60]  # the regulars volunteer, again and again
    signups = [
        *_sign_up(rng, festival, couriers, count=6, now=now),
        *_sign_up(rng, care, couriers, count=11, now=now),
        *_sign_up(rng, guide, pool, count=8, confirmed=5, now=now),
        *_sign_up(rng, lei_feng, pool, count=3, now=now),
        *(s for task in past for s in _sign_up(rng, task, pool, count=10, confirmed=10, now=now)),
    ]
    session.add_all(signups)
    await session.flush()

    month = month_start.strftime("%Y-%m")
    ranked = await top_volunteers(session, street.path, month=month, top=10)
    listing = RecognitionList(
        id=uuid.uuid4(),
        place_id=street.id,
        place_name=street.name,
        place_path=street.path,
        month=month,
        category="volunteer_hours",
        title=f"{month} {TITLES['volunteer_hours']}",
        published_at=min(now, _at(today.replace(day=1), 10)),
        published_by="seed",
    )
    session.add(listing)
    await session.flush()
    session.add_all(
        RecognitionEntry(list_id=listing.id, rank=rank, courier_id=courier_id, minutes=minutes)
        for rank, (courier_id, minutes) in enumerate(ranked, start=1)
    )
    await session.flush()
    return f"{len(activities)} activities, {len(signups)} sign-ups, {month}'s recognition list"
