"""kit.media: uploads are judged by their bytes, re-encoded without metadata, stored through
a storage interface (local disk, S3 with SigV4) and served through signed, expiring links."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.kit import sigv4
from services.kit.errors import (
    ContentTooLarge,
    DependencyUnavailable,
    InvalidInput,
    PermissionDenied,
)
from services.kit.media.content import MediaLimits, inspect
from services.kit.media.http import RangeNotSatisfiable, byte_range
from services.kit.media.links import MediaLinks
from services.kit.media.store import MediaSettings, storage_from_settings
from services.kit.storage import LocalStorage, S3Storage, StoredObjectMissing
from tests.kit.media_samples import (
    GPS_IFD,
    box,
    decoded,
    heic,
    jpeg_with_gps,
    mp4,
    png,
    png_claiming,
    webm,
)

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


LIMITS = MediaLimits()


# --- content checks ------------------------------------------------------------------------


def test_a_camera_photo_comes_back_without_exif_gps_or_comment_and_upright() -> None:
    original = jpeg_with_gps((800, 600), orientation=6)  # "rotate 90° clockwise to view"
    assert decoded(original).getexif().get_ifd(GPS_IFD)  # the input really carries GPS

    result = inspect(original, LIMITS)

    assert result.kind == "image"
    assert result.content_type == "image/jpeg"
    stored = decoded(result.data)
    assert stored.format == "JPEG"
    assert len(stored.getexif()) == 0
    assert stored.getexif().get_ifd(GPS_IFD) == {}
    assert not {"exif", "comment", "icc_profile", "xmp"} & set(stored.info)
    assert b"Zhang San" not in result.data
    assert b"Phone maker" not in result.data
    # The orientation was applied to the pixels: portrait now, the marked corner top-right.
    assert (result.width, result.height) == stored.size == (600, 800)
    red, green, blue = stored.convert("RGB").getpixel((590, 10))  # type: ignore[misc]
    assert red > 200
    assert green > 200
    assert blue < 80


def test_a_png_is_stored_as_jpeg_whatever_it_was_called() -> None:
    result = inspect(png(), LIMITS)
    assert result.content_type == "image/jpeg"
    assert result.data[:3] == b"\xff\xd8\xff"
    assert decoded(result.data).size == (640, 480)


def test_transparency_is_laid_on_white_not_black() -> None:
    result = inspect(png((100, 100), "RGBA", (0, 0, 0, 0)), LIMITS)
    lightness = decoded(result.data).convert("L").getextrema()
    assert lightness[0] > 245  # type: ignore[operator]


def test_a_heic_photo_is_converted_to_jpeg() -> None:
    result = inspect(heic(), LIMITS)
    assert result.content_type == "image/jpeg"
    stored = decoded(result.data)
    assert stored.format == "JPEG"
    assert stored.size == (1200, 900)


def test_large_photos_are_scaled_down_and_get_a_small_thumbnail() -> None:
    result = inspect(jpeg_with_gps((4000, 3000)), LIMITS)
    assert (result.width, result.height) == (2560, 1920)
    assert result.thumbnail is not None
    thumbnail = decoded(result.thumbnail)
    assert thumbnail.format == "JPEG"
    assert max(thumbnail.size) == 480
    assert len(result.thumbnail) < len(result.data)


@pytest.mark.parametrize(
    "data",
    [
        b"This is not a photo, just text named photo.jpg\n" * 10,
        b"\xff\xd8\xff\xe0" + b"\x00" * 200,  # a JPEG's first bytes, then nothing decodable
        b"GIF89a" + bytes(100),  # a format that is not accepted
        b"",
    ],
    ids=["text", "broken-jpeg", "gif", "empty"],
)
def test_anything_else_is_unsupported_media(data: bytes) -> None:
    with pytest.raises(InvalidInput) as refused:
        inspect(data, LIMITS)
    assert refused.value.code == "unsupported_media"
    assert refused.value.errors[0].pointer == "/body/file"


def test_a_decompression_bomb_is_refused_before_decoding() -> None:
    bomb = png_claiming(8000, 6000)  # 48 megapixels in a few dozen bytes
    assert len(bomb) < 200
    with pytest.raises(InvalidInput) as refused:
        inspect(bomb, LIMITS)
    assert refused.value.code == "image_dimensions_too_large"
    assert refused.value.extensions["max_pixels"] == 40_000_000


def test_size_limits_per_kind() -> None:
    limits = MediaLimits(image_bytes=1000, video_bytes=5000)
    with pytest.raises(ContentTooLarge) as image:
        inspect(jpeg_with_gps((400, 300)) + bytes(1000), limits)
    assert image.value.status == 413
    assert image.value.code == "media_too_large"
    assert image.value.extensions["limit_bytes"] == 1000
    assert inspect(mp4() + box(b"free", bytes(3000)), limits).kind == "video"
    with pytest.raises(ContentTooLarge):
        inspect(mp4() + box(b"free", bytes(5000)), limits)


@pytest.mark.parametrize(
    ("data", "content_type"),
    [(mp4(), "video/mp4"), (mp4(b"qt  "), "video/quicktime"), (webm(), "video/webm")],
    ids=["mp4", "mov", "webm"],
)
def test_videos_are_recognised_by_their_container_and_kept_as_they_are(
    data: bytes, content_type: str
) -> None:
    result = inspect(data, LIMITS)
    assert (result.kind, result.content_type, result.data) == ("video", content_type, data)
    assert result.thumbnail is None


@pytest.mark.parametrize(
    "data",
    [
        mp4(moov=False),  # no movie header: not playable
        mp4()[:-100],  # truncated: the boxes do not add up
        mp4(b"M4A "),  # audio only
        b"\x1a\x45\xdf\xa3\x9f\x42\x82\x88matroska" + bytes(100),  # Matroska, not WebM
    ],
    ids=["no-moov", "truncated", "audio", "mkv"],
)
def test_broken_or_other_containers_are_refused(data: bytes) -> None:
    with pytest.raises(InvalidInput) as refused:
        inspect(data, LIMITS)
    assert refused.value.code == "unsupported_media"


# --- signed links --------------------------------------------------------------------------


def test_a_link_is_signed_for_one_media_one_variant_until_its_expiry() -> None:
    links = MediaLinks("secret", base_path="/api/intake/v1/media")
    media_id = uuid.uuid4()
    now = T0 + timedelta(minutes=1)
    expires_at = links.expiry(now)
    # At least the lifetime, rounded up so a polled page keeps the same (cached) URLs.
    assert timedelta(hours=1) <= expires_at - now < timedelta(hours=1, minutes=10)
    assert links.expiry(now + timedelta(minutes=8)) == expires_at
    assert links.expiry(now + timedelta(minutes=10)) > expires_at

    url = httpx.URL(links.url(media_id, "thumbnail", expires_at))
    assert url.path == f"/api/intake/v1/media/{media_id}/thumbnail"
    exp, sig = int(url.params["exp"]), url.params["sig"]
    assert links.verify(media_id, "thumbnail", exp=exp, sig=sig, now=now) == expires_at

    def refusal(**changes: Any) -> str:
        call: dict[str, Any] = {
            "media_id": media_id,
            "variant": "thumbnail",
            "exp": exp,
            "sig": sig,
            "now": now,
        }
        call.update(changes)
        with pytest.raises(PermissionDenied) as refused:
            links.verify(call.pop("media_id"), call.pop("variant"), **call)
        return refused.value.code

    assert refusal(now=expires_at) == "media_link_expired"
    assert refusal(exp=exp + 3600) == "media_link_invalid"  # a longer life, self-granted
    assert refusal(variant="original") == "media_link_invalid"
    assert refusal(media_id=uuid.uuid4()) == "media_link_invalid"
    assert refusal(sig=sig[:-2] + ("AA" if sig[-2:] != "AA" else "BB")) == "media_link_invalid"
    assert refusal(exp=10**15) == "media_link_invalid"
    # A signature that is not ASCII is refused like any other wrong one, never a crash.
    assert refusal(sig="签名") == "media_link_invalid"
    assert refusal(sig=sig[:-1] + "é") == "media_link_invalid"
    other_service = MediaLinks("another-secret", base_path="/api/intake/v1/media")
    assert other_service.sign(media_id, "thumbnail", expires_at) != sig


# --- byte ranges (a phone's video player asks for them) ------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 999)),
        ("bytes=-200", (800, 999)),
        ("bytes=900-5000", (900, 999)),
        ("bytes=0-1,5-6", None),  # several ranges: the whole file is a valid answer
        ("bytes=5-1", None),
        ("bytes=x-1", None),
        ("items=0-1", None),
    ],
)
def test_byte_ranges(header: str | None, expected: tuple[int, int] | None) -> None:
    assert byte_range(header, 1000) == expected


def test_a_range_past_the_end_is_unsatisfiable() -> None:
    with pytest.raises(RangeNotSatisfiable) as refused:
        byte_range("bytes=1000-", 1000)
    assert refused.value.status == 416
    assert refused.value.headers["Content-Range"] == "bytes */1000"


# --- storage -------------------------------------------------------------------------------


async def test_local_storage_round_trip_and_keys_stay_inside_the_root(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path / "media")
    await storage.put("2026/03/a.jpg", b"bytes", "image/jpeg")
    assert await storage.get("2026/03/a.jpg") == b"bytes"
    assert (tmp_path / "media" / "2026" / "03" / "a.jpg").read_bytes() == b"bytes"
    assert [p.name for p in (tmp_path / "media" / "2026" / "03").iterdir()] == ["a.jpg"]
    await storage.delete("2026/03/a.jpg")
    await storage.delete("2026/03/a.jpg")  # deleting twice is fine (a retried purge)
    with pytest.raises(StoredObjectMissing):
        await storage.get("2026/03/a.jpg")
    for key in ("../outside.jpg", "/etc/passwd", "a/../../b", ""):
        with pytest.raises(ValueError, match="not a storage key"):
            await storage.put(key, b"x", "image/jpeg")


# AWS's published examples (S3 API reference, "Signature Calculations for the Authorization
# Header"): bucket examplebucket, 24 May 2013, these example credentials.
AWS_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
AWS_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
AWS_TIME = datetime(2013, 5, 24, tzinfo=UTC)
AWS_HOST = "examplebucket.s3.amazonaws.com"


def _aws_signature(
    method: str, path: str, *, payload: bytes = b"", **kwargs: Any
) -> tuple[str, dict[str, str]]:
    headers = sigv4.sign(
        method,
        host=AWS_HOST,
        path=path,
        payload_hash=hashlib.sha256(payload).hexdigest(),
        access_key=AWS_ACCESS_KEY,
        secret_key=AWS_SECRET_KEY,
        region="us-east-1",
        now=AWS_TIME,
        **kwargs,
    )
    return headers["authorization"].rsplit("Signature=", 1)[1], headers


def test_sigv4_reproduces_the_aws_get_object_example() -> None:
    signature, headers = _aws_signature("GET", "/test.txt", headers={"Range": "bytes=0-9"})
    assert signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
    assert headers["authorization"].startswith(
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
    )
    assert headers["x-amz-date"] == "20130524T000000Z"
    assert headers["x-amz-content-sha256"] == sigv4.EMPTY_SHA256


def test_sigv4_reproduces_the_aws_put_object_example() -> None:
    body = b"Welcome to Amazon S3."
    request, signed = sigv4.canonical_request(
        "PUT",
        "/test$file.text",
        (),
        {
            "Date": "Fri, 24 May 2013 00:00:00 GMT",
            "x-amz-storage-class": "REDUCED_REDUNDANCY",
            "host": AWS_HOST,
            "x-amz-date": "20130524T000000Z",
            "x-amz-content-sha256": hashlib.sha256(body).hexdigest(),
        },
        hashlib.sha256(body).hexdigest(),
    )
    assert request.splitlines()[1] == "/test%24file.text"  # S3 encodes the path once
    assert signed == "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class"
    assert (
        hashlib.sha256(request.encode()).hexdigest()
        == "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d"
    )
    signature, _ = _aws_signature(
        "PUT",
        "/test$file.text",
        payload=body,
        headers={
            "Date": "Fri, 24 May 2013 00:00:00 GMT",
            "x-amz-storage-class": "REDUCED_REDUNDANCY",
        },
    )
    assert signature == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"


def test_sigv4_reproduces_the_aws_list_objects_example() -> None:
    signature, _ = _aws_signature("GET", "/", query=[("prefix", "J"), ("max-keys", "2")])
    assert signature == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"


# The headers sigv4.sign adds itself.
sigv4_own = {"host", "x-amz-date", "x-amz-content-sha256"}


class FakeBucket(httpx.AsyncBaseTransport):
    """An S3-compatible store in memory (an external system, as MinIO would be): it refuses
    requests whose signature does not verify with the configured keys."""

    def __init__(self, access_key: str, secret_key: str) -> None:
        self.keys = (access_key, secret_key)
        self.objects: dict[str, tuple[bytes, str]] = {}
        self.seen: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        body = await request.aread()
        given = request.headers["authorization"]
        signed_names = given.split("SignedHeaders=", 1)[1].split(",", 1)[0].split(";")
        expected = sigv4.sign(
            request.method,
            host=request.headers["host"],
            path=httpx.URL(request.url).path,
            headers={n: request.headers[n] for n in signed_names if n not in sigv4_own},
            payload_hash=hashlib.sha256(body).hexdigest(),
            access_key=self.keys[0],
            secret_key=self.keys[1],
            region="cn-north-1",
            now=datetime.strptime(request.headers["x-amz-date"], "%Y%m%dT%H%M%SZ").replace(
                tzinfo=UTC
            ),
        )["authorization"]
        if given != expected:
            return httpx.Response(403, text="SignatureDoesNotMatch")
        key = request.url.path
        if request.method == "PUT":
            self.objects[key] = (body, request.headers["content-type"])
            return httpx.Response(200)
        if request.method == "GET":
            if key not in self.objects:
                return httpx.Response(404)
            return httpx.Response(200, content=self.objects[key][0])
        self.objects.pop(key, None)
        return httpx.Response(204)


async def test_s3_storage_puts_gets_and_deletes_signed_objects() -> None:
    bucket = FakeBucket("AK", "SK")
    storage = S3Storage(
        endpoint="http://minio:9000",
        bucket="sqwb-media",
        region="cn-north-1",
        access_key="AK",
        secret_key="SK",
        prefix="intake",
        transport=bucket,
    )
    await storage.put("2026/03/a.jpg", b"jpeg bytes", "image/jpeg")
    assert bucket.objects == {"/sqwb-media/intake/2026/03/a.jpg": (b"jpeg bytes", "image/jpeg")}
    assert str(bucket.seen[0].url) == "http://minio:9000/sqwb-media/intake/2026/03/a.jpg"
    assert await storage.get("2026/03/a.jpg") == b"jpeg bytes"
    await storage.delete("2026/03/a.jpg")
    with pytest.raises(StoredObjectMissing):
        await storage.get("2026/03/a.jpg")
    await storage.aclose()

    wrong = S3Storage(
        endpoint="http://minio:9000",
        bucket="sqwb-media",
        region="cn-north-1",
        access_key="AK",
        secret_key="not-the-key",
        transport=bucket,
    )
    with pytest.raises(DependencyUnavailable) as refused:
        await wrong.put("2026/03/b.jpg", b"x", "image/jpeg")
    assert refused.value.code == "media_storage_unavailable"
    await wrong.aclose()


def test_the_storage_is_chosen_by_a_setting(tmp_path: Path) -> None:
    local = storage_from_settings(MediaSettings(media_root=tmp_path), service_name="intake")
    assert isinstance(local, LocalStorage)
    assert local.root == tmp_path
    default = storage_from_settings(MediaSettings(), service_name="rooms")
    assert isinstance(default, LocalStorage)
    assert default.root.parts[-2:] == ("media", "rooms")

    s3 = storage_from_settings(
        MediaSettings(
            media_storage_url="s3://sqwb-media/intake?endpoint=https://oss.example.cn&region=cn-beijing&virtual=1",
            media_s3_access_key="AK",
            media_s3_secret_key="SK",
        ),
        service_name="intake",
    )
    assert isinstance(s3, S3Storage)
    assert (s3.host, s3.base_path, s3.prefix, s3.region) == (
        "sqwb-media.oss.example.cn",
        "",
        "intake/",
        "cn-beijing",
    )
    with pytest.raises(ValueError, match="s3://bucket"):
        storage_from_settings(MediaSettings(media_storage_url="ftp://x"), service_name="intake")
