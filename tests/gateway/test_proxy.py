"""Through the gateway to the real directory app: reads, writes, credentials, failures."""

from __future__ import annotations

import time
from datetime import timedelta

import httpx
import pytest

from services.kit.auth import Principal
from services.kit.http1 import Http1Upstream
from services.kit.testing import TokenFactory
from tests.fixtures.directory import Directory
from tests.gateway.support import Door, MakeGateway
from tests.gateway.testbed import serving

PROBLEM = "application/problem+json"


async def test_a_public_read_goes_through_and_carries_a_request_id(
    gateway: Door, directory: Directory
) -> None:
    await directory.seed()
    direct = await directory.client.get("/v1/places/by-code/TGYZL-03-2")

    response = await gateway.client.get("/api/directory/v1/places/by-code/TGYZL-03-2")

    assert response.status_code == 200
    assert response.json() == direct.json()
    assert len(response.headers["x-request-id"]) >= 16
    assert response.headers.get_list("x-request-id") == [response.headers["x-request-id"]]

    mine = await gateway.client.get(
        "/api/directory/v1/places?kind=community", headers={"X-Request-ID": "scan-42"}
    )
    assert mine.status_code == 200
    assert mine.json()["total"] >= 1
    assert mine.headers["x-request-id"] == "scan-42"


async def test_staff_write_with_a_valid_token_is_created_and_anonymous_is_refused_by_the_service(
    gateway: Door, directory: Directory
) -> None:
    await directory.seed()
    community = await directory.place("TGYZL")
    new_building = {
        "parent_id": community["id"],
        "kind": "building",
        "code": "TGYZL-99",
        "name": "99号楼",
    }

    created = await gateway.client.post(
        "/api/directory/v1/places", json=new_building, headers=directory.staff(community)
    )
    assert created.status_code == 201, created.text
    assert created.json()["code"] == "TGYZL-99"

    anonymous = await gateway.client.post(
        "/api/directory/v1/places", json={**new_building, "code": "TGYZL-98"}
    )
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"] == PROBLEM
    # The service's answer ("sign in"), passed through: the gateway lets anonymous through.
    assert anonymous.json()["code"] == "authentication_required"


async def test_a_token_signed_by_another_key_is_refused_at_the_door(
    gateway: Door, directory: Directory
) -> None:
    await directory.seed()
    forged = TokenFactory().issue(now=directory.clock.now())

    # The route is public: only the gateway can have refused it.
    response = await gateway.client.get(
        "/api/directory/v1/places/by-code/TGYZL-03-2",
        headers={"Authorization": f"Bearer {forged}"},
    )

    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["www-authenticate"] == "Bearer"
    problem = response.json()
    assert problem["code"] == "invalid_token"
    assert problem["request_id"] == response.headers["x-request-id"]

    garbage = await gateway.client.get(
        "/api/directory/v1/places", headers={"Authorization": "Bearer "}
    )
    assert garbage.status_code == 401


async def test_an_expired_token_is_refused_even_after_it_was_accepted(
    gateway: Door, directory: Directory
) -> None:
    await directory.seed()
    headers = directory.staff(await directory.place("TGYZL"))
    assert (await gateway.client.get("/api/directory/v1/places", headers=headers)).is_success

    directory.clock.advance(timedelta(hours=1))

    late = await gateway.client.get("/api/directory/v1/places", headers=headers)
    assert late.status_code == 401
    assert late.json()["code"] == "invalid_token"


async def test_a_good_token_is_verified_once_and_then_remembered(
    gateway: Door, directory: Directory, monkeypatch: pytest.MonkeyPatch
) -> None:
    await directory.seed()
    headers = directory.staff(await directory.place("TGYZL"))
    verifier = gateway.app.credentials.verifier
    original = verifier.verify
    calls = 0

    async def counting(token: str) -> Principal:
        nonlocal calls
        calls += 1
        return await original(token)

    monkeypatch.setattr(verifier, "verify", counting)
    for _ in range(3):
        assert (await gateway.client.get("/api/directory/v1/places", headers=headers)).is_success
    assert calls == 1


async def test_an_unknown_service_is_a_404_problem(gateway: Door) -> None:
    response = await gateway.client.get("/api/nowhere/v1/things")

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == "service_not_found"
    assert response.json()["instance"] == "/api/nowhere/v1/things"


