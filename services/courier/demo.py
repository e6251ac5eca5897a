"""Demo data: 天街暖心驿站's profile and a week of visits, close to 100 a day from 200+
registered couriers (identity's demo residents, kit.demo) and anonymous ones, with the lunch
and dinner peaks of a delivery day, and its medicine kit (demo_supplies.py). Loaded once
into an empty courier service (make run).
"""

from __future__ import annotations

import asyncio
import logging
import random
import secrets
import uuid
from datetime import date, datetime, time, timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.courier.context import CourierContext
from services.courier.couriers import TOKEN_ALPHABET, issue_card
from services.courier.demo_activities import seed_activities
from services.courier.demo_supplies import stock_the_kit
from services.courier.models import Courier, Station, SupplyItem, Visit, VisitEvent
from services.kit.clients.directory import PlaceDetail
from services.kit.clock import LOCAL_TZ
from services.kit.db import Database
from services.kit.demo import DEMO_RESIDENTS, demo_resident_id, demo_resident_phone
from services.kit.errors import DomainError
from services.kit.personal import mask_phone

log = logging.getLogger("courier.demo")

SEED = 15
STATION_CODE = "TGY-NXYZ"
COURIERS = 210
DAYS = 7
REGISTERED_PER_DAY = (68, 82)
ANONYMOUS_PER_DAY = (18, 28)
OPENS, CLOSES = time(7, 30), time(22, 0)
# Relative weight of a check-in starting in each local hour: lunch and dinner peaks, an
# afternoon lull when couriers rest between peaks.
HOUR_WEIGHTS = {7: 2, 8: 3, 9: 3, 10: 6, 11: 12, 12: 14, 13: 9, 14: 7, 15: 6, 16: 6}
HOUR_WEIGHTS |= {17: 10, 18: 13, 19: 10, 20: 5, 21: 3}
PLATFORM_WEIGHTS = {"meituan": 45, "eleme": 30, "jd": 8, "sf": 7, "shansong": 5, "other": 5}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐"
STYLES = ("小{}", "老{}", "{}师傅", "{}哥", "阿{}")
SERVICE_CHOICES: tuple[list[str], ...] = (
    [],
    ["water"],
    ["charging"],
    ["charging", "water"],
    ["heating"],
    ["heating", "water"],
    ["charging", "heating"],
)
SERVICE_WEIGHTS = (20, 18, 22, 14, 10, 10, 6)


def station_profile(place: PlaceDetail, now: datetime) -> Station:
    return Station(
        id=place.id,
        place_code=place.code,
        name=place.name,
        place_path=place.path,
        hours=[
            {"weekday": d, "opens": OPENS.strftime("%H:%M"), "closes": CLOSES.strftime("%H:%M")}
            for d in range(7)
        ],
        rest_seats=16,
        charging_points=12,
        microwave=True,
        water=True,
        medicine_kit=True,
        auto_close_minutes=180,
        updated_at=now,
        updated_by="seed",
    )


def _token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(32))


def _couriers(rng: random.Random, now: datetime) -> list[Courier]:
    platforms = list(PLATFORM_WEIGHTS)
    weights = list(PLATFORM_WEIGHTS.values())
    return [
        Courier(
            id=uuid.uuid5(demo_resident_id(n), "courier"),
            resident_subject=f"resident:{demo_resident_id(n)}",
            nickname=rng.choice(STYLES).format(rng.choice(SURNAMES)),
            platform=rng.choices(platforms, weights)[0],
            phone_masked=mask_phone(demo_resident_phone(n)),
            agrees_to_be_named=rng.random() < 0.6,
            registered_at=now - timedelta(days=DAYS + rng.randint(1, 60)),
            updated_at=now - timedelta(days=DAYS),
        )
        for n in range(COURIERS)
    ]


def _start(rng: random.Random, day: date) -> datetime:
    hour = rng.choices(list(HOUR_WEIGHTS), list(HOUR_WEIGHTS.values()))[0]
    minute = rng.randint(30 if hour == 7 else 0, 59)
    return datetime.combine(day, time(hour, minute), LOCAL_TZ)


