"""Identity publishes the sessions that have ended (issue 14, point 19): each access token
names its session (`sid`); a sign-out, a disabled account or a reset password puts the
session on GET /v1/revocations until its last access token has expired, and every verifier
(identity's own too) refuses those tokens once it has asked again."""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta
from typing import Any

import httpx
import jwt

from services.identity.models import RefreshToken
from services.kit.revocations import REFRESH_SECONDS, http_source
from tests.fixtures.identity import Identity
from tests.identity.test_households_and_duty import _resident
from tests.identity.test_token_shape_and_acting_for import _home


def _claims(tokens: dict[str, Any]) -> dict[str, Any]:
    return dict(jwt.decode(tokens["access_token"], options={"verify_signature": False}))


def _bearer(tokens: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def _later(identity: Identity, seconds: float = REFRESH_SECONDS + 1) -> None:
    identity.clock.advance(timedelta(seconds=seconds))


async def _listed(identity: Identity) -> list[str]:
    response = await identity.client.get("/v1/revocations")
    assert response.status_code == 200, response.text
    return list(response.json()["sessions"])


async def test_a_signed_out_session_is_listed_until_its_tokens_have_expired(
    identity: Identity,
) -> None:
    await identity.seed()
    leaving = await identity.login("tgyzl_staff")
    staying = await identity.login("tgyzl_staff")
    sid = _claims(leaving)["sid"]
    assert sid != _claims(staying)["sid"]
    assert (await identity.client.get("/v1/me", headers=_bearer(leaving))).status_code == 200
    assert await _listed(identity) == []

    out = await identity.client.post(
        "/v1/auth/logout", json={"refresh_token": leaving["refresh_token"]}
    )
    assert out.status_code == 204
    assert await _listed(identity) == [sid]
    # A refreshed token keeps its session's id, so it ends with it too.
    refreshed = await identity.client.post(
        "/v1/auth/refresh", json={"refresh_token": staying["refresh_token"]}
    )
    assert _claims(refreshed.json())["sid"] == _claims(staying)["sid"]

    _later(identity)
    me = await identity.client.get("/v1/me", headers=_bearer(leaving))
    assert me.status_code == 401
    assert me.headers["content-type"] == "application/problem+json"
    assert me.json()["code"] == "invalid_token"
    assert (await identity.client.get("/v1/me", headers=_bearer(staying))).status_code == 200

    # Polling is cheap: the ETag back gives a 304, as kit's fetcher sends it.
    first = await identity.client.get("/v1/revocations")
    again = await identity.client.get(
        "/v1/revocations", headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    fetch = http_source(
        "http://identity/v1/revocations", transport=httpx.ASGITransport(app=identity.app)
    )
    assert await fetch(None) == (frozenset({sid}), first.headers["etag"])
    assert await fetch(first.headers["etag"]) is None

    # Once every token the session could have issued has expired, it leaves the list.
    _later(identity, identity.app.state.identity.settings.access_token_seconds + 21)
    assert await _listed(identity) == []


async def test_disabling_or_resetting_a_password_lists_every_session_of_that_account(
    identity: Identity,
) -> None:
    await identity.seed()
    admin = await identity.bearer("admin")
    first = await identity.login("tgyzl_staff")
    second = await identity.login("tgyzl_staff")
    other = await identity.login("gysnl_staff")
    staff_id = (await identity.client.get("/v1/me", headers=_bearer(first))).json()["subject"]

    disabled = await identity.client.patch(
        f"/v1/staff/{staff_id.removeprefix('staff:')}", json={"disabled": True}, headers=admin
    )
    assert disabled.status_code == 200, disabled.text
    assert sorted(await _listed(identity)) == sorted(
        [_claims(first)["sid"], _claims(second)["sid"]]
    )

    other_id = (await identity.client.get("/v1/me", headers=_bearer(other))).json()["subject"]
    reset = await identity.client.post(
        f"/v1/staff/{other_id.removeprefix('staff:')}/password",
        json={"password": "a-new-password-2027"},
        headers=admin,
    )
    assert reset.status_code == 204, reset.text
    assert _claims(other)["sid"] in await _listed(identity)

    _later(identity)
    for tokens in (first, second, other):
        assert (await identity.client.get("/v1/me", headers=_bearer(tokens))).status_code == 401
    assert (await identity.client.get("/v1/me", headers=admin)).status_code == 200


async def test_acting_for_a_resident_ends_with_the_staff_members_session(
    identity: Identity,
) -> None:
    await identity.seed()
    resident = await _resident(identity)
    resident_id = (await _home(identity, resident)).removeprefix("resident:")
    staff = await identity.login("tgyzl_staff")
    issued = await identity.client.post(
        "/v1/tokens/act-for",
        json={"resident_id": resident_id, "reason": "老人来电，代为报修"},
        headers=_bearer(staff),
    )
    assert issued.status_code == 200, issued.text
    acting = _bearer(issued.json())
    assert (await identity.client.get("/v1/me", headers=acting)).status_code == 200

    await identity.client.post("/v1/auth/logout", json={"refresh_token": staff["refresh_token"]})
    _later(identity)
    assert (await identity.client.get("/v1/me", headers=acting)).status_code == 401
    assert (await identity.client.get("/v1/me", headers=resident)).status_code == 200


async def test_a_refresh_token_of_an_ended_session_gives_nothing(identity: Identity) -> None:
    """A refresh that raced the sign-out (its new refresh token written unrevoked as the
    session ended) cannot start the session again."""
    await identity.seed()
    tokens = await identity.login("tgyzl_staff")
    family = uuid.UUID(_claims(tokens)["sid"])
    await identity.client.post("/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    raced = "raced-refresh-token-" + uuid.uuid4().hex
    now = identity.clock.now()
    async with identity.db.session() as session:
        session.add(
            RefreshToken(
                id=uuid.uuid4(),
                token_hash=hashlib.sha256(raced.encode()).hexdigest(),
                family_id=family,
                subject=_claims(tokens)["sub"],
                issued_at=now,
                expires_at=now + timedelta(days=30),
            )
        )
        await session.commit()
    refreshed = await identity.client.post("/v1/auth/refresh", json={"refresh_token": raced})
    assert refreshed.status_code == 401
    assert refreshed.json()["code"] == "session_ended"
