"""What the integration tests (Open311, the 12345 hotline) share: intake trusting the real
identity's published keys, API keys issued through identity, the Open311 schemas, and a
check that an XML answer mirrors its JSON twin."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

import httpx
from fastapi import FastAPI
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from services.intake.app import create_app, prepare
from services.intake.config import IntakeSettings
from services.intake.models import Base
from services.kit.clock import FrozenClock
from services.kit.db import Database
from services.kit.testing import empty_tables
from tests.fixtures.directory import Directory
from tests.fixtures.identity import Identity

IDENTITY_JWKS = "http://identity/v1/jwks.json"
SCHEMAS = Path(__file__).parent / "open311_schemas"
SCHEMA_BASE = "https://schemas.open311.test/georeport-v2/"
# An offset is mandatory: +08:00 here, Z or another offset elsewhere.
W3C_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@dataclass
class System:
    """Intake as deployed: it verifies tokens with identity's JWKS and asks identity to
    exchange API keys; directory answers its place look-ups."""

    app: FastAPI
    client: httpx.AsyncClient
    identity: Identity
    directory: Directory
    clock: FrozenClock

    async def bearer(self, username: str) -> dict[str, str]:
        return await self.identity.bearer(username)

    async def key_token(self, api_key: str) -> dict[str, str]:
        """What the gateway does with an X-API-Key: a bearer token from identity."""
        response = await self.identity.client.post(
            "/v1/auth/api-key-token", headers={"X-API-Key": api_key}
        )
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    async def issue_key(self, place_code: str, *scopes: str, name: str = "街道办系统") -> str:
        """A new integration key over one place, issued by the district admin."""
        place = await self.directory.place(place_code)
        response = await self.identity.client.post(
            "/v1/api-clients",
            json={"name": name, "scopes": list(scopes), "place_ids": [place["id"]]},
            headers=await self.bearer("admin"),
        )
        assert response.status_code == 201, response.text
        return str(response.json()["api_key"])

    async def report_from_door(self, unit_code: str, **fields: Any) -> dict[str, Any]:
        body = {
            "code_token": await self.directory.unit_token(unit_code),
            "category": "small_ads",
            "description": "楼道墙上贴满了小广告",
            **fields,
        }
        response = await self.client.post("/v1/tickets", json=body)
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def staff_ticket(self, number: str, username: str = "tgyzl_staff") -> dict[str, Any]:
        """The staff view of a ticket (source, masked reporter, trail), found by number."""
        headers = await self.bearer(username)
        inbox = await self.client.get("/v1/tickets", params={"limit": 100}, headers=headers)
        assert inbox.status_code == 200, inbox.text
        ticket_id = next(t["id"] for t in inbox.json()["items"] if t["number"] == number)
        response = await self.client.get(f"/v1/tickets/{ticket_id}", headers=headers)
        assert response.status_code == 200, response.text
        return dict(response.json())


async def build_system(
    identity: Identity, directory: Directory, intake_db: Database, clock: FrozenClock
) -> tuple[System, httpx.AsyncClient]:
    """Seed identity (and directory), empty intake, and make intake trust identity. The
    caller closes the returned client."""
    await identity.seed()
    await empty_tables(intake_db, Base.metadata)
    to_identity = httpx.ASGITransport(app=identity.app)
    app = create_app(
        IntakeSettings(
            env="test",
            database_url=intake_db.url,
            auto_migrate=False,
            run_workers=False,
            jwks_url=IDENTITY_JWKS,
            secret_key="test-secret-for-intake",
            directory_url="http://directory",
            identity_url="http://identity",
        ),
        clock=clock,
        database=intake_db,
        directory_transport=httpx.ASGITransport(app=directory.app),
        identity_transport=to_identity,
        jwks_transport=to_identity,
    )
    await prepare(app)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://intake")
    system = System(app=app, client=client, identity=identity, directory=directory, clock=clock)
    return system, client


# --- The Open311 schemas


def _format_checker() -> FormatChecker:
    """date-time and uri asserted (jsonschema would skip them without extra packages)."""
    checker = FormatChecker(formats=())

    @checker.checks("date-time", raises=ValueError)
    def date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not W3C_WITH_OFFSET.match(value):
            raise ValueError(f"not an ISO 8601 datetime with an offset: {value}")
        return datetime.fromisoformat(value).tzinfo is not None

    @checker.checks("uri")
    def uri(value: object) -> bool:
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return bool(parts.scheme and parts.netloc)

    return checker


def _registry() -> Registry[Any]:
    resources = [
        (
            SCHEMA_BASE + path.name,
            Resource.from_contents(
                json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT202012
            ),
        )
        for path in sorted(SCHEMAS.glob("*.json"))
    ]
    return Registry().with_resources(resources)


REGISTRY = _registry()
FORMATS = _format_checker()


def assert_valid(document: Any, schema_file: str) -> None:
    """Validate against one of the schemas, its $refs resolved among the files."""
    validator = Draft202012Validator(
        {"$ref": SCHEMA_BASE + schema_file}, registry=REGISTRY, format_checker=FORMATS
    )
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert problems == [], problems


# --- XML mirrors JSON

ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}


def parse_xml(response: httpx.Response) -> ElementTree.Element:
    assert response.headers["content-type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    return ElementTree.fromstring(response.content)


def assert_mirrors(element: ElementTree.Element, value: Any, tag: str) -> None:
    """The XML element holds what the JSON value holds, with the spec's element names."""
    assert element.tag == tag
    if isinstance(value, dict):
        assert [child.tag for child in element] == list(value), (tag, list(value))
        for child, (key, item) in zip(element, value.items(), strict=True):
            assert_mirrors(child, item, key)
    elif isinstance(value, list):
        assert len(element) == len(value), tag
        for child, item in zip(element, value, strict=True):
            assert_mirrors(child, item, ITEM_TAGS[tag])
    elif value is None:
        assert element.text is None, tag
        assert len(element) == 0, tag
    elif isinstance(value, bool):
        assert element.text == ("true" if value else "false"), tag
    else:
        assert element.text == str(value), (tag, element.text, value)


OPEN311 = "/open311/v2"


def spec_error(response: httpx.Response, status: int) -> str:
    """The spec's error answer, in whichever format the path asked for; its description."""
    assert response.status_code == status, response.text
    if response.request.url.path.endswith(".xml"):
        root = parse_xml(response)
        assert root.tag == "errors"
        [error] = list(root)
        assert [child.tag for child in error] == ["code", "description"]
        assert error.findtext("code") == str(status)
        return error.findtext("description") or ""
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    document = response.json()
    assert_valid(document, "errors.json")
    assert document[0]["code"] == status
    return str(document[0]["description"])


async def post(system: System, fmt: str = "json", **fields: str) -> httpx.Response:
    return await system.client.post(f"{OPEN311}/requests.{fmt}", data=fields)


async def stored(system: System) -> int:
    return len((await system.client.get(f"{OPEN311}/requests.json")).json())