def _visits(
    rng: random.Random, station: Station, couriers: list[Courier], now: datetime
) -> list[tuple[Visit, list[VisitEvent]]]:
    today = now.astimezone(LOCAL_TZ).date()
    # Some couriers come most days, most now and then: a repeat rate worth a chart.
    frequent = couriers[:40]
    planned: list[tuple[datetime, Courier | None]] = []
    for back in range(DAYS - 1, -1, -1):
        day = today - timedelta(days=back)
        for _ in range(rng.randint(*REGISTERED_PER_DAY)):
            who = rng.choice(frequent) if rng.random() < 0.45 else rng.choice(couriers)
            planned.append((_start(rng, day), who))
        planned += [(_start(rng, day), None) for _ in range(rng.randint(*ANONYMOUS_PER_DAY))]
    planned.sort(key=lambda p: p[0])
    busy_until: dict[uuid.UUID, datetime] = {}
    made: list[tuple[Visit, list[VisitEvent]]] = []
    for started, courier in planned:
        if started >= now:
            continue
        if courier is not None and busy_until.get(courier.id, started) > started:
            continue  # still in from an earlier visit: one open visit per courier
        stay = timedelta(minutes=rng.randint(8, 70))
        limit = timedelta(hours=1) if courier is None else timedelta(minutes=180)
        forgot = courier is not None and rng.random() < 0.05
        ended = started + (limit if forgot else stay)
        if courier is not None:
            busy_until[courier.id] = ended
        services = rng.choices(SERVICE_CHOICES, SERVICE_WEIGHTS)[0]
        still_in = ended > now
        status = "open" if still_in else ("auto_closed" if forgot or courier is None else "closed")
        visit = Visit(
            id=uuid.uuid4(),
            token=_token(),
            station_id=station.id,
            station_path=station.place_path,
            courier_id=courier.id if courier else None,
            status=status,
            source="code" if courier is None or rng.random() < 0.8 else "card",
            services=list(services),
            uses_charging="charging" in services,
            started_at=started,
            closes_at=started + limit,
            closed_at=None if still_in else ended,
        )
        actor = {"actor": "system", "actor_kind": "system"}
        by = {"actor": courier.resident_subject if courier else "courier"}
        trail = [
            VisitEvent(
                visit_id=visit.id,
                from_status=None,
                to_status="open",
                action="check_in",
                actor=by["actor"],
                actor_kind="resident",
                at=started,
                detail={"services": list(services)},
            )
        ]
        if not still_in:
            closing = actor if status == "auto_closed" else {**by, "actor_kind": "resident"}
            trail.append(
                VisitEvent(
                    visit_id=visit.id,
                    from_status="open",
                    to_status=status,
                    action="auto_close" if status == "auto_closed" else "check_out",
                    at=ended,
                    detail={},
                    **closing,
                )
            )
        made.append((visit, trail))
    return made


async def seed_demo(session: AsyncSession, ctx: CourierContext, *, place: PlaceDetail) -> str:
    """Load the demo station and its week into a courier service without stations."""
    if await session.scalar(select(func.count()).select_from(Station)):
        return "courier: demo data already present, nothing loaded"
    rng = random.Random(SEED)
    now = ctx.clock.now()
    station = station_profile(place, now)
    couriers = _couriers(rng, now)
    session.add(station)
    session.add_all(couriers)
    await session.flush()
    for courier in couriers:
        await issue_card(session, courier, now=courier.registered_at)
    made = _visits(rng, station, couriers, now)
    session.add_all([visit for visit, _ in made])
    await session.flush()
    session.add_all([event for _, trail in made for event in trail])
    await session.flush()
    # The kit after the visits: its uses name them. Items first (the uses' foreign key).
    kit = stock_the_kit(rng, station, [visit for visit, _ in made], now=now)
    session.add_all([row for row in kit if isinstance(row, SupplyItem)])
    await session.flush()
    session.add_all([row for row in kit if not isinstance(row, SupplyItem)])
    await session.flush()
    anonymous = sum(1 for visit, _ in made if visit.courier_id is None)
    # The street (or community) the station hangs under posts its volunteering tasks.
    area = next(a for a in reversed(place.ancestors) if a.kind in ("community", "street"))
    activities = await seed_activities(
        session, station, street=area, couriers=couriers, rng=rng, now=now
    )
    return (
        f"courier: demo data loaded ({station.name}, {len(couriers)} couriers, "
        f"{len(made)} visits in {DAYS} days, {anonymous} anonymous, "
        f"{sum(isinstance(r, SupplyItem) for r in kit)} kit items; {activities})"
    )


async def seed_when_directory_answers(app: FastAPI, attempts: int = 60) -> None:
    """For a dev start-up: seed once the directory answers (it may be slow to start)."""
    db: Database = app.state.db
    ctx: CourierContext = app.state.courier
    assert COURIERS <= DEMO_RESIDENTS  # each demo courier is one of identity's residents
    for _ in range(attempts):
        try:
            async with db.session(write=False) as session:
                if await session.scalar(select(func.count()).select_from(Station)):
                    return  # seeded before (a restart): nothing to ask the directory
            place = await ctx.directory.place_by_code(STATION_CODE)
            async with db.session() as session:
                message = await seed_demo(session, ctx, place=place)
                await session.commit()
            log.info(message)
            # The kit's expiring item is alerted now rather than at the watch's next round.
            await app.state.supply_watch.run_due()
            return
        except (httpx.HTTPError, DomainError) as exc:
            log.info("waiting for the directory to seed the demo station (%s)", type(exc).__name__)
            await asyncio.sleep(1)
    log.warning("gave up seeding the demo station: the directory did not answer")
