"""The media routes, the same in every service, so none writes its own.

    router = media_router(store_of_request, upload_summary="...")  # in routes/, mounted by app

gives `POST <prefix>` (upload: read with a bound, checked, stored, answered with signed
links), `GET <prefix>/{media_id}` and `GET <prefix>/{media_id}/thumbnail` (the bytes behind
a signed link: anyone holding a current link, no bearer token). What differs per service is
passed in: where its `MediaStore` is, who may upload (anyone, or an `Access` declared as
x-permission and enforced), the upload limit, the prefix and the words of the upload
operation. The session is kit's `SessionDep`, one transaction per request as everywhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from services.kit.app import SessionDep
from services.kit.auth import OptionalPrincipalDep, PrincipalDep
from services.kit.errors import PermissionDenied
from services.kit.media.http import UPLOAD_REQUEST_BODY, media_response, read_upload
from services.kit.media.store import MediaOut, MediaStore, uploader
from services.kit.permissions import Access, guard

# A link's expiry (unix seconds) and signature, as handed out in `url` / `thumbnail_url`.
Expiry = Annotated[int, Query(ge=0, le=2**40)]
Signature = Annotated[str, Query(min_length=1, max_length=100)]

UPLOAD_SUMMARY = "Upload a photo or a short video; name its id in a record"
UPLOAD_DESCRIPTION = (
    "multipart/form-data with the field `file`. Checked by its content, whatever its name "
    "or declared type: JPEG, PNG, WebP or HEIC images up to 10 MB (re-encoded as JPEG "
    "without EXIF/GPS, at most 2560 px, with a thumbnail), MP4, MOV or WebM videos up "
    "to 30 MB. Unused uploads are deleted after 24 hours."
)

# Where a service keeps its MediaStore, found from the request (e.g. its app.state).
StoreOf = Callable[[Request], MediaStore]


def upload_guard(access: Access) -> Callable[..., Any]:
    """A dependency that lets through a caller holding `access` on any place (an upload is
    not yet tied to one; the record that attaches it checks its own place): 401 for no one,
    403 for a caller without it."""

    @guard(access)
    async def may_upload(principal: PrincipalDep) -> None:
        if not any(principal.scope_paths(permission) for permission in access.any_of):
            raise PermissionDenied("forbidden", f"Your roles do not include {access.permission}.")

    return may_upload


def media_router(
    store_of: StoreOf,
    *,
    prefix: str = "/v1/media",
    tags: Sequence[str] = ("media",),
    upload_access: Access | None = None,
    max_bytes: int | None = None,
    upload_summary: str = UPLOAD_SUMMARY,
    upload_description: str = UPLOAD_DESCRIPTION,
    upload_dependencies: Sequence[Any] = (),
    personal: bool = False,
) -> APIRouter:
    """A service's media routes.

    `store_of`: the request's `MediaStore`. `upload_access`: who may upload (None: anyone,
    as residents report without an account); declared as x-permission and enforced by
    `upload_guard`. `max_bytes`: the upload's bound while it streams in (default: the
    store's limit, the larger of the image and video limits). `upload_dependencies`: more
    checks before an upload is read (kit.abuse's limit on anonymous uploads, who may upload
    at all). `personal`: the bytes are personal data (a face): served `no-store`, so no
    browser or proxy keeps them past the page that showed them (kit.caching)."""
    router = APIRouter(prefix=prefix, tags=list(tags))
    extra: dict[str, Any] = dict(UPLOAD_REQUEST_BODY)
    dependencies = list(upload_dependencies)
    if upload_access is not None:
        extra.update(upload_access.declare())
        dependencies.append(Depends(upload_guard(upload_access)))

    @router.post(
        "",
        status_code=201,
        summary=upload_summary,
        description=upload_description,
        openapi_extra=extra,
        dependencies=dependencies,
        responses={
            413: {"description": "The file is over the limit (media_too_large)"},
            **({429: {"description": "Too many uploads for now"}} if upload_dependencies else {}),
        },
    )
    async def upload(
        request: Request, session: SessionDep, principal: OptionalPrincipalDep
    ) -> MediaOut:
        store = store_of(request)
        data = await read_upload(request, max_bytes=max_bytes or store.limits.upload_bytes)
        stored = await store.ingest(session, data, uploaded_by=uploader(principal))
        return store.describe(stored)

    @router.get(
        "/{media_id:uuid}",
        summary="The photo or video behind a signed link",
        response_class=Response,
        responses={200: {"content": {"image/jpeg": {}, "video/mp4": {}}}},
    )
    async def original(
        media_id: uuid.UUID,
        request: Request,
        session: SessionDep,
        exp: Expiry,
        sig: Signature,
    ) -> Response:
        served = await store_of(request).open(
            session, media_id, variant="original", exp=exp, sig=sig
        )
        return media_response(request, served, personal=personal)

    @router.get(
        "/{media_id:uuid}/thumbnail",
        summary="A photo's thumbnail (JPEG, at most 480 px) behind a signed link",
        response_class=Response,
        responses={200: {"content": {"image/jpeg": {}}}},
    )
    async def thumbnail(
        media_id: uuid.UUID,
        request: Request,
        session: SessionDep,
        exp: Expiry,
        sig: Signature,
    ) -> Response:
        served = await store_of(request).open(
            session, media_id, variant="thumbnail", exp=exp, sig=sig
        )
        return media_response(request, served, personal=personal)

    return router
