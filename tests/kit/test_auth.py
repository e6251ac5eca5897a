"""Tokens are verified by every service itself; every bad token gets the same 401."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from services.kit.auth import JWKS_REFRESH_SECONDS, Principal, TokenVerifier
from services.kit.clock import FrozenClock
from services.kit.errors import Unauthenticated
from services.kit.testing import TokenFactory, grant

COMMUNITY = "/d/s/c/"


def verifier(factory: TokenFactory, clock: FrozenClock) -> TokenVerifier:
    return TokenVerifier(jwks=factory.jwks, issuer=factory.issuer, clock=clock)


async def test_a_valid_token_gives_the_principal_and_its_grants() -> None:
    factory, clock = TokenFactory(), FrozenClock()
    token = factory.issue(
        subject="li-na",
        grants=[grant("community_staff", "c", COMMUNITY, "x:write")],
        now=clock.now(),
    )
    principal = await verifier(factory, clock).verify(token)
    assert principal.subject == "staff:li-na"  # identity's shape: <kind>:<id>
    assert (principal.actor, principal.actor_kind) == ("staff:li-na", "staff")
    assert principal.can("x:write", "/d/s/c/b/u/")
    assert not principal.can("x:write", "/d/s/other/")
    assert not principal.can("x:delete", "/d/s/c/b/")
    assert principal.sees("/d/s/c/b/")
    assert not principal.sees("/d/s/")


async def _refused(v: TokenVerifier, token: str) -> str:
    with pytest.raises(Unauthenticated) as caught:
        await v.verify(token)
    return f"{caught.value.code}|{caught.value.detail}"


async def test_expired_forged_foreign_and_garbage_tokens_are_refused_alike() -> None:
    factory, clock = TokenFactory(), FrozenClock()
    v = verifier(factory, clock)
    expired = factory.issue(now=clock.now() - timedelta(hours=1), ttl=timedelta(minutes=5))
    other_key = TokenFactory(kid=factory.kid).issue(now=clock.now())  # same kid, another key
    unknown_kid = TokenFactory().issue(now=clock.now())
    wrong_issuer = TokenFactory(
        issuer="someone-else", kid=factory.kid, private_key=factory.private_key
    ).issue(now=clock.now())
    valid = factory.issue(now=clock.now())
    tampered = valid[:-4] + ("AAAA" if not valid.endswith("AAAA") else "BBBB")
    answers = {
        await _refused(v, t)
        for t in (expired, other_key, unknown_kid, wrong_issuer, tampered, "garbage", "")
    }
    assert answers == {"invalid_token|The access token is not valid."}


async def test_expiry_follows_the_clock() -> None:
    factory, clock = TokenFactory(), FrozenClock()
    v = verifier(factory, clock)
    token = factory.issue(now=clock.now(), ttl=timedelta(minutes=10))
    await v.verify(token)
    clock.advance(timedelta(minutes=11))
    await _refused(v, token)


async def test_keys_are_fetched_from_the_jwks_url_and_old_keys_keep_working() -> None:
    old, new, clock = TokenFactory(), TokenFactory(), FrozenClock()
    published = {"keys": json.loads(old.jwks)["keys"]}
    identity = FastAPI()

    @identity.get("/.well-known/jwks.json")
    async def jwks() -> dict[str, list[dict[str, str]]]:
        return published

    v = TokenVerifier(
        jwks_url="http://identity/.well-known/jwks.json",
        issuer=old.issuer,
        clock=clock,
        transport=httpx.ASGITransport(app=identity),
    )
    old_token = old.issue(subject="staff-1", now=clock.now())
    assert (await v.verify(old_token)).subject == "staff:staff-1"
    # Rotation: identity now publishes only the new key; tokens signed earlier still verify.
    published["keys"] = json.loads(new.jwks)["keys"]
    assert v._fetched_at is not None
    v._fetched_at -= JWKS_REFRESH_SECONDS  # as if the refresh interval had passed
    assert (
        await v.verify(new.issue(subject="staff-1", now=clock.now()))
    ).subject == "staff:staff-1"
    assert (await v.verify(old_token)).subject == "staff:staff-1"


def test_scope_paths_list_where_a_permission_holds() -> None:
    principal = Principal.from_claims(
        {
            "sub": "s",
            "grants": [
                grant("community_staff", "c1", "/d/s/c1/", "a"),
                grant("building_captain", "b2", "/d/s/c2/b2/", "b"),
            ],
        }
    )
    assert principal.scope_paths("a") == ["/d/s/c1/"]
    assert principal.scope_paths("z") == []


async def test_requests_arriving_during_the_first_jwks_fetch_wait_for_it() -> None:
    """A burst right after start: every request meets the unknown kid at once; one fetch
    serves them all and none is refused."""
    signer = TokenFactory()
    fetches = 0
    identity = FastAPI()

    @identity.get("/v1/jwks.json")
    async def jwks() -> dict[str, Any]:
        nonlocal fetches
        fetches += 1
        await asyncio.sleep(0.05)  # a slow identity: the burst arrives while this runs
        return dict(json.loads(signer.jwks))

    clock = FrozenClock()
    v = TokenVerifier(
        jwks_url="http://identity/v1/jwks.json",
        issuer=signer.issuer,
        clock=clock,
        transport=httpx.ASGITransport(app=identity),
    )
    token = signer.issue(subject="staff-1", now=clock.now())
    principals = await asyncio.gather(*(v.verify(token) for _ in range(5)))
    assert [p.subject for p in principals] == ["staff:staff-1"] * 5
    assert fetches == 1


def test_who_acted_is_one_label_with_its_kind_and_name() -> None:
    tokens = TokenFactory()

    def principal(**fields: Any) -> Principal:
        return Principal.from_claims(tokens.claims(**fields))

    staff = principal(subject="li-na", name="李娜")
    assert (staff.actor, staff.actor_kind, staff.actor_name) == ("staff:li-na", "staff", "李娜")
    worker = principal(subject="w-1", org="org-1")
    assert (worker.actor, worker.actor_kind) == ("staff:w-1", "contractor")
    system = principal(subject="c-1", kind="client", org="org-1")
    assert (system.actor, system.actor_kind) == ("client:c-1", "contractor")
    hotline = principal(subject="c-2", kind="client")
    assert (hotline.actor, hotline.actor_kind) == ("client:c-2", "client")
    gate = principal(subject="g-1", kind="device", org="org-1")
    assert (gate.actor, gate.actor_kind) == ("client:g-1", "device")
    resident = principal(subject="r-1", kind="resident")
    assert (resident.actor, resident.actor_kind, resident.actor_name) == (
        "resident:r-1",
        "resident",
        None,
    )
    assert resident.on_behalf_of is None

    acting = Principal.from_claims(
        tokens.claims(
            subject="r-1",
            kind="resident",
            act={"sub": "staff:s-1", "name": "王芳"},
            reason="代为报修",
        )
    )
    assert (acting.subject, acting.actor, acting.actor_kind) == (
        "resident:r-1",
        "staff:s-1",
        "staff",
    )
    assert (acting.actor_name, acting.on_behalf_of, acting.reason) == (
        "王芳",
        "resident:r-1",
        "代为报修",
    )
