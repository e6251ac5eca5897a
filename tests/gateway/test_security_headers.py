"""Every answer of the door carries the security headers: the resident's H5 page, the staff
console, an API answer, a photo, a problem; the pages a strict Content-Security-Policy that
runs only the gateway's scripts (and the page's own inline ones, by their hashes)."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from pathlib import Path

import httpx
from PIL import Image

from services.kit.catalog import UVICORN_FLAGS, load, procfile
from services.kit.server import HttpProtocol
from tests.fixtures.directory import Directory
from tests.fixtures.system import System
from tests.gateway.support import Door, MakeGateway
from tests.gateway.testbed import serving

EARLY = "\n      try { document.documentElement.lang = 'zh-CN' } catch (e) {}\n    "
PRELOAD = "(function () {\n  if (!/^\\/q\\//.test(location.pathname)) return;\n})();"
INDEX = f"""<!doctype html>
<html lang="zh-CN">
<head>
<title>您扫我办</title>
<style>html{{background:#f3f4f6}}</style>
<script>{EARLY}</script>
<script type="module" crossorigin src="/assets/index-4f2a9c.js"></script>
<script>{PRELOAD}</script>
<script type="application/json" id="data">{{"a": 1}}</script>
</head>
<body><div id="app"></div></body>
</html>
"""


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def _directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def _assert_secured(response: httpx.Response) -> dict[str, list[str]]:
    assert response.headers.get_list("x-content-type-options") == ["nosniff"]
    assert response.headers.get_list("referrer-policy") == ["no-referrer"]
    assert response.headers.get_list("x-frame-options") == ["DENY"]
    assert "server" not in response.headers
    [policy] = response.headers.get_list("content-security-policy")
    directives = _directives(policy)
    assert directives["frame-ancestors"] == ["'none'"]
    return directives


async def _built(make_gateway: MakeGateway, tmp_path: Path) -> Door:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(INDEX, encoding="utf-8")
    (dist / "assets" / "index-4f2a9c.js").write_text("console.log(1)", encoding="utf-8")
    return await make_gateway(frontend_dir=dist)


async def test_the_h5_page_and_the_console_run_only_the_gateway_s_scripts(
    make_gateway: MakeGateway, tmp_path: Path
) -> None:
    door = await _built(make_gateway, tmp_path)

    for path in ("/q/abcdefghjkmn", "/Q/ABCDEFGHJKMN", "/console", "/console/tickets/7", "/"):
        for encoding in ("gzip", "identity"):
            page = await door.client.get(path, headers={"Accept-Encoding": encoding})
            assert page.status_code == 200
            assert "您扫我办" in page.text
            csp = _assert_secured(page)
            assert csp["default-src"] == ["'self'"]
            # The page's two inline scripts run, by their hashes; nothing else inline does.
            assert csp["script-src"] == ["'self'", _sha256(EARLY), _sha256(PRELOAD)]
            assert csp["object-src"] == ["'none'"]
            assert csp["base-uri"] == ["'none'"]
            assert csp["connect-src"] == ["'self'"]
            # Photo previews before upload, the QR sheet shown from a blob.
            assert csp["img-src"] == ["'self'", "data:", "blob:"]
            assert csp["frame-src"] == ["'self'", "blob:"]

    script = await door.client.get("/assets/index-4f2a9c.js")
    _assert_secured(script)


async def test_until_the_frontend_is_built_the_placeholder_is_secured_too(gateway: Door) -> None:
    page = await gateway.client.get("/console")
    csp = _assert_secured(page)
    assert csp["script-src"] == ["'self'"]


async def test_api_answers_and_problems_carry_them_and_allow_nothing_to_run(
    make_gateway: MakeGateway, directory: Directory
) -> None:
    await directory.seed()
    door = await make_gateway()

    for path, status in (
        ("/api/directory/v1/places/by-code/TGYZL-03-2", 200),
        ("/api/directory/v1/places/by-code/NOPE", 404),
        ("/api/nothing/v1/x", 404),
        ("/healthz", 200),
        ("/openapi/directory.json", 200),
    ):
        response = await door.client.get(path)
        assert response.status_code == status, path
        csp = _assert_secured(response)
        assert csp["default-src"] == ["'none'"], path
        assert "script-src" not in csp


async def test_a_photo_carries_them(system: System) -> None:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, format="JPEG")
    uploaded = await system.client.post(
        "/api/intake/v1/media", files={"file": ("door.jpg", out.getvalue(), "image/jpeg")}
    )
    assert uploaded.status_code == 201, uploaded.text
    _assert_secured(uploaded)

    photo = await system.client.get(uploaded.json()["url"])
    assert photo.status_code == 200
    assert photo.headers["content-type"] == "image/jpeg"
    csp = _assert_secured(photo)
    assert "script-src" not in csp


async def test_the_docs_page_runs_no_inline_script(gateway: Door) -> None:
    page = await gateway.client.get("/docs")
    assert page.status_code == 200
    csp = _assert_secured(page)
    assert csp["script-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.text, re.DOTALL)
    assert len(scripts) == 4
    for attributes, body in scripts:
        # Either a file of the gateway's, or data that never runs.
        assert ('src="/docs/assets/' in attributes and not body) or (
            'type="application/json"' in attributes
        ), attributes
    starter = [a for a, _ in scripts if "sqwb-docs.js" in a]
    assert len(starter) == 1
    url = re.search(r'src="([^"]+)"', starter[0])
    assert url is not None
    init = await gateway.client.get(url.group(1))
    assert init.status_code == 200
    assert init.headers["content-type"].startswith("text/javascript")
    assert "SwaggerUIBundle(config)" in init.text
    assert "sqwb-docs-config" in init.text
    _assert_secured(init)


async def test_the_door_does_not_say_it_is_uvicorn(
    make_gateway: MakeGateway, directory: Directory
) -> None:
    # Every process runs with these flags (infra/Procfile, the browser tests' stack).
    assert "--no-server-header" in UVICORN_FLAGS
    gateway_line = next(
        line for line in procfile(load()).splitlines() if line.startswith("gateway:")
    )
    assert "--no-server-header" in gateway_line
    assert "services.kit.server:HttpProtocol" in gateway_line
    assert (Path(__file__).parents[2] / "infra" / "Procfile").read_text() == procfile(load())

    door = await make_gateway()
    async with (
        serving(door.app, http=HttpProtocol, server_header=False, proxy_headers=False) as url,
        httpx.AsyncClient(base_url=url) as client,
    ):
        for path in ("/api/directory/v1/places/by-code/NOPE", "/healthz", "/console"):
            response = await client.get(path)
            assert "server" not in response.headers, path
            _assert_secured(response)
