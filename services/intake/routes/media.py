"""Photos and videos: upload first (anyone: residents report without an account), then name
the id in a report or a move; the bytes are served through signed, expiring links."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from services.intake.context import ContextDep
from services.kit.app import SessionDep
from services.kit.auth import OptionalPrincipal, Principal
from services.kit.media import UPLOAD_REQUEST_BODY, MediaOut, media_response, read_upload

router = APIRouter(prefix="/v1/media", tags=["media"])

# A link's expiry (unix seconds) and signature, as handed out in `url` / `thumbnail_url`.
Expiry = Annotated[int, Query(ge=0, le=2**40)]
Signature = Annotated[str, Query(min_length=1, max_length=100)]


def _uploader(principal: Principal | None) -> str:
    if principal is None:
        return "anonymous"
    return principal.actor  # kit.auth: "staff:<uuid>", "resident:<uuid>", "client:<uuid>"


@router.post(
    "",
    status_code=201,
    summary="Upload a photo or a short video (no sign-in needed); name its id in a report",
    description=(
        "multipart/form-data with the field `file`. Checked by its content, whatever its name "
        "or declared type: JPEG, PNG, WebP or HEIC images up to 10 MB (re-encoded as JPEG "
        "without EXIF/GPS, at most 2560 px, with a thumbnail), MP4, MOV or WebM videos up "
        "to 30 MB. Unused uploads are deleted after 24 hours."
    ),
    openapi_extra=UPLOAD_REQUEST_BODY,
    responses={413: {"description": "The file is over the limit (media_too_large)"}},
)
async def upload(
    request: Request, session: SessionDep, ctx: ContextDep, principal: OptionalPrincipal
) -> MediaOut:
    data = await read_upload(request, max_bytes=ctx.media.limits.upload_bytes)
    stored = await ctx.media.ingest(session, data, uploaded_by=_uploader(principal))
    return ctx.media.describe(stored)


@router.get(
    "/{media_id}",
    summary="The photo or video behind a signed link",
    response_class=Response,
    responses={200: {"content": {"image/jpeg": {}, "video/mp4": {}}}},
)
async def original(
    media_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    ctx: ContextDep,
    exp: Expiry,
    sig: Signature,
) -> Response:
    served = await ctx.media.open(session, media_id, "original", exp=exp, sig=sig)
    return media_response(request, served)


@router.get(
    "/{media_id}/thumbnail",
    summary="A photo's thumbnail (JPEG, at most 480 px) behind a signed link",
    response_class=Response,
    responses={200: {"content": {"image/jpeg": {}}}},
)
async def thumbnail(
    media_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    ctx: ContextDep,
    exp: Expiry,
    sig: Signature,
) -> Response:
    served = await ctx.media.open(session, media_id, "thumbnail", exp=exp, sig=sig)
    return media_response(request, served)
