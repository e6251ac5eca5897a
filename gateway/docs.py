"""/docs: one Swagger UI page over every service's OpenAPI document, served offline.

Each service's `/openapi.json` is fetched through its upstream, cached briefly and served
as `/openapi/<service>.json` with `servers: [{"url": "/api/<service>"}]`, so "Try it out"
goes through the gateway, and with the two ways in declared: a bearer JWT and an
`X-API-Key`. The page's selector (Swagger UI's `urls`, in its standalone layout) lists
the services that answered; one that is down drops out, and the page says so.

Swagger UI's assets come from the swagger-ui-py package and are served from its package
directory: never from a CDN, since these pages are used on closed networks. The page runs no
inline script (its Content-Security-Policy allows none): its settings are a JSON data block,
read by a small script of ours served beside the assets.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import importlib.util
import json
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from gateway.credentials import ServiceUnavailable
from gateway.proxy import UnknownService
from gateway.upstream import Upstream, UpstreamError, fetch
from services.kit.errors import NotFound

# How long a failed fetch is remembered: a service coming up shows within this time.
FAILURE_CACHE_SECONDS = 5.0
FETCH_TIMEOUT_SECONDS = 3.0

BEARER = {
    "type": "http",
    "scheme": "bearer",
    "bearerFormat": "JWT",
    "description": "An access token from identity (Authorization: Bearer <jwt>).",
}
API_KEY = {
    "type": "apiKey",
    "in": "header",
    "name": "X-API-Key",
    "description": "An integration's API key; the gateway exchanges it for a short-lived token.",
}


def _assets_dir() -> Path:
    spec = importlib.util.find_spec("swagger_ui")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("swagger-ui-py is not installed: the docs have no assets")
    return Path(next(iter(spec.submodule_search_locations))) / "static"


# The page starts Swagger UI from a file of ours, not an inline script: the page's policy
# (DOCS_POLICY) runs scripts from the gateway only. The settings are a JSON data block in
# the page, which no policy treats as a script.
INIT_NAME = "sqwb-docs.js"
INIT_SCRIPT = """\
/* /docs at the gateway: Swagger UI over every service's OpenAPI document.
 *
 * The page carries Swagger UI's settings (the services that answered, the one to show
 * first) as JSON in <script type="application/json" id="sqwb-docs-config">; this file
 * starts Swagger UI with them, in its standalone layout (the service selector) and with
 * the "download the document" link. A file of its own rather than an inline script: the
 * page's Content-Security-Policy lets only scripts served by the gateway run.
 */
(function () {
  'use strict'
  var config = JSON.parse(document.getElementById('sqwb-docs-config').textContent)
  config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset]
  config.plugins = [SwaggerUIBundle.plugins.DownloadUrl]
  window.ui = SwaggerUIBundle(config)
})()
"""
INIT_VERSION = "sqwb-" + hashlib.sha256(INIT_SCRIPT.encode()).hexdigest()[:12]
DOCS_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        # Swagger UI sets style attributes; its own CSS draws icons from data: URLs.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

ASSETS_DIR = _assets_dir()
ASSETS_VERSION = version("swagger-ui-py")
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-standalone-preset.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "favicon-32x32.png": "image/png",
    "favicon-16x16.png": "image/png",
}


def rewrite(spec: dict[str, Any], service: str) -> dict[str, Any]:
    """The service's document as the gateway serves it: its server, and the ways in."""
    spec = dict(spec)
    spec["servers"] = [{"url": f"/api/{service}"}]
    components = dict(spec.get("components") or {})
    schemes = dict(components.get("securitySchemes") or {})
    # Reuse the bearer scheme the service declares (FastAPI names it HTTPBearer), so one
    # token entered under "Authorize" serves every operation.
    bearer = next(
        (
            name
            for name, scheme in schemes.items()
            if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "bearer"
        ),
        "bearerAuth",
    )
    schemes[bearer] = {**schemes.get(bearer, {}), **BEARER}
    schemes["apiKeyAuth"] = API_KEY
    components["securitySchemes"] = schemes
    spec["components"] = components
    # Where an operation takes the bearer token, an API key does as well (the gateway
    # exchanges it); public operations stay without a lock.
    paths = {}
    for path, item in (spec.get("paths") or {}).items():
        item = dict(item)
        for method, operation in item.items():
            if isinstance(operation, dict) and operation.get("security"):
                security = list(operation["security"])
                if {"apiKeyAuth": []} not in security:
                    security.append({"apiKeyAuth": []})
                item[method] = {**operation, "security": security}
        paths[path] = item
    spec["paths"] = paths
    return spec


