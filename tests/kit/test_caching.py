"""kit.caching: no-store on answers to signed-in callers and on routes marked personal; a
route's own Cache-Control and an explicit opt-out stand."""

from __future__ import annotations

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Response

from services.kit.caching import CACHEABLE, PERSONAL, NoStoreMiddleware
from services.kit.errors import NotFound, install_problem_handlers


def _app() -> FastAPI:
    router = APIRouter()

    @router.get("/plain")
    async def plain() -> dict[str, str]:
        return {"a": "b"}

    @router.get("/personal", dependencies=[PERSONAL])
    async def personal() -> dict[str, str]:
        return {"tracking": "yes"}

    @router.get("/own", dependencies=[PERSONAL])
    async def own(response: Response) -> dict[str, str]:
        response.headers["Cache-Control"] = "public, max-age=60"
        return {"image": "yes"}

    @router.get("/cacheable", dependencies=[CACHEABLE])
    async def cacheable() -> dict[str, str]:
        return {"poster": "yes"}

    @router.get("/missing", dependencies=[PERSONAL])
    async def missing() -> dict[str, str]:
        raise NotFound("nothing_here", "Nothing here.")

    app = FastAPI()
    install_problem_handlers(app)
    app.add_middleware(NoStoreMiddleware)
    app.include_router(router)
    return app


@pytest.fixture
async def client() -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=_app()), base_url="http://kit")


@pytest.mark.parametrize(
    ("path", "headers", "expected"),
    [
        ("/plain", {}, None),
        ("/plain", {"Authorization": "Bearer x"}, "no-store"),
        ("/plain", {"X-API-Key": "k"}, "no-store"),
        ("/plain", {"Cookie": "session=1"}, "no-store"),
        ("/personal", {}, "no-store"),
        ("/missing", {}, "no-store"),
        ("/own", {"Authorization": "Bearer x"}, "public, max-age=60"),
        ("/cacheable", {"Authorization": "Bearer x"}, None),
    ],
)
async def test_cache_control_by_credential_and_route(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], expected: str | None
) -> None:
    async with client:
        response = await client.get(path, headers=headers)
    assert response.headers.get("cache-control") == expected
