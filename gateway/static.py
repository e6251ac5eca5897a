"""The built frontend at `/`: files from frontend/dist, index.html for the page routes.

Vite puts content-hashed files under `assets/`: those are cached for a year. index.html
and the other files are revalidated on every visit, so a new build shows at once. The
routes the single-page app owns (`/q/<token>`, `/Q/<TOKEN>` from a QR code in
alphanumeric mode, `/console`, ...) all answer with index.html. Until the frontend is
built, those routes answer a plain page saying so (zh-CN first, English second). Every page
carries its Content-Security-Policy (gateway.security), allowing the inline scripts of the
served index.html by their hashes.
"""

from __future__ import annotations

import gzip
import mimetypes
from functools import lru_cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.types import Receive, Scope, Send

from gateway.security import inline_scripts, page_policy
from services.kit.errors import problem_response
from services.kit.observability import set_route_template

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Text files shrink to a third or less; on a 1.6 Mbit/s mobile line that is most of the wait.
COMPRESSIBLE = frozenset({".js", ".css", ".html", ".svg", ".json", ".txt", ".map", ".webmanifest"})
MIN_COMPRESS_BYTES = 1024

PLACEHOLDER = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>您扫我办 · 前端尚未构建</title>
<style>
body { font: 18px/1.6 system-ui, sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em;
       color: #111; background: #fff; }
a { color: #0645ad; }
section + section { margin-top: 2em; border-top: 1px solid #ccc; padding-top: 1em; }
code { font-size: 16px; }
</style>
</head>
<body>
<section lang="zh-CN">
<h1>您扫我办：网页前端尚未构建</h1>
<p>居民扫码页面和工作人员后台还没有构建，所以这里暂时只有这一页。</p>
<p>各服务的接口已经可以使用，请查看<a href="/docs">接口文档</a>。</p>
<p>构建前端：<code>cd frontend &amp;&amp; npm ci &amp;&amp; npm run build</code>，然后刷新本页。</p>
</section>
<section lang="en">
<h1>The frontend is not built yet</h1>
<p>The resident pages (opened from a QR code) and the staff console have not been built,
so this page stands in for them.</p>
<p>The services' APIs work already: see the <a href="/docs">API docs</a>.</p>
<p>To build the frontend: <code>cd frontend &amp;&amp; npm ci &amp;&amp; npm run build</code>,
then reload this page.</p>
</section>
</body>
</html>
"""


def is_page_route(path: str) -> bool:
    """A route the single-page app owns."""
    return path in ("/", "/index.html", "/console") or path.startswith(("/q/", "/Q/", "/console/"))


class Frontend:
    """Serves `dist` (looked up on each request, so a fresh build needs no restart)."""

    def __init__(self, dist: Path) -> None:
        self.dist = dist

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        # The pages' paths carry tokens (/q/<token>, /t/<token>): the log names none of it.
        set_route_template(scope, "/{path}")
        response = self.respond(Request(scope))
        await response(scope, receive, send)

    def respond(self, request: Request) -> Response:
        path = request.url.path
        if request.method not in ("GET", "HEAD"):
            return problem_response(
                status=405,
                code="method_not_allowed",
                detail="Only GET and HEAD are served here.",
                request=request,
                headers={"Allow": "GET, HEAD"},
            )
        index = self.dist / "index.html"
        if not index.is_file():
            if is_page_route(path):
                return HTMLResponse(
                    PLACEHOLDER,
                    headers={"Cache-Control": "no-store", "Content-Security-Policy": page_policy()},
                )
            return self._not_found(request)
        found = self._file(path)
        if found is not None:
            cache = IMMUTABLE if path.startswith("/assets/") else REVALIDATE
            return _file_response(request, found, cache)
        last = path.rsplit("/", 1)[-1]
        if path.startswith("/assets/") or "." in last:
            return self._not_found(request)  # a missing file, not a page
        return _file_response(request, index, REVALIDATE)

    def _file(self, path: str) -> Path | None:
        relative = path.lstrip("/")
        if not relative:
            return None
        root = self.dist.resolve()
        candidate = (root / relative).resolve()
        if root not in candidate.parents or not candidate.is_file():
            return None
        return candidate

    def _not_found(self, request: Request) -> Response:
        return problem_response(status=404, code="not_found", detail="Not found.", request=request)


@lru_cache(maxsize=256)
def _gzipped(path: Path, mtime_ns: int, size: int) -> bytes:
    """Compressed once per file version (the key changes with every build)."""
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


@lru_cache(maxsize=64)
def _page_policy(path: Path, mtime_ns: int, size: int) -> str:
    """The page's policy, allowing its own inline scripts by their hashes (once per build)."""
    return page_policy(inline_scripts(path.read_text(encoding="utf-8", errors="replace")))


def _file_response(request: Request, path: Path, cache: str) -> Response:
    headers = {"Cache-Control": cache, "Vary": "Accept-Encoding"}
    stat = path.stat()
    if path.suffix == ".html":
        headers["Content-Security-Policy"] = _page_policy(path, stat.st_mtime_ns, stat.st_size)
    accepts_gzip = "gzip" in request.headers.get("accept-encoding", "").lower()
    if accepts_gzip and path.suffix in COMPRESSIBLE and stat.st_size >= MIN_COMPRESS_BYTES:
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if media_type.startswith("text/") or media_type.endswith(("javascript", "json")):
            media_type += "; charset=utf-8"
        body = _gzipped(path, stat.st_mtime_ns, stat.st_size)
        headers["Content-Encoding"] = "gzip"
        return Response(body, media_type=media_type, headers=headers)
    return FileResponse(path, headers=headers)
