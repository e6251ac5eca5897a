"""The access matrix, generated from the OpenAPI documents: every operation that changes
something declares its permission (x-permission) or is one of the few public/self-service
writes listed here, and every declared operation refuses an anonymous caller."""

from __future__ import annotations

import re
import uuid
from importlib import import_module
from typing import Any

import httpx
import jwt
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute

from services.kit.catalog import load
from services.kit.permissions import Catalogue, guards_of
from services.kit.todo import TODO_PATH
from tests.fixtures.system import System

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
    # A resident deletes their own account (never staff acting for them).
    ("identity", "DELETE", "/v1/me"),
    # A signed-in resident's own homes and children: leave, invite, join, a document photo.
    ("identity", "DELETE", "/v1/me/dependants/{dependant_id}"),
    ("identity", "DELETE", "/v1/me/households/{household_id}"),
    ("identity", "POST", "/v1/me/households/{household_id}/invites"),
    ("identity", "POST", "/v1/me/household-invites/accept"),
    ("identity", "POST", "/v1/media"),
    # A courier checks in from the station's code without an account, and acts on that
    # visit through its token (taking an item from the kit too); a signed-in resident
    # registers as a courier, keeps the profile and takes a new card.
    ("courier", "POST", "/v1/visits"),
    ("courier", "POST", "/v1/visits/{token}/services"),
    ("courier", "POST", "/v1/visits/{token}/checkout"),
    ("courier", "POST", "/v1/visits/{token}/supplies"),
    ("courier", "POST", "/v1/me/courier"),
    ("courier", "PATCH", "/v1/me/courier"),
    ("courier", "POST", "/v1/me/courier/card"),
    # A signed-in courier uploads a profile photo, shows it on the profile or removes it.
    ("courier", "POST", "/v1/media"),
    ("courier", "PUT", "/v1/me/courier/photo"),
    ("courier", "DELETE", "/v1/me/courier/photo"),
    # A registered courier signs up to an activity and cancels their own sign-up.
    ("courier", "POST", "/v1/activities/{activity_id}/signup"),
    ("courier", "DELETE", "/v1/activities/{activity_id}/signup"),
}


# Permissions checked by a route that cannot declare x-permission: Open311 clients carry their
# key in the form, and the spec answers 403 (not 401) without one.
CHECKED_WITHOUT_DECLARING = {
    ("intake", "POST", "/open311/v2/requests.{fmt}"): "intake:open311:submit",
}


def catalogues() -> dict[str, Catalogue]:
    """Every built service's catalogue, from its permissions.py."""
    return {s.name: import_module(f"{s.package}.permissions").CATALOGUE for s in load().built()}


def named(op: dict[str, Any]) -> set[str]:
    return {op["x-permission"], *op.get("x-permission-alternatives", [])}


def api_routes(routes: list[Any]) -> list[APIRoute]:
    """The operations of an app, through the routers it includes (FastAPI keeps an
    included router whole: its routes sit under `original_router`)."""
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            found.extend(api_routes(route.original_router.routes))
    return found


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


async def test_every_declared_permission_is_in_a_catalogue_and_every_entry_is_used(
    apps: dict[str, tuple[FastAPI, httpx.AsyncClient]],
) -> None:
    declared = {p.name for c in catalogues().values() for p in c.permissions}
    used = set(CHECKED_WITHOUT_DECLARING.values())
    for app, _ in apps.values():
        for _method, _path, op in operations(app):
            if "x-permission" in op:
                used |= named(op)
    assert sorted(used - declared) == [], "a route names a permission no catalogue declares"
    assert sorted(declared - used) == [], "a catalogue declares a permission no route checks"


async def test_a_resource_dependency_and_its_route_declare_the_same_access(
    apps: dict[str, tuple[FastAPI, httpx.AsyncClient]],
) -> None:
    """A chained dependency (load, authorize on the place path) enforces one kit Access; the
    route depending on it declares exactly that Access in its OpenAPI."""
    checked, drift = 0, []
    for service, (app, _) in apps.items():
        for route in api_routes(app.routes):
            extra = route.openapi_extra or {}
            declared = {k: v for k, v in extra.items() if k.startswith("x-permission")}
            for access in guards_of(route):
                checked += 1
                if declared != access.declare():
                    drift.append((service, route.path, access.any_of, declared))
    assert checked, "no route depends on a guarded resource"
    assert drift == []


def _perms(headers: dict[str, str]) -> set[str]:
    token = headers["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})
    return {p for g in claims.get("grants", []) for p in g["perms"]}


async def test_every_declared_list_refuses_a_caller_holding_its_permission_nowhere(
    system: System,
) -> None:
    """A resident, or a contractor's worker, asking for a staff list (the inbox, webhooks,
    referrals, ...) gets the 403 problem an export gives them, not an empty list: the same
    answer for the same refusal. Not asked: operations that need a query parameter, and kit's
    /v1/todo, which the console's home page asks of every service whatever the roles (a
    missing permission there is no items, by design)."""
    callers = {
        "resident": await system.resident_bearer("15011113333"),
        "contractor": await system.bearer("jn_worker"),
    }
    answers = {}
    for service, app in system.apps.items():
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=f"http://{service}"
        ) as client:
            for method, path, op in operations(app):
                needs_input = any(p.get("required") for p in op.get("parameters", []))
                if method != "GET" or "{" in path or "x-permission" not in op or needs_input:
                    continue
                if path == TODO_PATH:
                    continue
                for who, headers in callers.items():
                    if named(op) & _perms(headers):
                        continue  # holds it somewhere: not this test's case
                    response = await client.get(path, headers=headers)
                    answers[(service, path, who)] = (
                        response.status_code,
                        response.headers.get("content-type"),
                    )
    assert answers
    refused = (403, "application/problem+json")
    wrong = {key: answer for key, answer in answers.items() if answer != refused}
    assert not wrong, "\n".join(f"{k}: {v}" for k, v in sorted(wrong.items()))
