"""The door-sticker QR codes: URL shape, symbol size, decodability and the printable sheets."""

from __future__ import annotations

import io
import re
import time
import xml.etree.ElementTree as ET

import pytest
import zxingcpp
from PIL import Image

from services.directory.qr_images import (
    CALL_TO_ACTION,
    CODES_PER_PAGE,
    SheetLabel,
    code_url,
    make_qr,
    page_count,
    render_png,
    render_sheet_html,
    render_sheet_page_svg,
    render_svg,
)

SVG_NS = "{http://www.w3.org/2000/svg}"
BASE = "https://sqwb.dxq.gov.cn"
TOKEN = "abcdefgh2345"
ALNUM = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


def _labels(n: int, prefix: str = "TGYZL") -> list[SheetLabel]:
    # Distinct URLs so the renderer's cache cannot hide the real encoding cost.
    # Digits 0, 1, 8 and 9 are not base32, so map them to letters.
    tokens = [f"{prefix[:4]}{i:08d}".translate(str.maketrans("0189", "ABCD")) for i in range(n)]
    return [
        SheetLabel(
            url=code_url(BASE, tok),
            place_code=f"{prefix}-{i // 6 + 1:02d}-{i % 6 + 1}",
            community="天宫院中里社区",
            building=f"{i // 6 + 1}号楼",
            unit=f"{i % 6 + 1}单元",
        )
        for i, tok in enumerate(tokens)
    ]


def test_qr_code_url_without_path_is_all_upper_case() -> None:
    assert code_url("http://127.0.0.1:8000", TOKEN) == "HTTP://127.0.0.1:8000/Q/ABCDEFGH2345"
    assert code_url("https://tgy.example.cn/", TOKEN) == "HTTPS://TGY.EXAMPLE.CN/Q/ABCDEFGH2345"
    url = code_url(BASE, TOKEN)
    assert set(url) <= ALNUM


def test_qr_code_url_with_path_keeps_path_case() -> None:
    assert code_url("https://x.cn/app", TOKEN) == "HTTPS://X.CN/app/q/ABCDEFGH2345"
    assert code_url("https://X.cn/Sqwb/app/", "ABCDEFGH2345") == (
        "HTTPS://X.CN/Sqwb/app/q/ABCDEFGH2345"
    )


@pytest.mark.parametrize("token", ["ABCDEFGH234", "ABCDEFGH2341", "ABCDEFGH23-5", ""])
def test_qr_code_url_rejects_bad_tokens(token: str) -> None:
    with pytest.raises(ValueError, match="token"):
        code_url(BASE, token)


@pytest.mark.parametrize(
    "base", ["sqwb.dxq.gov.cn", "ftp://x.cn", "https://u:p@x.cn", "https://x.cn/?a=1"]
)
def test_qr_code_url_rejects_bad_bases(base: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        code_url(base, TOKEN)


def test_qr_symbol_is_small_robust_and_alphanumeric() -> None:
    qr = make_qr(code_url(BASE, TOKEN))
    print(f"\n{code_url(BASE, TOKEN)}: version={qr.version} error={qr.error} mode={qr.mode}")
    assert not qr.is_micro
    assert isinstance(qr.version, int)
    assert qr.version <= 4
    assert qr.error in ("Q", "H")
    assert qr.mode == "alphanumeric"


def test_qr_make_rejects_absurdly_long_url() -> None:
    with pytest.raises(ValueError, match="version"):
        make_qr("HTTPS://X.CN/" + "A" * 400)


def test_qr_png_decodes_to_the_url() -> None:
    url = code_url(BASE, TOKEN)
    png = render_png(make_qr(url))
    assert png.startswith(b"\x89PNG")
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert [b.text for b in found] == [url]
    assert found[0].format == zxingcpp.BarcodeFormat.QRCode


def test_qr_png_with_path_base_decodes_too() -> None:
    url = code_url("http://127.0.0.1:8000/sqwb", TOKEN)
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(render_png(make_qr(url), scale=4))))
    assert [b.text for b in found] == [url]


