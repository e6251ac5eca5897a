"""Roles as data: identity learns each service's catalogue (GET /v1/permissions), checks
roles, grants and keys against it, merges default bindings without undoing an admin's edits,
and lets a device-managing role issue its service's device keys.

The parking service is not built yet: a stand-in serves the catalogue it might declare, so
these tests prove that a new service's permissions and bindings need no identity change.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from sqlalchemy import delete, func, select

from services.identity.app import CatalogueRefresher, create_app, prepare, refresh_catalogues
from services.identity.models import Base, MergedBinding, Role, ServiceCatalogue
from services.kit.catalog import load
from services.kit.clock import FrozenClock
from services.kit.db import Database
from services.kit.permissions import Catalogue, Permission
from services.kit.testing import empty_tables, run_replicas
from tests.fixtures.directory import Directory
from tests.fixtures.identity import (
    Identity,
    WeChatStandIn,
    catalogue_transports,
    identity_settings,
)

GATE = "parking:gate:check"
DEVICES = "parking:devices:manage"
ALLOCATE = "parking:spaces:allocate"


def parking_catalogue(*, extra_binding: bool = False) -> Catalogue:
    return Catalogue(
        service="parking",
        permissions=(
            Permission(
                name=GATE, zh="道闸核验车辆", en="The gate checks a vehicle", holders=("device",)
            ),
            Permission(
                name=DEVICES,
                zh="管理本停车区的设备",
                en="Manage the parking area's devices",
                issues=(GATE,),
            ),
            Permission(name=ALLOCATE, zh="分配车位", en="Allocate spaces"),
        ),
        bindings={
            "parking_manager": (DEVICES, ALLOCATE),
            **({"street_admin": (ALLOCATE,)} if extra_binding else {}),
        },
    )


class ParkingStandIn:
    """What the parking service would answer at GET /v1/permissions; it can go down."""

    def __init__(self) -> None:
        self.catalogue = parking_catalogue()
        self.up = True

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.get("/v1/permissions")
        async def permissions() -> Any:
            if not self.up:
                return JSONResponse({"title": "down"}, status_code=503)
            return self.catalogue.model_dump(mode="json")

        return app


@pytest.fixture
async def parking() -> ParkingStandIn:
    return ParkingStandIn()


@pytest.fixture
async def with_parking(
    identity_db: Database, directory: Directory, clock: FrozenClock, parking: ParkingStandIn
) -> AsyncIterator[Identity]:
    """Identity as deployed beside a parking service: the list would name it; here the
    settings and a transport do."""
    await empty_tables(identity_db, Base.metadata)
    wechat = WeChatStandIn()
    app = create_app(
        identity_settings(identity_db, service_urls={"parking": "http://parking"}),
        clock=clock,
        database=identity_db,
        directory_transport=httpx.ASGITransport(app=directory.app),
        wechat_transport=httpx.ASGITransport(app=wechat.app()),
        catalogue_transports=catalogue_transports(parking=parking.app()),
    )
    await prepare(app)
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://identity") as client:
        yield Identity(
            app=app, client=client, db=identity_db, clock=clock, directory=directory, wechat=wechat
        )


async def roles_of(identity: Identity) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in (await identity.client.get("/v1/roles")).json()}


async def test_a_new_services_permissions_reach_their_roles_without_identity_changes(
    with_parking: Identity,
) -> None:
    identity = with_parking
    await identity.seed()
    roles = await roles_of(identity)
    assert {DEVICES, ALLOCATE} <= set(roles["parking_manager"]["permissions"])
    meaning = next(m for m in roles["parking_manager"]["meanings"] if m["name"] == ALLOCATE)
    assert (meaning["service"], meaning["zh"], meaning["en"]) == (
        "parking",
        "分配车位",
        "Allocate spaces",
    )
    # The demo parking manager now holds parking's permissions in the token.
    token = await identity.login("parking_hcxl")
    me = await identity.client.get(
        "/v1/me", headers={"Authorization": f"Bearer {token['access_token']}"}
    )
    assert ALLOCATE in me.json()["grants"][0]["perms"]

    admin = await identity.bearer("admin")
    added = await identity.client.post(
        "/v1/roles/community_staff/permissions", json={"permission": ALLOCATE}, headers=admin
    )
    assert added.status_code == 200, added.text
    assert ALLOCATE in added.json()["permissions"]
    undeclared = await identity.client.post(
        "/v1/roles/community_staff/permissions",
        json={"permission": "parking:spaces:sell"},
        headers=admin,
    )
    assert undeclared.status_code == 422
    assert undeclared.json()["code"] == "unknown_permission"
    device_only = await identity.client.post(
        "/v1/roles/community_staff/permissions", json={"permission": GATE}, headers=admin
    )
    assert device_only.status_code == 422
    assert device_only.json()["code"] == "permission_not_for_staff"


async def test_an_api_key_naming_an_undeclared_scope_is_refused(identity: Identity) -> None:
    await identity.seed()
    admin = await identity.bearer("admin")
    dx = await identity.directory.place("DX")
    # directory:places:read was a scope no route checked: nobody declares it now.
    refused = await identity.client.post(
        "/v1/api-clients",
        json={"name": "x", "scopes": ["directory:places:read"], "place_ids": [dx["id"]]},
        headers=admin,
    )
    assert refused.status_code == 422
    assert refused.json()["code"] == "unknown_permission"


async def test_editing_a_role_is_for_district_admins_and_every_change_is_audited(
    identity: Identity,
) -> None:
    await identity.seed()
    street_admin = await identity.bearer("tgy_admin")
    forbidden = await identity.client.post(
        "/v1/roles/building_captain/permissions",
        json={"permission": "intake:tickets:handle"},
        headers=street_admin,
    )
    assert forbidden.status_code == 403

    admin = await identity.bearer("admin")
    added = await identity.client.post(
        "/v1/roles/building_captain/permissions",
        json={"permission": "intake:tickets:handle"},
        headers=admin,
    )
    assert added.status_code == 200
    removed = await identity.client.delete(
        "/v1/roles/building_captain/permissions/directory:codes:print", headers=admin
    )
    assert removed.status_code == 200
    assert removed.json()["permissions"] == ["intake:tickets:read", "intake:tickets:handle"]
    events = (await identity.client.get("/v1/audit", headers=admin)).json()["items"]
    role_events = [
        (e["action"], e["target_id"], e["detail"]["permission"])
        for e in events
        if e["target_kind"] == "role"
    ]
    assert sorted(role_events) == [
        ("role.permission_added", "building_captain", "intake:tickets:handle"),
        ("role.permission_removed", "building_captain", "directory:codes:print"),
    ]


async def test_the_default_merge_keeps_an_admins_removal_and_adds_new_defaults(
    with_parking: Identity, parking: ParkingStandIn
) -> None:
    identity = with_parking
    await identity.seed()
    admin = await identity.bearer("admin")
    removed = await identity.client.delete(
        f"/v1/roles/parking_manager/permissions/{ALLOCATE}", headers=admin
    )
    assert removed.status_code == 200
    # Parking declares a new default binding; identity learns it on its timer.
    parking.catalogue = parking_catalogue(extra_binding=True)
    await refresh_catalogues(identity.app)
    roles = await roles_of(identity)
    assert ALLOCATE not in roles["parking_manager"]["permissions"]
    assert DEVICES in roles["parking_manager"]["permissions"]
    assert ALLOCATE in roles["street_admin"]["permissions"]


async def test_roles_are_checked_against_the_stored_catalogue_while_its_service_is_down(
    with_parking: Identity, parking: ParkingStandIn
) -> None:
    identity = with_parking
    await identity.seed()
    parking.up = False
    await refresh_catalogues(identity.app)
    admin = await identity.bearer("admin")
    added = await identity.client.post(
        "/v1/roles/street_admin/permissions", json={"permission": ALLOCATE}, headers=admin
    )
    assert added.status_code == 200, added.text
    refused = await identity.client.post(
        "/v1/roles/street_admin/permissions", json={"permission": "parking:x:y"}, headers=admin
    )
    assert refused.json()["code"] == "unknown_permission"


async def test_a_device_manager_issues_its_services_device_keys_on_its_own_places_only(
    with_parking: Identity,
) -> None:
    identity = with_parking
    await identity.seed()
    manager = await identity.bearer("parking_hcxl")
    area = await identity.directory.place("HCXL-P1")
    issued = await identity.client.post(
        "/v1/api-clients",
        json={"name": "1号道闸", "kind": "device", "scopes": [GATE], "place_ids": [area["id"]]},
        headers=manager,
    )
    assert issued.status_code == 201, issued.text
    key = issued.json()["api_key"]
    token = await identity.client.post("/v1/auth/api-key-token", headers={"X-API-Key": key})
    assert token.status_code == 200

    # Not an integration key, not a scope the permission does not issue, not elsewhere.
    integration = await identity.client.post(
        "/v1/api-clients",
        json={"name": "x", "kind": "integration", "scopes": [GATE], "place_ids": [area["id"]]},
        headers=manager,
    )
    assert integration.status_code == 403
    beyond = await identity.client.post(
        "/v1/api-clients",
        json={
            "name": "x",
            "kind": "device",
            "scopes": ["intake:tickets:read"],
            "place_ids": [area["id"]],
        },
        headers=manager,
    )
    assert beyond.status_code == 403
    elsewhere = await identity.directory.place("TGYZL")
    outside = await identity.client.post(
        "/v1/api-clients",
        json={"name": "x", "kind": "device", "scopes": [GATE], "place_ids": [elsewhere["id"]]},
        headers=manager,
    )
    assert outside.status_code in (403, 404)
    # Community staff hold no device-management permission.
    staff = await identity.bearer("hcxl_staff")
    community = await identity.client.post(
        "/v1/api-clients",
        json={"name": "x", "kind": "device", "scopes": [GATE], "place_ids": [area["id"]]},
        headers=staff,
    )
    assert community.status_code == 403


async def test_a_role_naming_a_permission_its_service_dropped_is_not_granted(
    with_parking: Identity, parking: ParkingStandIn
) -> None:
    identity = with_parking
    await identity.seed()
    parking.catalogue = Catalogue(
        service="parking",
        permissions=tuple(p for p in parking_catalogue().permissions if p.name != ALLOCATE),
        bindings={"parking_manager": (DEVICES,)},
    )
    await refresh_catalogues(identity.app)
    roles = await roles_of(identity)
    dropped = next(m for m in roles["parking_manager"]["meanings"] if m["name"] == ALLOCATE)
    assert dropped["declared"] is False

    admin = await identity.bearer("admin")
    worker = (await identity.client.get("/v1/staff", headers=admin)).json()["items"][0]
    area = await identity.directory.place("HCXL-P1")
    refused = await identity.client.post(
        f"/v1/staff/{worker['id']}/grants",
        json={"role": "parking_manager", "place_id": area["id"]},
        headers=admin,
    )
    assert refused.status_code == 422
    assert refused.json()["code"] == "unknown_permission"
    assert refused.json()["unknown"] == [ALLOCATE]


async def test_several_replicas_learn_the_catalogues_and_merge_each_binding_once(
    identity: Identity,
) -> None:
    async with identity.db.session() as session:
        for model in (MergedBinding, ServiceCatalogue, Role):
            await session.execute(delete(model))
        await session.commit()
    await run_replicas(CatalogueRefresher(identity.app), 3)
    async with identity.db.session(write=False) as session:
        merged = await session.scalar(select(func.count()).select_from(MergedBinding))
        stored = await session.scalar(select(func.count()).select_from(ServiceCatalogue))
    roles = await roles_of(identity)
    admin = roles["district_admin"]["permissions"]
    assert len(admin) == len(set(admin))
    assert "identity:roles:manage" in admin
    assert merged == sum(len(r["permissions"]) for r in roles.values())
    assert stored == len(load().built())
