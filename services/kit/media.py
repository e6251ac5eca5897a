"""Media for every service: uploads checked by content, re-encoded, stored, served signed.

Upload first (multipart), get an id; the record that uses it (a ticket, a work order) refers
to the id and attaches it. Images are decoded by Pillow (never trusted by name or declared
type), re-encoded as JPEG without metadata (EXIF, GPS), HEIC converted, and given a
thumbnail; short videos are recognised by their container signature and kept as they are.

    media = MediaLibrary(Base.metadata)  # adds the `media` table (models.py)
    store = MediaStore.from_settings(media, settings, ...)  # storage, links, limits (app.py)

The bytes live in a `Storage` (services.kit.storage: local disk under var/ by default, an
S3-compatible bucket when configured); the table keeps what they are, who uploaded them and
what uses them. An `<img>` cannot send a bearer token, so the bytes are served through
signed, expiring URLs.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import io
import logging
import math
import uuid
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

import httpx
import pillow_heif
import sqlalchemy as sa
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError
from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import Response

from services.kit.clock import Clock
from services.kit.db import UTCDateTime, check_in
from services.kit.errors import (
    ContentTooLarge,
    DomainError,
    FieldError,
    Gone,
    InvalidInput,
    NotFound,
    PermissionDenied,
)
from services.kit.settings import VAR_DIR
from services.kit.storage import LocalStorage, S3Storage, Storage, StoredObjectMissing

__all__ = [
    "LocalStorage",
    "MediaLibrary",
    "MediaLinks",
    "MediaOut",
    "MediaSettings",
    "MediaStore",
    "S3Storage",
    "Storage",
    "StoredMedia",
]

log = logging.getLogger("kit.media")

# HEIC (iPhones' default) opens like any other format once the plugin is registered.
pillow_heif.register_heif_opener()

MEDIA_KINDS = ("image", "video")
Kind = Literal["image", "video"]
Variant = Literal["original", "thumbnail"]
MB = 1024 * 1024
# Uploads never attached to a record are removed after this long (purge_unattached).
UNATTACHED_LIFETIME = timedelta(hours=24)
# Room for the multipart framing around the file when the request body is bounded.
FORM_OVERHEAD = 64 * 1024
# Only these decoders ever see an upload: no PSD, EPS (Ghostscript), TIFF, ... parsers.
IMAGE_DECODERS = ["JPEG", "PNG", "WEBP", "HEIF"]
# What those decoders may report (a phone's multi-picture JPEG opens as MPO).
IMAGE_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "HEIF"})
# ISO BMFF major brands of still images (HEIC, AVIF): an `ftyp` box that is not a video.
IMAGE_BRANDS = frozenset(
    {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"heif", b"mif1", b"msf1", b"avif"}
)
AUDIO_BRANDS = frozenset({b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4B "})
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
EXTENSIONS = {
    "image/jpeg": "jpg",
    "video/mp4": "mp4",
    "video/quicktime": "mov",
    "video/webm": "webm",
}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


# --------------------------------------------------------------------------------------------
# The table and what is stored in it


@dataclass(frozen=True)
class StoredMedia:
    """One row of the media table."""

    id: uuid.UUID
    kind: str
    content_type: str
    byte_size: int
    width: int | None
    height: int | None
    sha256: str
    storage_key: str
    thumbnail_key: str | None
    uploaded_by: str
    attached_to: str | None
    created_at: datetime
    attached_at: datetime | None
    purged_at: datetime | None


@dataclass(frozen=True)
class MediaRef:
    """An id a request refers to, where in the request it was (a JSON pointer), and the kind
    it must be."""

    pointer: str
    media_id: uuid.UUID
    kind: Kind


class MediaLibrary:
    """The media table of one service, and the rules that need only a session."""

    def __init__(self, metadata: sa.MetaData, *, table: str = "media") -> None:
        self.table = sa.Table(
            table,
            metadata,
            sa.Column("id", sa.Uuid, primary_key=True),
            sa.Column("kind", sa.String(10), nullable=False),
            # What the content turned out to be (image/jpeg after re-encoding, video/mp4).
            sa.Column("content_type", sa.String(60), nullable=False),
            sa.Column("byte_size", sa.BigInteger, nullable=False),
            sa.Column("width", sa.Integer),
            sa.Column("height", sa.Integer),
            sa.Column("sha256", sa.String(64), nullable=False),
            # Keys in the storage (local disk under var/, or an S3-compatible bucket).
            sa.Column("storage_key", sa.String(200), nullable=False),
            sa.Column("thumbnail_key", sa.String(200)),
            # "staff:<subject>", "resident:<subject>", "client:<id>" or "anonymous".
            sa.Column("uploaded_by", sa.String(80), nullable=False),
            # What uses it ("ticket:<id>"); unattached uploads are purged after a day.
            sa.Column("attached_to", sa.String(80), index=True),
            sa.Column("created_at", UTCDateTime, nullable=False, index=True),
            sa.Column("attached_at", UTCDateTime),
            # Set when the bytes were deleted (retention); the row stays for the record.
            sa.Column("purged_at", UTCDateTime),
            sa.CheckConstraint(check_in("kind", MEDIA_KINDS), name="kind"),
        )

    async def add(self, session: AsyncSession, item: StoredMedia) -> None:
        await session.execute(sa.insert(self.table).values(**item.__dict__))

    async def get(self, session: AsyncSession, media_id: uuid.UUID) -> StoredMedia | None:
        row = (
            await session.execute(sa.select(self.table).where(self.table.c.id == media_id))
        ).one_or_none()
        return StoredMedia(**row._mapping) if row is not None else None

    async def lock(
        self, session: AsyncSession, ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, StoredMedia]:
        """The rows of `ids` that exist, locked until the transaction ends (PostgreSQL; on
        SQLite BEGIN IMMEDIATE already serialises writers): two requests cannot both attach
        one upload, nor a purge remove it while it is being attached."""
        if not ids:
            return {}
        rows = await session.execute(
            sa.select(self.table)
            .where(self.table.c.id.in_(list(ids)))
            .order_by(self.table.c.id)
            .with_for_update()
        )
        return {row.id: StoredMedia(**row._mapping) for row in rows}

    async def check_attachable(
        self, session: AsyncSession, refs: Sequence[MediaRef]
    ) -> list[StoredMedia]:
        """Each ref must be an existing, unpurged, unattached upload of its kind, named once;
        every failure is listed at its pointer (422 `invalid_media`), nothing is changed."""
        found = await self.lock(session, [ref.media_id for ref in refs])
        errors: list[FieldError] = []
        seen: set[uuid.UUID] = set()
        items: list[StoredMedia] = []
        for ref in refs:
            item = found.get(ref.media_id)
            problem: tuple[str, str] | None = None
            if ref.media_id in seen:
                problem = ("media_duplicate", "named twice")
            elif item is None:
                problem = ("media_not_found", "no upload with this id")
            elif item.purged_at is not None:
                problem = ("media_purged", "this upload has been deleted")
            elif item.attached_to is not None:
                problem = ("media_already_attached", "this upload is already in use")
            elif item.kind != ref.kind:
                problem = ("media_wrong_kind", f"expected an {ref.kind}")
            seen.add(ref.media_id)
            if problem is not None:
                errors.append(FieldError(pointer=ref.pointer, detail=problem[1], code=problem[0]))
            elif item is not None:
                items.append(item)
        if errors:
            raise InvalidInput(
                "invalid_media", "Some photos or videos cannot be used; see errors.", errors=errors
            )
        return items

    async def attach(
        self, session: AsyncSession, ids: Sequence[uuid.UUID], *, to: str, now: datetime
    ) -> None:
        """Mark uploads as used by `to` ("ticket:<id>"). Only unattached, unpurged rows move;
        if any did not, another transaction won the race and this one must not go on."""
        if not ids:
            return
        result = await session.execute(
            sa.update(self.table)
            .where(
                self.table.c.id.in_(list(ids)),
                self.table.c.attached_to.is_(None),
                self.table.c.purged_at.is_(None),
            )
            .values(attached_to=to, attached_at=now)
        )
        if getattr(result, "rowcount", len(ids)) != len(set(ids)):
            raise InvalidInput(
                "invalid_media", "An upload was attached elsewhere in the meantime; try again."
            )

    async def unattached_before(
        self, session: AsyncSession, cutoff: datetime, *, limit: int
    ) -> list[uuid.UUID]:
        rows = await session.scalars(
            sa.select(self.table.c.id)
            .where(
                self.table.c.attached_to.is_(None),
                self.table.c.purged_at.is_(None),
                self.table.c.created_at < cutoff,
            )
            .order_by(self.table.c.created_at)
            .limit(limit)
        )
        return list(rows)


# --------------------------------------------------------------------------------------------
# Checking content: what the bytes are, whatever the name or the declared type say


@dataclass(frozen=True)
class MediaLimits:
    image_bytes: int = 10 * MB
    video_bytes: int = 30 * MB
    # Above this an image is refused before it is decoded (a "decompression bomb": a small
    # file that would expand to gigabytes of pixels).
    image_pixels: int = 40_000_000
    long_side: int = 2560
    thumbnail_side: int = 480
    jpeg_quality: int = 85

    @property
    def upload_bytes(self) -> int:
        return max(self.image_bytes, self.video_bytes)


@dataclass(frozen=True)
class Inspected:
    """An upload as it will be stored."""

    kind: Kind
    content_type: str
    data: bytes
    width: int | None = None
    height: int | None = None
    thumbnail: bytes | None = None


def unsupported_media(detail: str) -> InvalidInput:
    return InvalidInput(
        "unsupported_media",
        "Upload a photo (JPEG, PNG, WebP, HEIC) or a short video (MP4, MOV, WebM).",
        errors=[FieldError(pointer="/body/file", detail=detail, code="unsupported_media")],
    )


def media_too_large(limit: int, what: str) -> ContentTooLarge:
    return ContentTooLarge(
        "media_too_large",
        f"{what.capitalize()}s are accepted up to {limit // MB} MB.",
        errors=[FieldError(pointer="/body/file", detail="too large", code="media_too_large")],
        limit_bytes=limit,
    )


def _iso_top_level_boxes(data: bytes) -> set[bytes] | None:
    """The types of an ISO BMFF file's top-level boxes, or None if they do not tile it."""
    types: set[bytes] = set()
    offset, end = 0, len(data)
    while offset < end:
        if end - offset < 8:
            return None
        size = int.from_bytes(data[offset : offset + 4], "big")
        header = 8
        if size == 1:  # a 64-bit size follows the type (large mdat boxes)
            if end - offset < 16:
                return None
            size, header = int.from_bytes(data[offset + 8 : offset + 16], "big"), 16
        elif size == 0:  # the box runs to the end of the file
            size = end - offset
        if size < header or offset + size > end:
            return None
        types.add(data[offset + 4 : offset + 8])
        offset += size
    return types


