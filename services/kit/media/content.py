"""Checking content: what the bytes are, whatever the name or the declared type say.

Images go only through Pillow's JPEG/PNG/WebP/HEIF decoders, are refused over a pixel limit
before decoding, oriented, converted to sRGB, scaled and re-encoded as JPEG with no metadata,
plus a thumbnail; videos are recognised by their container and kept as they are."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pillow_heif
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from services.kit.errors import ContentTooLarge, FieldError, InvalidInput
from services.kit.media.models import MB, Kind

# HEIC (iPhones' default) opens like any other format once the plugin is registered.
pillow_heif.register_heif_opener()

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