def test_qr_svg_is_well_formed() -> None:
    svg = render_svg(make_qr(code_url(BASE, TOKEN)))
    assert svg.startswith(b"<?xml")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG_NS}svg"
    assert root.find(f"{SVG_NS}title") is not None
    assert root.find(f"{SVG_NS}title").text == "QR"  # type: ignore[union-attr]


def test_qr_render_rejects_bad_scale() -> None:
    qr = make_qr(code_url(BASE, TOKEN))
    with pytest.raises(ValueError, match="scale"):
        render_png(qr, scale=0)


def test_qr_page_count() -> None:
    assert [page_count(n) for n in (0, 1, 12, 13, 24, 300)] == [0, 1, 1, 2, 2, 25]


def test_qr_sheet_html_300_labels() -> None:
    labels = _labels(300)
    labels[7] = SheetLabel(
        url=labels[7].url,
        place_code="X-<b>",
        community="<script>alert(1)</script>",
        building="3号楼",
        unit="2单元",
    )
    t0 = time.perf_counter()
    doc = render_sheet_html(title="天宫院街道 一楼一码", labels=labels)
    elapsed = time.perf_counter() - t0
    print(f"\nrender_sheet_html, 300 labels: {elapsed:.3f} s, {len(doc) / 1e6:.2f} MB")

    assert doc.startswith("<!doctype html>")
    assert '<html lang="zh-CN">' in doc
    assert '<meta charset="utf-8">' in doc
    assert "<title>天宫院街道 一楼一码</title>" in doc
    assert "@page { size: A4; margin: 10mm }" in doc
    assert doc.count("data-place-code=") == 300
    assert doc.count('<section class="page">') == 25
    assert doc.count(CALL_TO_ACTION) == 300
    assert doc.count("<svg ") == 300
    assert "第 1 / 25 页" in doc
    assert "第 25 / 25 页" in doc
    assert "<script>" not in doc
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    assert 'data-place-code="X-&lt;b&gt;"' in doc
    assert "3号楼 2单元" in doc
    assert 'width="40mm" height="40mm"' in doc


def test_qr_sheet_page_svg_pages() -> None:
    labels = _labels(14, prefix="QYSVG")
    pages = []
    for page in (1, 2):
        svg = render_sheet_page_svg(title="测试 <&>", labels=labels, page=page)
        root = ET.fromstring(svg.encode("utf-8"))
        assert root.get("width") == "210mm"
        assert root.get("height") == "297mm"
        assert root.get("viewBox") == "0 0 210 297"
        nested = [el for el in root.iter(f"{SVG_NS}svg") if el is not root]
        pages.append(len(nested))
        assert f"第 {page} / 2 页" in svg
        assert CALL_TO_ACTION in svg
    assert pages == [CODES_PER_PAGE, 2]
    for bad in (0, 3):
        with pytest.raises(ValueError, match="page"):
            render_sheet_page_svg(title="t", labels=labels, page=bad)


def test_qr_sheet_page_svg_path_matches_the_matrix() -> None:
    # The hand-built path must paint exactly the dark modules segno computed.
    label = _labels(1, prefix="PATHX")[0]
    svg = render_sheet_page_svg(title="t", labels=[label], page=1)
    root = ET.fromstring(svg.encode("utf-8"))
    (nested,) = (el for el in root.iter(f"{SVG_NS}svg") if el is not root)
    d = nested.find(f"{SVG_NS}path").get("d")  # type: ignore[union-attr]
    assert d is not None
    qr = make_qr(label.url)
    side = qr.symbol_size(border=4)[0]
    assert nested.get("viewBox") == f"0 0 {side} {side}"
    painted: set[tuple[int, int]] = set()
    for x, y, w in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\3z", d):
        painted.update((int(x) + k, int(y)) for k in range(int(w)))
    expected = {(x + 4, y + 4) for y, row in enumerate(qr.matrix) for x, v in enumerate(row) if v}
    assert painted == expected


def test_qr_sheets_reject_empty_labels() -> None:
    with pytest.raises(ValueError, match="labels"):
        render_sheet_html(title="t", labels=[])
    with pytest.raises(ValueError, match="labels"):
        render_sheet_page_svg(title="t", labels=[], page=1)