def video_content_type(data: bytes) -> str | None:
    """video/mp4, video/quicktime or video/webm by the container's own bytes; None for
    anything that is not a video container (a HEIC image is ISO BMFF too: its brand says)."""
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in IMAGE_BRANDS:
            return None
        boxes = _iso_top_level_boxes(data)
        if brand in AUDIO_BRANDS or boxes is None or b"moov" not in boxes:
            raise unsupported_media("not a complete MP4 or MOV video")
        return "video/quicktime" if brand == b"qt  " else "video/mp4"
    if data[:4] == EBML_MAGIC:
        # Matroska's header names its document type; browsers record "webm".
        if b"webm" not in data[:64]:
            raise unsupported_media("a Matroska file that is not WebM")
        return "video/webm"
    return None


def _flattened(image: Image.Image) -> Image.Image:
    """RGB (or CMYK/L for the colour conversion), transparency laid on white: a PNG screenshot
    with a transparent background must not turn black."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if image.mode in ("RGB", "CMYK", "L"):
        return image
    return image.convert("RGB")


def _to_srgb(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """Colours as the camera meant them: a phone's Display P3 (or a CMYK profile) converted to
    sRGB, since the profile itself is not kept."""
    if icc_profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: the pixels are kept as they are
    return image if image.mode == "RGB" else image.convert("RGB")


def _jpeg(image: Image.Image, quality: int) -> bytes:
    # No info carried over: Pillow would otherwise copy a JPEG comment (and may copy XMP).
    image.info = {}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()


def process_image(data: bytes, limits: MediaLimits) -> Inspected:
    """Decode, orient, convert to sRGB, downscale, and re-encode as JPEG with no metadata
    (EXIF, GPS, ICC, XMP, comments), plus a thumbnail. CPU work: run it in a thread."""
    try:
        with Image.open(io.BytesIO(data), formats=IMAGE_DECODERS) as opened:
            if opened.format not in IMAGE_FORMATS:
                raise unsupported_media("not a JPEG, PNG, WebP or HEIC image")
            width, height = opened.size
            if width * height > limits.image_pixels:
                raise _too_many_pixels(limits)
            icc_profile = opened.info.get("icc_profile")
            if opened.format in ("JPEG", "MPO"):
                # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when that still covers the
                # output size: a 48-megapixel photo decodes in a fraction of the time.
                opened.draft("RGB", (limits.long_side, limits.long_side))
            opened.load()
            image = ImageOps.exif_transpose(opened)
        image = _to_srgb(_flattened(image), icc_profile)
        image.thumbnail((limits.long_side, limits.long_side), Image.Resampling.LANCZOS)
        thumbnail = image.copy()
        thumbnail.thumbnail(
            (limits.thumbnail_side, limits.thumbnail_side), Image.Resampling.LANCZOS
        )
        return Inspected(
            kind="image",
            content_type="image/jpeg",
            data=_jpeg(image, limits.jpeg_quality),
            width=image.width,
            height=image.height,
            thumbnail=_jpeg(thumbnail, limits.jpeg_quality),
        )
    except Image.DecompressionBombError:
        raise _too_many_pixels(limits) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise unsupported_media("not a readable image") from None


def _too_many_pixels(limits: MediaLimits) -> InvalidInput:
    megapixels = limits.image_pixels // 1_000_000
    return InvalidInput(
        "image_dimensions_too_large",
        f"Images are accepted up to {megapixels} megapixels.",
        errors=[FieldError(pointer="/body/file", detail="too many pixels", code="too_large")],
        max_pixels=limits.image_pixels,
    )


def inspect(data: bytes, limits: MediaLimits) -> Inspected:
    """What an upload is, by its bytes alone; refused if it is none of the accepted kinds."""
    if not data:
        raise unsupported_media("empty file")
    if len(data) > limits.upload_bytes:
        raise media_too_large(limits.upload_bytes, "file")
    video_type = video_content_type(data)
    if video_type is not None:
        if len(data) > limits.video_bytes:
            raise media_too_large(limits.video_bytes, "video")
        return Inspected(kind="video", content_type=video_type, data=data)
    if len(data) > limits.image_bytes:
        raise media_too_large(limits.image_bytes, "image")
    return process_image(data, limits)


# --------------------------------------------------------------------------------------------
# Signed, expiring links (an <img> cannot send a bearer token)


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
        if not hmac.compare_digest(self.sign(media_id, variant, expires_at).encode(), sig.encode()):
            raise invalid
        if now >= expires_at:
            raise PermissionDenied(
                "media_link_expired", "This media link has expired; reload the page."
            )
        return expires_at


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


@dataclass(frozen=True)
class ServedMedia:
    data: bytes
    content_type: str
    filename: str
    expires_at: datetime
    now: datetime


# --------------------------------------------------------------------------------------------
# The whole: what a service's app holds


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
        )

    async def open(
        self, session: AsyncSession, media_id: uuid.UUID, variant: Variant, *, exp: int, sig: str
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


# --------------------------------------------------------------------------------------------
# HTTP: reading an upload, answering with the bytes


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


def media_response(request: Request, served: ServedMedia) -> Response:
    """The bytes, cached privately until the link expires, never sniffed as another type,
    with byte ranges (iOS plays a video only from a server that answers them)."""
    max_age = max(0, int((served.expires_at - served.now).total_seconds()))
    headers = {
        "Cache-Control": f"private, max-age={max_age}",
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
