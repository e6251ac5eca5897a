"""Signed, expiring links (an `<img>` cannot send a bearer token), and upload keys: the
secret an upload's answer hands its uploader, without which no one else can attach it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import uuid
from datetime import UTC, datetime, timedelta

from services.kit.errors import PermissionDenied
from services.kit.media.models import Variant


class MediaLinks:
    """`<base_path>/<id>[/thumbnail]?exp=<unix>&sig=<base64url HMAC-SHA256>`.

    The key is derived from the service's secret for this one use, so a signature made here
    is worth nothing anywhere else the secret signs."""

    # Expiry is rounded up to this: the same page fetched again (the console polls) gets the
    # same URLs for a while, so the browser's cache answers instead of the network.
    GRANULARITY_SECONDS = 600

    def __init__(
        self, secret_key: str, *, base_path: str, lifetime: timedelta = timedelta(hours=1)
    ) -> None:
        self._key = hmac.new(secret_key.encode(), b"media-url", hashlib.sha256).digest()
        self._upload = hmac.new(secret_key.encode(), b"media-upload-key", hashlib.sha256).digest()
        self.base_path = base_path.rstrip("/")
        self.lifetime = lifetime

    def expiry(self, now: datetime) -> datetime:
        seconds = (now + self.lifetime).timestamp()
        rounded = math.ceil(seconds / self.GRANULARITY_SECONDS) * self.GRANULARITY_SECONDS
        return datetime.fromtimestamp(rounded, UTC)

    def sign(self, media_id: uuid.UUID, variant: Variant, expires_at: datetime) -> str:
        message = f"{media_id}\n{variant}\n{int(expires_at.timestamp())}".encode()
        digest = hmac.new(self._key, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    def url(self, media_id: uuid.UUID, variant: Variant, expires_at: datetime) -> str:
        path = f"{self.base_path}/{media_id}" + ("/thumbnail" if variant == "thumbnail" else "")
        exp = int(expires_at.timestamp())
        return f"{path}?exp={exp}&sig={self.sign(media_id, variant, expires_at)}"

    def verify(
        self, media_id: uuid.UUID, variant: Variant, *, exp: int, sig: str, now: datetime
    ) -> datetime:
        """The link's expiry if it is genuine and current; 403 otherwise."""
        invalid = PermissionDenied("media_link_invalid", "This media link is not valid.")
        try:
            expires_at = datetime.fromtimestamp(exp, UTC)
        except (OverflowError, OSError, ValueError):
            raise invalid from None
        # Bytes, not str: compare_digest raises on a str that is not ASCII, and a link's
        # signature is whatever the caller typed. A genuine one is base64url, so ASCII.
        expected = self.sign(media_id, variant, expires_at).encode()
        if not sig.isascii() or not hmac.compare_digest(expected, sig.encode()):
            raise invalid
        if now >= expires_at:
            raise PermissionDenied(
                "media_link_expired", "This media link has expired; reload the page."
            )
        return expires_at

    def upload_key(self, media_id: uuid.UUID) -> str:
        """The upload's key: handed to its uploader only (the upload's answer), named when a
        record attaches the upload (kit.media.store.MediaStore.check_attachable)."""
        digest = hmac.new(self._upload, str(media_id).encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:24]).decode()

    def upload_key_matches(self, media_id: uuid.UUID, key: str) -> bool:
        # Bytes, as for signatures: the key is whatever the caller sent.
        return key.isascii() and hmac.compare_digest(
            self.upload_key(media_id).encode(), key.encode()
        )
