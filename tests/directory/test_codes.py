"""The QR codes residents scan: resolve, revoke, re-issue, images a phone can read, sheets."""

from __future__ import annotations

import io
import re
import time
from datetime import timedelta

import segno
import zxingcpp
from PIL import Image

from tests.fixtures.directory import Directory


def decode_png(png: bytes) -> str:
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(results) == 1, "expected exactly one QR code in the image"
    return str(results[0].text)


async def test_a_scanned_code_resolves_to_its_unit_building_community_and_street(
    directory: Directory,
) -> None:
    await directory.seed()
    token = await directory.unit_token("TGYZL-03-2")
    response = await directory.client.get(f"/v1/codes/{token}")
    assert response.status_code == 200
    body = response.json()
    assert body["kind"] == "unit"
    chain = body["chain"]
    assert (chain["unit"]["name"], chain["building"]["name"]) == ("2单元", "3号楼")
    assert chain["community"]["name"] == "天宫院中里社区"
    assert chain["street"]["name"] == "天宫院街道"
    assert chain["unit"]["code"] == "TGYZL-03-2"
    assert body["path"] == chain["unit"]["path"]
    assert body["contact_phone"] == "010-60000101"


async def test_tokens_are_accepted_in_any_case(directory: Directory) -> None:
    await directory.seed()
    token = await directory.unit_token("GYSNL-01-1")
    assert re.fullmatch(r"[A-Z2-7]{12}", token)
    response = await directory.client.get(f"/v1/codes/{token.lower()}")
    assert response.status_code == 200
    assert response.json()["token"] == token


async def test_unknown_and_malformed_tokens_are_clear_problems(directory: Directory) -> None:
    await directory.seed()
    unknown = await directory.client.get("/v1/codes/AAAAAAAAAAAA")
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "code_not_found"
    for bad in ("short", "ABCDEFGHIJK1", "ABCDEFGHIJKLMNOP", "%3Cscript%3E"):
        malformed = await directory.client.get(f"/v1/codes/{bad}")
        assert malformed.status_code == 400, bad
        assert malformed.json()["code"] == "malformed_token"


async def test_the_png_decodes_to_a_link_that_resolves_to_the_same_unit(
    directory: Directory,
) -> None:
    await directory.seed()
    token = await directory.unit_token("HCXL-02-1")
    image = await directory.client.get(f"/v1/codes/{token}/image.png", params={"scale": 6})
    assert image.status_code == 200
    assert image.headers["content-type"] == "image/png"
    url = decode_png(image.content)
    assert url == f"HTTPS://SQWB.DXQ.GOV.CN/Q/{token}"
    scanned_token = url.rsplit("/", 1)[1]
    resolved = await directory.client.get(f"/v1/codes/{scanned_token}")
    assert resolved.json()["chain"]["unit"]["code"] == "HCXL-02-1"


async def test_a_door_sticker_is_small_and_robust(directory: Directory) -> None:
    await directory.seed()
    token = await directory.unit_token("TGYZL-01-1")
    image = await directory.client.get(f"/v1/codes/{token}/image.svg")
    assert image.status_code == 200
    assert image.headers["content-type"].startswith("image/svg+xml")
    # Version and error level as a reader measures them: decode the PNG and re-derive.
    png = await directory.client.get(f"/v1/codes/{token}/image.png")
    result = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.content)))[0]
    assert result.symbology_identifier == "]Q1"
    assert int(png.headers["X-QR-Version"]) <= 4
    assert png.headers["X-QR-Error-Level"] in ("Q", "H")
    reference = segno.make_qr(result.text, error="q", boost_error=True)
    assert reference.mode == "alphanumeric"


async def test_a_revoked_code_is_gone_and_its_reissue_works_at_once(directory: Directory) -> None:
    await directory.seed()
    community = await directory.place("TGYZL")
    staff = directory.staff(community, "directory:codes:manage", subject="zhang-wei")
    old = await directory.unit_token("TGYZL-05-1")

    revoked = await directory.client.post(
        f"/v1/codes/{old}/revoke", json={"reason": "sticker defaced"}, headers=staff
    )
    assert revoked.status_code == 200
    assert revoked.json()["status"] == "revoked"
    scan = await directory.client.get(f"/v1/codes/{old}")
    assert scan.status_code == 410
    assert scan.json()["code"] == "code_revoked"
    assert scan.json()["community"] == {"name": "天宫院中里社区", "phone": "010-60000101"}
    assert (await directory.client.get(f"/v1/codes/{old}/image.png")).status_code == 410

    directory.clock.advance(timedelta(minutes=5))
    fresh = await directory.client.post(
        f"/v1/codes/{old}/reissue", json={"reason": "new sticker printed"}, headers=staff
    )
    assert fresh.status_code == 201
    new = fresh.json()["token"]
    assert new != old
    assert (await directory.client.get(f"/v1/codes/{new}")).json()["chain"]["unit"]["code"] == (
        "TGYZL-05-1"
    )
    again = await directory.client.post(
        f"/v1/codes/{old}/reissue", json={"reason": "twice"}, headers=staff
    )
    assert again.status_code == 409

    old_history = (await directory.client.get(f"/v1/codes/{old}/history", headers=staff)).json()
    new_history = (await directory.client.get(f"/v1/codes/{new}/history", headers=staff)).json()
    assert [(e["action"], e["actor"]) for e in old_history] == [
        ("issued", "seed"),
        ("revoked", "staff:zhang-wei"),
    ]
    assert old_history[1]["reason"] == "sticker defaced"
    assert [(e["action"], e["actor"], e["reason"]) for e in new_history] == [
        ("reissued", "staff:zhang-wei", "new sticker printed")
    ]


