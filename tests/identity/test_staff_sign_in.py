"""Staff sign in, carry their roles in a token every service can verify, and get locked out
after repeated failures, without learning which accounts exist."""

from __future__ import annotations

from datetime import timedelta

import httpx

from services.identity.app import create_app, prepare
from services.kit.auth import TokenVerifier
from tests.fixtures.identity import Identity


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
