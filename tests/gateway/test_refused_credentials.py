"""Any credential refused is a 401 problem: whatever is wrong with an API key (unknown,
too long, not text), the caller hears "not valid", never "identity not available"."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from services.kit.errors import problem_response
from services.kit.http1 import Http1Upstream
from tests.fixtures.system import System
from tests.gateway.support import MakeGateway

ROUTES = (
    "/api/identity/v1/me",
    "/api/directory/v1/places/by-code/TGYZL-03-2",
    "/api/intake/v1/tickets",
)


async def test_an_api_key_identity_would_not_take_is_a_401_on_every_route(system: System) -> None:
    for key in (b"k" * 201, b"sqwb_" + b"x" * 5000, "sqwb_钥匙".encode(), b"sqwb_a b", b" "):
        for path in ROUTES:
            response = await system.client.get(path, headers=[(b"X-API-Key", key)])
            assert response.status_code == 401, (key[:20], path, response.text)
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["code"] == "invalid_api_key"
    # An unknown key of a plausible shape is asked about, and refused the same way.
    unknown = await system.client.get(ROUTES[0], headers={"X-API-Key": "sqwb_00000000_nope"})
    assert unknown.status_code == 401
    assert unknown.json()["code"] == "invalid_api_key"


def _refusing_identity(status: int) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/auth/api-key-token")
    async def exchange() -> object:
        return problem_response(status=status, code="whatever", detail="No.")

    return app


async def test_any_refusal_from_identity_is_a_401_and_only_its_failures_a_503(
    make_gateway: MakeGateway, testbed_url: str
) -> None:
    for status, expected in ((404, 401), (409, 401), (422, 401), (429, 401), (500, 503)):
        door = await make_gateway(
            transports={"identity": httpx.ASGITransport(app=_refusing_identity(status))},
            upstreams={"testbed": Http1Upstream("testbed", testbed_url)},
        )
        response = await door.client.get("/api/testbed/echo/x", headers={"X-API-Key": "sk_1"})
        assert response.status_code == expected, status
        assert response.headers["content-type"] == "application/problem+json"
        if expected == 401:
            assert response.json()["code"] == "invalid_api_key"