async def test_revoking_needs_a_role_over_the_code_place(directory: Directory) -> None:
    await directory.seed()
    token = await directory.unit_token("TGYZL-05-2")
    anonymous = await directory.client.post(f"/v1/codes/{token}/revoke", json={"reason": "x"})
    assert anonymous.status_code == 401
    other = directory.staff(await directory.place("HCXL"), "directory:codes:manage")
    elsewhere = await directory.client.post(
        f"/v1/codes/{token}/revoke", json={"reason": "x"}, headers=other
    )
    assert elsewhere.status_code == 403
    assert (await directory.client.get(f"/v1/codes/{token}")).status_code == 200


async def test_other_codes_are_issued_on_request_with_a_target(directory: Directory) -> None:
    await directory.seed()
    venue = await directory.place("YH-SJS")
    staff = directory.staff(venue, "directory:codes:manage")
    room = await directory.client.post(
        f"/v1/places/{venue['id']}/codes",
        json={"kind": "room", "target": {"service": "rooms", "id": "music-room"}},
        headers=staff,
    )
    assert room.status_code == 201, room.text
    resolved = (await directory.client.get(f"/v1/codes/{room.json()['token']}")).json()
    assert resolved["kind"] == "room"
    assert resolved["target"] == {"service": "rooms", "id": "music-room"}
    assert resolved["chain"]["street"]["name"] == "瀛海镇"

    duplicate = await directory.client.post(
        f"/v1/places/{venue['id']}/codes",
        json={"kind": "room", "target": {"service": "rooms", "id": "music-room"}},
        headers=staff,
    )
    assert duplicate.status_code == 409
    wrong_kind = await directory.client.post(
        f"/v1/places/{venue['id']}/codes", json={"kind": "parking_area"}, headers=staff
    )
    assert wrong_kind.status_code == 422
    assert wrong_kind.json()["code"] == "code_kind_not_allowed"


async def test_a_community_of_300_unit_doors_prints_in_one_request(directory: Directory) -> None:
    await directory.seed()
    community = await directory.place("HCXL")
    staff = directory.staff(community)
    for b in range(21, 61):  # 40 more buildings of 6 units: 60 + 240 doors in all
        building = await directory.client.post(
            "/v1/places",
            json={
                "code": f"HCXL-{b:02d}",
                "name": f"{b}号楼",
                "kind": "building",
                "parent_id": community["id"],
                "position": b,
            },
            headers=staff,
        )
        for u in range(1, 7):
            await directory.client.post(
                "/v1/places",
                json={
                    "code": f"HCXL-{b:02d}-{u}",
                    "name": f"{u}单元",
                    "kind": "unit",
                    "parent_id": building.json()["id"],
                    "position": u,
                },
                headers=staff,
            )
    started = time.perf_counter()
    sheet = await directory.client.get(f"/v1/places/{community['id']}/qr-sheet", headers=staff)
    elapsed = time.perf_counter() - started
    print(f"\n300-door sheet: {elapsed:.2f} s, {len(sheet.content) / 1e6:.2f} MB")
    assert sheet.status_code == 200
    assert sheet.headers["content-type"].startswith("text/html")
    html = sheet.text
    assert html.count("data-place-code=") == 300
    assert html.count("您扫我办 · 扫码反映问题") == 300
    # Building by building, in the order staff gave them.
    first, later = html.index('data-place-code="HCXL-01-1"'), html.index('"HCXL-60-6"')
    assert first < html.index('data-place-code="HCXL-21-1"') < later


async def test_a_sheet_page_as_svg_and_a_building_sheet(directory: Directory) -> None:
    await directory.seed()
    building = await directory.place("TGYZL-02")
    staff = directory.staff(building, "directory:codes:print", role="building_captain")
    sheet = await directory.client.get(
        f"/v1/places/{building['id']}/qr-sheet",
        params={"format": "svg", "page": 1},
        headers=staff,
    )
    assert sheet.status_code == 200
    assert sheet.headers["X-Sheet-Pages"] == "1"
    assert sheet.text.count("data-place-code=") == 3
    assert "天宫院中里社区" in sheet.text
    past_end = await directory.client.get(
        f"/v1/places/{building['id']}/qr-sheet",
        params={"format": "svg", "page": 2},
        headers=staff,
    )
    assert past_end.status_code == 404


async def test_sheets_refuse_empty_places_wrong_kinds_and_strangers(directory: Directory) -> None:
    await directory.seed()
    community = await directory.place("TGYZL")
    staff = directory.staff(community)
    empty = await directory.client.post(
        "/v1/places",
        json={
            "code": "TGYZL-30",
            "name": "30号楼",
            "kind": "building",
            "parent_id": community["id"],
        },
        headers=staff,
    )
    no_units = await directory.client.get(
        f"/v1/places/{empty.json()['id']}/qr-sheet", headers=staff
    )
    assert no_units.status_code == 422
    assert no_units.json()["code"] == "sheet_empty"
    unit = await directory.place("TGYZL-01-1")
    wrong = await directory.client.get(f"/v1/places/{unit['id']}/qr-sheet", headers=staff)
    assert wrong.status_code == 422
    assert wrong.json()["code"] == "sheet_place_kind"
    anonymous = await directory.client.get(f"/v1/places/{community['id']}/qr-sheet")
    assert anonymous.status_code == 401
