"""kit.media.router: a service gets its media routes from one call, with its own store, guard,
upload limit and prefix, and writes none of its own (intake's are this router too)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Request
from fastapi.routing import APIRoute

from services.kit.auth import TokenVerifier
from services.kit.clock import FrozenClock
from services.kit.db import Database, new_metadata
from services.kit.errors import install_problem_handlers
from services.kit.media.links import MediaLinks
from services.kit.media.models import MediaLibrary
from services.kit.media.router import media_router
from services.kit.media.store import MediaStore
from services.kit.permissions import Access, guards_of
from services.kit.storage import LocalStorage
from services.kit.testing import TokenFactory, drop_database, empty_tables, grant
from tests.kit.media_samples import png
from tests.kit.support import database_with

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
metadata = new_metadata()
library = MediaLibrary(metadata)
UPLOAD = Access("rooms:media:upload")
COMMUNITY = "/3f6c1d2e-0000-4000-8000-000000000001/"


@pytest.fixture(scope="module")
async def media_db(backend: str) -> AsyncIterator[Database]:
    db = await database_with(backend, "kit_media_router", metadata)
    yield db
    await drop_database(db)


def _store(request: Request) -> MediaStore:
    store: MediaStore = request.app.state.media
    return store


def service(
    db: Database, tokens: TokenFactory, root: Path, router: APIRouter, prefix: str = "/v1/media"
) -> FastAPI:
    """A service as app.py makes one, with nothing but media routes."""
    clock = FrozenClock(T0)
    app = FastAPI()
    install_problem_handlers(app)
    app.state.db = db
    app.state.clock = clock
    app.state.token_verifier = TokenVerifier(jwks=tokens.jwks, issuer=tokens.issuer, clock=clock)
    app.state.media = MediaStore(
        library=library,
        storage=LocalStorage(root),
        links=MediaLinks("secret", base_path=f"/api/rooms{prefix}"),
        clock=clock,
    )
    app.include_router(router)
    return app


def client(app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://svc")


def problem_code(response: httpx.Response, status: int) -> Any:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return response.json()["code"]


def photo() -> dict[str, Any]:
    return {"file": ("photo.png", png((320, 240)), "image/png")}


async def test_a_service_gets_guarded_media_routes_with_its_own_prefix_and_limit(
    media_db: Database, tokens: TokenFactory, tmp_path: Path
) -> None:
    await empty_tables(media_db, metadata)
    router = media_router(
        _store,
        prefix="/v1/photos",
        upload_access=UPLOAD,
        max_bytes=100_000,
        upload_summary="Upload a photo of the room",
    )
    app = service(media_db, tokens, tmp_path, router, prefix="/v1/photos")
    spec = app.openapi()
    upload_op = spec["paths"]["/v1/photos"]["post"]
    assert upload_op["summary"] == "Upload a photo of the room"
    assert upload_op["x-permission"] == "rooms:media:upload"
    assert "multipart/form-data" in upload_op["requestBody"]["content"]
    assert "x-permission" not in spec["paths"]["/v1/photos/{media_id}"]["get"]
    # The route declares the access its guard enforces (what the access matrix compares).
    (route,) = [r for r in router.routes if isinstance(r, APIRoute) and "POST" in r.methods]
    assert guards_of(route) == [UPLOAD]

    staff = str(uuid.uuid4())
    allowed = tokens.issue(
        subject=staff, grants=[grant("rooms_manager", "c1", COMMUNITY, UPLOAD.permission)]
    )
    other = tokens.issue(grants=[grant("viewer", "c1", COMMUNITY, "rooms:bookings:read")])
    async with client(app) as http:
        assert problem_code(await http.post("/v1/photos", files=photo()), 401) == (
            "authentication_required"
        )
        refused = await http.post(
            "/v1/photos", files=photo(), headers={"Authorization": f"Bearer {other}"}
        )
        assert problem_code(refused, 403) == "forbidden"
        big = {"file": ("big.jpg", os.urandom(200_000), "image/jpeg")}
        too_large = await http.post(
            "/v1/photos", files=big, headers={"Authorization": f"Bearer {allowed}"}
        )
        assert problem_code(too_large, 413) == "media_too_large"

        created = await http.post(
            "/v1/photos", files=photo(), headers={"Authorization": f"Bearer {allowed}"}
        )
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["url"].startswith(f"/api/rooms/v1/photos/{body['id']}?exp=")
        served = await http.get(body["url"].removeprefix("/api/rooms"))
        assert served.status_code == 200
        assert served.headers["content-type"] == "image/jpeg"
        thumb = await http.get(body["thumbnail_url"].removeprefix("/api/rooms"))
        assert thumb.status_code == 200

        url = httpx.URL(body["url"].removeprefix("/api/rooms"))
        forged = url.copy_set_param("sig", "签名")
        assert problem_code(await http.get(str(forged)), 403) == "media_link_invalid"

    async with media_db.session(write=False) as session:
        item = await library.get(session, uuid.UUID(body["id"]))
    assert item is not None
    assert item.uploaded_by == f"staff:{staff}"


async def test_without_a_guard_anyone_may_upload(
    media_db: Database, tokens: TokenFactory, tmp_path: Path
) -> None:
    await empty_tables(media_db, metadata)
    app = service(media_db, tokens, tmp_path, media_router(_store))
    assert "x-permission" not in app.openapi()["paths"]["/v1/media"]["post"]
    async with client(app) as http:
        created = await http.post("/v1/media", files=photo())
    assert created.status_code == 201, created.text
    async with media_db.session(write=False) as session:
        item = await library.get(session, uuid.UUID(created.json()["id"]))
    assert item is not None
    assert item.uploaded_by == "anonymous"
