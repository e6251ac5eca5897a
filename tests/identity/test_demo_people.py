"""The demo people at the news report's scale (what `make run` loads in development):
黄村西里's 60 doors and 400+ verified homes, 瀛海镇's compounds with homes by the practice
centre, children under their guardians, claims waiting for 黄村西里's and 天宫院中里's staff;
loaded once, never under production settings."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import func, select

from services.identity.demo_people import (
    DemoOnly,
    demo_doors,
    demo_household_id,
    seed_demo_people,
)
from services.identity.models import Dependant, Household, HouseholdMember, Resident
from services.identity.seed import seed_demo, seed_demo_residents
from services.kit.demo import (
    DEMO_RESIDENTS,
    DEMO_RESIDENTS_WITHOUT_HOME,
    demo_resident_id,
    demo_resident_phone,
)
from services.kit.scope import within
from tests.fixtures.identity import Identity


def _with(identity: Identity, env: str) -> Any:
    ctx = identity.app.state.identity
    settings = ctx.settings.model_copy(update={"env": env})
    return type(ctx)(**{**ctx.__dict__, "settings": settings})


async def _places(identity: Identity, under: str, kind: str) -> list[dict[str, Any]]:
    listed = await identity.directory.client.get(
        "/v1/places", params={"under": under, "kind": kind, "limit": 100}
    )
    assert listed.status_code == 200, listed.text
    return list(listed.json()["items"])


async def _homes(identity: Identity, place: dict[str, Any], *, verified: bool) -> int:
    """Households under a place with a member verified (or, not verified: claims waiting)."""
    at = HouseholdMember.verified_at
    member_verified = at.is_not(None) if verified else at.is_(None)
    async with identity.db.session(write=False) as session:
        return int(
            await session.scalar(
                select(func.count(func.distinct(Household.id)))
                .join(HouseholdMember)
                .where(within(Household.unit_path, place["path"]), member_verified)
            )
            or 0
        )


async def _sign_in(identity: Identity, phone: str) -> dict[str, str]:
    await identity.client.post("/v1/auth/otp/send", json={"phone": phone})
    code = re.search(r"(\d{6})", (await identity.sent_to(phone))[-1].body)
    assert code is not None
    tokens = await identity.client.post(
        "/v1/auth/otp/verify", json={"phone": phone, "code": code.group(1)}
    )
    assert tokens.status_code == 200, tokens.text
    return {"Authorization": f"Bearer {tokens.json()['access_token']}"}


async def test_make_run_loads_hcxl_at_its_size_and_yinghai_homes_children_and_claims(
    identity: Identity,
) -> None:
    await identity.directory.seed()
    loaded = await seed_demo(identity.db, identity.clock, _with(identity, "dev"))
    assert re.search(r"1000 demo residents, \d+ verified households, \d+ claims to verify", loaded)

    # 黄村西里 at its real size: 20 buildings on the map, 60 unit doors, 400+ verified homes.
    hcxl = await identity.directory.place("HCXL")
    buildings = await _places(identity, hcxl["id"], "building")
    assert len(buildings) == 20
    assert all(b["latitude"] and b["longitude"] for b in buildings)
    assert len(await _places(identity, hcxl["id"], "unit")) == 60
    assert await _homes(identity, hcxl, verified=True) >= 400

    # 瀛海镇: compounds near the practice centre, each with doors and verified homes.
    yinghai = await identity.directory.place("YH")
    communities = await _places(identity, yinghai["id"], "community")
    assert len(communities) >= 2
    centre = await identity.directory.place("YH-SJS")
    for community in communities:
        # Within about 800 m of the practice centre (a degree of latitude is 111 km).
        assert abs(community["latitude"] - centre["latitude"]) < 0.007
        assert abs(community["longitude"] - centre["longitude"]) < 0.007
        assert await _places(identity, community["id"], "unit")
        assert await _homes(identity, community, verified=True) > 0

    # Claims wait in both demo staff members' 住户核验 queues, oldest first, and
    # hcxl_staff approves the oldest.
    queues = {}
    for staff in ("hcxl_staff", "tgyzl_staff"):
        listed = await identity.client.get(
            "/v1/household-claims", headers=await identity.bearer(staff)
        )
        assert listed.status_code == 200, listed.text
        queues[staff] = listed.json()
    assert queues["hcxl_staff"]["total"] >= 10
    assert queues["tgyzl_staff"]["total"] >= 5
    oldest = queues["hcxl_staff"]["items"]
    assert [c["claimed_at"] for c in oldest] == sorted(c["claimed_at"] for c in oldest)
    assert {c["status"] for c in oldest} == {"pending"}
    assert all(c["unit_code"].startswith("HCXL-") for c in oldest)
    approved = await identity.client.post(
        f"/v1/household-claims/{oldest[0]['id']}/approve",
        headers=await identity.bearer("hcxl_staff"),
    )
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "verified"

    # A guardian signs in with their demo phone: their verified home and their children.
    async with identity.db.session(write=False) as session:
        guardian = await session.scalar(select(Dependant.guardian_id).limit(1))
        children = await session.scalar(select(func.count()).select_from(Dependant))
    assert children is not None
    assert children >= 50
    n = next(n for n in range(DEMO_RESIDENTS) if demo_resident_id(n) == guardian)
    me = await _sign_in(identity, demo_resident_phone(n))
    homes = (await identity.client.get("/v1/me/households", headers=me)).json()
    assert [h["verified"] for h in homes] == [True]
    kids = (await identity.client.get("/v1/me/dependants", headers=me)).json()
    year = identity.clock.now().year
    assert kids
    assert all(year - 18 < k["birth_year"] <= year for k in kids)
    assert all(k["name"] for k in kids)

    # Loaded once: a second start finds the staff and adds nobody.
    again = await seed_demo(identity.db, identity.clock, _with(identity, "dev"))
    assert "nothing loaded" in again


async def test_demo_homes_load_only_into_an_empty_table_and_never_in_production(
    identity: Identity,
) -> None:
    await identity.seed()  # staff only, as tests seed identity
    ctx = _with(identity, "dev")
    doors = await demo_doors(ctx)
    now = identity.clock.now()
    async with identity.db.session() as session:
        with pytest.raises(DemoOnly):
            await seed_demo_people(session, _with(identity, "production"), doors=doors, now=now)
        # Its residents are identity's demo residents, seeded first in the one transaction.
        await seed_demo_residents(session, ctx, now=now)
        first = await seed_demo_people(session, ctx, doors=doors, now=now)
        await session.commit()
    async with identity.db.session() as session:
        again = await seed_demo_people(session, ctx, doors=doors, now=now)
        homes = await session.scalar(select(func.count()).select_from(Household))
        residents = set(await session.scalars(select(Resident.id)))
        members = set(await session.scalars(select(HouseholdMember.resident_id)))
    assert first is not None
    assert again is None
    assert homes == len(first.households)
    assert members <= residents  # every member is a resident with a demo phone
    homeless = {demo_resident_id(n) for n in range(DEMO_RESIDENTS_WITHOUT_HOME)}
    assert not members & homeless  # the couriers' block and numbers tests claim homes with
    # Fixed ids: a fresh demo's homes are the same homes.
    assert first.households[0]["id"] == demo_household_id(
        first.households[0]["unit_code"], first.households[0]["room_no"]
    )
