"""The documents residents show with a household claim (a photo of 房产证 or a lease):
kit's media routes. Upload first, then name the id on the claim (`POST /v1/me/households`).

Who sees a document: it is personal data. Its signed, expiring links are handed out only to
the resident themself (`GET /v1/me/households`) and to staff verifying claims over the home
(`GET /v1/household-claims/{id}`); the bytes are served `no-store`."""

from __future__ import annotations

from fastapi import Depends, Request

from services.identity.context import IdentityContext
from services.identity.residents import resident_id_of
from services.kit.auth import PrincipalDep
from services.kit.media.router import media_router
from services.kit.media.store import MediaSettings, MediaStore

# Photos only, bounded while they stream in.
PHOTO_MAX_BYTES: int = MediaSettings.model_fields["media_image_max_bytes"].default


def _store(request: Request) -> MediaStore:
    ctx: IdentityContext = request.app.state.identity
    return ctx.documents


async def _residents_only(principal: PrincipalDep) -> None:
    """Only a signed-in resident uploads: 401 without a token, 403 for staff and clients."""
    resident_id_of(principal)


router = media_router(
    _store,
    tags=("households",),
    max_bytes=PHOTO_MAX_BYTES,
    upload_summary="Upload a photo of a document for my household claim; name its id there",
    upload_description=(
        "multipart/form-data with the field `file`: a JPEG, PNG, WebP or HEIC photo up to "
        "10 MB, checked by its content, re-encoded as JPEG without EXIF/GPS, with a "
        "thumbnail. Seen only by me and the community staff verifying my claim."
    ),
    upload_dependencies=[Depends(_residents_only)],
    personal=True,
)
