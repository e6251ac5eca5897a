"""Demo data: ten weeks of tickets in the three demo communities, so the dashboard, the
hotspots and the exports have something true to show.

The history is made the way real tickets are: each one is filed with `tickets.file_ticket`
and moved through the state machine (`lifecycle`) with the time of each step, so rows,
milestones, events and numbers agree. The random choices come from `random.Random(2026)`
and every time is relative to the local midnight starting today (the "anchor"), not the
hour the seeder runs: seeded on the same day, the figures are the same; on another day,
the same history shifted. Steps that would fall after the anchor are not taken, which
leaves the recent tickets open (some overdue), as a live system would have them.

History is written, not replayed: texts to reporters and on-duty alerts that would have
gone out in the past are marked done instead of being sent today; overdue checks stay,
and leave today's reminder on tickets still open past a deadline. Staff in the trail are
the demo log-ins (tgyzl_staff, ...) as their tokens name them, `staff:<uuid>` with identity's
demo id for the username (kit.demo); the 12345 system is `client:12345`.
Reporters are invented (a surname and 先生/女士, made-up numbers).
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Literal

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import categories, lifecycle, notices
from services.intake.context import IntakeContext
from services.intake.models import OPEN_STATUSES, Ticket, jobs
from services.intake.tickets import Report, file_ticket
from services.kit import calls
from services.kit.auth import Principal
from services.kit.clients.directory import Location
from services.kit.clock import FrozenClock
from services.kit.coverage import local_midnight
from services.kit.db import Database
from services.kit.demo import demo_staff_id
from services.kit.errors import DomainError

log = logging.getLogger("intake.demo")

SEED = 2026
WEEKS = 10
# code: (buildings, units per building, tickets over the ten weeks, the community's staff)
COMMUNITIES: dict[str, tuple[int, int, int, str]] = {
    "TGYZL": (8, 3, 42, "tgyzl_staff"),
    "GYSNL": (5, 2, 26, "gysnl_staff"),
    "HCXL": (6, 2, 24, "hcxl_staff"),
}
CATEGORY_WEIGHTS = {
    "small_ads": 20,
    "facility": 16,
    "sanitation": 14,
    "parking": 12,
    "noise": 8,
    "lighting": 8,
    "greenery": 6,
    "utilities": 6,
    "safety": 3,
    "other": 5,
}
DESCRIPTIONS = {
    "small_ads": (
        "楼道墙上贴满了小广告",
        "单元门上又被贴了开锁、疏通的小广告",
        "电梯间小广告清理后又贴上了",
    ),
    "facility": (
        "单元门禁坏了，门关不上",
        "楼道扶手松动",
        "健身器材损坏，有安全隐患",
        "儿童滑梯有裂缝",
    ),
    "sanitation": ("垃圾桶满了没人清运", "楼道里堆放杂物", "绿地里有狗粪没人清理"),
    "parking": ("消防通道被私家车占用", "有人在楼道里给电动车充电", "车辆乱停，堵住了单元门口"),
    "noise": ("夜间装修噪音扰民", "广场舞音响太大声", "空调外机噪音很大"),
    "lighting": ("楼道声控灯不亮", "小区路灯坏了，晚上很黑"),
    "greenery": ("树枝遮挡窗户，需要修剪", "草坪被踩秃了"),
    "utilities": ("楼里停水了", "暖气不热", "单元电表箱有异响"),
    "safety": ("楼道电线裸露", "外墙瓷砖松动，有坠落危险"),
    "other": ("快递柜占用了人行道", "想咨询社区活动怎么报名"),
}
RESOLUTION_NOTES = (
    "已安排人员处理完毕",
    "已联系物业维修完成",
    "已清理并张贴文明提示",
    "已现场处置",
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林"
HOTLINE = Principal(subject="client:12345", kind="client", claims={"name": "12345 热线"})
# The community staff's display names, as identity's demo seed gives them.
STAFF_NAMES = {
    "tgyzl_staff": "天宫院中里社工",
    "gysnl_staff": "观音寺南里社工",
    "hcxl_staff": "黄村西里社工",
}


def demo_staff(username: str) -> Principal:
    """A demo staff member as their token names them (identity's demo seed, kit.demo)."""
    name = STAFF_NAMES.get(username, username)
    return Principal(
        subject=f"staff:{demo_staff_id(username)}", kind="staff", claims={"name": name}
    )


# A past message is history, not news: these are marked done rather than sent today.
PAST_MESSAGES = (notices.NOTIFY_REPORTER, notices.ALERT_ON_DUTY, notices.ALERT_DIGEST)


@dataclass(frozen=True)
class Plan:
    created: datetime
    community: str
    unit_code: str
    category: str
    source: str
    description: str
    reporter_name: str | None = None
    reporter_phone: str | None = None
    # Where the story stops: "unanswered" (still submitted), "stuck" (in progress).
    stall: str | None = None


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _unit(rng: random.Random, community: str, building: int | None = None) -> str:
    buildings, units, _, _ = COMMUNITIES[community]
    b = building or rng.randint(1, buildings)
    return f"{community}-{b:02d}-{rng.randint(1, units)}"


def _source(rng: random.Random, week: int) -> str:
    # 一楼一码 at work: fewer 12345 hotline cases as residents scan instead (20% -> 8%).
    hotline = 20 - week * 12 // (WEEKS - 1)
    return _weighted(rng, {"qr": 92 - hotline - 16, "hotline": hotline, "patrol": 10, "staff": 6})


def _plan(rng: random.Random, anchor: datetime) -> list[Plan]:
    start = anchor - timedelta(weeks=WEEKS)
    plans = []
    for community, (_, _, count, _) in COMMUNITIES.items():
        for _ in range(count):
            day = rng.randrange(WEEKS * 7)
            hour = rng.choice((7, 8, 9, 9, 10, 10, 11, 14, 15, 16, 17, 19, 20, 21))
            created = start + timedelta(days=day, hours=hour, minutes=rng.randrange(60))
            plans.append(_planned(rng, community, _unit(rng, community), created, day // 7))
    # Hotspots to find: small ads keep coming back at 观音寺南里 building 2 (the article's
    # case), broken facilities at 天宫院中里 building 3; noise rising across 黄村西里.
    for days_ago, community, building, category in (
        (20, "GYSNL", 2, "small_ads"),
        (12, "GYSNL", 2, "small_ads"),
        (6, "GYSNL", 2, "small_ads"),
        (2, "GYSNL", 2, "small_ads"),
        (25, "TGYZL", 3, "facility"),
        (9, "TGYZL", 3, "facility"),
        (4, "TGYZL", 3, "facility"),
        (18, "HCXL", None, "noise"),
        (11, "HCXL", None, "noise"),
        (7, "HCXL", None, "noise"),
        (3, "HCXL", None, "noise"),
    ):
        created = anchor - timedelta(days=days_ago, hours=rng.randint(3, 12))
        plans.append(
            _planned(
                rng,
                community,
                _unit(rng, community, building),
                created,
                WEEKS - 1,
                category=category,
                source="qr",
            )
        )
    # Work that slipped: two reports nobody has answered yet, one fix long overdue.
    for days_ago, community, category, stall in (
        (3, "GYSNL", "sanitation", "unanswered"),
        (2, "HCXL", "parking", "unanswered"),
        (12, "TGYZL", "lighting", "stuck"),
    ):
        created = anchor - timedelta(days=days_ago, hours=rng.randint(3, 12))
        plan = _planned(
            rng, community, _unit(rng, community), created, WEEKS - 1, category=category
        )
        plans.append(replace(plan, source="qr", stall=stall))
    return sorted(plans, key=lambda p: p.created)


def _planned(
    rng: random.Random,
    community: str,
    unit_code: str,
    created: datetime,
    week: int,
    *,
    category: str | None = None,
    source: str | None = None,
) -> Plan:
    chosen = category or _weighted(rng, CATEGORY_WEIGHTS)
    origin = source or _source(rng, week)
    with_phone = origin == "qr" and rng.random() < 0.55
    return Plan(
        created=created,
        community=community,
        unit_code=unit_code,
        category=chosen,
        source=origin,
        description=rng.choice(DESCRIPTIONS[chosen]),
        reporter_name=(
            rng.choice(SURNAMES) + rng.choice(("先生", "女士"))
            if with_phone and rng.random() < 0.6
            else None
        ),
        reporter_phone=f"139{rng.randrange(10**8):08d}" if with_phone else None,
    )


class Story:
    """One ticket's life after filing, step by step, stopping at the anchor."""

    def __init__(
        self,
        session: AsyncSession,
        ticket: Ticket,
        staff: Principal,
        rng: random.Random,
        anchor: datetime,
        stall: str | None = None,
    ) -> None:
        self.session = session
        self.ticket = ticket
        self.stall = stall
        self.staff = staff
        self.rng = rng
        self.anchor = anchor
        self.at = ticket.created_at

    def _after(self, low: timedelta, high: timedelta) -> bool:
        """Move on by a random delay; False when that would be after the anchor."""
        seconds = self.rng.uniform(low.total_seconds(), high.total_seconds())
        self.at = self.at + timedelta(seconds=seconds)
        return self.at < self.anchor

    def _within(self, window: timedelta, on_time: float) -> bool:
        late = self.rng.random() > on_time
        share = self.rng.uniform(1.1, 2.2) if late else self.rng.uniform(0.05, 0.85)
        # Never before the step already taken: a quick fix still comes after the start.
        self.at = max(self.ticket.created_at + window * share, self.at + timedelta(minutes=30))
        return self.at < self.anchor

    def _actor(self) -> lifecycle.Actor:
        return lifecycle.Actor.staff(self.staff, self.ticket)

    async def live(self) -> None:
        t, s, rng = self.ticket, self.session, self.rng
        if self.stall == "unanswered":
            return
        if not self._within(t.due_respond_at - t.created_at, on_time=0.88):
            return  # still waiting for a first answer
        fate = rng.random()
        if fate < 0.05:
            await lifecycle.reject(
                s,
                ticket=t,
                actor=self._actor(),
                now=self.at,
                reason="经核实属于物业合同范围，已告知联系物业",
            )
            return
        # One in ten is assigned straight from submitted, without an acknowledgement.
        if rng.random() >= 0.1:
            outcome: lifecycle.CallOutcome = (
                "anonymous" if t.reporter_phone_cipher is None else "reached"
            )
            await lifecycle.acknowledge(
                s, ticket=t, actor=self._actor(), now=self.at, outcome=outcome
            )
            if fate < 0.09:
                if self._after(timedelta(hours=2), timedelta(days=2)):
                    level: Literal["street", "city_hotline"] = (
                        "street" if rng.random() < 0.7 else "city_hotline"
                    )
                    await lifecycle.escalate(
                        s,
                        ticket=t,
                        actor=self._actor(),
                        now=self.at,
                        level=level,
                        note="涉及多个部门，需上级协调",
                    )
                return
            if not self._after(timedelta(minutes=10), timedelta(hours=3)):
                return
        await lifecycle.assign(
            s,
            ticket=t,
            actor=self._actor(),
            now=self.at,
            assignee_kind="staff",
            assignee_ref=self.staff.subject,
        )
        if not self._after(timedelta(minutes=10), timedelta(hours=4)):
            return
        await lifecycle.start(s, ticket=t, actor=self._actor(), now=self.at)
        if self.stall == "stuck":
            return
        if not self._within(t.due_resolve_at - t.created_at, on_time=0.85):
            return  # still being worked on
        await self._resolve()
        if rng.random() < 0.06:
            if not self._after(timedelta(hours=6), timedelta(days=3)):
                return
            await lifecycle.reopen(
                s, ticket=t, actor=lifecycle.Actor.reporter(), now=self.at, reason="问题又出现了"
            )
            if not self._after(timedelta(hours=4), timedelta(days=2)):
                return
            await self._resolve()
        resolved_at = self.at
        if rng.random() < 0.72 and self._after(timedelta(hours=1), timedelta(days=3)):
            await lifecycle.rate(s, ticket=t, now=self.at, rating=self._rating(), comment=None)
            return
        self.at = resolved_at
        # Unrated: the reporter confirms within the week, or the ticket waits for its
        # auto-close (a job due within 7 days of the anchor).
        if resolved_at + lifecycle.AUTO_CLOSE_AFTER < self.anchor:
            self._after(timedelta(hours=2), timedelta(days=6))
            await lifecycle.confirm(s, ticket=t, now=self.at)

    async def _resolve(self) -> None:
        note = self.rng.choice(RESOLUTION_NOTES)
        await lifecycle.resolve(
            self.session, ticket=self.ticket, actor=self._actor(), now=self.at, note=note
        )

    def _rating(self) -> int:
        return self.rng.choices((5, 4, 3, 2, 1), weights=(56, 24, 10, 6, 4))[0]


async def _location(ctx: IntakeContext, cache: dict[str, Location], code: str) -> Location:
    if code not in cache:
        with calls.tolerated("demo seed: places before its transaction (issue 11, left)"):
            cache[code] = await ctx.directory.locate(code, pointer="/demo/unit_code")
    return cache[code]


async def _file(
    session: AsyncSession, ctx: IntakeContext, plan: Plan, location: Location, staff: Principal
) -> Ticket:
    principal = {
        "qr": None,
        "hotline": HOTLINE,
        "patrol": staff,
        "staff": staff,
    }[plan.source]
    report = Report(
        category=plan.category,
        description=plan.description,
        source=plan.source,
        reporter_name=plan.reporter_name,
        reporter_phone=plan.reporter_phone,
        consent=plan.reporter_phone is not None,
        external_id=(
            f"12345-{plan.created:%Y%m%d%H%M}-{plan.unit_code}"
            if plan.source == "hotline"
            else None
        ),
    )
    # The ticket is filed at its own time: its number's year, deadlines and first event.
    at_the_time = replace(ctx, clock=FrozenClock(plan.created))
    return await file_ticket(
        session, ctx=at_the_time, report=report, location=location, principal=principal
    )


async def _duplicates(
    session: AsyncSession,
    ctx: IntakeContext,
    cache: dict[str, Location],
    anchor: datetime,
) -> int:
    """A neighbour reports an open problem again; staff merge it into the first report."""
    originals = (
        await session.scalars(
            select(Ticket)
            .where(Ticket.status.in_(("submitted", "acknowledged")), Ticket.source == "qr")
            .order_by(Ticket.created_at.desc(), Ticket.number)
            .limit(2)
        )
    ).all()
    for original in originals:
        # After every planned report (the latest is before 22:00): numbers stay in order.
        plan = Plan(
            created=anchor - timedelta(minutes=50),
            community=original.community_code,
            unit_code=original.place_code,
            category=original.category,
            source="qr",
            description=original.description,
        )
        staff = demo_staff(COMMUNITIES[plan.community][3])
        copy = await _file(session, ctx, plan, await _location(ctx, cache, plan.unit_code), staff)
        await lifecycle.mark_duplicate(
            session,
            ticket=copy,
            actor=lifecycle.Actor.staff(staff, copy),
            now=plan.created + timedelta(minutes=20),
            original=original,
            note="同一问题，合并处理",
        )
    return len(originals)


async def demo_locations(ctx: IntakeContext) -> dict[str, Location]:
    """Every place the demo history files at, from the directory: asked before the write
    transaction opens, so no HTTP round trip runs while it holds the database (on SQLite
    the one writer lock that the job runner and the outbox relay wait for)."""
    anchor = local_midnight(ctx.clock.local_now().date())
    cache: dict[str, Location] = {}
    for plan in _plan(random.Random(SEED), anchor):
        await _location(ctx, cache, plan.unit_code)
    return cache


async def seed_demo(
    session: AsyncSession, ctx: IntakeContext, *, locations: dict[str, Location] | None = None
) -> str:
    """Load the demo history into an intake without tickets; never twice."""
    if await session.scalar(select(func.count()).select_from(Ticket)):
        return "intake: tickets present, demo history not loaded"
    await categories.ensure_defaults(session)
    rng = random.Random(SEED)
    anchor = local_midnight(ctx.clock.local_now().date())
    cache: dict[str, Location] = dict(locations or {})
    for plan in _plan(rng, anchor):
        staff = demo_staff(COMMUNITIES[plan.community][3])
        location = await _location(ctx, cache, plan.unit_code)
        ticket = await _file(session, ctx, plan, location, staff)
        await Story(session, ticket, staff, rng, anchor, plan.stall).live()
        await session.flush()
    merged = await _duplicates(session, ctx, cache, anchor)
    await session.execute(
        update(jobs.table)
        .where(
            jobs.table.c.kind.in_(PAST_MESSAGES),
            jobs.table.c.status == "pending",
            jobs.table.c.run_at <= ctx.clock.now(),
        )
        .values(status="done", finished_at=ctx.clock.now())
    )
    await session.flush()
    total = await session.scalar(select(func.count()).select_from(Ticket))
    still_open = await session.scalar(
        select(func.count()).select_from(Ticket).where(Ticket.status.in_(OPEN_STATUSES))
    )
    return (
        f"intake: demo history loaded ({total} tickets over {WEEKS} weeks, "
        f"{still_open} open, {merged} merged duplicates)"
    )


async def seed_when_directory_answers(app: FastAPI, attempts: int = 60) -> None:
    """For a dev start-up: seed once the directory answers (it may start after intake)."""
    db: Database = app.state.db
    ctx: IntakeContext = app.state.intake
    for _ in range(attempts):
        try:
            async with db.session(write=False) as session:
                if await session.scalar(select(func.count()).select_from(Ticket)):
                    return  # seeded before (a restart): nothing to ask the directory
            locations = await demo_locations(ctx)
            async with db.session() as session:
                message = await seed_demo(session, ctx, locations=locations)
                await session.commit()
            log.info(message)
            return
        except (httpx.HTTPError, DomainError) as exc:
            log.info("waiting for the directory to seed the demo tickets (%s)", type(exc).__name__)
            await asyncio.sleep(1)
    log.warning("gave up seeding demo tickets: the directory did not answer")
