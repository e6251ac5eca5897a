"""The couriers' profile photos: kit's media routes (upload, then name the id on the profile
with `PUT /v1/me/courier/photo`; the bytes behind signed, expiring links).

Who sees a photo: a photo is a face, personal data. Its links are handed out only to the
courier themself (`GET /v1/me/courier`) and to staff reading a station where the courier is
(the live view, courier:visits:read) or handling a card the courier shows them (the card
scan, courier:visits:handle); a link expires within the hour (kit.media.links) and the bytes
are served `no-store`. Without a current link nobody gets them."""

from __future__ import annotations

from fastapi import Depends, Request

from services.courier import couriers
from services.courier.context import CourierContext
from services.kit.auth import PrincipalDep
from services.kit.media.router import media_router
from services.kit.media.store import MediaSettings, MediaStore

# Photos only: the upload is bounded by the image limit while it streams in (a video is
# refused when the profile names it: media_wrong_kind).
PHOTO_MAX_BYTES: int = MediaSettings.model_fields["media_image_max_bytes"].default


def _store(request: Request) -> MediaStore:
    ctx: CourierContext = request.app.state.courier
    return ctx.photos


async def _residents_only(principal: PrincipalDep) -> None:
    """Only a signed-in resident (the courier-to-be) uploads: 401 without a token, 403 for
    staff and API clients, so nobody fills the store anonymously."""
    couriers.resident_subject(principal)


router = media_router(
    _store,
    tags=("couriers",),
    max_bytes=PHOTO_MAX_BYTES,
    upload_summary="Upload my profile photo (signed in as a courier); name its id on my profile",
    upload_description=(
        "multipart/form-data with the field `file`: a JPEG, PNG, WebP or HEIC photo up to "
        "10 MB, checked by its content, re-encoded as JPEG without EXIF/GPS, with a "
        "thumbnail. Unused uploads are deleted after 24 hours."
    ),
    upload_dependencies=[Depends(_residents_only)],
    personal=True,
)