@pytest.mark.parametrize(
    "path",
    [
        "/api/directory/metrics",
        "/api/directory/healthz",
        "/api/directory/readyz/",
        "/api/directory/%6Detrics",  # the service would decode it to /metrics
        "/api/intake/metrics",
    ],
)
async def test_a_service_s_own_endpoints_are_not_served_from_outside(
    gateway: Door, path: str
) -> None:
    response = await gateway.client.get(path)

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == "not_found"
    # The directory answers its public routes through the same door.
    assert (await gateway.client.get("/api/directory/v1/places")).status_code == 200


async def test_a_stopped_service_is_a_prompt_503_while_the_others_keep_working(
    gateway: Door, directory: Directory
) -> None:
    await directory.seed()

    started = time.monotonic()
    down = await gateway.client.get("/api/intake/v1/tickets")
    elapsed = time.monotonic() - started

    assert down.status_code == 503
    assert down.headers["content-type"] == PROBLEM
    assert down.headers["retry-after"]
    assert down.json()["code"] == "service_unavailable"
    assert down.json()["service"] == "intake"
    assert elapsed < 1.0
    # Open311 belongs to intake: the same answer there.
    open311 = await gateway.client.get("/open311/v2/services.json")
    assert open311.status_code == 503
    assert open311.json()["service"] == "intake"

    still = await gateway.client.get("/api/directory/v1/places/by-code/TGYZL-03-2")
    assert still.status_code == 200


async def test_the_fast_client_reaches_the_directory_on_a_real_port(
    make_gateway: MakeGateway, directory: Directory
) -> None:
    await directory.seed()
    community = await directory.place("TGYZL")
    async with serving(directory.app) as url:
        upstream = Http1Upstream("directory", url)
        door = await make_gateway(upstreams={"directory": upstream})

        read = await door.client.get(
            "/api/directory/v1/places/by-code/TGYZL-03-2", headers={"X-Request-ID": "abc-1"}
        )
        assert read.status_code == 200
        assert read.json()["code"] == "TGYZL-03-2"
        assert read.headers["x-request-id"] == "abc-1"

        write = await door.client.post(
            "/api/directory/v1/places",
            json={
                "parent_id": community["id"],
                "kind": "building",
                "code": "TGYZL-97",
                "name": "97号楼",
            },
            headers=directory.staff(community),
        )
        assert write.status_code == 201, write.text

        for _ in range(5):
            cheap = await door.client.get("/api/directory/v1/places/by-code/TGYZL")
            assert cheap.status_code == 200
        # One keep-alive connection served every request, one after another.
        assert upstream.connections == 1
        await door.app.aclose()
        assert upstream.connections == 0


async def test_health_and_readiness_of_the_gateway_and_each_service(gateway: Door) -> None:
    assert (await gateway.client.get("/healthz")).json() == {"status": "ok"}

    ready = await gateway.client.get("/readyz")

    assert ready.status_code == 200
    services = ready.json()["services"]
    assert services["directory"]["status"] == "ready"
    assert set(services) == {"identity", "directory", "intake", "rooms", "parking", "courier"}
    assert {services[n]["status"] for n in services if n != "directory"} == {"unavailable"}


async def test_requests_through_httpx_and_the_fast_client_look_the_same_to_a_service(
    make_gateway: MakeGateway, testbed_url: str
) -> None:
    from gateway.upstream import HttpxUpstream

    fast = Http1Upstream("fast", testbed_url)
    slow = HttpxUpstream("slow", testbed_url, transport=httpx.AsyncHTTPTransport())
    door = await make_gateway(upstreams={"fast": fast, "slow": slow})

    answers = [
        (await door.client.get(f"/api/{name}/echo/x?a=1", headers={"X-Thing": "1"})).json()
        for name in ("fast", "slow")
    ]

    def seen(answer: dict[str, object]) -> dict[str, object]:
        headers = dict(answer["headers"])  # type: ignore[call-overload]
        return {
            "path": answer["raw_path"],
            "query": answer["query"],
            "x-thing": headers.get("x-thing"),
            "forwarded": headers.get("x-forwarded-for"),
        }

    assert seen(answers[0]) == seen(answers[1])
