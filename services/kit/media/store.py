"""A service's media as a whole: its table, where the bytes go, how links are signed, the
limits; what an app holds (`MediaStore`) and the settings it is made from."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import sqlalchemy as sa
from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import Principal
from services.kit.clock import Clock
from services.kit.errors import Gone, NotFound
from services.kit.media.content import EXTENSIONS, MediaLimits, inspect
from services.kit.media.links import MediaLinks
from services.kit.media.models import MB, Kind, MediaLibrary, MediaRef, StoredMedia, Variant
from services.kit.settings import VAR_DIR
from services.kit.storage import LocalStorage, S3Storage, Storage, StoredObjectMissing

log = logging.getLogger("kit.media")

# Who uploaded, for an upload without a signed-in caller (kit.media.router.uploader).
ANONYMOUS = "anonymous"
# Uploads never attached to a record are removed after this long (purge_unattached).
UNATTACHED_LIFETIME = timedelta(hours=24)


class MediaOut(BaseModel):
    """An upload as the API shows it, with its signed links."""

    id: uuid.UUID
    kind: Kind
    content_type: str = Field(examples=["image/jpeg"])
    byte_size: int
    width: int | None
    height: int | None
    url: str = Field(description="Signed and expiring; works without a bearer token")
    thumbnail_url: str | None = Field(description="A JPEG at most 480 px; none for videos")
    expires_at: datetime
    upload_key: str = Field(
        description="Only the uploader gets it: a record attaches this upload only when the "
        "request names this key with its id (or comes from the same signed-in uploader)"
    )


def uploader(principal: Principal | None) -> str:
    """Who uploads (or attaches), as the media table records it."""
    if principal is None:
        return ANONYMOUS
    return principal.actor  # kit.auth: "staff:<uuid>", "resident:<uuid>", "client:<uuid>"


def is_uploader(item: StoredMedia, by: str) -> bool:
    """Whether `by` (a principal's actor) uploaded `item` signed in; never for anonymous."""
    return by != ANONYMOUS and item.uploaded_by == by[:80]


@dataclass(frozen=True)
class ServedMedia:
    data: bytes
    content_type: str
    filename: str
    expires_at: datetime
    now: datetime


class MediaSettings(BaseSettings):
    """Media settings; a service's settings class inherits them (env <PREFIX>_MEDIA_ROOT...)."""

    # Local storage directory; default var/media/<service>.
    media_root: Path | None = None
    # "" for local disk, or "s3://bucket[/prefix]?endpoint=https://...&region=...[&virtual=1]".
    media_storage_url: str = ""
    media_s3_access_key: str = ""
    media_s3_secret_key: str = ""
    media_image_max_bytes: int = 10 * MB
    media_video_max_bytes: int = 30 * MB
    media_max_pixels: int = 40_000_000
    media_url_lifetime_seconds: int = 3600


def storage_from_settings(
    settings: MediaSettings,
    *,
    service_name: str,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Storage:
    url = settings.media_storage_url.strip()
    if not url:
        return LocalStorage(settings.media_root or VAR_DIR / "media" / service_name)
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise ValueError("media_storage_url: expected s3://bucket[/prefix]?endpoint=...&region=...")
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    region = query.get("region", "us-east-1")
    return S3Storage(
        endpoint=query.get("endpoint", f"https://s3.{region}.amazonaws.com"),
        bucket=parts.netloc,
        region=region,
        access_key=settings.media_s3_access_key,
        secret_key=settings.media_s3_secret_key,
        prefix=parts.path,
        virtual_host=query.get("virtual", "") in ("1", "true"),
        transport=transport,
    )


@dataclass(frozen=True)
class MediaStore:
    """A service's media: its table, where the bytes go, how links are signed, the limits."""

    library: MediaLibrary
    storage: Storage
    links: MediaLinks
    clock: Clock
    limits: MediaLimits = field(default_factory=MediaLimits)

    @classmethod
    def from_settings(
        cls,
        library: MediaLibrary,
        settings: MediaSettings,
        *,
        service_name: str,
        secret_key: str,
        base_path: str,
        clock: Clock,
        storage: Storage | None = None,
    ) -> MediaStore:
        """`base_path`: where the service's media routes are reached from a browser, through
        the gateway (e.g. "/api/intake/v1/media")."""
        return cls(
            library=library,
            storage=storage or storage_from_settings(settings, service_name=service_name),
            links=MediaLinks(
                secret_key,
                base_path=base_path,
                lifetime=timedelta(seconds=settings.media_url_lifetime_seconds),
            ),
            clock=clock,
            limits=MediaLimits(
                image_bytes=settings.media_image_max_bytes,
                video_bytes=settings.media_video_max_bytes,
                image_pixels=settings.media_max_pixels,
            ),
        )

    async def ingest(self, session: AsyncSession, data: bytes, *, uploaded_by: str) -> StoredMedia:
        """Check and store an upload (unattached until a record claims it)."""
        inspected = await asyncio.to_thread(inspect, data, self.limits)
        now = self.clock.now()
        media_id = uuid.uuid4()
        folder = f"{now:%Y/%m}"
        item = StoredMedia(
            id=media_id,
            kind=inspected.kind,
            content_type=inspected.content_type,
            byte_size=len(inspected.data),
            width=inspected.width,
            height=inspected.height,
            sha256=hashlib.sha256(inspected.data).hexdigest(),
            storage_key=f"{folder}/{media_id}.{EXTENSIONS[inspected.content_type]}",
            thumbnail_key=f"{folder}/{media_id}-thumb.jpg" if inspected.thumbnail else None,
            uploaded_by=uploaded_by[:80],
            attached_to=None,
            created_at=now,
            attached_at=None,
            purged_at=None,
        )
        await self.storage.put(item.storage_key, inspected.data, inspected.content_type)
        if inspected.thumbnail is not None and item.thumbnail_key is not None:
            await self.storage.put(item.thumbnail_key, inspected.thumbnail, "image/jpeg")
        try:
            await self.library.add(session, item)
        except BaseException:
            # Bytes without a row would never be purged. (A commit failing later still
            # leaves them behind: rare, and harmless but for the space.)
            await self._delete_bytes(item)
            raise
        return item

    def signed_urls(self, media_id: uuid.UUID, *, thumbnail: bool) -> tuple[str, str | None]:
        """The links to the media and to its thumbnail (if it has one), valid from now."""
        expires_at = self.links.expiry(self.clock.now())
        return (
            self.links.url(media_id, "original", expires_at),
            self.links.url(media_id, "thumbnail", expires_at) if thumbnail else None,
        )

    def describe(self, item: StoredMedia) -> MediaOut:
        url, thumbnail_url = self.signed_urls(item.id, thumbnail=item.thumbnail_key is not None)
        return MediaOut(
            id=item.id,
            kind="video" if item.kind == "video" else "image",
            content_type=item.content_type,
            byte_size=item.byte_size,
            width=item.width,
            height=item.height,
            url=url,
            thumbnail_url=thumbnail_url,
            expires_at=self.links.expiry(self.clock.now()),
            upload_key=self.links.upload_key(item.id),
        )

    def may_attach(self, item: StoredMedia, ref: MediaRef, *, by: str) -> bool:
        """Whether `by` (kit.media.router.uploader: "anonymous" or a principal's actor) may
        attach the upload `ref` names: its signed-in uploader may; anyone else only with the
        upload's key (so an anonymous upload needs its key always)."""
        if is_uploader(item, by):
            return True
        return ref.key is not None and self.links.upload_key_matches(item.id, ref.key)

    async def check_attachable(
        self, session: AsyncSession, refs: Sequence[MediaRef], *, by: str
    ) -> list[StoredMedia]:
        """The uploads `refs` name, locked, if `by` may attach every one (`may_attach`) and
        each is attachable (MediaLibrary.check_attachable); a 422 listing each that is not."""
        if not refs:
            return []
        return await self.library.check_attachable(
            session, refs, may_use=lambda item, ref: self.may_attach(item, ref, by=by)
        )

    async def open(
        self, session: AsyncSession, media_id: uuid.UUID, *, variant: Variant, exp: int, sig: str
    ) -> ServedMedia:
        """The bytes a signed link points at: 403 for a forged or expired link, 410 once
        retention has deleted them."""
        now = self.clock.now()
        expires_at = self.links.verify(media_id, variant, exp=exp, sig=sig, now=now)
        item = await self.library.get(session, media_id)
        key = None
        if item is not None:
            key = item.thumbnail_key if variant == "thumbnail" else item.storage_key
        if item is None or key is None:
            raise NotFound("media_not_found", "No such media.")
        if item.purged_at is not None:
            raise _purged()
        try:
            data = await self.storage.get(key)
        except StoredObjectMissing:
            log.warning("media bytes missing", extra={"media_id": str(media_id)})
            raise _purged() from None
        content_type = "image/jpeg" if variant == "thumbnail" else item.content_type
        suffix = "-thumb" if variant == "thumbnail" else ""
        filename = f"{media_id}{suffix}.{EXTENSIONS.get(content_type, 'bin')}"
        return ServedMedia(data, content_type, filename, expires_at, now)

    async def _delete_bytes(self, item: StoredMedia) -> None:
        await self.storage.delete(item.storage_key)
        if item.thumbnail_key:
            await self.storage.delete(item.thumbnail_key)

    async def _purge(
        self, session: AsyncSession, ids: Sequence[uuid.UUID], *, only_unattached: bool
    ) -> int:
        items = [
            item
            for item in (await self.library.lock(session, ids)).values()
            if item.purged_at is None and not (only_unattached and item.attached_to is not None)
        ]
        # Bytes first: if the storage fails, the rows stay unpurged and the next sweep retries.
        for item in items:
            await self._delete_bytes(item)
        if items:
            table = self.library.table
            await session.execute(
                sa.update(table)
                .where(table.c.id.in_([item.id for item in items]))
                .values(purged_at=self.clock.now())
            )
        return len(items)

    async def purge(self, session: AsyncSession, ids: Sequence[uuid.UUID]) -> None:
        """Delete the bytes of these media (retention); the rows stay, marked purged."""
        await self._purge(session, ids, only_unattached=False)

    async def purge_unattached(
        self,
        session: AsyncSession,
        *,
        older_than: timedelta = UNATTACHED_LIFETIME,
        batch: int = 200,
    ) -> int:
        """Delete uploads no record claimed within `older_than`: how many were purged."""
        cutoff = self.clock.now() - older_than
        total = 0
        while ids := await self.library.unattached_before(session, cutoff, limit=batch):
            total += await self._purge(session, ids, only_unattached=True)
        return total


def _purged() -> Gone:
    return Gone("media_purged", "This photo or video has been deleted.")
