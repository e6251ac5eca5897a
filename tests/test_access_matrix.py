"""The access matrix, generated from the OpenAPI documents: every operation that changes
something declares its permission (x-permission) or is one of the few public/self-service
writes listed here, and every declared operation refuses an anonymous caller."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from services.kit.catalog import load

# Writes anyone may make (signing in, reporting from a QR code, a reporter acting on their
# own report through its tracking token), or a signed-in person makes about themselves.
SELF_SERVICE = {
    ("intake", "POST", "/v1/tickets"),
    # Residents upload photos before reporting, without an account.
    ("intake", "POST", "/v1/media"),
    # Open311 clients carry their api_key in the form; without one the spec answers 403.
    ("intake", "POST", "/open311/v2/requests.{fmt}"),
    ("intake", "POST", "/v1/tickets/{ticket_id}/follow"),
    ("intake", "POST", "/v1/track/{tracking_token}/confirm"),
    ("intake", "POST", "/v1/track/{tracking_token}/rate"),
    ("intake", "POST", "/v1/track/{tracking_token}/reopen"),
    ("identity", "POST", "/v1/auth/login"),
    ("identity", "POST", "/v1/auth/refresh"),
    ("identity", "POST", "/v1/auth/logout"),
    ("identity", "POST", "/v1/auth/otp/send"),
    ("identity", "POST", "/v1/auth/otp/verify"),
    ("identity", "POST", "/v1/auth/wechat/login"),
    ("identity", "POST", "/v1/auth/api-key-token"),
    ("identity", "POST", "/v1/me/households"),
    ("identity", "POST", "/v1/me/dependants"),
}


def operations(app: FastAPI) -> list[tuple[str, str, dict[str, Any]]]:
    spec = app.openapi()
    return [
        (method.upper(), path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    ]


def _fill(path: str) -> str:
    # Any well-formed id: the refusal must come before the thing is even looked up.
    return re.sub(
        r"\{[^}]+\}",
        lambda m: (
            "AAAAAAAAAAAA"
            if "token" in m.group(0)
            else ("2026-01-01" if "day" in m.group(0) else str(uuid.uuid4()))
        ),
        path,
    )


@pytest.fixture
def apps(
    request: pytest.FixtureRequest, backend: str
) -> dict[str, tuple[FastAPI, httpx.AsyncClient]]:
    """Every built service of services.toml, through its fixture (`<name>`: .app, .client).

    The services' fixtures are looked up by name; asking for `backend` here runs the matrix
    on each database backend, as a direct request of the fixtures would."""
    apps = {}
    for service in load().built():
        fixture = request.getfixturevalue(service.name)
        apps[service.name] = (fixture.app, fixture.client)
    return apps


async def test_every_write_declares_its_permission(
    apps: dict[str, tuple[FastAPI, httpx.AsyncClient]],
) -> None:
    undeclared = [
        (service, method, path)
        for service, (app, _) in apps.items()
        for method, path, op in operations(app)
        if method != "GET"
        and "x-permission" not in op
        and (service, method, path) not in SELF_SERVICE
    ]
    assert undeclared == []


async def test_every_declared_operation_refuses_an_anonymous_caller(
    apps: dict[str, tuple[FastAPI, httpx.AsyncClient]],
) -> None:
    answers = {}
    for service, (app, client) in apps.items():
        for method, path, op in operations(app):
            if "x-permission" in op:
                response = await client.request(method, _fill(path), json={})
                answers[(service, method, path)] = response.status_code
    assert answers, "no operation declares a permission"
    assert {key: code for key, code in answers.items() if code != 401} == {}
