"""A courier's optional photo: uploaded and shown on their profile, seen by the desk when
they show their card and in the live view, never by anyone without a current link; a wrong
file or an oversized one refused; replaced and removed (the old bytes deleted)."""

from __future__ import annotations

import io
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from PIL import Image

from services.kit.media.models import MB
from tests.fixtures.courier import Courier


def jpeg(colour: tuple[int, int, int] = (200, 60, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), colour).save(out, "JPEG")
    return out.getvalue()


async def upload(
    courier: Courier, headers: dict[str, str], data: bytes, name: str = "me.jpg"
) -> httpx.Response:
    return await courier.client.post(
        "/v1/media", files={"file": (name, data, "image/jpeg")}, headers=headers
    )


async def photo_of(courier: Courier, headers: dict[str, str], data: bytes) -> dict[str, Any]:
    """Upload `data` and show it as the courier's photo: the profile answered."""
    uploaded = await upload(courier, headers, data)
    assert uploaded.status_code == 201, uploaded.text
    shown = await courier.client.put(
        "/v1/me/courier/photo", json={"media_id": uploaded.json()["id"]}, headers=headers
    )
    assert shown.status_code == 200, shown.text
    return dict(shown.json())


async def fetch(courier: Courier, url: str) -> httpx.Response:
    """Follow a link as a browser's <img> does: no bearer token (the gateway's prefix off)."""
    return await courier.client.get(url.removeprefix("/api/courier"))


def files_under(root: Path) -> set[str]:
    return {p.name for p in root.rglob("*") if p.is_file()}


async def test_the_desk_sees_the_photo_of_a_courier_who_shows_their_card(
    courier: Courier,
) -> None:
    station = await courier.station()
    me = await courier.register("小李", "eleme")
    assert (await courier.client.get("/v1/me/courier", headers=me)).json()["photo_url"] is None
    profile = await photo_of(courier, me, jpeg())
    assert profile["photo_url"].startswith("/api/courier/v1/media/")
    mine = await fetch(courier, profile["photo_url"])
    assert mine.status_code == 200
    assert mine.headers["content-type"] == "image/jpeg"
    # A face: no browser or proxy keeps it past the page (kit.caching).
    assert mine.headers["cache-control"] == "private, no-store"
    assert max(Image.open(io.BytesIO(mine.content)).size) <= 480  # the avatar's thumbnail

    staff = await courier.staff()
    base = f"/v1/stations/{station['id']}"
    card = (await courier.client.get("/v1/me/courier/card", headers=me)).json()
    scanned = (await courier.client.get(f"{base}/cards/{card['short_code']}", headers=staff)).json()
    assert (await fetch(courier, scanned["photo_url"])).content == mine.content

    await courier.check_in(me)
    live = (await courier.client.get(f"{base}/live", headers=staff)).json()
    assert [c["nickname"] for c in live["couriers"]] == ["小李"]
    assert (await fetch(courier, live["couriers"][0]["photo_url"])).status_code == 200
    # An anonymous visitor is counted, with no face to show.
    await courier.check_in()
    live = (await courier.client.get(f"{base}/live", headers=staff)).json()
    assert live["anonymous_present"] == 1


async def test_nobody_else_gets_the_photo(courier: Courier) -> None:
    station = await courier.station()
    me = await courier.register()
    profile = await photo_of(courier, me, jpeg())
    await courier.check_in(me)
    media_id = profile["photo_url"].split("/v1/media/")[1].split("/")[0]

    # Without the link's signature (or with a forged one): refused, bearer or not.
    bare = await courier.client.get(f"/v1/media/{media_id}/thumbnail")
    assert bare.status_code == 422
    forged = await courier.client.get(f"/v1/media/{media_id}/thumbnail?exp=9999999999&sig=abc")
    assert forged.status_code == 403
    assert forged.json()["code"] == "media_link_invalid"
    # Another street's staff cannot read the station where the courier is, so no link.
    elsewhere = await courier.staff("GYS", subject="gys-1")
    live = await courier.client.get(f"/v1/stations/{station['id']}/live", headers=elsewhere)
    assert live.status_code == 404
    assert "v1/media" not in live.text
    # An expired link stops working (links live an hour, rounded up to ten minutes).
    courier.clock.advance(timedelta(hours=2))
    expired = await fetch(courier, profile["photo_url"])
    assert expired.status_code == 403
    assert expired.json()["code"] == "media_link_expired"
    # Only a signed-in resident uploads at all.
    anonymous = await upload(courier, {}, jpeg())
    assert anonymous.status_code == 401
    staff = await upload(courier, await courier.staff(), jpeg())
    assert staff.status_code == 403
    assert staff.json()["code"] == "residents_only"


