"""Photos and videos in intake: upload first (POST /v1/media), name the ids in the report or
the resolution; the reporter and staff see them through signed, expiring links, neighbours
never do."""

from __future__ import annotations

import io
import os
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image
from sqlalchemy import func, select

from gateway.app import create_app as create_gateway
from gateway.config import GatewaySettings
from services.intake.models import Ticket, TicketMedia, media
from services.kit.media.models import MB, StoredMedia
from services.kit.storage import LocalStorage
from tests.fixtures.intake import Intake
from tests.kit.media_samples import GPS_IFD, heic, jpeg_with_gps, mp4, png

PREFIX = "/api/intake"


@pytest.fixture(autouse=True)
def media_root(intake: Intake, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's uploads in its own directory (INTAKE_MEDIA_ROOT in a deployment)."""
    storage = intake.app.state.intake.media.storage
    assert isinstance(storage, LocalStorage)
    monkeypatch.setattr(storage, "root", tmp_path / "media")
    return tmp_path / "media"


async def upload(
    intake: Intake,
    data: bytes,
    filename: str = "photo.jpg",
    content_type: str = "image/jpeg",
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    return await intake.client.post(
        "/v1/media", files={"file": (filename, data, content_type)}, headers=headers
    )


async def uploaded(intake: Intake, data: bytes | None = None, **kwargs: Any) -> dict[str, Any]:
    response = await upload(intake, png((320, 240)) if data is None else data, **kwargs)
    assert response.status_code == 201, response.text
    return dict(response.json())


def keys(*uploads: dict[str, Any]) -> dict[str, str]:
    """The uploads' keys, as a report names them (the page keeps each upload's answer)."""
    return {u["id"]: u["upload_key"] for u in uploads}


def noise(size: tuple[int, int]) -> bytes:
    """A photo that does not compress (random pixels)."""
    out = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(out, "JPEG")
    return out.getvalue()


def files_under(root: Path) -> set[str]:
    return {p.name for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def inside(url: str) -> str:
    """A link as handed out (through the gateway) as intake itself serves it."""
    assert url.startswith(f"{PREFIX}/v1/media/")
    return url.removeprefix(PREFIX)


async def fetch(intake: Intake, url: str, **headers: str) -> httpx.Response:
    return await intake.client.get(inside(url), headers=headers)


async def stored(intake: Intake, media_id: str) -> StoredMedia:
    async with intake.db.session(write=False) as session:
        item = await media.get(session, uuid.UUID(media_id))
    assert item is not None
    return item


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return dict(response.json())


async def ticket_count(intake: Intake) -> int:
    async with intake.db.session(write=False) as session:
        return int(await session.scalar(select(func.count()).select_from(Ticket)) or 0)


# --- uploads -------------------------------------------------------------------------------


async def test_a_photo_with_gps_is_stored_without_it_and_served_by_its_signed_link(
    intake: Intake, media_root: Path
) -> None:
    body = await uploaded(intake, jpeg_with_gps((3000, 2000)))

    assert body["kind"] == "image"
    assert body["content_type"] == "image/jpeg"
    assert (body["width"], body["height"]) == (2560, 1707)
    row = await stored(intake, body["id"])
    assert row.uploaded_by == "anonymous"
    assert row.attached_to is None
    assert body["byte_size"] == row.byte_size
    assert (media_root / row.storage_key).stat().st_size == row.byte_size

    served = await fetch(intake, body["url"])
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/jpeg"
    assert served.headers["x-content-type-options"] == "nosniff"
    expires_in = datetime.fromisoformat(body["expires_at"]) - intake.clock.now()
    assert expires_in >= timedelta(hours=1)
    assert served.headers["cache-control"] == f"private, max-age={int(expires_in.total_seconds())}"
    image = Image.open(io.BytesIO(served.content))
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert image.getexif().get_ifd(GPS_IFD) == {}
    assert b"Zhang San" not in served.content

    thumbnail = await fetch(intake, body["thumbnail_url"])
    assert thumbnail.status_code == 200
    assert thumbnail.headers["content-type"] == "image/jpeg"
    small = Image.open(io.BytesIO(thumbnail.content))
    assert max(small.size) == 480
    assert len(thumbnail.content) < len(served.content)


async def test_content_decides_not_the_name_or_the_declared_type(intake: Intake) -> None:
    renamed = await uploaded(intake, png(), filename="photo.jpg", content_type="image/jpeg")
    assert renamed["content_type"] == "image/jpeg"
    served = await fetch(intake, renamed["url"])
    assert served.content[:3] == b"\xff\xd8\xff"  # re-encoded: a JPEG now, not the PNG

    iphone = await uploaded(intake, heic(), filename="IMG_0001.HEIC", content_type="image/heic")
    assert iphone["content_type"] == "image/jpeg"
    assert Image.open(io.BytesIO((await fetch(intake, iphone["url"])).content)).format == "JPEG"

    text = await upload(intake, b"not a photo at all\n" * 50, "photo.jpg", "image/jpeg")
    refused = problem(text, 422)
    assert refused["code"] == "unsupported_media"
    assert refused["errors"][0]["pointer"] == "/body/file"

    missing = await intake.client.post("/v1/media", files={"other": ("a.jpg", png())})
    assert problem(missing, 422)["code"] == "file_required"
    not_a_form = await intake.client.post("/v1/media", json={"file": "abc"})
    assert problem(not_a_form, 422)["code"] == "file_required"


async def test_oversized_uploads_are_refused_with_413(intake: Intake, media_root: Path) -> None:
    image = await upload(intake, b"\xff\xd8\xff\xe0" + bytes(11 * MB))
    body = problem(image, 413)
    assert body["code"] == "media_too_large"
    assert body["limit_bytes"] == 10 * MB

    video = await upload(intake, mp4() + bytes(31 * MB), "clip.mp4", "video/mp4")
    assert problem(video, 413)["code"] == "media_too_large"
    assert files_under(media_root) == set()


async def test_a_video_is_kept_as_it_is_and_served_in_ranges(intake: Intake) -> None:
    clip = mp4()
    body = await uploaded(intake, clip, filename="clip.mov", content_type="video/quicktime")
    assert (body["kind"], body["content_type"], body["thumbnail_url"]) == (
        "video",
        "video/mp4",
        None,
    )
    whole = await fetch(intake, body["url"])
    assert whole.content == clip
    assert whole.headers["accept-ranges"] == "bytes"
    part = await fetch(intake, body["url"], Range="bytes=0-99")
    assert part.status_code == 206
    assert part.content == clip[:100]
    assert part.headers["content-range"] == f"bytes 0-99/{len(clip)}"
    outside = await fetch(intake, body["url"], Range=f"bytes={len(clip)}-")
    assert problem(outside, 416)["code"] == "range_not_satisfiable"


async def test_who_uploaded_is_recorded(intake: Intake) -> None:
    staff = await intake.staff("TGYZL")
    body = await uploaded(intake, headers=staff)
    assert (await stored(intake, body["id"])).uploaded_by == "staff:staff-1"


# --- signed links --------------------------------------------------------------------------


async def test_a_link_expires_and_cannot_be_altered(intake: Intake) -> None:
    body = await uploaded(intake)
    url = httpx.URL(inside(body["url"]))
    sig = url.params["sig"]

    forged = url.copy_set_param("sig", ("A" if sig[0] != "A" else "B") + sig[1:])
    assert problem(await intake.client.get(str(forged)), 403)["code"] == "media_link_invalid"
    longer = url.copy_set_param("exp", str(int(url.params["exp"]) + 86400))
    assert problem(await intake.client.get(str(longer)), 403)["code"] == "media_link_invalid"
    # The original's signature does not open the thumbnail, nor another upload.
    thumb = url.copy_with(path=url.path + "/thumbnail")
    assert problem(await intake.client.get(str(thumb)), 403)["code"] == "media_link_invalid"
    other = await uploaded(intake)
    swapped = url.copy_with(path=f"/v1/media/{other['id']}")
    assert problem(await intake.client.get(str(swapped)), 403)["code"] == "media_link_invalid"
    # A signature that is not even ASCII is the same refusal, never a server error.
    for sig_value in ("签名", sig[:-1] + "é"):
        non_ascii = url.copy_set_param("sig", sig_value)
        assert problem(await intake.client.get(str(non_ascii)), 403)["code"] == (
            "media_link_invalid"
        )
    unsigned = await intake.client.get(f"/v1/media/{body['id']}")
    assert problem(unsigned, 422)["code"] == "validation_failed"
    # A signature that is not even ASCII is refused the same way.
    for odd in ("Ý", sig[:-1] + "é", "签名"):
        for link in (url, thumb):
            refused = await intake.client.get(str(link.copy_set_param("sig", odd)))
            assert problem(refused, 403)["code"] == "media_link_invalid"

    assert (await intake.client.get(str(url))).status_code == 200
    intake.clock.advance(timedelta(hours=1, minutes=15))
    expired = problem(await intake.client.get(str(url)), 403)
    assert expired["code"] == "media_link_expired"


async def test_links_work_through_the_gateway(intake: Intake) -> None:
    gateway = create_gateway(
        GatewaySettings(
            env="test",
            jwks=intake.tokens.jwks,
            rate_limit_per_minute=10_000,
            rate_limit_anonymous_per_minute=10_000,
        ),
        transports={"intake": httpx.ASGITransport(app=intake.app)},
        clock=intake.clock,
    )
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=gateway), base_url="http://gateway"
        ) as client:
            photo = noise((800, 600))  # over 64 KiB: streamed by the gateway, both ways
            assert len(photo) > 64 * 1024
            response = await client.post(
                f"{PREFIX}/v1/media", files={"file": ("a.jpg", photo, "image/jpeg")}
            )
            assert response.status_code == 201, response.text
            body = response.json()
            served = await client.get(body["url"])
            assert served.status_code == 200
            assert served.headers["content-type"] == "image/jpeg"
            assert Image.open(io.BytesIO(served.content)).size == (800, 600)
            assert len(served.content) > 64 * 1024
            assert (await client.get(body["thumbnail_url"])).status_code == 200
    finally:
        await gateway.aclose()


# --- photos on tickets ---------------------------------------------------------------------


async def _staff_detail(intake: Intake, ticket_id: str) -> dict[str, Any]:
    response = await intake.client.get(
        f"/v1/tickets/{ticket_id}", headers=await intake.staff("TGYZL")
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _track(intake: Intake, token: str) -> dict[str, Any]:
    response = await intake.client.get(f"/v1/track/{token}")
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_report_photos_are_seen_by_the_reporter_and_staff_never_by_neighbours(
    intake: Intake,
) -> None:
    first, second = await uploaded(intake), await uploaded(intake, jpeg_with_gps())
    report = await intake.report(
        photo_ids=[first["id"], second["id"]], upload_keys=keys(first, second)
    )

    mine = await _track(intake, report["tracking_token"])
    assert [(p["id"], p["kind"], p["purpose"]) for p in mine["photos"]] == [
        (first["id"], "image", "report"),
        (second["id"], "image", "report"),
    ]
    for photo in mine["photos"]:
        assert (await fetch(intake, photo["url"])).status_code == 200
        assert (await fetch(intake, photo["thumbnail_url"])).status_code == 200
    assert [p["id"] for p in mine["events"][0]["photos"]] == [first["id"], second["id"]]

    detail = await _staff_detail(intake, report["id"])
    assert [p["id"] for p in detail["photos"]] == [first["id"], second["id"]]
    assert (await fetch(intake, detail["photos"][1]["url"])).status_code == 200

    for photo in (first, second):
        row = await stored(intake, photo["id"])
        assert row.attached_to == f"ticket:{report['id']}"
        assert row.attached_at == intake.clock.now()

    # A neighbour of the same building: the "+1" list and the followed ticket, no photos.
    neighbour = await intake.unit_token("TGYZL-01-2")
    similar = await intake.client.get(
        "/v1/tickets/similar", params={"code_token": neighbour, "category": "small_ads"}
    )
    assert [s["id"] for s in similar.json()] == [report["id"]]
    assert "photos" not in similar.json()[0]
    followed = await intake.client.post(
        f"/v1/tickets/{report['id']}/follow", json={"code_token": neighbour}
    )
    assert followed.status_code == 201, followed.text
    theirs = await _track(intake, followed.json()["tracking_token"])
    assert theirs["is_reporter"] is False
    assert theirs["photos"] == []
    assert all(event["photos"] == [] for event in theirs["events"])
    assert first["id"] not in str(theirs)


async def test_a_seventh_photo_is_refused_and_nothing_is_stored(intake: Intake) -> None:
    uploads = [await uploaded(intake) for _ in range(7)]
    photos = [u["id"] for u in uploads]
    body = {
        "code_token": await intake.unit_token("TGYZL-01-1"),
        "category": "small_ads",
        "description": "楼道墙上贴满了小广告",
        "photo_ids": photos,
        "upload_keys": keys(*uploads),
    }
    response = await intake.client.post("/v1/tickets", json=body)
    refused = problem(response, 422)
    assert [e["pointer"] for e in refused["errors"]] == ["/body/photo_ids"]
    assert await ticket_count(intake) == 0
    for media_id in photos:
        assert (await stored(intake, media_id)).attached_to is None

    # Six are fine.
    accepted = await intake.client.post("/v1/tickets", json={**body, "photo_ids": photos[:6]})
    assert accepted.status_code == 201, accepted.text
    detail = await _staff_detail(intake, accepted.json()["id"])
    assert [p["id"] for p in detail["photos"]] == photos[:6]


async def test_photos_that_cannot_be_used_are_refused_each_at_its_place(intake: Intake) -> None:
    theirs = await uploaded(intake)
    # a neighbour's report uses it
    await intake.report(photo_ids=[theirs["id"]], upload_keys=keys(theirs))
    mine = await uploaded(intake)
    clip = await uploaded(intake, mp4(), filename="a.mp4", content_type="video/mp4")
    unknown = str(uuid.uuid4())
    body = {
        "code_token": await intake.unit_token("TGYZL-01-1"),
        "category": "small_ads",
        "description": "楼道墙上贴满了小广告",
        "photo_ids": [mine["id"], theirs["id"], clip["id"], unknown, mine["id"]],
        "video_id": mine["id"],
        "upload_keys": keys(mine, theirs, clip),
    }
    refused = problem(await intake.client.post("/v1/tickets", json=body), 422)
    assert refused["code"] == "invalid_media"
    assert [(e["pointer"], e["code"]) for e in refused["errors"]] == [
        ("/body/photo_ids/1", "media_already_attached"),
        ("/body/photo_ids/2", "media_wrong_kind"),
        ("/body/photo_ids/3", "media_not_found"),
        ("/body/photo_ids/4", "media_duplicate"),
        ("/body/video_id", "media_duplicate"),
    ]
    assert await ticket_count(intake) == 1
    assert (await stored(intake, mine["id"])).attached_to is None
    assert (await stored(intake, clip["id"])).attached_to is None

    # The video goes in video_id, and shows as a video without a thumbnail.
    accepted = await intake.report(
        photo_ids=[mine["id"]], video_id=clip["id"], upload_keys=keys(mine, clip)
    )
    tracked = await _track(intake, accepted["tracking_token"])
    assert [(p["kind"], p["thumbnail_url"] is None) for p in tracked["photos"]] == [
        ("image", False),
        ("video", True),
    ]


async def test_resolution_photos_are_on_the_resolving_event(intake: Intake) -> None:
    photo = await uploaded(intake)
    report = await intake.report(photo_ids=[photo["id"]], upload_keys=keys(photo))
    staff = await intake.staff("TGYZL")
    for action, body in (
        ("acknowledge", {"outcome": "anonymous"}),
        ("assign", {"assignee_kind": "staff", "assignee_ref": "staff:staff-1"}),
        ("start", None),
    ):
        response = await intake.client.post(
            f"/v1/tickets/{report['id']}/{action}", json=body, headers=staff
        )
        assert response.status_code == 200, response.text

    # Staff attach what they uploaded themselves (the console uploads with their token).
    used = await uploaded(intake, headers=staff)
    refused = await intake.client.post(
        f"/v1/tickets/{report['id']}/resolve",
        json={"note": "已清理", "photo_ids": [used["id"], str(uuid.uuid4())]},
        headers=staff,
    )
    assert problem(refused, 422)["errors"][0]["pointer"] == "/body/photo_ids/1"
    assert (await _staff_detail(intake, report["id"]))["status"] == "in_progress"

    fixed = await uploaded(intake, headers=staff)
    resolved = await intake.client.post(
        f"/v1/tickets/{report['id']}/resolve",
        json={"note": "已清理", "photo_ids": [fixed["id"]]},
        headers=staff,
    )
    assert resolved.status_code == 200, resolved.text
    event = resolved.json()["events"][-1]
    assert event["action"] == "resolve"
    assert [(p["id"], p["purpose"]) for p in event["photos"]] == [(fixed["id"], "resolution")]
    assert event["detail"]["photo_ids"] == [fixed["id"]]

    tracked = await _track(intake, report["tracking_token"])
    assert [p["purpose"] for p in tracked["photos"]] == ["report", "resolution"]
    assert tracked["events"][-1]["photos"][0]["id"] == fixed["id"]
    async with intake.db.session(write=False) as session:
        row = await session.get(TicketMedia, uuid.UUID(fixed["id"]))
    assert row is not None
    assert row.purpose == "resolution"
    assert row.event_id is not None


async def test_an_upload_is_attached_only_by_whoever_uploaded_it(intake: Intake) -> None:
    """Resident A's fresh photo cannot be put on a stranger's report (whose tracking link
    would then show it): an anonymous upload needs its key, a signed-in one its uploader."""
    resident = intake.tokens.issue(subject="resident:a", kind="resident", now=intake.clock.now())
    a = {"Authorization": f"Bearer {resident}"}
    theirs = await uploaded(intake, headers=a)
    anonymous = await uploaded(intake)
    assert anonymous["upload_key"] != theirs["upload_key"]
    body = {
        "code_token": await intake.unit_token("TGYZL-01-1"),
        "category": "small_ads",
        "description": "楼道墙上贴满了小广告",
    }

    # A stranger naming A's upload (no key), or an anonymous upload without its key or with
    # another upload's key: refused, each at its place, nothing attached.
    stranger = await intake.client.post(
        "/v1/tickets",
        json={
            **body,
            "photo_ids": [theirs["id"], anonymous["id"]],
            "upload_keys": {anonymous["id"]: theirs["upload_key"]},
        },
    )
    refused = problem(stranger, 422)
    assert [(e["pointer"], e["code"]) for e in refused["errors"]] == [
        ("/body/photo_ids/0", "media_not_yours"),
        ("/body/photo_ids/1", "media_not_yours"),
    ]
    b = intake.tokens.issue(subject="resident:b", kind="resident", now=intake.clock.now())
    another = {"Authorization": f"Bearer {b}"}
    signed_in_stranger = await intake.client.post(
        "/v1/tickets", json={**body, "photo_ids": [theirs["id"]]}, headers=another
    )
    assert problem(signed_in_stranger, 422)["errors"][0]["code"] == "media_not_yours"
    assert await ticket_count(intake) == 0
    assert (await stored(intake, theirs["id"])).attached_to is None

    # Staff cannot put a resident's upload on a resolution either.
    staff = await intake.staff("TGYZL")
    report = await intake.report()
    for action, step in (
        ("acknowledge", {"outcome": "anonymous"}),
        ("assign", {"assignee_kind": "staff", "assignee_ref": "staff:staff-1"}),
        ("start", None),
    ):
        await intake.move(report["id"], action, staff, **(step or {}))
    resolve = await intake.client.post(
        f"/v1/tickets/{report['id']}/resolve",
        json={"note": "已清理", "photo_ids": [anonymous["id"]]},
        headers=staff,
    )
    assert problem(resolve, 422)["errors"][0]["code"] == "media_not_yours"

    # A, signed in, uses her own upload without a key; the anonymous uploader with the key.
    own = await intake.client.post(
        "/v1/tickets", json={**body, "photo_ids": [theirs["id"]]}, headers=a
    )
    assert own.status_code == 201, own.text
    keyed = await intake.report(photo_ids=[anonymous["id"]], upload_keys=keys(anonymous))
    tracked = await _track(intake, keyed["tracking_token"])
    assert [p["id"] for p in tracked["photos"]] == [anonymous["id"]]


# --- retention -----------------------------------------------------------------------------


async def test_retention_deletes_report_photos_and_their_links_answer_410(
    intake: Intake, media_root: Path
) -> None:
    photo = await uploaded(intake)
    report = await intake.report(photo_ids=[photo["id"]], upload_keys=keys(photo))
    staff = await intake.staff("TGYZL")
    rejected = await intake.client.post(
        f"/v1/tickets/{report['id']}/reject", json={"reason": "不属于社区管辖"}, headers=staff
    )
    assert rejected.status_code == 200, rejected.text
    row = await stored(intake, photo["id"])
    assert (media_root / row.storage_key).exists()

    intake.clock.advance(timedelta(days=181))
    await intake.runner.run_due()

    row = await stored(intake, photo["id"])
    assert row.purged_at is not None
    assert not (media_root / row.storage_key).exists()
    assert row.thumbnail_key is not None
    assert not (media_root / row.thumbnail_key).exists()
    assert (await _track(intake, report["tracking_token"]))["photos"] == []
    fresh, _ = intake.app.state.intake.media.signed_urls(row.id, thumbnail=True)
    assert problem(await fetch(intake, fresh), 410)["code"] == "media_purged"


async def test_uploads_no_report_used_are_purged_after_a_day(
    intake: Intake, media_root: Path
) -> None:
    used = await uploaded(intake)
    await intake.report(photo_ids=[used["id"]], upload_keys=keys(used))
    forgotten = await uploaded(intake)
    intake.clock.advance(timedelta(hours=23))
    recent = await uploaded(intake)
    intake.clock.advance(timedelta(hours=2))

    async with intake.db.session() as session:
        purged = await intake.app.state.intake.media.purge_unattached(session)
        await session.commit()

    assert purged == 1
    assert (await stored(intake, forgotten["id"])).purged_at is not None
    assert (await stored(intake, used["id"])).purged_at is None
    assert (await stored(intake, recent["id"])).purged_at is None
    kept = {name.split(".")[0].removesuffix("-thumb") for name in files_under(media_root)}
    assert kept == {used["id"], recent["id"]}
