"""Staff sign in, carry their roles in a token every service can verify, and are slowed after
repeated failures from one address, without learning which accounts exist; a stranger's
failures never lock the owner out, and the owner is told of them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

import httpx

from services.identity.app import create_app, prepare
from services.kit.auth import TokenVerifier
from tests.fixtures.identity import DEMO_PASSWORD, Identity


async def test_a_staff_token_carries_roles_with_place_paths_and_verifies_by_jwks(
    identity: Identity,
) -> None:
    await identity.seed()
    tokens = await identity.login("tgyzl_staff")
    assert tokens["token_type"] == "Bearer"
    assert tokens["expires_in"] == 600
    jwks = (await identity.client.get("/v1/jwks.json")).json()
    assert jwks["keys"][0]["alg"] == "EdDSA"
    assert "d" not in jwks["keys"][0]

    verifier = TokenVerifier(
        jwks_url="http://identity/v1/jwks.json",
        issuer="sqwb-identity",
        clock=identity.clock,
        transport=httpx.ASGITransport(app=identity.app),
    )
    principal = await verifier.verify(tokens["access_token"])
    community = await identity.directory.place("TGYZL")
    assert principal.kind == "staff"
    assert principal.can("directory:places:write", community["path"])
    assert not principal.can(
        "directory:places:write", (await identity.directory.place("HCXL"))["path"]
    )

    me = await identity.client.get(
        "/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert me.json()["name"] == "天宫院中里社工"
    assert me.json()["phone"] == "138****0011"
    assert me.json()["grants"][0]["role"] == "community_staff"


async def test_wrong_password_and_unknown_user_get_the_same_answer(identity: Identity) -> None:
    await identity.seed()
    wrong = await identity.client.post(
        "/v1/auth/login", json={"username": "admin", "password": "nope"}
    )
    unknown = await identity.client.post(
        "/v1/auth/login", json={"username": "nobody", "password": "nope"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]
    assert wrong.json()["code"] == unknown.json()["code"] == "invalid_credentials"


async def test_five_failures_lock_the_account_for_a_while(identity: Identity) -> None:
    await identity.seed()
    for _ in range(5):
        await identity.client.post("/v1/auth/login", json={"username": "admin", "password": "x"})
    locked = await identity.client.post(
        "/v1/auth/login", json={"username": "admin", "password": "sqwb-demo-2026"}
    )
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) > 0
    # An unknown name locks the same way, so the lock reveals nothing.
    for _ in range(5):
        await identity.client.post("/v1/auth/login", json={"username": "ghost", "password": "x"})
    ghost = await identity.client.post(
        "/v1/auth/login", json={"username": "ghost", "password": "x"}
    )
    assert ghost.status_code == 429
    identity.clock.advance(timedelta(minutes=16))
    assert (
        await identity.client.post(
            "/v1/auth/login", json={"username": "admin", "password": "sqwb-demo-2026"}
        )
    ).status_code == 200


async def test_refresh_rotates_and_a_replayed_refresh_token_ends_the_session(
    identity: Identity,
) -> None:
    await identity.seed()
    first = await identity.login("gysnl_staff")
    second = await identity.client.post(
        "/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
    )
    assert second.status_code == 200
    assert second.json()["refresh_token"] != first["refresh_token"]
    replay = await identity.client.post(
        "/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
    )
    assert replay.status_code == 401
    # The thief's replay revoked the family: the legitimate newer token is dead too.
    after = await identity.client.post(
        "/v1/auth/refresh", json={"refresh_token": second.json()["refresh_token"]}
    )
    assert after.status_code == 401


async def test_a_disabled_account_cannot_sign_in_or_refresh(identity: Identity) -> None:
    await identity.seed()
    victim = await identity.login("hcxl_staff")
    admin = await identity.bearer("admin")
    staff = (await identity.client.get("/v1/staff", params={"limit": 100}, headers=admin)).json()
    target = next(s for s in staff["items"] if s["username"] == "hcxl_staff")
    disabled = await identity.client.patch(
        f"/v1/staff/{target['id']}", json={"disabled": True}, headers=admin
    )
    assert disabled.json()["disabled"] is True
    login = await identity.client.post(
        "/v1/auth/login", json={"username": "hcxl_staff", "password": "sqwb-demo-2026"}
    )
    assert login.status_code == 401
    refresh = await identity.client.post(
        "/v1/auth/refresh", json={"refresh_token": victim["refresh_token"]}
    )
    assert refresh.status_code == 401


async def test_signing_keys_survive_a_restart(identity: Identity) -> None:
    """Dev keys are kept (encrypted) in the database: tokens from before still verify."""
    await identity.seed()
    token = (await identity.login("admin"))["access_token"]
    again = create_app(
        identity.app.state.identity.settings, clock=identity.clock, database=identity.db
    )
    await prepare(again)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=again), base_url="http://i"
    ) as c:
        me = await c.get("/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200


@asynccontextmanager
async def from_address(identity: Identity, address: str) -> AsyncIterator[httpx.AsyncClient]:
    """A caller at another network address (the socket peer identity sees)."""
    transport = httpx.ASGITransport(app=identity.app, client=(address, 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://identity") as client:
        yield client


def _login(username: str, password: str) -> dict[str, str]:
    return {"username": username, "password": password}


async def test_a_strangers_wrong_passwords_slow_the_stranger_and_never_lock_out_the_owner(
    identity: Identity,
) -> None:
    await identity.seed()
    async with from_address(identity, "198.51.100.66") as stranger:
        for _ in range(5):
            wrong = await stranger.post("/v1/auth/login", json=_login("tgyzl_staff", "guess-1"))
            assert wrong.status_code == 401
        # The sixth try from there is not even checked: the right password waits too.
        held = await stranger.post("/v1/auth/login", json=_login("tgyzl_staff", DEMO_PASSWORD))
        assert held.status_code == 429
        assert held.headers["content-type"] == "application/problem+json"
        assert held.headers["Retry-After"] == "1"
        assert held.json()["code"] == "login_locked"
        assert held.json()["retry_after"] == 1
        # Each further failure doubles the wait: 1 s, 2 s, 4 s, ... up to 15 minutes.
        waits = []
        for _ in range(12):
            identity.clock.advance(timedelta(seconds=int(held.headers["Retry-After"])))
            wrong = await stranger.post("/v1/auth/login", json=_login("tgyzl_staff", "guess-2"))
            assert wrong.status_code == 401
            held = await stranger.post("/v1/auth/login", json=_login("tgyzl_staff", "guess-3"))
            assert held.status_code == 429
            waits.append(int(held.headers["Retry-After"]))
        assert waits == [2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]

    # Meanwhile the owner, at an address with no failures, signs in at once.
    tokens = await identity.login("tgyzl_staff")
    assert tokens["access_token"]


async def test_guessing_spread_over_many_addresses_slows_every_guesser_but_not_the_owner(
    identity: Identity,
) -> None:
    await identity.seed()
    # Below the ceiling, an address with one failure may try again at once.
    async with from_address(identity, "198.51.100.1") as first:
        assert (await first.post("/v1/auth/login", json=_login("admin", "a1"))).status_code == 401
        assert (await first.post("/v1/auth/login", json=_login("admin", "a2"))).status_code == 401
    # Twenty failures for one username from twenty other addresses: past the ceiling.
    for n in range(2, 22):
        async with from_address(identity, f"198.51.100.{n}") as guesser:
            guess = await guesser.post("/v1/auth/login", json=_login("admin", f"g{n}"))
            assert guess.status_code == 401
    # Now an address waits after its first failure ...
    async with from_address(identity, "198.51.100.30") as late:
        assert (await late.post("/v1/auth/login", json=_login("admin", "x1"))).status_code == 401
        slowed = await late.post("/v1/auth/login", json=_login("admin", "x2"))
        assert slowed.status_code == 429
        assert slowed.headers["Retry-After"] == "1"
        # ... for a while only: nothing is locked.
        identity.clock.advance(timedelta(seconds=1))
        assert (await late.post("/v1/auth/login", json=_login("admin", "x3"))).status_code == 401
    # The owner's own address has no failures: the right password works.
    assert (await identity.login("admin"))["access_token"]


async def test_the_owner_is_told_of_wrong_passwords_at_the_next_sign_in(
    identity: Identity,
) -> None:
    await identity.seed()
    first = await identity.client.post("/v1/auth/login", json=_login("gysnl_staff", DEMO_PASSWORD))
    assert first.json()["failed_attempts_since_last_sign_in"] == {"count": 0, "last_at": None}

    async with from_address(identity, "198.51.100.66") as stranger:
        for _ in range(3):
            identity.clock.advance(timedelta(minutes=1))
            await stranger.post("/v1/auth/login", json=_login("gysnl_staff", "not-it-2026"))
    last_try = identity.clock.now()
    identity.clock.advance(timedelta(hours=2))

    told = await identity.client.post("/v1/auth/login", json=_login("gysnl_staff", DEMO_PASSWORD))
    assert told.status_code == 200
    attempts = told.json()["failed_attempts_since_last_sign_in"]
    assert attempts["count"] == 3
    assert datetime.fromisoformat(attempts["last_at"]) == last_try
    assert "198.51.100" not in told.text
    # Told once: the next sign-in starts again from none.
    again = await identity.client.post("/v1/auth/login", json=_login("gysnl_staff", DEMO_PASSWORD))
    assert again.json()["failed_attempts_since_last_sign_in"] == {"count": 0, "last_at": None}
