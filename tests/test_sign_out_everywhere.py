"""A token does not outlive its session (issue 14, point 19): once a staff member signs out,
or an admin disables the account or resets its password, or a resident deletes their account
(and with it the act-for token staff hold for them), its access token is refused by
identity, intake and directory, reached directly or through the gateway (whose cache of
verified tokens included), within the interval the services refresh identity's list of
ended sessions (10 s by default; tests move the shared clock instead of sleeping).

A service that cannot reach identity keeps working with the sessions it knew had ended."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from services.directory.app import create_app as create_directory
from services.directory.config import DirectorySettings
from services.identity.seed import DEMO_PASSWORD
from services.kit.db import Database
from services.kit.revocations import REFRESH_SECONDS
from tests.fixtures.system import System

# GET /v1/todo answers anyone signed in, on every service: a probe of the token alone.
TODO = "/v1/todo"


async def _sign_in(system: System, username: str) -> dict[str, str]:
    response = await system.client.post(
        "/api/identity/v1/auth/login", json={"username": username, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def _bearer(tokens: dict[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


async def _answers(system: System, headers: dict[str, str]) -> dict[str, int]:
    """The status each door gives the token: each service directly, and the gateway's."""
    services = {
        "identity": system.identity.app,
        "directory": system.trusting_directory,
        "intake": system.intake,
    }
    statuses = {}
    for name, app in services.items():
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=f"http://{name}"
        ) as direct:
            response = await direct.get(TODO, headers=headers)
        statuses[name] = response.status_code
        through = await system.client.get(f"/api/{name}{TODO}", headers=headers)
        statuses[f"gateway/{name}"] = through.status_code
    return statuses


def _all(status: int) -> dict[str, int]:
    return {
        door: status
        for name in ("identity", "directory", "intake")
        for door in (name, f"gateway/{name}")
    }


def _later(system: System) -> None:
    """Past the interval at which every verifier asks identity for ended sessions again."""
    system.identity.clock.advance(timedelta(seconds=REFRESH_SECONDS + 1))


async def test_a_signed_out_token_is_refused_everywhere_and_others_keep_working(
    system: System,
) -> None:
    staff = await _sign_in(system, "tgyzl_staff")
    other_session = await _sign_in(system, "tgyzl_staff")
    someone_else = await _sign_in(system, "gysnl_staff")
    # Every door has seen (and the gateway has cached) the token before it is signed out.
    assert await _answers(system, _bearer(staff)) == _all(200)

    out = await system.client.post(
        "/api/identity/v1/auth/logout", json={"refresh_token": staff["refresh_token"]}
    )
    assert out.status_code == 204
    _later(system)

    assert await _answers(system, _bearer(staff)) == _all(401)
    refused = await system.client.get(f"/api/intake{TODO}", headers=_bearer(staff))
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "invalid_token"
    # The door itself refuses it: a service that is not running is never asked.
    door = await system.client.get("/api/rooms/v1/rooms", headers=_bearer(staff))
    assert (door.status_code, door.json()["code"]) == (401, "invalid_token")
    # The same person's other session, and anyone else's, are untouched.
    assert await _answers(system, _bearer(other_session)) == _all(200)
    assert await _answers(system, _bearer(someone_else)) == _all(200)


async def test_disabling_an_account_or_resetting_its_password_ends_its_tokens(
    system: System,
) -> None:
    admin = await system.bearer("admin")
    staff = await _sign_in(system, "tgyzl_staff")
    worker = await _sign_in(system, "jn_worker")
    bystander = await _sign_in(system, "gysnl_staff")
    for tokens in (staff, worker):
        assert await _answers(system, _bearer(tokens)) == _all(200)

    me = await system.client.get("/api/identity/v1/me", headers=_bearer(staff))
    staff_id = me.json()["subject"].removeprefix("staff:")
    disabled = await system.client.patch(
        f"/api/identity/v1/staff/{staff_id}", json={"disabled": True}, headers=admin
    )
    assert disabled.status_code == 200, disabled.text
    me = await system.client.get("/api/identity/v1/me", headers=_bearer(worker))
    worker_id = me.json()["subject"].removeprefix("staff:")
    reset = await system.client.post(
        f"/api/identity/v1/staff/{worker_id}/password",
        json={"password": "a-new-password-2027"},
        headers=admin,
    )
    assert reset.status_code == 204, reset.text
    _later(system)

    assert await _answers(system, _bearer(staff)) == _all(401)
    assert await _answers(system, _bearer(worker)) == _all(401)
    assert await _answers(system, _bearer(bystander)) == _all(200)
    assert await _answers(system, admin) == _all(200)


