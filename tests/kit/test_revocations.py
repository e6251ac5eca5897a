"""Every verifier refuses the tokens of sessions identity has ended (kit.revocations), at the
cost of a set lookup per request and one conditional fetch per interval; when the list
cannot be had, the last one known stands and nothing else stops."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import jwt
import pytest

from services.kit.auth import TokenVerifier
from services.kit.clock import FrozenClock
from services.kit.errors import Unauthenticated
from services.kit.revocations import Revocations, Snapshot, url_next_to
from services.kit.testing import TokenFactory


class Published:
    """What identity's list says, as a source: counts the asks, fails or hangs on demand."""

    def __init__(self) -> None:
        self.sids: set[str] = set()
        self.asks = 0
        self.failing = False
        self.hold: asyncio.Event | None = None

    async def __call__(self, etag: str | None) -> Snapshot | None:
        self.asks += 1
        if self.hold is not None:
            await self.hold.wait()
        if self.failing:
            raise OSError("identity is down")
        tag = ",".join(sorted(self.sids))
        return None if etag == tag else (frozenset(self.sids), tag)


def _verifier(
    factory: TokenFactory, clock: FrozenClock, published: Published, *, wait: float = 1.0
) -> TokenVerifier:
    return TokenVerifier(
        jwks=factory.jwks,
        issuer=factory.issuer,
        clock=clock,
        revocations=Revocations(published, clock=clock, interval=10, wait=wait),
    )


def _sid(token: str) -> str:
    return str(jwt.decode(token, options={"verify_signature": False})["sid"])


async def _refused(verifier: TokenVerifier, token: str) -> bool:
    """True when refused (as every bad token is: invalid_token), False when accepted."""
    try:
        await verifier.verify(token)
    except Unauthenticated as refusal:
        return refusal.code == "invalid_token"
    return False


async def test_an_ended_session_is_refused_after_the_next_fetch_and_nothing_else_is() -> None:
    factory, clock, published = TokenFactory(), FrozenClock(), Published()
    verifier = _verifier(factory, clock, published)
    ending = factory.issue(now=clock.now())
    staying = factory.issue(now=clock.now())
    client = factory.issue(kind="client", now=clock.now())  # an API key's token: no session
    assert not await _refused(verifier, ending)

    published.sids.add(_sid(ending))
    # However many requests come, the list is asked for once per interval.
    for _ in range(50):
        await verifier.verify(staying)
    assert published.asks == 1
    clock.advance(timedelta(seconds=10))
    assert await _refused(verifier, ending)
    assert not await _refused(verifier, staying)
    assert not await _refused(verifier, client)
    assert published.asks == 2


async def test_when_the_list_cannot_be_had_the_last_one_known_stands(
    caplog: pytest.LogCaptureFixture,
) -> None:
    factory, clock, published = TokenFactory(), FrozenClock(), Published()
    verifier = _verifier(factory, clock, published)
    ended = factory.issue(now=clock.now())
    valid = factory.issue(now=clock.now())
    published.sids.add(_sid(ended))
    assert await _refused(verifier, ended)

    published.failing = True
    clock.advance(timedelta(seconds=10))
    with caplog.at_level("WARNING", logger="kit.revocations"):
        assert not await _refused(verifier, valid)
    assert "could not fetch the revoked sessions (OSError); keeping the 1 known" in caplog.text
    assert await _refused(verifier, ended)
    assert published.asks == 2  # not asked again on every request while it is down

    # A verifier that never had a list accepts good tokens all the same.
    fresh = _verifier(factory, clock, published)
    assert not await _refused(fresh, valid)


async def test_a_request_waits_a_moment_at_most_for_a_list_that_hangs() -> None:
    factory, clock, published = TokenFactory(), FrozenClock(), Published()
    verifier = _verifier(factory, clock, published, wait=0.05)
    ended = factory.issue(now=clock.now())
    published.sids.add(_sid(ended))
    published.hold = asyncio.Event()
    assert not await _refused(verifier, ended)  # went on without the list
    assert not await _refused(verifier, ended)  # one fetch in flight, shared
    assert published.asks == 1
    published.hold.set()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert await _refused(verifier, ended)
    assert published.asks == 1


def test_the_list_is_published_beside_the_keys() -> None:
    assert url_next_to("http://identity:8001/v1/jwks.json") == "http://identity:8001/v1/revocations"
    assert url_next_to("https://id.example/.well-known/jwks.json") == (
        "https://id.example/v1/revocations"
    )
    assert url_next_to("https://keys.example/keys") == ""
