"""The headers every answer of the door carries, and the pages' Content-Security-Policy.

On every answer (pages, API answers, photos, problems): `X-Content-Type-Options: nosniff`,
`Referrer-Policy: no-referrer` (page URLs carry secrets: `/t/<token>`, `/Q/<token>`), no
framing by anyone (`frame-ancestors 'none'`, and `X-Frame-Options: DENY` for old webviews),
and no `Server` header. An answer without a policy of its own gets `API_POLICY`: nothing may
run or load in it, should a browser ever show it as a document.

The pages set their own policy: scripts from the gateway only, plus the few inline scripts
of the built index.html (a tag in the page on a slow line saves a round trip), each allowed
by its SHA-256, computed from the file that is served (`page_policy`). Styles may be inline
(Vue and Vant set style attributes, the QR sheet shown in a frame has its own <style>);
images, video and frames may come from blob: and data: URLs (photo previews before upload,
the QR sheet fetched with a token and shown from a blob). Nothing else from anywhere else.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_POLICY = "; ".join(
    (
        "default-src 'none'",
        "img-src 'self' data:",
        "style-src 'unsafe-inline'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    )
)

_PAGE = (
    "default-src 'self'",
    "script-src 'self'{scripts}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)

# <script> elements without a src whose content runs: no type, or a JavaScript one.
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc\s*=)([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL
)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_RUNNABLE_TYPES = frozenset({"", "module", "text/javascript", "application/javascript"})

SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script a browser would run, as it hashes it."""
    found = []
    for attributes, body in _INLINE_SCRIPT.findall(html):
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") in _RUNNABLE_TYPES:
            found.append(body.replace("\r\n", "\n").replace("\r", "\n"))
    return found


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def page_policy(scripts: Iterable[str] = ()) -> str:
    """The policy of a page whose inline scripts are `scripts` (their text)."""
    allowed = "".join(f" {script_hash(s)}" for s in scripts)
    return "; ".join(_PAGE).replace("{scripts}", allowed)


class SecurityHeaders:
    """Pure ASGI, outermost: adds the headers above to every answer, drops `Server`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", ()) if k.lower() != b"server"]
                present = {k.lower() for k, _ in headers}
                headers += [h for h in SECURITY_HEADERS if h[0] not in present]
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", API_POLICY.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_secured)
