"""Photos and videos: upload first (anyone: residents report without an account), then name
the id in a report or a move; the bytes are served through signed, expiring links. The
routes are kit's (`kit.media.router`); intake says only where its store is and what the
upload is for."""

from __future__ import annotations

from fastapi import Request

from services.intake.context import IntakeContext
from services.kit.abuse import anonymous_write_limit
from services.kit.media.router import media_router
from services.kit.media.store import MediaStore


def _store(request: Request) -> MediaStore:
    ctx: IntakeContext = request.app.state.intake
    return ctx.media


router = media_router(
    _store,
    upload_summary="Upload a photo or a short video (no sign-in needed); name its id in a report",
    # Up to 7 files a report (kit.abuse; INTAKE_ANONYMOUS_LIMITS "uploads.per_device", ...).
    upload_dependencies=[
        anonymous_write_limit("uploads", per_device="40/10min", per_address="300/hour")
    ],
)
