"""How long a phone photo takes to check, re-encode and thumbnail (kit.media.inspect).

    .venv/bin/python benchmarks/intake/media_ingest.py

A 12-megapixel JPEG straight from a phone camera (4000 x 3000, with EXIF), the same as
HEIC, and the 1600 px JPEG the report page sends after compressing in the browser. Each is
run a few times on one core (the work runs in a worker thread per upload); the median is
printed with the sizes in and out. Not part of `make test`: timings belong here.
"""

from __future__ import annotations

import io
import statistics
import time

import pillow_heif
from PIL import Image

from services.kit.media.content import MediaLimits, inspect

RUNS = 5


def _photo(width: int, height: int, fmt: str) -> bytes:
    # A flat image compresses unrealistically well, pure noise unrealistically badly: a
    # gradient with mild noise lands near a phone photo's 3-5 MB at 12 MP.
    noise = Image.effect_noise((width, height), 12)
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.merge(
        "RGB", (gradient, noise, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    )
    exif = Image.Exif()
    exif[0x0110] = "Phone"  # Model
    buffer = io.BytesIO()
    if fmt == "HEIF":
        pillow_heif.register_heif_opener()
        image.save(buffer, "HEIF", quality=80)
    else:
        image.save(buffer, "JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def main() -> None:
    limits = MediaLimits()
    cases = {
        "12 MP JPEG from the camera": _photo(4000, 3000, "JPEG"),
        "12 MP HEIC from an iPhone": _photo(4000, 3000, "HEIF"),
        "1600 px JPEG compressed by the page": _photo(1600, 1200, "JPEG"),
    }
    for name, data in cases.items():
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            result = inspect(data, limits)
            times.append(time.perf_counter() - start)
        print(
            f"{name:38s} in {len(data) / 1e6:5.2f} MB"
            f"  median {statistics.median(times) * 1000:6.0f} ms"
            f"  out {result.width}x{result.height}, {len(result.data) / 1e6:.2f} MB"
        )


if __name__ == "__main__":
    main()
