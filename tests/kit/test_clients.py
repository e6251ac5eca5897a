"""Kit's clients of directory and identity: one failure mapping, tested against the real
apps (httpx.ASGITransport) and a tiny app for what they never do (5xx, a hang); and the
guard that fails a call made inside an open write transaction."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from services.identity.models import Organisation
from services.kit import calls
from services.kit.clients.directory import CodeTarget, DirectoryClient
from services.kit.clients.identity import IdentityClient
from services.kit.errors import DependencyUnavailable, Gone, InvalidInput, NotFound
from services.kit.http import service_client
from tests.fixtures.directory import Directory
from tests.fixtures.identity import Identity


def _directory(directory: Directory) -> DirectoryClient:
    return DirectoryClient("http://directory", transport=httpx.ASGITransport(app=directory.app))


async def test_a_code_and_a_place_resolve_with_their_chain(directory: Directory) -> None:
    await directory.seed()
    client = _directory(directory)
    token = await directory.unit_token("TGYZL-03-2")
    scanned = await client.resolve_code(token, pointer="/body/code_token")
    assert scanned.kind == "unit"
    assert scanned.place.code == "TGYZL-03-2"
    assert scanned.chain.community is not None
    assert scanned.chain.community.code == "TGYZL"
    detail = await client.place(scanned.place.id)
    assert [p.code for p in detail.chain()][-3:] == ["TGYZL", "TGYZL-03", "TGYZL-03-2"]
    location = await client.locate("TGYZL-03-2", pointer="/body/place_code")
    assert location.path == scanned.path
    await client.aclose()


async def test_an_unknown_or_malformed_code_is_the_callers_422_at_its_field(
    directory: Directory,
) -> None:
    await directory.seed()
    client = _directory(directory)
    for token in ("AAAAAAAAAAAA", "not a token!"):
        with pytest.raises(InvalidInput) as caught:
            await client.resolve_code(token, pointer="/body/code_token")
        assert caught.value.code == "unknown_code"
        assert caught.value.errors[0].pointer == "/body/code_token"
    with pytest.raises(InvalidInput) as place:
        await client.place(uuid.uuid4(), pointer="/body/place_id")
    assert place.value.code == "unknown_place"
    # Not named in the caller's request: a 404 keeps its meaning.
    with pytest.raises(NotFound):
        await client.place(uuid.uuid4())
    await client.aclose()


async def test_a_revoked_code_stays_a_410(directory: Directory) -> None:
    await directory.seed()
    unit = await directory.place("TGYZL-03-2")
    admin = directory.staff(unit)["Authorization"].removeprefix("Bearer ")
    client = _directory(directory)
    token = await directory.unit_token("TGYZL-03-2")
    revoked = await client.revoke_code(token, reason="sticker torn off", bearer=admin)
    assert revoked.status == "revoked"
    with pytest.raises(Gone) as caught:
        await client.resolve_code(token, pointer="/body/code_token")
    assert caught.value.code == "code_revoked"
    with pytest.raises(NotFound):
        await client.revoke_code("AAAAAAAAAAAA", reason="no such", bearer=admin)
    await client.aclose()


async def test_a_code_with_a_target_in_another_service(directory: Directory) -> None:
    await directory.seed()
    place = await directory.place("TGYZL")
    admin = directory.staff(place)["Authorization"].removeprefix("Bearer ")
    client = _directory(directory)
    issued = await client.issue_code(
        uuid.UUID(place["id"]),
        kind="notice_board",
        target=CodeTarget(service="rooms", id="board-1"),
        bearer=admin,
    )
    scanned = await client.resolve_code(issued.token, pointer="/query/code")
    assert scanned.target == CodeTarget(service="rooms", id="board-1")
    await client.aclose()


async def test_an_organisation_by_id_and_an_unknown_one(identity: Identity) -> None:
    await identity.seed()
    async with identity.db.session(write=False) as session:
        org = (await session.scalars(sa.select(Organisation).limit(1))).one()
    client = IdentityClient("http://identity", transport=httpx.ASGITransport(app=identity.app))
    found = await client.organisation(org.id, pointer="/body/assignee_ref")
    assert (found.id, found.name, found.kind) == (org.id, org.name, org.kind)
    with pytest.raises(InvalidInput) as caught:
        await client.organisation(uuid.uuid4(), pointer="/body/assignee_ref")
    assert caught.value.code == "unknown_organisation"
    assert caught.value.errors[0].pointer == "/body/assignee_ref"
    await client.aclose()


def _tiny_app(status: int | None, hang: float = 0.0) -> Any:
    """An ASGI app that answers `status` (a problem), or hangs `hang` seconds first."""

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if hang:
            await asyncio.sleep(hang)
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    return app


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_a_5xx_is_a_503(status: int) -> None:
    client = DirectoryClient(
        "http://directory", transport=httpx.ASGITransport(app=_tiny_app(status))
    )
    with pytest.raises(DependencyUnavailable) as caught:
        await client.resolve_code("AAAAAAAAAAAA", pointer="/body/code_token")
    assert caught.value.code == "directory_unavailable"
    assert caught.value.status == 503


class Hanging(httpx.AsyncBaseTransport):
    """Never answers within the request's read timeout, as a stuck service would; applies
    the timeout the way a socket transport does."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        read = request.extensions["timeout"]["read"]
        try:
            async with asyncio.timeout(read):
                await asyncio.sleep(5)
        except TimeoutError as exc:
            raise httpx.ReadTimeout("timed out", request=request) from exc
        return httpx.Response(200)


async def test_a_refused_connection_and_a_timeout_are_503s() -> None:
    refused = IdentityClient("http://127.0.0.1:9")  # nothing listens on the discard port
    with pytest.raises(DependencyUnavailable) as caught:
        await refused.organisation(uuid.uuid4(), pointer="/body/ref")
    assert caught.value.code == "identity_unavailable"
    await refused.aclose()
    slow = DirectoryClient("http://directory", transport=Hanging())
    slow._client.timeout = httpx.Timeout(0.05)
    with pytest.raises(DependencyUnavailable) as timed_out:
        await slow.resolve_code("AAAAAAAAAAAA", pointer="/body/code_token")
    assert timed_out.value.code == "directory_unavailable"
    await slow.aclose()


async def test_a_call_inside_an_open_write_transaction_fails_the_test(
    directory: Directory,
) -> None:
    assert calls.is_strict()  # create_service_app with env "test" made it so
    client = service_client("http://directory", transport=httpx.ASGITransport(app=directory.app))
    async with directory.db.session() as session:
        # Before the first statement: allowed (nothing is locked yet).
        assert (await client.get("/healthz")).status_code == 200
        await session.execute(sa.text("SELECT 1"))
        with pytest.raises(calls.CallInsideWriteTransaction):
            await client.get("/healthz")
        await session.commit()
        # After the commit the session holds nothing: allowed again.
        assert (await client.get("/healthz")).status_code == 200
    async with directory.db.session(write=False) as reading:
        await reading.execute(sa.text("SELECT 1"))
        assert (await client.get("/healthz")).status_code == 200  # reads lock nothing
    await client.aclose()


async def test_in_production_the_call_is_logged_not_refused(
    directory: Directory, caplog: pytest.LogCaptureFixture
) -> None:
    client = service_client("http://directory", transport=httpx.ASGITransport(app=directory.app))
    calls.set_strict(False)
    try:
        async with directory.db.session() as session:
            await session.execute(sa.text("SELECT 1"))
            assert (await client.get("/healthz")).status_code == 200
    finally:
        calls.set_strict(True)
    assert "inside an open write transaction" in caplog.text
    await client.aclose()
