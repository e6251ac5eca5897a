"""Every call one service makes to another through kit's clients, and what its caller sees
when the other service refuses or does not answer: another service's 4xx is the caller's
4xx with its meaning kept (an unknown thing the caller named is a 422 at its field, a gone
one a 410), a 5xx, a timeout or a refused connection is a 503 `<service>_unavailable`.

One scripted app stands in for the other service (the real ones never answer a 5xx), so each
client method meets each status; tests/kit/test_clients.py has them against the real apps.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from services.kit.clients.base import ServiceClient
from services.kit.clients.directory import CodeTarget, DirectoryClient
from services.kit.clients.identity import IdentityClient
from services.kit.errors import DomainError
from tests.fixtures.directory import Directory

TOKEN = "AAAAAAAAAAAA"
PLACE = uuid.UUID("00000000-0000-4000-8000-000000000001")


class Scripted(httpx.AsyncBaseTransport):
    """Answers every request with `status` and a problem; `hang` raises a timeout, `refuse`
    a refused connection. With `key_first`, identity's key exchange is answered with a token
    first, so the call behind it (on-duty messages) is the one that meets `status`. Keeps
    what was asked."""

    def __init__(self, status: int | str, *, key_first: bool = False) -> None:
        self.status = status
        self.key_first = key_first
        self.seen: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(f"{request.method} {request.url.path}")
        if self.key_first and len(self.seen) == 1:
            return httpx.Response(200, json={"access_token": "t", "token_type": "bearer"})
        if self.status == "hang":
            raise httpx.ReadTimeout("timed out", request=request)
        if self.status == "refuse":
            raise httpx.ConnectError("connection refused", request=request)
        assert isinstance(self.status, int)
        body = {
            "type": "/problems/theirs",
            "title": "Theirs",
            "status": self.status,
            "code": "their_code",
            "detail": "What the other service said.",
            "errors": [{"pointer": "/body/kind", "detail": "not here", "code": "invalid"}],
            "allowed_kinds": ["unit"],
        }
        return httpx.Response(
            self.status,
            content=json.dumps(body).encode(),
            headers={"Content-Type": "application/problem+json"},
        )


Call = Callable[[Any], Awaitable[Any]]

# name -> (client class, the call, the pointer an "unknown" lands at, or None)
CALLS: dict[str, tuple[type[ServiceClient], Call, str | None]] = {
    "directory.resolve_code": (
        DirectoryClient,
        lambda c: c.resolve_code(TOKEN, pointer="/body/code_token"),
        "/body/code_token",
    ),
    "directory.place": (
        DirectoryClient,
        lambda c: c.place(PLACE, pointer="/body/place_id"),
        "/body/place_id",
    ),
    "directory.place (no field)": (DirectoryClient, lambda c: c.place(PLACE), None),
    "directory.place_by_code": (
        DirectoryClient,
        lambda c: c.place_by_code("TGYZL-01-1", pointer="/body/place_code"),
        "/body/place_code",
    ),
    "directory.locate": (
        DirectoryClient,
        lambda c: c.locate("TGYZL-01-1", pointer="/body/place_code"),
        "/body/place_code",
    ),
    "directory.address": (DirectoryClient, lambda c: c.address("TGYZL-01-1"), None),
    "directory.places_under": (DirectoryClient, lambda c: c.places_under(PLACE), None),
    "directory.issue_code": (
        DirectoryClient,
        lambda c: c.issue_code(
            PLACE,
            kind="room",
            target=CodeTarget(service="rooms", id="r1"),
            bearer="t",
            pointer="/body/place_id",
        ),
        "/body/place_id",
    ),
    "directory.revoke_code": (
        DirectoryClient,
        lambda c: c.revoke_code(TOKEN, reason="torn off", bearer="t"),
        None,
    ),
    "identity.organisation": (
        IdentityClient,
        lambda c: c.organisation(PLACE, pointer="/body/assignee_ref"),
        "/body/assignee_ref",
    ),
    "identity.coverage": (
        IdentityClient,
        lambda c: c.coverage(
            PLACE, permission="intake:workorders:work", pointer="/body/assignee_ref"
        ),
        "/body/assignee_ref",
    ),
    "identity.api_key_token": (IdentityClient, lambda c: c.api_key_token("sqwb_x"), None),
    "identity.service_token": (IdentityClient, lambda c: c.service_token(), None),
    "identity.notify_on_duty": (
        IdentityClient,
        lambda c: c.notify_on_duty(
            role="community_staff", place_path="/a/", template="urgent_ticket", text="x"
        ),
        None,
    ),
}

# Answers a method turns into a value instead of a problem, by design.
ANSWERED: dict[tuple[str, int], Any] = {
    # An unknown place has nothing under it.
    ("directory.places_under", 404): [],
    ("directory.places_under", 422): [],
    # A refused integration key is "not valid", which the gateway answers 401 itself.
    ("identity.api_key_token", 401): None,
    ("identity.api_key_token", 403): None,
    ("identity.api_key_token", 422): None,
    ("identity.service_token", 401): None,
    ("identity.service_token", 403): None,
    ("identity.service_token", 422): None,
}


def _client(name: str, transport: httpx.AsyncBaseTransport) -> ServiceClient:
    cls = CALLS[name][0]
    if cls is IdentityClient:
        return IdentityClient("http://identity", api_key="sqwb_own", transport=transport)
    return cls("http://directory", transport=transport)


def _service(name: str) -> str:
    return name.split(".", 1)[0]


def _expected(name: str, status: int) -> tuple[int, str]:
    """(status, code) the caller answers when the other service answered `status`."""
    pointer = CALLS[name][2]
    unknown_statuses = (404,) if name == "directory.issue_code" else (400, 404, 422)
    if name == "directory.address" and status in (404, 422):
        # The code was known when the record was made: not finding it is directory's fault.
        return 503, "directory_unavailable"
    if status == 401:
        # Refuses *our* service credentials, which the caller cannot fix.
        return 503, f"{_service(name)}_unavailable"
    unknown_code = {
        "directory.resolve_code": "unknown_code",
        "directory.revoke_code": "unknown_code",
        "identity.organisation": "unknown_organisation",
        "identity.coverage": "unknown_organisation",
    }.get(name, "unknown_place" if name.startswith("directory.") else "")
    if status in unknown_statuses and unknown_code and (pointer is not None or status == 404):
        return (422 if pointer is not None else 404), unknown_code
    if name == "directory.resolve_code" and status == 410:
        return 410, "code_revoked"
    return status, "their_code"


@pytest.mark.parametrize("name", list(CALLS))
@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 410, 422, 429])
async def test_another_services_4xx_is_the_callers_4xx(name: str, status: int) -> None:
    transport = Scripted(status, key_first=name == "identity.notify_on_duty")
    client = _client(name, transport)
    call = CALLS[name][1]
    if (name, status) in ANSWERED:
        assert await call(client) == ANSWERED[(name, status)]
        return
    with pytest.raises(DomainError) as caught:
        await call(client)
    want_status, want_code = _expected(name, status)
    assert (caught.value.status, caught.value.code) == (want_status, want_code)
    if want_status == 422 and want_code != "their_code":
        assert [e.pointer for e in caught.value.errors] == [CALLS[name][2]]
    if want_code == "their_code":
        # Kept as the other service said it: detail, field errors, extension members.
        assert caught.value.detail == "What the other service said."
        assert [e.pointer for e in caught.value.errors] == ["/body/kind"]
        assert caught.value.extensions == {"allowed_kinds": ["unit"]}
    await client.aclose()


@pytest.mark.parametrize("name", list(CALLS))
@pytest.mark.parametrize("failure", [500, 502, 503, 504, "hang", "refuse"])
async def test_no_answer_or_a_5xx_is_a_503(name: str, failure: int | str) -> None:
    transport = Scripted(failure, key_first=name == "identity.notify_on_duty")
    client = _client(name, transport)
    with pytest.raises(DomainError) as caught:
        await CALLS[name][1](client)
    assert caught.value.status == 503
    assert caught.value.code == f"{_service(name)}_unavailable"
    await client.aclose()


@pytest.mark.parametrize("raw", ["not a token!", "AAAA", "AAAAAAAAAAAA1", "AAAAAAAAAAA1", " "])
async def test_a_malformed_code_token_is_the_callers_problem_without_a_call(raw: str) -> None:
    transport = Scripted(500)
    client = DirectoryClient("http://directory", transport=transport)
    with pytest.raises(DomainError) as scanned:
        await client.resolve_code(raw, pointer="/query/code_token")
    assert (scanned.value.status, scanned.value.code) == (422, "unknown_code")
    assert scanned.value.errors[0].pointer == "/query/code_token"
    with pytest.raises(DomainError) as revoked:
        await client.revoke_code(raw, reason="x", bearer="t")
    assert (revoked.value.status, revoked.value.code) == (404, "unknown_code")
    assert transport.seen == []  # directory was never asked
    await client.aclose()


async def test_a_lower_cased_token_is_asked_for_as_issued(directory: Directory) -> None:
    await directory.seed()
    token = await directory.unit_token("TGYZL-03-2")
    client = DirectoryClient("http://directory", transport=httpx.ASGITransport(app=directory.app))
    scanned = await client.resolve_code(f" {token.lower()} ", pointer="/body/code_token")
    assert scanned.token == token
    await client.aclose()


async def test_a_kind_directory_refuses_is_not_an_unknown_place(directory: Directory) -> None:
    """Directory's 422 about the code asked for keeps its code and members at the caller."""
    await directory.seed()
    unit = await directory.place("TGYZL-03-2")
    admin = directory.staff(unit)["Authorization"].removeprefix("Bearer ")
    client = DirectoryClient("http://directory", transport=httpx.ASGITransport(app=directory.app))
    with pytest.raises(DomainError) as caught:
        await client.issue_code(
            uuid.UUID(unit["id"]), kind="station", target=None, bearer=admin, pointer="/body/x"
        )
    assert (caught.value.status, caught.value.code) == (422, "code_kind_not_allowed")
    assert caught.value.extensions["allowed_kinds"] == ["unit", "notice_board"]
    with pytest.raises(DomainError) as unknown:
        await client.issue_code(uuid.uuid4(), kind="unit", target=None, bearer=admin, pointer="/p")
    assert (unknown.value.status, unknown.value.code) == (422, "unknown_place")
    await client.aclose()


class ClosedOnce(httpx.AsyncBaseTransport):
    """The service closes the kept-alive connection the first request goes out on; the
    next one is answered."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request.method)
        if len(self.seen) == 1:
            raise httpx.RemoteProtocolError("Server disconnected", request=request)
        return httpx.Response(200, json={"ok": True})


async def test_a_get_that_met_a_closing_connection_is_asked_again_once() -> None:
    transport = ClosedOnce()
    client = ServiceClient("http://directory", transport=transport)
    response = await client.call("GET", "/v1/places/by-code/TGYZL-03-2")
    assert response.json() == {"ok": True}
    assert transport.seen == ["GET", "GET"]
    await client.aclose()


async def test_a_write_that_met_a_closing_connection_is_not_sent_twice() -> None:
    transport = ClosedOnce()
    client = ServiceClient("http://directory", transport=transport)
    with pytest.raises(DomainError) as caught:
        await client.call("POST", "/v1/codes", json={})
    assert caught.value.status == 503
    assert transport.seen == ["POST"]
    await client.aclose()
