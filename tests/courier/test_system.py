"""The warm station in the whole system, through the gateway: the station's code from the
directory's demo data, a courier signed in with identity's phone code registering (the masked
phone from identity), checking in and out; volunteer hours summed as the 我的 page does; its
API in /docs; identity's demo residents."""

from __future__ import annotations

import uuid
from datetime import timedelta
from urllib.parse import quote

import pytest

from services.identity.seed import DemoOnly, seed_demo_residents
from services.kit.abuse import DEVICE_HEADER
from services.kit.catalog import load
from services.kit.demo import demo_resident_id, demo_resident_phone
from services.kit.shapes.volunteering import VOLUNTEERING_PATH
from tests.fixtures.courier import PROFILE
from tests.fixtures.system import System


async def test_a_demo_courier_signs_in_registers_and_checks_in_through_the_gateway(
    system: System,
) -> None:
    async with system.identity.db.session() as session:
        added = await seed_demo_residents(
            session, system.identity.app.state.identity, now=system.identity.clock.now(), count=3
        )
        await session.commit()
    assert added == 3
    station = await system.place("TGY-NXYZ")
    staff = await system.bearer("station_tgy")
    saved = await system.client.put(
        f"/api/courier/v1/stations/{station['id']}", json=PROFILE, headers=staff
    )
    assert saved.status_code == 200, saved.text
    codes = await system.client.get(
        f"/api/directory/v1/places/{station['id']}/codes", headers=staff
    )
    [code] = [c for c in codes.json() if c["kind"] == "station"]
    assert code["target"] == {"service": "courier", "id": station["id"]}

    me = await system.resident_bearer(demo_resident_phone(2))
    who = await system.client.get("/api/identity/v1/me", headers=me)
    assert who.json()["subject"] == f"resident:{demo_resident_id(2)}"
    registered = await system.client.post(
        "/api/courier/v1/me/courier", json={"nickname": "小赵", "platform": "sf"}, headers=me
    )
    assert registered.status_code == 201, registered.text
    assert registered.json()["phone_masked"] == "199****0002"

    visit = await system.client.post(
        "/api/courier/v1/visits", json={"code_token": code["token"]}, headers=me
    )
    assert visit.status_code == 201, visit.text
    anonymous = await system.client.post(
        "/api/courier/v1/visits",
        json={"code_token": code["token"]},
        headers={DEVICE_HEADER: uuid.uuid4().hex},
    )
    assert anonymous.status_code == 201
    assert anonymous.json()["anonymous"] is True
    live = await system.client.get(f"/api/courier/v1/stations/{station['id']}/live", headers=staff)
    assert live.json()["present"] == 2
    assert [c["nickname"] for c in live.json()["couriers"]] == ["小赵"]
    out = await system.client.post(f"/api/courier/v1/visits/{visit.json()['token']}/checkout")
    assert out.status_code == 200
    assert out.json()["status"] == "closed"

    docs = await system.client.get("/docs")
    assert "/openapi/courier.json" in docs.text

    # The street's clear export of these visits reaches identity's audit list (courier's
    # outbox, identity's POST /v1/events): who, the reason, the rows, the numbers in clear.
    admin = await system.bearer("tgy_admin")
    exported = await system.client.get(
        "/api/courier/v1/exports/visits.csv",
        params={"clear": "true"},
        headers=admin | {"X-Export-Reason": quote("核对站点台账")},
    )
    assert exported.status_code == 200, exported.text
    written = exported.content.decode("utf-8-sig")
    assert "导出原因：核对站点台账" in written
    # Courier is told only the masked phone (identity keeps it): none in clear, even here.
    assert "199****0002" in written
    assert demo_resident_phone(2) not in written
    relayed = await system.apps["courier"].state.relay.relay_due()
    assert relayed.succeeded == 1, relayed
    listed = await system.client.get(
        "/api/identity/v1/audit", params={"action": "courier.export"}, headers=admin
    )
    assert listed.status_code == 200, listed.text
    [entry] = listed.json()["items"]
    assert entry["detail"]["reason"] == "核对站点台账"
    assert entry["detail"]["export"]["rows"] == 2
    assert entry["detail"]["export"]["numbers_in_clear"] == 0
    assert entry["detail"]["actor_name"] == "天宫院街道管理员"


async def test_identity_refuses_demo_residents_outside_development(system: System) -> None:
    ctx = system.identity.app.state.identity
    production = ctx.settings.model_copy(update={"env": "production"})
    async with system.identity.db.session() as session:
        with pytest.raises(DemoOnly):
            await seed_demo_residents(
                session,
                type(ctx)(**{**ctx.__dict__, "settings": production}),
                now=system.identity.clock.now(),
            )


async def test_my_page_sums_volunteer_hours_over_the_services_that_answer_them(
    system: System,
) -> None:
    """What the resident's 我的 page does: ask every built service whose `mine` names the
    volunteering path, through the gateway, and add up the confirmed hours."""
    async with system.identity.db.session() as session:
        await seed_demo_residents(
            session, system.identity.app.state.identity, now=system.identity.clock.now(), count=2
        )
        await session.commit()
    station = await system.place("TGY-NXYZ")
    staff = await system.bearer("station_tgy")
    clock = system.identity.clock  # one clock for the whole system
    now = clock.now()
    task = await system.client.post(
        "/api/courier/v1/activities",
        json={
            "place_id": station["id"],
            "kind": "volunteering",
            "title": "驿站周边垃圾分类引导",
            "role": "引导员",
            "hours": 1.5,
            "location": "天街暖心驿站门口",
            "starts_at": (now + timedelta(minutes=2)).isoformat(),
            "ends_at": (now + timedelta(minutes=8)).isoformat(),
            "capacity": 5,
        },
        headers=staff,
    )
    assert task.status_code == 201, task.text
    me = await system.resident_bearer(demo_resident_phone(1))
    registered = await system.client.post(
        "/api/courier/v1/me/courier", json={"nickname": "小吴", "platform": "jd"}, headers=me
    )
    assert registered.status_code == 201, registered.text
    signup = await system.client.post(
        f"/api/courier/v1/activities/{task.json()['id']}/signup", headers=me
    )
    assert signup.status_code == 201, signup.text

    clock.advance(timedelta(minutes=10))
    staff = await system.bearer("station_tgy")
    [row] = (
        await system.client.get(
            f"/api/courier/v1/activities/{task.json()['id']}/signups", headers=staff
        )
    ).json()
    confirmed = await system.client.post(
        f"/api/courier/v1/activities/{task.json()['id']}/signups/{row['id']}/hours",
        json={},
        headers=staff,
    )
    assert confirmed.status_code == 200, confirmed.text

    total = 0.0
    answering = [s for s in load().services if s.built and VOLUNTEERING_PATH in s.mine]
    for service in answering:
        mine = await system.client.get(f"/api/{service.name}{VOLUNTEERING_PATH}", headers=me)
        assert mine.status_code == 200, (service.name, mine.text)
        assert mine.headers["Cache-Control"] == "no-store"
        total += mine.json()["total"]
    assert [s.name for s in answering] == ["courier"]
    assert total == 1.5
