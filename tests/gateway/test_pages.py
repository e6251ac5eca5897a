"""What the gateway serves itself: CORS, /docs with its assets, the OpenAPI documents, and
the frontend (or the page that says it is not built yet)."""

from __future__ import annotations

import re
from pathlib import Path

from gateway.docs import ASSETS_VERSION
from gateway.static import Frontend
from tests.fixtures.directory import Directory
from tests.gateway.support import Door, MakeGateway, Ticker

ORIGIN = "https://jiedao.dxq.gov.cn"


async def test_cors_preflight_and_exposed_request_id(
    make_gateway: MakeGateway, directory: Directory
) -> None:
    await directory.seed()
    door = await make_gateway(cors_origins=f"{ORIGIN}, https://other.example.cn/")
    assert door.settings.cors_origins == [ORIGIN, "https://other.example.cn"]

    preflight = await door.client.options(
        "/api/directory/v1/places",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, x-api-key",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in preflight.headers["access-control-allow-methods"]
    allowed = preflight.headers["access-control-allow-headers"].lower()
    assert {"authorization", "content-type", "x-api-key"} <= set(allowed.split(", "))

    read = await door.client.get(
        "/api/directory/v1/places/by-code/TGYZL-03-2", headers={"Origin": ORIGIN}
    )
    assert read.status_code == 200
    assert read.headers["access-control-allow-origin"] == ORIGIN
    assert "x-request-id" in read.headers["access-control-expose-headers"].lower()

    stranger = await door.client.options(
        "/api/directory/v1/places",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert stranger.status_code == 400
    assert "access-control-allow-origin" not in stranger.headers


def _local_urls(page: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', page)


async def test_the_docs_page_lists_the_services_that_answer_and_loads_only_local_assets(
    gateway: Door,
) -> None:
    response = await gateway.client.get("/docs")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "://" not in page  # no CDN, no other host: these pages run on closed networks
    urls = _local_urls(page)
    assert urls
    assert all(url.startswith("/") and not url.startswith("//") for url in urls)
    assert '"urls": [{"url": "/openapi/directory.json"' in page
    assert '"validatorUrl": null' in page
    # Services that are down drop out of the selector, and the page says which.
    assert "/openapi/intake.json" not in page
    assert "intake" in page.split('<div id="swagger-ui">')[0]

    for url in [u for u in urls if u != "/docs"]:
        asset = await gateway.client.get(url)
        assert asset.status_code == 200, url
        assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert len(asset.content) > 500
    bundle = await gateway.client.get(f"/docs/assets/{ASSETS_VERSION}/swagger-ui-bundle.js")
    assert bundle.headers["content-type"].startswith("text/javascript")
    assert b"SwaggerUIBundle" in bundle.content
    assert (await gateway.client.get(f"/docs/assets/{ASSETS_VERSION}/x.js")).status_code == 404
    assert (await gateway.client.get("/docs?service=directory")).status_code == 200


async def test_a_service_document_points_try_it_out_at_the_gateway_and_declares_the_ways_in(
    gateway: Door,
) -> None:
    response = await gateway.client.get("/openapi/directory.json")

    assert response.status_code == 200
    spec = response.json()
    assert spec["servers"] == [{"url": "/api/directory"}]
    schemes = spec["components"]["securitySchemes"]
    bearer = [s for s in schemes.values() if s.get("scheme") == "bearer"]
    assert len(bearer) == 1
    assert bearer[0]["type"] == "http"
    assert bearer[0]["bearerFormat"] == "JWT"
    assert schemes["apiKeyAuth"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": schemes["apiKeyAuth"]["description"],
    }
    create = spec["paths"]["/v1/places"]["post"]
    assert {"apiKeyAuth": []} in create["security"]
    assert create["x-permission"] == "directory:places:write"

    down = await gateway.client.get("/openapi/intake.json")
    assert down.status_code == 503
    assert down.json()["code"] == "service_unavailable"
    unknown = await gateway.client.get("/openapi/nowhere.json")
    assert unknown.status_code == 404


async def test_service_documents_are_cached_briefly(
    make_gateway: MakeGateway, directory: Directory
) -> None:
    ticker = Ticker()
    door = await make_gateway(timer=ticker, docs_cache_seconds=30)
    calls = 0
    original = directory.app.openapi

    def counting() -> dict[str, object]:
        nonlocal calls
        calls += 1
        return original()

    directory.app.openapi = counting  # type: ignore[method-assign]
    try:
        await door.client.get("/openapi/directory.json")
        await door.client.get("/docs")
        assert calls == 1
        ticker.advance(31)
        await door.client.get("/openapi/directory.json")
        assert calls == 2
    finally:
        directory.app.openapi = original  # type: ignore[method-assign]


async def test_until_the_frontend_is_built_its_routes_answer_a_plain_page(gateway: Door) -> None:
    for path in ("/", "/q/ABC", "/Q/3LSAQ6LOUOQO", "/console", "/console/tickets/1"):
        response = await gateway.client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["cache-control"] == "no-store"
        page = response.text
        assert page.index("前端尚未构建") < page.index("The frontend is not built yet")
        assert 'href="/docs"' in page
    missing = await gateway.client.get("/favicon.ico")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert (await gateway.client.post("/")).status_code == 405


async def test_a_built_frontend_is_served_with_the_spa_fallback(
    make_gateway: MakeGateway, tmp_path: Path
) -> None:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>您扫我办</title>", encoding="utf-8")
    (dist / "assets" / "index-4f2a9c.js").write_text("console.log(1)", encoding="utf-8")
    (dist / "robots.txt").write_text("User-agent: *", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("no", encoding="utf-8")
    door = await make_gateway(frontend_dir=dist)

    for path in ("/", "/q/abc123", "/Q/ABC123", "/console", "/console/tickets/7"):
        page = await door.client.get(path)
        assert page.status_code == 200, path
        assert "您扫我办" in page.text
        assert page.headers["cache-control"] == "no-cache"
    asset = await door.client.get("/assets/index-4f2a9c.js")
    assert asset.status_code == 200
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert asset.text == "console.log(1)"
    assert (await door.client.get("/robots.txt")).headers["cache-control"] == "no-cache"
    assert (await door.client.get("/assets/gone-1234.js")).status_code == 404
    assert (await door.client.get("/%2e%2e/secret.txt")).status_code == 404
    # httpx tidies "/../" away before sending; the server may get it raw all the same.
    assert Frontend(dist)._file("/../secret.txt") is None
    assert Frontend(dist)._file("/assets/../../secret.txt") is None


async def test_text_files_of_the_frontend_travel_gzipped_to_those_who_accept_it(
    make_gateway: MakeGateway, tmp_path: Path
) -> None:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>您扫我办</title>", encoding="utf-8")
    script = "export const hub = '天宫院中里社区';\n" * 400
    (dist / "assets" / "hub-1a2b3c.js").write_text(script, encoding="utf-8")
    door = await make_gateway(frontend_dir=dist)

    packed = await door.client.get("/assets/hub-1a2b3c.js", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert int(packed.headers["content-length"]) < len(script.encode()) / 10
    assert packed.text == script  # httpx unpacks it, as a browser would
    assert packed.headers["content-type"].startswith("text/javascript")
    assert packed.headers["vary"] == "Accept-Encoding"

    plain = await door.client.get("/assets/hub-1a2b3c.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.text == script
