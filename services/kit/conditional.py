"""Conditional GETs for the live views that poll (every ~15 s, ARCHITECTURE.md).

A list answer gets a strong ETag made from what the answer depends on (a cheap aggregate of
the filtered rows, the query string, the caller's scope); a client that sends the same tag
back in `If-None-Match` gets `304 Not Modified` with no body, so polling costs one small
query and no serialising.
"""

from __future__ import annotations

import hashlib

from fastapi import Request, Response

# Every poll asks the server again; nothing is served stale from a cache in between.
REVALIDATE = "private, no-cache"


def etag(*parts: object) -> str:
    """A strong entity tag for an answer that depends exactly on `parts`."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]
    return f'"{digest}"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """RFC 9110 §13.1.2: `*`, or any tag of the list equal by weak comparison."""
    if not if_none_match:
        return False
    wanted = tag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == wanted:
            return True
    return False


def not_modified(request: Request, response: Response, tag: str) -> Response | None:
    """Tag the answer; a 304 to return instead when the client holds it already."""
    response.headers["ETag"] = tag
    response.headers["Cache-Control"] = REVALIDATE
    if matches(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers={"ETag": tag, "Cache-Control": REVALIDATE})
    return None
