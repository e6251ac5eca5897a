"""One mapping of another service's failures to the caller's problems.

- No answer (refused connection, timeout, any transport error) or a 5xx: 503
  `<service>_unavailable`. The caller may retry; it is nobody's input that was wrong.
- A 4xx: the caller's problem with its meaning kept. Where the thing asked about came from
  the caller's request (`Meaning.pointer`, e.g. `/body/code_token`), "unknown" (404, and a
  400 / 422 for a malformed id or token) is the caller's 422 at that field, "gone" (410) stays a
  410; without a pointer a 404 stays a 404. Other 4xx keep their status, code, detail,
  field errors and extension members.
- A code token without a code token's shape (kit.codes) is "unknown" without a call.
- A 401 is the exception: it refuses *our* service credentials, which the caller cannot
  fix, so it is a 503 too (and logged).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import httpx

from services.kit.errors import (
    BadRequest,
    Conflict,
    DependencyUnavailable,
    DomainError,
    FieldError,
    Gone,
    InvalidInput,
    NotFound,
    PermissionDenied,
    TooManyRequests,
)
from services.kit.http import (
    DEFAULT_LIMITS,
    DEFAULT_TIMEOUT,
    DirectCalls,
    Http1Transport,
    service_client,
)

log = logging.getLogger("kit.clients")

_KEPT: dict[int, type[DomainError]] = {
    400: BadRequest,
    403: PermissionDenied,
    404: NotFound,
    409: Conflict,
    410: Gone,
    422: InvalidInput,
    429: TooManyRequests,
}


# RFC 9457's members and kit's own (and DomainError's keywords, never a member): anything
# else in a problem is an extension member.
_PROBLEM_MEMBERS = frozenset(
    {"type", "title", "status", "detail", "code", "instance", "request_id", "errors"}
    | {"headers", "keep_changes"}
)


@dataclass(frozen=True)
class Meaning:
    """What "unknown" (404 / malformed 422) or "gone" (410) means to the caller."""

    code: str
    detail: str
    pointer: str | None = None  # where in the caller's request the thing came from
    # The other service's answers that mean "unknown": a 404, and a 400 / 422 for a
    # malformed id or token; (404,) where a 422 is about something else (a body's field).
    statuses: tuple[int, ...] = (400, 404, 422)


def unavailable(service: str) -> DependencyUnavailable:
    return DependencyUnavailable(
        f"{service}_unavailable", f"The {service} service did not answer; try again shortly."
    )


def unknown_error(unknown: Meaning) -> DomainError:
    """The caller's problem for a thing it named that the other service does not know (or
    that could not be one, by its shape): a 422 at the field it came from, else a 404."""
    if unknown.pointer is not None:
        return InvalidInput(
            unknown.code,
            unknown.detail,
            errors=[FieldError(pointer=unknown.pointer, detail="unknown", code=unknown.code)],
        )
    return NotFound(unknown.code, unknown.detail)


def failure(
    service: str,
    response: httpx.Response,
    *,
    unknown: Meaning | None = None,
    gone: Meaning | None = None,
) -> DomainError:
    """The caller's problem for a response that was not the answer asked for."""
    status = response.status_code
    if status >= 500 or status < 400:
        return unavailable(service)
    if status == 401:
        log.warning("%s refused this service's credentials (401)", service)
        return unavailable(service)
    remote = _problem(response)
    if (
        unknown is not None
        and status in unknown.statuses
        and (unknown.pointer is not None or status == 404)
    ):
        return unknown_error(unknown)
    if status == 410 and gone is not None:
        return Gone(gone.code, gone.detail)
    kind = _KEPT.get(status, BadRequest)
    errors = [FieldError.model_validate(e) for e in remote.get("errors", []) if _is_error(e)]
    # The remote problem's own members (allowed_kinds, retry_after, ...) go along.
    extensions = {k: v for k, v in remote.items() if k not in _PROBLEM_MEMBERS}
    return kind(
        str(remote.get("code") or kind.default_code),
        remote.get("detail"),
        errors=errors,
        **extensions,
    )


def _problem(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _is_error(item: Any) -> bool:
    return isinstance(item, dict) and {"pointer", "detail", "code"} <= item.keys()


class ServiceClient:
    """A pooled client for one other service, with the failure mapping above."""

    service: str = "service"

    def __init__(self, base_url: str, *, transport: httpx.AsyncBaseTransport | None = None):
        # Over sockets (no transport handed in): the calls skip httpx's client layer
        # (kit.http.DirectCalls); httpx stays for a transport a test hands in.
        pooled = Http1Transport(timeout=DEFAULT_TIMEOUT, limits=DEFAULT_LIMITS)
        self._client = service_client(base_url, transport=transport or pooled)
        self._direct = DirectCalls(base_url, pooled) if transport is None else None

    async def call(
        self,
        method: str,
        path: str,
        *,
        ok: tuple[int, ...] = (200,),
        unknown: Meaning | None = None,
        gone: Meaning | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """One request; the answer if its status is in `ok`, else the mapped problem."""
        direct = self._direct
        send = (
            direct.request
            if direct is not None and direct.takes(path, kwargs)
            else self._client.request
        )
        try:
            response = await send(method, path, **kwargs)
        except httpx.RemoteProtocolError as exc:
            # The service closed a kept-alive connection as the request went out on it: a
            # GET (which changes nothing) is asked again once, on another connection.
            if method.upper() != "GET":
                raise unavailable(self.service) from exc
            try:
                response = await send(method, path, **kwargs)
            except httpx.HTTPError as again:
                raise unavailable(self.service) from again
        except httpx.HTTPError as exc:
            raise unavailable(self.service) from exc
        if response.status_code not in ok:
            raise failure(self.service, response, unknown=unknown, gone=gone)
        return response

    async def aclose(self) -> None:
        await self._client.aclose()
