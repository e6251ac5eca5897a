"""Credentials at the door: bearer tokens verified here, API keys exchanged with identity.

A request with `Authorization: Bearer <jwt>` is verified with kit's TokenVerifier (the
JWKS identity publishes); a bad token is a 401 here, a good one goes on unchanged (each
service verifies it again: a request that bypasses the gateway gets nothing). A good
token's verdict is remembered until the token expires, so a signed-in client costs one
signature check, not one per request; a remembered token whose session identity has since
ended (signed out, account disabled: kit.revocations) is refused all the same.

A request with `X-API-Key: <key>` is exchanged with identity for a short-lived token
(`POST /v1/auth/api-key-token`), which the request carries on instead of the key. The
answer is cached by the key's SHA-256 for min(30 s, the token's life - 5 s), so a revoked
key stops working within 30 s; concurrent requests with one key share one exchange.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import re
import time
from collections.abc import Callable

from gateway.upstream import Upstream, UpstreamError, fetch
from services.kit.auth import CLOCK_SKEW_SECONDS, TokenVerifier
from services.kit.errors import DomainError, Unauthenticated
from services.kit.observability import current_request_id

EXCHANGE_PATH = "/v1/auth/api-key-token"
# Remembered verdicts / exchanged tokens at most; past that the cache starts afresh.
MAX_CACHED = 10_000
# An access token goes into a header as-is: refuse anything that is not a plain JWT.
_TOKEN = re.compile(rb"^[A-Za-z0-9._~+/=-]{1,8192}$")
# What identity could ever know as a key (visible ASCII, as long as identity takes): anything
# else is refused here, without asking.
_KEY = re.compile(rb"^[\x21-\x7e]{1,200}$")
INVALID_KEY = "The API key is not valid."


class ServiceUnavailable(DomainError):
    status = 503
    default_code = "service_unavailable"

    def __init__(self, service: str, detail: str | None = None) -> None:
        super().__init__(
            None,
            detail or f"The {service} service is not available right now; try again soon.",
            headers={"Retry-After": "5"},
            service=service,
        )


class ServiceTimeout(DomainError):
    status = 504
    default_code = "service_timeout"

    def __init__(self, service: str) -> None:
        super().__init__(None, f"The {service} service did not answer in time.", service=service)


def key_digest(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()


class Credentials:
    def __init__(
        self,
        verifier: TokenVerifier,
        identity: Upstream | None,
        *,
        api_key_cache_seconds: float = 30.0,
        timer: Callable[[], float] = time.monotonic,
    ) -> None:
        self.verifier = verifier
        self.identity = identity
        self.api_key_cache_seconds = api_key_cache_seconds
        self._timer = timer
        # token -> (subject, expiry, session id, the token's `sub`)
        self._verified: dict[str, tuple[str, float, object, object]] = {}
        self._exchanged: dict[str, tuple[bytes, float]] = {}
        self._pending: dict[str, asyncio.Future[bytes]] = {}

    async def subject(self, token: str) -> str:
        """The verified token's subject; Unauthenticated("invalid_token") if it is not good."""
        now = self.verifier.clock.now().timestamp()
        known = self._verified.get(token)
        if known is not None and known[1] + CLOCK_SKEW_SECONDS > now:
            if await self.verifier.session_ended(known[2], known[3]):
                self._verified.pop(token, None)
                raise Unauthenticated("invalid_token", "The access token is not valid.")
            return known[0]
        principal = await self.verifier.verify(token)
        if len(self._verified) >= MAX_CACHED:
            self._verified.clear()
        claims = principal.claims
        self._verified[token] = (
            principal.subject,
            float(claims["exp"]),
            claims.get("sid"),
            claims.get("sub"),
        )
        return principal.subject

    async def exchange(self, key: bytes, digest: str) -> bytes:
        """A token for this API key, from the cache or from identity."""
        known = self._exchanged.get(digest)
        if known is not None and known[1] > self._timer():
            return known[0]
        pending = self._pending.get(digest)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
        self._pending[digest] = future
        try:
            token, ttl = await self._ask_identity(key)
        except asyncio.CancelledError:
            future.cancel()
            raise
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: only the waiters (if any) re-raise it
            raise
        finally:
            del self._pending[digest]
        if ttl > 0:
            if len(self._exchanged) >= MAX_CACHED:
                self._exchanged.clear()
            self._exchanged[digest] = (token, self._timer() + ttl)
        future.set_result(token)
        return token

    def forget_api_keys(self) -> None:
        self._exchanged.clear()

    async def _ask_identity(self, key: bytes) -> tuple[bytes, float]:
        if not _KEY.match(key):
            raise Unauthenticated("invalid_api_key", INVALID_KEY)
        if self.identity is None:
            raise ServiceUnavailable("identity")
        headers = [(b"x-api-key", key), (b"accept", b"application/json")]
        request_id = current_request_id()
        if request_id:
            headers.append((b"x-request-id", request_id.encode()))
        try:
            response = await fetch(self.identity, "POST", EXCHANGE_PATH, headers)
        except UpstreamError:
            raise ServiceUnavailable("identity") from None
        if response.status == 200:
            try:
                answer = response.json()
                token = str(answer["access_token"]).encode()
                expires_in = float(answer.get("expires_in", 0))
            except (ValueError, KeyError, TypeError, AttributeError):
                raise ServiceUnavailable("identity", "identity gave no usable token.") from None
            if not _TOKEN.match(token):
                raise ServiceUnavailable("identity", "identity gave no usable token.")
            return token, min(self.api_key_cache_seconds, expires_in - 5.0)
        if 400 <= response.status < 500:
            # Whatever identity's reason for refusing a key (unknown, revoked, malformed), to
            # the caller it is a credential refused: a 401, never "identity not available".
            code = "invalid_api_key"
            if response.status in (401, 403):
                with contextlib.suppress(ValueError, AttributeError):
                    code = str(json.loads(response.body or b"{}").get("code") or code)
            raise Unauthenticated(code, INVALID_KEY)
        raise ServiceUnavailable("identity")
