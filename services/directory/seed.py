"""Demo data: the places of the news report (大兴区), loaded once into an empty directory.

The places are real names from the article; the office phones are made up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.directory import calendar
from services.directory.codes import add_new_doors, add_place, issue_code
from services.directory.models import Place
from services.directory.places import new_place
from services.directory.schemas import CodeTarget, PlaceCreate
from services.kit.clock import Clock
from services.kit.db import Database

SEED_ACTOR = "seed"

# Demo buildings stand in rows of four, BUILDING_SPACING_M apart, around their community's
# point (WGS-84): the row's columns 2 west, 1 west, on it and 1 east of it, rows going south.
BUILDING_SPACING_M = 40.0
BUILDINGS_PER_ROW = 4
_METRES_PER_DEGREE_LAT = 111_320.0


def building_point(latitude: float, longitude: float, number: int) -> tuple[float, float]:
    """Where demo building `number` (1, 2, ...) stands, from its community's point."""
    row, column = divmod(number - 1, BUILDINGS_PER_ROW)
    north = -row * BUILDING_SPACING_M
    east = (column - 2) * BUILDING_SPACING_M
    lat = latitude + north / _METRES_PER_DEGREE_LAT
    long = longitude + east / (_METRES_PER_DEGREE_LAT * math.cos(math.radians(latitude)))
    return round(lat, 6), round(long, 6)


@dataclass
class Community:
    code: str
    name: str
    phone: str
    buildings: int
    units_per_building: int
    latitude: float
    longitude: float
    sites: list[tuple[str, str, str]] = field(default_factory=list)  # kind, code, name


@dataclass
class Street:
    code: str
    name: str
    phone: str
    communities: list[Community] = field(default_factory=list)
    sites: list[tuple[str, str, str]] = field(default_factory=list)


# Sites on the map (WGS-84): the practice centre stands among 瀛海镇's demo compounds, so a
# room booked there is a short walk from the homes identity's demo residents live in.
SITE_POINTS: dict[str, tuple[float, float]] = {"YH-SJS": (39.7510, 116.4010)}

DEMO_TREE = [
    Street(
        "TGY",
        "天宫院街道",
        "010-60000100",
        communities=[
            Community("TGYZL", "天宫院中里社区", "010-60000101", 8, 3, 39.6729, 116.3190),
        ],
        sites=[("station", "TGY-NXYZ", "天街暖心驿站")],
    ),
    Street(
        "GYS",
        "观音寺街道",
        "010-60000200",
        communities=[
            Community("GYSNL", "观音寺南里社区", "010-60000201", 5, 2, 39.7380, 116.3420),
        ],
    ),
    Street(
        "XF",
        "兴丰街道",
        "010-60000300",
        communities=[
            Community(
                "HCXL",
                "黄村西里社区",
                "010-60000301",
                # Its real size: a forty-year-old compound of about 20 buildings, 400+ cars.
                20,
                3,
                39.7350,
                116.3250,
                sites=[("parking_area", "HCXL-P1", "黄村西里停车场")],
            ),
        ],
    ),
    Street(
        "YH",
        "瀛海镇",
        "010-60000400",
        # The practice centre's town: compounds a short walk from it, so its rooms and
        # courses have residents (and children) nearby.
        communities=[
            Community("NHJYYL", "南海家园一里社区", "010-60000401", 5, 2, 39.7540, 116.3990),
            Community("NHJYSL", "南海家园三里社区", "010-60000402", 4, 2, 39.7495, 116.4040),
            Community("XHJY", "兴海家园社区", "010-60000403", 4, 3, 39.7460, 116.3965),
        ],
        sites=[("venue", "YH-SJS", "瀛海镇新时代文明实践所")],
    ),
]

# 2026 public holidays and make-up workdays (国务院办公厅 notice for 2026).
HOLIDAYS_2026: list[tuple[str, str, list[date], list[date]]] = [
    ("元旦", "New Year", [date(2026, 1, d) for d in (1, 2, 3)], [date(2026, 1, 4)]),
    (
        "春节",
        "Spring Festival",
        [date(2026, 2, d) for d in range(15, 24)],
        [date(2026, 2, 14), date(2026, 2, 28)],
    ),
    ("清明节", "Qingming", [date(2026, 4, d) for d in (4, 5, 6)], []),
    ("劳动节", "Labour Day", [date(2026, 5, d) for d in range(1, 6)], [date(2026, 5, 9)]),
    ("端午节", "Dragon Boat", [date(2026, 6, d) for d in (19, 20, 21)], []),
    ("中秋节", "Mid-Autumn", [date(2026, 9, d) for d in (25, 26, 27)], []),
    (
        "国庆节",
        "National Day",
        [date(2026, 10, d) for d in range(1, 8)],
        [date(2026, 9, 20), date(2026, 10, 10)],
    ),
]


