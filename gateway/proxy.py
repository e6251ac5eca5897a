"""The hot path: `/api/<service>/<rest>` and the mounts (`/open311/v2/<rest>`) forwarded, raw ASGI.

No routing table, no dependency injection, no pydantic per request: a prefix test picks
the upstream, one pass over the headers drops the hop-by-hop ones and finds the
credentials, the rate limiter counts, the upstream answers. Small bodies are read whole,
larger ones (and bodies of unknown length) are streamed both ways.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Iterable, Mapping
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.types import Receive, Scope, Send

from gateway.credentials import Credentials, ServiceTimeout, ServiceUnavailable, key_digest
from gateway.ratelimit import RateLimiter, retry_after_header
from gateway.upstream import (
    Body,
    Headers,
    Upstream,
    UpstreamResponse,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from services.kit.addresses import UNKNOWN, Network, forwarded_client, is_trusted
from services.kit.errors import BadRequest, DomainError, NotFound, TooManyRequests, Unauthenticated
from services.kit.errors import problem_response as _problem_response
from services.kit.observability import current_request_id, route_template, set_route_template

log = logging.getLogger("gateway.proxy")

# Each service's own endpoints for the platform (the scraper, the orchestrator's probes):
# reached on the service's port inside, never through the public door.
INTERNAL_PATHS = frozenset({"/metrics", "/healthz", "/readyz"})
WARN_EVERY_SECONDS = 10.0
# Never forwarded as they came: hop-by-hop headers (RFC 9110 7.6.1), Host (the upstream's
# own is sent), framing (set anew), and what the gateway sets itself.
_REQUEST_DROP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-connection",
        b"proxy-authorization",
        b"proxy-authenticate",
        b"te",
        b"trailer",
        b"transfer-encoding",
        b"upgrade",
        b"host",
        b"expect",
        b"content-length",
        b"x-request-id",
        # Who the client is, and how it came, is the gateway's to say (kit.addresses).
        b"x-forwarded-for",
        b"x-forwarded-proto",
        b"x-forwarded-host",
        b"x-real-ip",
        b"forwarded",
    }
)
_RESPONSE_DROP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-connection",
        b"proxy-authenticate",
        b"te",
        b"trailer",
        b"transfer-encoding",
        b"upgrade",
        # The gateway's own server adds these (and RequestIdMiddleware the request id).
        b"x-request-id",
        b"date",
        b"server",
    }
)


class ClientDisconnected(Exception):
    pass


class UnknownService(NotFound):
    default_code = "service_not_found"


class InternalEndpoint(NotFound):
    """Answered like any path nothing serves: the door does not tell what lies inside."""

    def __init__(self) -> None:
        super().__init__("not_found", "Nothing is served at this path.")


class InternalError(DomainError):
    status = 500
    default_code = "internal_error"

    def __init__(self) -> None:
        super().__init__(
            None, "Something went wrong on our side; quote the request id when reporting it."
        )


async def send_problem(scope: Scope, receive: Receive, send: Send, exc: DomainError) -> None:
    response = _problem_response(
        status=exc.status,
        code=exc.code,
        detail=exc.detail,
        request=Request(scope),
        errors=exc.errors,
        headers=exc.headers,
        extensions=exc.extensions,
    )
    await response(scope, receive, send)


def mount_of(path: str, mounts: Iterable[str]) -> str | None:
    """The mount `path` is at or under (`/open311/v2`, `/open311/v2/...`), if any."""
    for mount in mounts:
        if path.startswith(mount) and path[len(mount) : len(mount) + 1] in ("", "/"):
            return mount
    return None


class Proxy:
    def __init__(
        self,
        upstreams: dict[str, Upstream],
        credentials: Credentials,
        limiter: RateLimiter | None,
        *,
        limit: int,
        anonymous_limit: int,
        stream_threshold: int,
        mounts: Mapping[str, str] | None = None,
        trusted_proxies: tuple[Network, ...] = (),
    ) -> None:
        self.upstreams = upstreams
        # Load balancers whose X-Forwarded-For / -Proto are believed (none by default).
        self.trusted_proxies = trusted_proxies
        # Paths forwarded as they are (services.toml's gateway_mounts): prefix -> service.
        self.mounts = dict(mounts or {})
        self.credentials = credentials
        self.limiter = limiter
        self.limit = limit
        self.anonymous_limit = anonymous_limit
        self.stream_threshold = stream_threshold
        self._warned: dict[str, float] = {}

    def _warn_unavailable(self, service: str, reason: str) -> None:
        """One line per service per WARN_EVERY_SECONDS: a down service under load is no flood."""
        now = time.monotonic()
        if now - self._warned.get(service, -WARN_EVERY_SECONDS) >= WARN_EVERY_SECONDS:
            self._warned[service] = now
            log.warning("%s unavailable: %s", service, reason)

    def route(self, scope: Scope) -> tuple[Upstream, bytes] | None:
        """The upstream and the target inside it; None for an unknown service.

        Raises InternalEndpoint for a service's /metrics, /healthz or /readyz.
        """
        path: str = scope["path"]
        raw: bytes = scope.get("raw_path") or path.encode()
        mounted = mount_of(path, self.mounts)
        if mounted is not None:
            upstream = self.upstreams.get(self.mounts[mounted])
            target = raw
            set_route_template(scope, f"{mounted}/{{path}}")
        else:  # /api/<service>[/<rest>]
            slash = path.find("/", 5)
            name = path[5:] if slash < 0 else path[5:slash]
            upstream = self.upstreams.get(name)
            # The log names the service (one of a known few) and never the rest of the path:
            # tokens live in some paths (/api/intake/v1/track/<token>).
            known = name if upstream is not None else "{service}"
            set_route_template(scope, f"/api/{known}/{{path}}")
            # The decoded path, as the service will route it: %6Detrics is /metrics there.
            if path[5 + len(name) :].rstrip("/") in INTERNAL_PATHS:
                raise InternalEndpoint
            prefix = b"/api/" + name.encode()
            if raw.startswith(prefix) and raw[len(prefix) : len(prefix) + 1] in (b"", b"/"):
                target = raw[len(prefix) :] or b"/"
            else:  # the prefix was percent-encoded: forward the decoded rest, re-encoded
                target = quote(path[len(prefix) :] or "/").encode()
        if upstream is None:
            return None
        query: bytes = scope["query_string"]
        return upstream, (target + b"?" + query) if query else target

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            routed = self.route(scope)
        except InternalEndpoint as exc:
            await send_problem(scope, receive, send, exc)
            return
        if routed is None:
            detail = f"No service answers at {scope['path']}; known: {', '.join(self.upstreams)}."
            await send_problem(scope, receive, send, UnknownService(None, detail))
            return
        upstream, target = routed
        try:
            response = await self._forward(scope, receive, upstream, target)
        except ClientDisconnected:
            return
        except DomainError as exc:
            await send_problem(scope, receive, send, exc)
            return
        except UpstreamTimeout:
            await send_problem(scope, receive, send, ServiceTimeout(upstream.name))
            return
        except UpstreamUnavailable as exc:
            self._warn_unavailable(upstream.name, exc.reason)
            await send_problem(scope, receive, send, ServiceUnavailable(upstream.name))
            return
        except Exception:
            log.exception("proxy error", extra={"route": route_template(scope)})
            await send_problem(scope, receive, send, InternalError())
            return
        await self._respond(response, upstream, receive, send)

    async def _forward(
        self, scope: Scope, receive: Receive, upstream: Upstream, target: bytes
    ) -> UpstreamResponse:
        headers: Headers = []
        host = authorization = api_key = None
        forwarded_for: list[str] = []
        forwarded_proto: bytes | None = None
        content_length: int | None = None
        chunked = False
        connection_tokens: list[bytes] = []
        for name, value in scope["headers"]:
            if name in _REQUEST_DROP:
                if name == b"host":
                    host = value
                elif name == b"x-forwarded-for":
                    forwarded_for.append(value.decode("latin-1"))
                elif name == b"x-forwarded-proto":
                    forwarded_proto = value
                elif name == b"content-length":
                    if not value.isdigit():
                        raise BadRequest("invalid_content_length", "Content-Length is no number.")
                    content_length = int(value)
                elif name == b"transfer-encoding":
                    chunked = True
                elif name == b"connection":
                    connection_tokens += (t.strip().lower() for t in value.split(b","))
                continue
            if name == b"authorization":
                authorization = value
            elif name == b"x-api-key":
                api_key = value
                continue
            headers.append((name, value))
        if connection_tokens:  # names listed in Connection are hop-by-hop too
            extra = set(connection_tokens) - {b"close", b"keep-alive"}
            if extra:
                headers = [(n, v) for n, v in headers if n not in extra]

        # The client's address: the TCP peer, or what a trusted load balancer says it is.
        peer = scope.get("client")
        peer_ip: str = peer[0] if peer else UNKNOWN
        scheme: bytes = scope.get("scheme", "http").encode()
        trusted = self.trusted_proxies
        if trusted and is_trusted(peer_ip, trusted):
            client_ip = forwarded_client(peer_ip, forwarded_for, trusted)
            if forwarded_proto is not None:  # how the client reached the proxy: its last word
                told = forwarded_proto.rsplit(b",", 1)[-1].strip().lower()
                if told in (b"http", b"https"):
                    scheme = told
        else:
            client_ip = peer_ip

        # Who is calling: the rate limit's key, and the credentials the request carries on.
        if api_key is not None:
            if authorization is not None:
                raise BadRequest(
                    "conflicting_credentials", "Send either an API key or a bearer token."
                )
            digest = key_digest(api_key)
            await self._limit(f"key:{digest}", self.limit)
            token = await self.credentials.exchange(api_key, digest)
            headers.append((b"authorization", b"Bearer " + token))
        elif authorization is not None and authorization[:7].lower() == b"bearer ":
            token_text = authorization[7:].strip().decode("latin-1")
            if not token_text:
                raise Unauthenticated("invalid_token", "The access token is not valid.")
            subject = await self.credentials.subject(token_text)
            await self._limit(f"sub:{subject}", self.limit)
        else:
            await self._limit(f"ip:{client_ip}", self.anonymous_limit)

        request_id = current_request_id()
        if request_id:
            headers.append((b"x-request-id", request_id.encode()))
        # Replaced, never appended to: the services believe these from the gateway alone.
        ip = client_ip.encode()
        headers.append((b"x-real-ip", ip))
        headers.append((b"x-forwarded-for", ip))
        headers.append((b"x-forwarded-proto", scheme))
        if host:
            headers.append((b"x-forwarded-host", host))

        body: Body = b""
        if content_length is not None and content_length <= self.stream_threshold:
            body, _ = await _read_body(receive, content_length)
        elif content_length is not None:
            body = _body_chunks(receive, b"")
        elif chunked:
            first, complete = await _read_body(receive, self.stream_threshold)
            if complete:
                body, content_length = first, len(first)
            else:
                body = _body_chunks(receive, first)
        return await upstream.send(
            scope["method"], target, headers, body, content_length=content_length
        )

    async def _limit(self, key: str, limit: int) -> None:
        if self.limiter is None:
            return
        wait = await self.limiter.hit(key, limit)
        if wait:
            raise TooManyRequests(
                "rate_limited",
                "Too many requests; try again later.",
                headers={"Retry-After": retry_after_header(wait)},
            )

    async def _respond(
        self, response: UpstreamResponse, upstream: Upstream, receive: Receive, send: Send
    ) -> None:
        headers = [(k, v) for k, v in response.headers if k not in _RESPONSE_DROP]
        start = {"type": "http.response.start", "status": response.status, "headers": headers}
        if response.body is not None:
            await send(start)
            await send({"type": "http.response.body", "body": response.body})
            return
        stream = response.stream
        assert stream is not None
        # The client may leave mid-download: stop reading the upstream then.
        gone = asyncio.ensure_future(_disconnected(receive))
        try:
            await send(start)
            while not gone.done():
                chunk = await stream.read()
                if not chunk:
                    await send({"type": "http.response.body", "body": b""})
                    return
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        except (UpstreamTimeout, UpstreamUnavailable) as exc:
            # Too late for a problem: the client sees the answer cut short.
            log.warning("%s failed mid-answer: %s", upstream.name, exc.reason)
        finally:
            gone.cancel()
            await stream.aclose()


async def _disconnected(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def _read_body(receive: Receive, limit: int) -> tuple[bytes, bool]:
    """The body while it fits in `limit` bytes: (bytes, complete?)."""
    parts = []
    size = 0
    while True:
        message: dict[str, Any] = dict(await receive())
        if message["type"] == "http.disconnect":
            raise ClientDisconnected
        chunk = message.get("body", b"")
        parts.append(chunk)
        size += len(chunk)
        if not message.get("more_body", False):
            return b"".join(parts), True
        if size > limit:
            return b"".join(parts), False


async def _body_chunks(receive: Receive, first: bytes) -> AsyncIterator[bytes]:
    if first:
        yield first
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnected
        chunk = message.get("body", b"")
        if chunk:
            yield chunk
        if not message.get("more_body", False):
            return