async def test_a_deleted_account_ends_the_act_for_token_staff_hold_for_it(
    system: System,
) -> None:
    resident = await system.resident_bearer("13955556666")
    me = await system.client.get("/api/identity/v1/me", headers=resident)
    resident_id = me.json()["subject"].removeprefix("resident:")
    unit = await system.place("TGYZL-03-2")
    claimed = await system.client.post(
        "/api/identity/v1/me/households",
        json={"unit_place_id": unit["id"], "room_no": "502"},
        headers=resident,
    )
    assert claimed.status_code == 201, claimed.text
    staff = await system.bearer("tgyzl_staff")
    verified = await system.client.post(
        f"/api/identity/v1/households/{claimed.json()['id']}/members/{resident_id}/verify",
        headers=staff,
    )
    assert verified.status_code == 200, verified.text
    acting = await system.client.post(
        "/api/identity/v1/tokens/act-for",
        json={"resident_id": resident_id, "reason": "老人来电，代为报修"},
        headers=staff,
    )
    assert acting.status_code == 200, acting.text
    act_for = _bearer(acting.json())
    assert await _answers(system, act_for) == _all(200)

    deleted = await system.client.delete("/api/identity/v1/me", headers=resident)
    assert deleted.status_code == 204, deleted.text
    _later(system)

    # The act-for token carries the staff member's session, still open: it is the account
    # that ended, and every door refuses a token naming it.
    assert await _answers(system, act_for) == _all(401)
    assert await _answers(system, staff) == _all(200)
    listed = await system.client.get("/api/identity/v1/revocations")
    assert resident_id not in listed.text  # the list names the account by a digest only


async def test_withdrawing_a_role_ends_the_tokens_that_carry_it(system: System) -> None:
    admin = await system.bearer("admin")
    staff = await _sign_in(system, "tgyzl_staff")
    assert await _answers(system, _bearer(staff)) == _all(200)
    me = await system.client.get("/api/identity/v1/me", headers=_bearer(staff))
    staff_id = me.json()["subject"].removeprefix("staff:")
    account = await system.client.get(f"/api/identity/v1/staff/{staff_id}", headers=admin)
    [grant] = account.json()["grants"]

    withdrawn = await system.client.delete(
        f"/api/identity/v1/staff/{staff_id}/grants/{grant['id']}", headers=admin
    )
    assert withdrawn.status_code == 204, withdrawn.text
    _later(system)

    # The old token still carried the role: refused at every door.
    assert await _answers(system, _bearer(staff)) == _all(401)
    # Signing in again works and carries what remains (nothing).
    again = await _sign_in(system, "tgyzl_staff")
    me = await system.client.get("/api/identity/v1/me", headers=_bearer(again))
    assert me.status_code == 200, me.text
    assert me.json()["grants"] == []


class Outage(httpx.AsyncBaseTransport):
    """The network to identity, which can go down."""

    def __init__(self, to: httpx.AsyncBaseTransport) -> None:
        self.to = to
        self.down = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("identity is down", request=request)
        return await self.to.handle_async_request(request)


async def test_a_service_that_cannot_reach_identity_keeps_what_it_knew(
    system: System, directory_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    network = Outage(httpx.ASGITransport(app=system.identity.app))
    directory = create_directory(
        DirectorySettings(
            env="test",
            database_url=directory_db.url,
            auto_migrate=False,
            jwks_url="http://identity/v1/jwks.json",
        ),
        clock=system.identity.clock,
        database=directory_db,
        jwks_transport=network,
    )
    staying = await _sign_in(system, "tgyzl_staff")
    leaving = await _sign_in(system, "gysnl_staff")
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=directory), base_url="http://directory"
    ) as client:
        assert (await client.get(TODO, headers=_bearer(staying))).status_code == 200
        out = await system.client.post(
            "/api/identity/v1/auth/logout", json={"refresh_token": leaving["refresh_token"]}
        )
        assert out.status_code == 204
        _later(system)
        assert (await client.get(TODO, headers=_bearer(leaving))).status_code == 401

        network.down = True
        _later(system)
        with caplog.at_level("WARNING", logger="kit.revocations"):
            assert (await client.get(TODO, headers=_bearer(staying))).status_code == 200
        assert "could not fetch the revoked sessions" in caplog.text
        # What it knew still holds while identity is away.
        assert (await client.get(TODO, headers=_bearer(leaving))).status_code == 401
        newcomer = await _sign_in(system, "admin")  # identity itself is up; the road is not
        assert (await client.get(TODO, headers=_bearer(newcomer))).status_code == 200
