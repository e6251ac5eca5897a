"""The warm station's printable poster: its name, what scanning gives, and a code that a real
QR decoder reads as the station's /q/<token> link (the code couriers scan to check in)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import zxingcpp
from PIL import Image, ImageDraw

from services.directory.posters import STATION_CALL
from tests.fixtures.directory import Directory

SVG = "{http://www.w3.org/2000/svg}"
RUN = re.compile(r"M(\d+) (\d+)h(\d+)v1h-\d+z")


def decode_symbol(svg_text: str, scale: int = 8) -> str:
    """Draw the poster's nested QR symbol (runs of dark modules) and decode it."""
    root = ET.fromstring(svg_text)
    symbol = next(s for s in root.iter(f"{SVG}svg") if s is not root)
    side = int(symbol.attrib["viewBox"].split()[2])
    path = symbol.find(f"{SVG}path")
    assert path is not None
    image = Image.new("L", (side * scale, side * scale), 255)
    draw = ImageDraw.Draw(image)
    for x, y, w in ((int(a), int(b), int(c)) for a, b, c in RUN.findall(path.attrib["d"])):
        draw.rectangle([x * scale, y * scale, (x + w) * scale - 1, (y + 1) * scale - 1], fill=0)
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1, "expected exactly one QR code on the poster"
    return str(found[0].text)


async def test_a_station_prints_a_poster_whose_code_opens_its_check_in(
    directory: Directory,
) -> None:
    await directory.seed()
    station = await directory.place("TGY-NXYZ")
    staff = directory.staff(station, "directory:codes:print", role="station_staff")
    codes = await directory.client.get(
        f"/v1/places/{station['id']}/codes",
        headers=directory.staff(station, "directory:codes:manage", role="station_staff"),
    )
    code = next(c for c in codes.json() if c["status"] == "active" and c["kind"] == "station")

    svg = await directory.client.get(
        f"/v1/places/{station['id']}/qr-sheet", params={"format": "svg"}, headers=staff
    )
    assert svg.status_code == 200, svg.text
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.headers["X-Sheet-Pages"] == "1"
    assert "天街暖心驿站" in svg.text
    assert STATION_CALL == "扫码签到 · 免费歇脚充电"
    assert STATION_CALL in svg.text
    decoded = decode_symbol(svg.text)
    assert decoded == code["url"]
    assert decoded.lower().endswith(f"/q/{code['token']}".lower())

    html = await directory.client.get(f"/v1/places/{station['id']}/qr-sheet", headers=staff)
    assert html.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    assert html.text.count('data-place-code="TGY-NXYZ"') == 1
    # The page holds the same poster: its code decodes to the same link.
    poster = html.text[html.text.index("<svg") : html.text.rindex("</svg>") + len("</svg>")]
    assert decode_symbol(poster) == code["url"]


async def test_a_station_without_an_active_code_has_no_poster_and_strangers_none(
    directory: Directory,
) -> None:
    await directory.seed()
    station = await directory.place("TGY-NXYZ")
    manager = directory.staff(station, "directory:codes:manage", role="station_staff")
    codes = (
        await directory.client.get(f"/v1/places/{station['id']}/codes", headers=manager)
    ).json()
    for code in codes:
        revoked = await directory.client.post(
            f"/v1/codes/{code['token']}/revoke", json={"reason": "贴纸被撕掉了"}, headers=manager
        )
        assert revoked.status_code == 200, revoked.text
    staff = directory.staff(station, "directory:codes:print", role="station_staff")
    empty = await directory.client.get(f"/v1/places/{station['id']}/qr-sheet", headers=staff)
    assert empty.status_code == 422
    assert empty.json()["code"] == "sheet_empty"
    past_end = await directory.client.get(
        f"/v1/places/{station['id']}/qr-sheet", params={"format": "svg", "page": 2}, headers=staff
    )
    assert past_end.status_code == 422  # no code, whatever the page
    anonymous = await directory.client.get(f"/v1/places/{station['id']}/qr-sheet")
    assert anonymous.status_code == 401
