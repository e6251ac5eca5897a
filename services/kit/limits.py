"""How big a request may be: bodies over a limit are a 413 problem before they are read whole
or parsed, URLs over a limit a 414 problem. One ASGI middleware, in every service's app
(kit.app) and at the gateway in front of everything, so a service reached directly holds too.

- A body's limit depends on what it is: a file (`multipart/form-data`, or an image, video
  or octet stream as it is) may be up to `max_upload_bytes` (media routes then hold each
  file to their own, smaller limit: kit.media.read_upload); anything else (JSON, a form of
  fields, a body without a type) up to `max_body_bytes`.
- A declared `Content-Length` over the limit is refused before the app runs. A body of
  unknown length (chunked) is counted as it arrives: past the limit the app's next read
  fails, and whatever the app would have answered (a parse error, say) is replaced by the 413
  while no answer has started.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.kit.errors import ContentTooLarge, DomainError, problem_response

MIB = 1024 * 1024
# Bodies of these types are files (a form with a photo, a video as it is): nothing parses
# them whole, and the route that takes them bounds each file itself. Any other body (JSON,
# a form of fields, text, no type at all) is parsed whole, so its limit is the small one.
UPLOAD_TYPES = (b"multipart/", b"image/", b"video/", b"audio/", b"application/octet-stream")


def upload_limit(settings: object) -> int:
    """A service's limit for multipart bodies: its `max_upload_bytes`, raised to fit its
    largest media file and the form around it when it takes media (kit.media's settings), so
    the media route's own check (with its clearer `media_too_large`) answers first."""
    configured = int(getattr(settings, "max_upload_bytes", 32 * MIB))
    media = max(
        int(getattr(settings, "media_image_max_bytes", 0)),
        int(getattr(settings, "media_video_max_bytes", 0)),
    )
    return max(configured, media + MIB) if media else configured


class UriTooLong(DomainError):
    status = 414
    default_code = "uri_too_long"


class BodyTooLarge(ContentTooLarge):
    """Raised from `receive` once a body of unknown length has gone past its limit."""


def _size(limit: int) -> str:
    if limit >= MIB and limit % MIB == 0:
        return f"{limit // MIB} MiB"
    if limit >= 1024 and limit % 1024 == 0:
        return f"{limit // 1024} KiB"
    return f"{limit} bytes"


def body_too_large(limit: int, *, upload: bool) -> BodyTooLarge:
    what = "Uploads" if upload else "Request bodies"
    return BodyTooLarge(
        "content_too_large",
        f"{what} are accepted up to {_size(limit)}.",
        limit_bytes=limit,
    )


def uri_too_long(limit: int) -> UriTooLong:
    return UriTooLong(None, f"URLs are accepted up to {_size(limit)}.", limit_bytes=limit)


def url_bytes(scope: Scope) -> int:
    raw: bytes = scope.get("raw_path") or scope.get("path", "").encode()
    return len(raw) + len(scope.get("query_string", b""))


class RequestLimits:
    """Pure ASGI: refuses what is too big, counts what streams, costs two comparisons else."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int = MIB,
        max_upload_bytes: int = 32 * MIB,
        max_url_bytes: int = 8 * 1024,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_upload_bytes = max_upload_bytes
        self.max_url_bytes = max_url_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if url_bytes(scope) > self.max_url_bytes:
            await refuse(scope, send, uri_too_long(self.max_url_bytes))
            return
        declared: int | None = None
        upload = False
        for name, value in scope["headers"]:
            if name == b"content-length":
                declared = int(value) if value.isdigit() else None
            elif name == b"content-type":
                upload = value.lower().startswith(UPLOAD_TYPES)
        limit = self.max_upload_bytes if upload else self.max_body_bytes
        if declared is not None and declared > limit:
            await refuse(scope, send, body_too_large(limit, upload=upload))
            return
        if declared is not None:
            # The server delivers no more than the declared length: nothing to count.
            await self.app(scope, receive, send)
            return
        await _counted(self.app, scope, receive, send, limit, upload)


async def _counted(
    app: ASGIApp, scope: Scope, receive: Receive, send: Send, limit: int, upload: bool
) -> None:
    received = 0
    exceeded: BodyTooLarge | None = None
    started = replaced = False

    async def counting_receive() -> Message:
        nonlocal received, exceeded
        if exceeded is not None:
            raise exceeded
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                exceeded = body_too_large(limit, upload=upload)
                raise exceeded
        return message

    async def guarded_send(message: Message) -> None:
        nonlocal started, replaced
        if message["type"] == "http.response.start":
            if exceeded is not None and not started:
                # The app answers a body it could not read (a parse error, say): the answer
                # is that the body was too large.
                started = replaced = True
                await refuse(scope, send, exceeded)
                return
            started = True
        elif replaced:
            return
        await send(message)

    try:
        await app(scope, counting_receive, guarded_send)
    except Exception:
        if exceeded is None or (started and not replaced):
            raise
        if not started:
            await refuse(scope, send, exceeded)


async def refuse(scope: Scope, send: Send, exc: DomainError) -> None:
    """Answer with `exc`'s problem, without reading the body, and close the connection after
    (what is left of the body is not read)."""
    response = problem_response(
        status=exc.status,
        code=exc.code,
        detail=exc.detail,
        request=Request(scope),
        headers={"Connection": "close"},
        extensions=exc.extensions,
    )
    await send(
        {"type": "http.response.start", "status": exc.status, "headers": response.raw_headers}
    )
    await send({"type": "http.response.body", "body": bytes(response.body)})
