"""Files as phones and people send them, for the media tests (kit and intake)."""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

import pillow_heif
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_with_gps(size: tuple[int, int] = (800, 600), *, orientation: int | None = None) -> bytes:
    """A camera photo: EXIF with the make, GPS coordinates (a home), maybe an orientation,
    and a comment."""
    image = Image.new("RGB", size, (30, 120, 200))
    image.paste((250, 250, 0), (0, 0, size[0] // 4, size[1] // 4))  # a marked corner
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"
    exif[GPS_IFD] = {1: "N", 2: (39.0, 44.0, 12.5), 3: "E", 4: (116.0, 20.0, 1.0)}
    if orientation is not None:
        exif[ORIENTATION] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=b"Zhang San, building 3")
    return out.getvalue()


def png(size: tuple[int, int] = (640, 480), mode: str = "RGB", colour: Any = (0, 160, 80)) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, colour).save(out, "PNG")
    return out.getvalue()


def heic(size: tuple[int, int] = (1200, 900)) -> bytes:
    out = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", size, (200, 30, 30))).save(out, quality=80)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge canvas (a decompression bomb)."""
    data = bytearray(png((8, 8)))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def box(kind: bytes, payload: bytes = b"") -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4(brand: bytes = b"isom", *, moov: bool = True) -> bytes:
    ftyp = box(b"ftyp", brand + b"\x00\x00\x02\x00" + b"isomiso2mp41")
    return (
        ftyp + (box(b"moov", box(b"mvhd", bytes(100))) if moov else b"") + box(b"mdat", bytes(500))
    )


def webm() -> bytes:
    # EBML header: DocType (0x4282) "webm".
    return b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + bytes(200)


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image
