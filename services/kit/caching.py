"""Answers that carry personal data are never kept by a cache (the phone's browser, a proxy).

`NoStoreMiddleware` (every service has it, kit.app) adds `Cache-Control: no-store` to

- every answer to a request that carried a credential (`Authorization`, `X-API-Key`, a
  cookie): what a signed-in caller reads is theirs (a revealed phone, `/me`, a ticket);
- every answer of a route marked personal, signed in or not: a tracking page read with the
  token in its URL, a sign-in answer carrying tokens (`dependencies=[PERSONAL]` on the route
  or its router).

A route keeps the last word: a `Cache-Control` it set itself is never replaced (public QR
images, the JWKS, signed media links, the polling lists' `private, no-cache`), and a route
whose answer may be cached although the caller is signed in says so with
`dependencies=[CACHEABLE]`, which leaves the answer without the header.
"""

from __future__ import annotations

from typing import Literal

from fastapi import Depends, Request, params
from starlette.types import ASGIApp, Message, Receive, Scope, Send

NO_STORE = "no-store"
CachePolicy = Literal["personal", "cacheable"]
# Where a route's mark is kept for the middleware: the request's state (scope["state"]).
_STATE_KEY = "cache_policy"
_CREDENTIALS = frozenset({b"authorization", b"x-api-key", b"cookie"})


def _mark(policy: CachePolicy) -> params.Depends:
    async def mark(request: Request) -> None:
        setattr(request.state, _STATE_KEY, policy)

    mark.__name__ = f"mark_{policy}"
    return Depends(mark)


# dependencies=[PERSONAL]: the answer is personal even to an anonymous caller.
PERSONAL = _mark("personal")
# dependencies=[CACHEABLE]: the route opts out; the answer may be cached.
CACHEABLE = _mark("cacheable")


def _policy(scope: Scope) -> object:
    state = scope.get("state")
    return state.get(_STATE_KEY) if isinstance(state, dict) else None


class NoStoreMiddleware:
    """Pure ASGI: looks at the request's headers and the route's mark when the answer starts."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        signed_in = any(name in _CREDENTIALS for name, _ in scope.get("headers", ()))

        async def send_no_store(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                policy = _policy(scope)
                has_own = any(name.lower() == b"cache-control" for name, _ in headers)
                if not has_own and policy != "cacheable" and (signed_in or policy == "personal"):
                    headers.append((b"cache-control", NO_STORE.encode()))
                    message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_no_store)
