"""kit.permissions: a catalogue refuses to contradict itself where it is declared, and each
built service serves its own at GET /v1/permissions."""

from __future__ import annotations

from importlib import import_module

import httpx
import pytest
from fastapi import FastAPI
from pydantic import ValidationError

from services.kit.catalog import Service, load
from services.kit.permissions import Access, Catalogue, Permission, permissions_router

GATE = Permission(name="parking:gate:check", zh="道闸", en="Gate", holders=("device",))


def test_a_catalogue_declares_only_its_own_permissions() -> None:
    with pytest.raises(ValidationError, match="others' permissions"):
        Catalogue(service="rooms", permissions=(GATE,))


def test_bindings_name_standard_roles_and_staff_permissions() -> None:
    with pytest.raises(ValidationError, match="unknown role"):
        Catalogue(service="parking", permissions=(GATE,), bindings={"janitor": ()})
    with pytest.raises(ValidationError, match="not a staff permission"):
        Catalogue(
            service="parking", permissions=(GATE,), bindings={"parking_manager": (GATE.name,)}
        )


def test_a_permission_issues_only_device_only_permissions() -> None:
    allocate = Permission(name="parking:spaces:allocate", zh="分配", en="Allocate")
    manage = Permission(
        name="parking:devices:manage", zh="设备", en="Devices", issues=(allocate.name,)
    )
    with pytest.raises(ValidationError, match="not device-only"):
        Catalogue(service="parking", permissions=(allocate, manage))


def test_an_access_declares_its_alternatives() -> None:
    assert Access("a:b:c").declare() == {"x-permission": "a:b:c"}
    assert Access("a:b:c", ("a:b:d",)).declare() == {
        "x-permission": "a:b:c",
        "x-permission-alternatives": ["a:b:d"],
    }


@pytest.mark.parametrize("service", [s for s in load().built()], ids=lambda s: s.name)
async def test_each_built_service_serves_its_catalogue(service: Service) -> None:
    catalogue = import_module(f"{service.package}.permissions").CATALOGUE
    app = FastAPI()
    app.include_router(permissions_router(catalogue))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://service"
    ) as client:
        answer = await client.get("/v1/permissions")
    assert answer.status_code == 200
    assert Catalogue.model_validate(answer.json()) == catalogue
    assert catalogue.service == service.name