async def test_someone_elses_upload_or_a_bad_file_is_refused(courier: Courier) -> None:
    me = await courier.register()
    other = await courier.register("小赵")
    theirs = (await upload(courier, other, jpeg())).json()
    taken = await courier.client.put(
        "/v1/me/courier/photo", json={"media_id": theirs["id"]}, headers=me
    )
    assert taken.status_code == 422
    assert taken.json()["code"] == "invalid_media"
    assert taken.json()["errors"][0]["code"] == "media_not_yours"

    text = await upload(courier, me, b"not a photo at all\n" * 50)
    assert text.status_code == 422
    assert text.json()["code"] == "unsupported_media"
    oversized = await upload(courier, me, b"\xff\xd8\xff\xe0" + bytes(11 * MB))
    assert oversized.status_code == 413
    assert oversized.json()["code"] == "media_too_large"
    assert oversized.json()["limit_bytes"] == 10 * MB
    # Registering comes first: an unregistered resident has no profile to show it on.
    stranger = courier.resident()
    upload_ok = (await upload(courier, stranger, jpeg())).json()
    nowhere = await courier.client.put(
        "/v1/me/courier/photo", json={"media_id": upload_ok["id"]}, headers=stranger
    )
    assert nowhere.status_code == 404
    assert nowhere.json()["code"] == "courier_not_registered"


async def test_a_photo_is_replaced_and_removed_and_its_bytes_go(
    courier: Courier, courier_media_root: Path
) -> None:
    me = await courier.register()
    first = await photo_of(courier, me, jpeg((10, 200, 10)))
    media_of = first["photo_url"].split("/v1/media/")[1].split("/")[0]
    assert any(name.startswith(media_of) for name in files_under(courier_media_root))

    second = await photo_of(courier, me, jpeg((10, 10, 200)))
    assert second["photo_url"] != first["photo_url"]
    assert (await fetch(courier, first["photo_url"])).status_code == 410
    assert not any(name.startswith(media_of) for name in files_under(courier_media_root))
    assert (await fetch(courier, second["photo_url"])).status_code == 200

    removed = await courier.client.delete("/v1/me/courier/photo", headers=me)
    assert removed.status_code == 204
    assert (await courier.client.get("/v1/me/courier", headers=me)).json()["photo_url"] is None
    gone = await fetch(courier, second["photo_url"])
    assert gone.status_code == 410
    assert gone.json()["code"] == "media_purged"
    again = await courier.client.delete("/v1/me/courier/photo", headers=me)
    assert again.status_code == 204


async def test_an_upload_no_profile_names_is_deleted_after_a_day(
    courier: Courier, courier_media_root: Path
) -> None:
    me = await courier.register()
    kept = await photo_of(courier, me, jpeg((200, 200, 0)))
    left = (await upload(courier, me, jpeg((0, 200, 200)))).json()
    assert any(name.startswith(left["id"]) for name in files_under(courier_media_root))

    courier.clock.advance(timedelta(hours=25))
    await courier.watch.run_due()
    assert not any(name.startswith(left["id"]) for name in files_under(courier_media_root))
    # The photo on the profile stays (its bytes, and a link to it still works).
    kept_id = kept["photo_url"].split("/v1/media/")[1].split("/")[0]
    assert any(name.startswith(kept_id) for name in files_under(courier_media_root))
    _, thumbnail = courier.app.state.courier.photos.signed_urls(uuid.UUID(kept_id), thumbnail=True)
    assert thumbnail is not None
    assert (await fetch(courier, thumbnail)).status_code == 200