async def _place(
    session: AsyncSession, clock: Clock, parent: Place | None, **fields: object
) -> Place:
    return await add_place(
        session,
        data=PlaceCreate.model_validate(fields),
        parent=parent,
        actor=SEED_ACTOR,
        now=clock.now(),
    )


def _new(clock: Clock, parent: Place, **fields: object) -> Place:
    return new_place(
        data=PlaceCreate.model_validate(fields), parent=parent, actor=SEED_ACTOR, now=clock.now()
    )


async def _load(session: AsyncSession, clock: Clock) -> int:
    units = 0
    district = await _place(
        session, clock, None, code="DX", name="大兴区", kind="district", phone="010-60000000"
    )
    for s_pos, street_spec in enumerate(DEMO_TREE):
        street = await _place(
            session,
            clock,
            district,
            code=street_spec.code,
            name=street_spec.name,
            kind="street",
            position=s_pos,
            phone=street_spec.phone,
        )
        for kind, code, name in street_spec.sites:
            lat, long = SITE_POINTS.get(code, (None, None))
            site = await _place(
                session,
                clock,
                street,
                code=code,
                name=name,
                kind=kind,
                latitude=lat,
                longitude=long,
            )
            if kind == "station":
                # The warm station's code opens the courier service's station (its profile
                # is keyed by this place's id): `/q/<token>` → check in.
                await issue_code(
                    session,
                    place=site,
                    kind="station",
                    target=CodeTarget(service="courier", id=str(site.id)),
                    actor=SEED_ACTOR,
                    now=clock.now(),
                )
        for c_pos, spec in enumerate(street_spec.communities):
            community = await _place(
                session,
                clock,
                street,
                code=spec.code,
                name=spec.name,
                kind="community",
                position=c_pos,
                phone=spec.phone,
                latitude=spec.latitude,
                longitude=spec.longitude,
                address=f"北京市大兴区{spec.name.removesuffix('社区')}",
            )
            for kind, code, name in spec.sites:
                await _place(session, clock, community, code=code, name=name, kind=kind)
            # A community's buildings and doors in one flush (黄村西里 alone has 80 places):
            # the seed runs at every `make run` start and in many tests.
            doors: list[Place] = []
            for b in range(1, spec.buildings + 1):
                lat, long = building_point(spec.latitude, spec.longitude, b)
                building = _new(
                    clock,
                    community,
                    code=f"{spec.code}-{b:02d}",
                    name=f"{b}号楼",
                    kind="building",
                    position=b,
                    latitude=lat,
                    longitude=long,
                )
                doors.append(building)
                for u in range(1, spec.units_per_building + 1):
                    doors.append(
                        _new(
                            clock,
                            building,
                            code=f"{spec.code}-{b:02d}-{u}",
                            name=f"{u}单元",
                            kind="unit",
                            position=u,
                        )
                    )
                    units += 1
            await add_new_doors(session, places=doors, actor=SEED_ACTOR, now=clock.now())
    for name_zh, _name_en, off_days, workdays in HOLIDAYS_2026:
        for day in off_days:
            if day.weekday() < 5:  # a weekend inside a holiday is already a day off
                await calendar.set_day(
                    session,
                    day=day,
                    kind="holiday",
                    name=name_zh,
                    actor=SEED_ACTOR,
                    now=clock.now(),
                )
        for day in workdays:
            await calendar.set_day(
                session,
                day=day,
                kind="workday",
                name=f"{name_zh}调休上班",
                actor=SEED_ACTOR,
                now=clock.now(),
            )
    return units


async def seed_demo(db: Database, clock: Clock) -> str:
    """Load the demo data into an empty directory; never twice."""
    async with db.session(write=True) as session:
        # BEGIN IMMEDIATE on SQLite: two seeders at once cannot both see an empty table.
        if await session.scalar(select(func.count()).select_from(Place)):
            return "directory: demo data already present, nothing loaded"
        units = await _load(session, clock)
        await session.commit()
    return f"directory: demo data loaded ({units} unit doors with QR codes)"
