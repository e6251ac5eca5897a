"""Demo staff for each role, a contractor and its API key: the log-ins the README lists.

Grants hang on places from the directory, so seeding waits until the directory answers.
Never in production: the password and the API key below are public.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import datetime

import httpx
from fastapi import FastAPI
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import api_keys, catalogues, staff
from services.identity.context import IdentityContext
from services.identity.demo_people import DemoOnly, demo_doors, seed_demo_people
from services.identity.models import Organisation, Resident, StaffUser
from services.kit.catalog import load
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.demo import (
    DEMO_RESIDENTS,
    demo_resident_id,
    demo_resident_phone,
    demo_staff_id,
)
from services.kit.errors import DomainError

log = logging.getLogger("identity.seed")

DEMO_PASSWORD = "sqwb-demo-2026"
DEMO_API_KEY = "sqwb_demo0001_JingNanBroadbandDemoKeyLocalOnly"
# The 12345 hotline's system and a street office's Open311 client (demo, local only).
DEMO_HOTLINE_KEY = "sqwb_demo0002_Beijing12345HotlineDemoKeyLocalOnly"
# Intake's own key: it asks identity to message the on-duty staff about urgent reports.
DEMO_INTAKE_KEY = "sqwb_demo0003_IntakeOnDutyAlertsDemoKeyLocalOnly"
# Courier's own key: it asks identity to message the station's on-duty staff (the kit's alerts).
DEMO_COURIER_KEY = "sqwb_demo0004_CourierKitAlertsDemoKeyLocalOnly"
SEED_ACTOR = "seed"

# username, name, phone, on duty, role, place code, organisation
DEMO_STAFF: list[tuple[str, str, str, bool, str, str, str | None]] = [
    ("admin", "区管理员", "13800000000", False, "district_admin", "DX", None),
    ("tgy_admin", "天宫院街道管理员", "13800000010", False, "street_admin", "TGY", None),
    ("tgyzl_staff", "天宫院中里社工", "13800000011", True, "community_staff", "TGYZL", None),
    ("gysnl_staff", "观音寺南里社工", "13800000021", True, "community_staff", "GYSNL", None),
    ("hcxl_staff", "黄村西里社工", "13800000031", True, "community_staff", "HCXL", None),
    ("captain_tgyzl03", "3号楼楼门长", "13800000012", False, "building_captain", "TGYZL-03", None),
    ("venue_yh", "实践所管理员", "13800000040", False, "venue_staff", "YH-SJS", None),
    (
        "parking_hcxl",
        "停车管理员",
        "13800000032",
        False,
        "parking_manager",
        "HCXL-P1",
        "黄村西里物业",
    ),
    # On duty: the warm station's alerts (low stock, expiring medicine) reach them.
    ("station_tgy", "驿站站长", "13800000013", True, "station_staff", "TGY-NXYZ", None),
]
ORGANISATIONS = [("京南宽带", "contractor"), ("黄村西里物业", "property_company")]
CONTRACTOR_STAFF = ("jn_worker", "京南宽带维修员", "13800000050", "京南宽带")
# The demo API clients: label (services' catalogues give each label its scopes, see
# kit.permissions.Catalogue.demo_clients), name, organisation, place code, the fixed key.
DEMO_CLIENTS: list[tuple[str, str, str | None, str, str]] = [
    ("contractor_system", "京南宽带 工单系统", "京南宽带", "GYSNL", DEMO_API_KEY),
    ("hotline", "12345 市民服务热线", None, "DX", DEMO_HOTLINE_KEY),
    ("intake_alerts", "您扫我办 报事服务", None, "DX", DEMO_INTAKE_KEY),
    ("courier_alerts", "暖心驿站 驿站服务", None, "DX", DEMO_COURIER_KEY),
]


async def seed_demo_residents(
    session: AsyncSession, ctx: IdentityContext, *, now: datetime, count: int = DEMO_RESIDENTS
) -> int:
    """The demo residents other services' demo data names (the warm station's couriers):
    fixed ids and phones (kit.demo), so signing in with 199 0000 0007 and the code from the
    message inbox is courier 7. Only under development or test settings; skips those there."""
    if ctx.settings.env == "production":
        raise DemoOnly("demo residents are never created in production")
    existing = set(await session.scalars(select(Resident.id)))
    # One multi-row INSERT: a thousand of them at every `make run` start (kit.demo).
    rows = [
        {
            "id": demo_resident_id(n),
            "phone_cipher": ctx.cipher.encrypt(demo_resident_phone(n)),
            "phone_hash": ctx.cipher.lookup_hash(demo_resident_phone(n)),
            "created_at": now,
        }
        for n in range(count)
        if demo_resident_id(n) not in existing
    ]
    if rows:
        await session.execute(insert(Resident), rows)
    return len(rows)


class CataloguesMissing(Exception):
    """Some built service's catalogue is not learned yet: its demo grants and keys would lack
    its permissions, so the seed waits (services.toml's seed order)."""


async def seed_demo(db: Database, clock: Clock, ctx: IdentityContext) -> str:
    async with db.session(write=False) as session:
        if await session.scalar(select(func.count()).select_from(StaffUser)):
            return "identity: demo staff already present, nothing loaded"
    # The places first, outside the write transaction (kit.calls).
    codes = {code for *_, code, _org in DEMO_STAFF} | {"GYSNL", "DX"}
    places = {code: await ctx.directory.place_by_code(code) for code in sorted(codes)}
    # make run only: tests seed identity often and ask for residents when they need them.
    demo_people = ctx.settings.env == "dev"
    doors = await demo_doors(ctx) if demo_people else {}
    async with db.session() as session:
        if await session.scalar(select(func.count()).select_from(StaffUser)):
            return "identity: demo staff already present, nothing loaded"
        known = await catalogues.known(session)
        missing = sorted({s.name for s in load().built()} - set(known))
        if missing:
            raise CataloguesMissing(", ".join(missing))
        now = clock.now()
        orgs: dict[str, uuid.UUID] = {}
        for org_name, kind in ORGANISATIONS:
            organisation = Organisation(
                id=uuid.uuid4(), name=org_name, kind=kind, created_at=now, created_by=SEED_ACTOR
            )
            session.add(organisation)
            orgs[org_name] = organisation.id
        await session.flush()

        async def add_staff(username: str, name: str, phone: str, org: str | None) -> StaffUser:
            return await staff.create_staff(
                session,
                username=username,
                display_name=name,
                password=DEMO_PASSWORD,
                phone=phone,
                organisation_id=orgs.get(org or ""),
                cipher=ctx.cipher,
                profile=ctx.settings.password_hashing,
                actor=SEED_ACTOR,
                now=now,
                # Other services' demo histories name them by this id (kit.demo).
                user_id=demo_staff_id(username),
            )

        for username, name, phone, on_duty, role, code, member_of in DEMO_STAFF:
            user = await add_staff(username, name, phone, member_of)
            user.on_duty = on_duty
            await staff.grant_role(
                session,
                user=user,
                role_name=role,
                place=places[code],
                actor=SEED_ACTOR,
                now=now,
            )
        worker = await add_staff(*CONTRACTOR_STAFF)
        gysnl = places["GYSNL"]
        # The contractor serves 公园四季南里: its worker and its system see its orders there.
        await staff.grant_role(
            session,
            user=worker,
            role_name="contractor_worker",
            place=gysnl,
            actor=SEED_ACTOR,
            now=now,
        )
        for label, client_name, org, code, key in DEMO_CLIENTS:
            scopes = [s for c in known.values() for s in c.demo_clients.get(label, ())]
            await api_keys.issue_client(
                session,
                name=client_name,
                kind="integration",
                organisation_id=orgs[org] if org else None,
                scopes=scopes,
                places=[places[code]],
                actor=SEED_ACTOR,
                now=now,
                fixed_key=key,
            )
        residents, homes = 0, ""
        if demo_people:
            residents = await seed_demo_residents(session, ctx, now=now)
            people = await seed_demo_people(session, ctx, doors=doors, now=now)
            if people is not None:
                homes = (
                    f", {len(people.households) - people.pending_claims} verified households, "
                    f"{people.pending} claims to verify, {len(people.children)} children"
                )
        await session.commit()
    return (
        f"identity: demo data loaded ({len(DEMO_STAFF) + 1} staff, {len(DEMO_CLIENTS)} API keys, "
        f"{residents} demo residents{homes})"
    )


async def seed_when_directory_answers(app: FastAPI, attempts: int = 180) -> None:
    """Wait for the directory (grants hang on its places) and for every built service's
    catalogue (demo grants and keys hold what they declare), then seed."""
    ctx: IdentityContext = app.state.identity
    for _ in range(attempts):
        try:
            await catalogues.refresh(app.state.db, ctx.catalogue_sources, now=app.state.clock.now())
            log.info(await seed_demo(app.state.db, app.state.clock, ctx))
            return
        except (httpx.HTTPError, DomainError, CataloguesMissing) as exc:
            log.info(
                "waiting for the directory and catalogues to seed (%s: %s)", type(exc).__name__, exc
            )
            await asyncio.sleep(1)
    log.warning("gave up seeding demo staff: the directory or a catalogue did not answer")
