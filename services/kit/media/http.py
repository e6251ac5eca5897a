"""HTTP: reading an upload with a bound while it streams in, answering with the bytes and
byte ranges."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import Response

from services.kit.errors import DomainError, FieldError, InvalidInput
from services.kit.media.content import media_too_large
from services.kit.media.store import ServedMedia

# Room for the multipart framing around the file when the request body is bounded.
FORM_OVERHEAD = 64 * 1024


# OpenAPI for routes that read the upload themselves (to bound it while it streams in).
UPLOAD_REQUEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "A photo (JPEG, PNG, WebP, HEIC; up to 10 MB) or "
                            "a short video (MP4, MOV, WebM; up to 30 MB)",
                        }
                    },
                }
            }
        },
    }
}


def _file_required(detail: str = "required") -> InvalidInput:
    return InvalidInput(
        "file_required",
        "Send the file as multipart/form-data in the field 'file'.",
        errors=[FieldError(pointer="/body/file", detail=detail, code="required")],
    )


async def read_upload(request: Request, *, max_bytes: int, field_name: str = "file") -> bytes:
    """The uploaded file's bytes, the body bounded while it arrives: an oversized upload is
    refused (413) without being read to its end or spooled to disk whole."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise _file_required("not multipart/form-data")
    limit = max_bytes + FORM_OVERHEAD
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise media_too_large(max_bytes, "file")

    async def bounded() -> AsyncGenerator[bytes, None]:
        received = 0
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise media_too_large(max_bytes, "file")
            yield chunk

    parser = MultiPartParser(request.headers, bounded(), max_files=1, max_fields=20)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise _file_required(str(exc)) from None
    try:
        upload = form.get(field_name)
        if not isinstance(upload, UploadFile):
            raise _file_required()
        return await upload.read()
    finally:
        await form.close()


class RangeNotSatisfiable(DomainError):
    status = 416
    default_code = "range_not_satisfiable"


def byte_range(header: str | None, total: int) -> tuple[int, int] | None:
    """The one range `Range: bytes=...` asks for, inclusive; None to send the whole body
    (no header, several ranges, or one we do not parse: all allowed by RFC 9110)."""
    if not header or not header.startswith("bytes="):
        return None
    first, dash, last = header[6:].strip().partition("-")
    if not dash or not (first or last) or not all(p.isdigit() for p in (first, last) if p):
        return None
    if not first:  # the last N bytes
        count = int(last)
        if count == 0 or total == 0:
            raise _unsatisfiable(total)
        return max(0, total - count), total - 1
    start = int(first)
    if start >= total:
        raise _unsatisfiable(total)
    end = int(last) if last else total - 1
    if end < start:
        return None
    return start, min(end, total - 1)


def _unsatisfiable(total: int) -> RangeNotSatisfiable:
    return RangeNotSatisfiable(
        None,
        "The requested range is outside the file.",
        headers={"Content-Range": f"bytes */{total}"},
    )


def media_response(request: Request, served: ServedMedia, *, personal: bool = False) -> Response:
    """The bytes, cached privately until the link expires (`personal`: never kept by any
    cache, kit.caching's no-store, e.g. a courier's face), never sniffed as another type,
    with byte ranges (iOS plays a video only from a server that answers them)."""
    max_age = max(0, int((served.expires_at - served.now).total_seconds()))
    headers = {
        "Cache-Control": "private, no-store" if personal else f"private, max-age={max_age}",
        "X-Content-Type-Options": "nosniff",
        "Accept-Ranges": "bytes",
        "Content-Disposition": f'inline; filename="{served.filename}"',
    }
    total = len(served.data)
    span = byte_range(request.headers.get("range"), total)
    if span is None:
        return Response(served.data, media_type=served.content_type, headers=headers)
    start, end = span
    headers["Content-Range"] = f"bytes {start}-{end}/{total}"
    return Response(
        served.data[start : end + 1],
        status_code=206,
        media_type=served.content_type,
        headers=headers,
    )