class SpecCache:
    """Each service's rewritten document, fetched at most once per `ttl` seconds."""

    def __init__(
        self,
        upstreams: dict[str, Upstream],
        *,
        ttl: float = 30.0,
        timer: Callable[[], float] = time.monotonic,
    ) -> None:
        self.upstreams = upstreams
        self.ttl = ttl
        self._timer = timer
        self._cached: dict[str, tuple[float, dict[str, Any] | None]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def get(self, service: str) -> dict[str, Any] | None:
        """The document, or None while the service does not give one."""
        upstream = self.upstreams[service]
        cached = self._cached.get(service)
        if cached is not None and cached[0] > self._timer():
            return cached[1]
        async with self._locks.setdefault(service, asyncio.Lock()):
            cached = self._cached.get(service)
            if cached is not None and cached[0] > self._timer():
                return cached[1]
            spec: dict[str, Any] | None = None
            try:
                async with asyncio.timeout(FETCH_TIMEOUT_SECONDS):
                    response = await fetch(
                        upstream, "GET", "/openapi.json", [(b"accept", b"application/json")]
                    )
                if response.status == 200:
                    spec = rewrite(response.json(), service)
            except (UpstreamError, TimeoutError, ValueError, AttributeError):
                spec = None
            ttl = self.ttl if spec is not None else min(self.ttl, FAILURE_CACHE_SECONDS)
            self._cached[service] = (self._timer() + ttl, spec)
            return spec

    async def all(self) -> dict[str, dict[str, Any] | None]:
        names = list(self.upstreams)
        specs = await asyncio.gather(*(self.get(name) for name in names))
        return dict(zip(names, specs, strict=True))


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def docs_page(specs: dict[str, dict[str, Any] | None], primary: str | None) -> str:
    urls = [
        {
            "url": f"/openapi/{name}.json",
            "name": f"{name} · {spec.get('info', {}).get('title', name)}",
        }
        for name, spec in specs.items()
        if spec is not None
    ]
    names = {entry["url"]: entry["name"] for entry in urls}
    config: dict[str, Any] = {
        "urls": urls,
        "dom_id": "#swagger-ui",
        "layout": "StandaloneLayout",
        "deepLinking": True,
        "persistAuthorization": True,
        "displayRequestDuration": True,
        # The default would show a badge fetched from an online validator.
        "validatorUrl": None,
    }
    chosen = names.get(f"/openapi/{primary}.json") if primary else None
    if chosen:
        config["urls.primaryName"] = chosen
    down = [name for name, spec in specs.items() if spec is None]
    notice = ""
    if down:
        listed = html.escape(", ".join(down))
        notice = (
            f'<p class="gw-down" lang="zh-CN">暂时无法获取这些服务的接口文档：{listed}。</p>'
            f'<p class="gw-down" lang="en">Not answering right now: {listed}.</p>'
        )
    assets = f"/docs/assets/{ASSETS_VERSION}"
    return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>接口文档 · API docs</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" type="image/png" sizes="32x32" href="{assets}/favicon-32x32.png">
<link rel="icon" type="image/png" sizes="16x16" href="{assets}/favicon-16x16.png">
<style>body{{margin:0}} .gw-down{{margin:8px 20px;font:14px sans-serif;color:#8a4b00}}</style>
</head>
<body>
{notice}
<div id="swagger-ui"></div>
<script type="application/json" id="sqwb-docs-config">{_script_json(config)}</script>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="{assets}/swagger-ui-standalone-preset.js"></script>
<script src="/docs/assets/{INIT_VERSION}/{INIT_NAME}"></script>
</body>
</html>
"""


def docs_router(specs: SpecCache) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/docs")
    async def docs(service: str | None = None) -> HTMLResponse:
        page = docs_page(await specs.all(), service)
        return HTMLResponse(
            page, headers={"Cache-Control": "no-cache", "Content-Security-Policy": DOCS_POLICY}
        )

    @router.get("/openapi/{service}.json")
    async def openapi(service: str) -> JSONResponse:
        if service not in specs.upstreams:
            raise UnknownService(None, f"No service is called {service!r}.")
        spec = await specs.get(service)
        if spec is None:
            raise ServiceUnavailable(service)
        return JSONResponse(spec, headers={"Cache-Control": "no-cache"})

    @router.get("/docs/assets/{asset_version}/{name}", response_model=None)
    async def asset(asset_version: str, name: str) -> FileResponse | Response:
        if name == INIT_NAME:
            fresh = asset_version == INIT_VERSION
            return Response(
                INIT_SCRIPT,
                media_type="text/javascript",
                headers={
                    "Cache-Control": "public, max-age=31536000, immutable" if fresh else "no-cache"
                },
            )
        media_type = ASSETS.get(name)
        if media_type is None:
            raise NotFound("not_found", "No such asset.")
        # Versioned URLs: a new swagger-ui-py gets new URLs, so browsers may keep these long.
        cache = "public, max-age=31536000, immutable"
        if asset_version != ASSETS_VERSION:
            cache = "no-cache"
        return FileResponse(
            ASSETS_DIR / name, media_type=media_type, headers={"Cache-Control": cache}
        )

    return router
