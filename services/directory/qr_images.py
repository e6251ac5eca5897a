"""QR codes for the door stickers ("一楼一码"): the URL, the symbol, and printable sheets.

Pure functions only: callers (HTTP routes, CLI) own I/O. The URL is kept upper case so the
whole symbol stays in QR alphanumeric mode, which is what keeps it at version <= 4 with error
correction Q: small modules survive dirt and scratches better than a dense symbol.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import segno

CODES_PER_PAGE = 12  # 3 columns x 4 rows on A4 portrait
CALL_TO_ACTION = "您扫我办 · 扫码反映问题"

_TOKEN_RE = re.compile(r"[A-Z2-7]{12}")
# Characters XML 1.0 forbids outright; html.escape keeps them, so strip them first or one bad
# label would make the whole SVG page unparsable.
_XML_INVALID_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MAX_VERSION = 10
_QR_BORDER = 4  # quiet zone in modules, as ISO/IEC 18004 asks for
_FONT_STACK = (
    "'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif"
)

# A4 geometry in mm, shared by the HTML and the SVG sheet so both print alike.
_PAGE_W, _PAGE_H, _MARGIN = 210.0, 297.0, 10.0
_COLS, _ROWS = 3, 4
_HEADER_H = 7.0
_CELL_W = (_PAGE_W - 2 * _MARGIN) / _COLS
# One mm of slack below the grid so rounding in a browser never spills a page onto the next.
_CELL_H = (_PAGE_H - 2 * _MARGIN - _HEADER_H - 1.0) / _ROWS
_QR_MM = 40.0
_QR_TOP = 2.0


@dataclass(frozen=True)
class SheetLabel:
    url: str  # what the code encodes (from code_url)
    place_code: str  # e.g. "TGYZL-03-2"
    community: str  # e.g. "天宫院中里社区"
    building: str  # e.g. "3号楼"
    unit: str  # e.g. "2单元"


def code_url(base_url: str, token: str) -> str:
    """The URL a sticker encodes: upper case wherever the server ignores case."""
    tok = token.strip().upper()
    if not _TOKEN_RE.fullmatch(tok):
        raise ValueError("token must be 12 base32 characters (A-Z, 2-7)")
    parts = urlsplit(base_url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError("base_url must be an absolute http(s) URL")
    # Upper-casing credentials, a query or a fragment would change their meaning.
    if parts.username is not None or parts.query or parts.fragment:
        raise ValueError("base_url must not carry credentials, a query or a fragment")
    origin = f"{parts.scheme}://{parts.netloc}".upper()
    path = parts.path.rstrip("/")
    if not path:
        return f"{origin}/Q/{tok}"
    # Behind a path prefix (reverse proxy) the path is case-sensitive, so keep it as given and
    # use a lower-case "q"; the symbol falls back to byte mode, which is still small enough.
    return f"{origin}{path}/q/{tok}"


def make_qr(url: str) -> segno.QRCode:
    """A full QR (never Micro QR) at level Q, raised to H when it costs no extra version."""
    qr = segno.make_qr(url, error="q", boost_error=True)
    # segno types version as int | str because Micro QR versions are "M1".."M4".
    if not isinstance(qr.version, int) or qr.version > _MAX_VERSION:
        # A sticker-sized symbol this dense would not scan once dirty; the base URL is wrong.
        raise ValueError(f"URL too long for a door sticker (QR version {qr.version})")
    return qr


def _check_size(scale: int, border: int) -> None:
    if scale < 1:
        raise ValueError("scale must be >= 1")
    if border < 0:
        raise ValueError("border must be >= 0")


def render_png(qr: segno.QRCode, *, scale: int = 8, border: int = 4) -> bytes:
    _check_size(scale, border)
    buf = io.BytesIO()
    qr.save(buf, kind="png", scale=scale, border=border, dark="#000", light="#fff")
    return buf.getvalue()


def render_svg(qr: segno.QRCode, *, scale: int = 8, border: int = 4) -> bytes:
    _check_size(scale, border)
    buf = io.BytesIO()
    qr.save(
        buf,
        kind="svg",
        scale=scale,
        border=border,
        dark="#000",
        light="#fff",
        xmldecl=True,
        title="QR",
    )
    return buf.getvalue()


def page_count(n_labels: int) -> int:
    if n_labels < 0:
        raise ValueError("n_labels must be >= 0")
    return -(-n_labels // CODES_PER_PAGE)


def _esc(text: str) -> str:
    return html.escape(_XML_INVALID_RE.sub("", text), quote=True)


# Encoding (mask selection) is the slow part, ~3 ms a code; printing the same sheet twice
# (preview, then print) should not pay it again. Cached values are immutable strings.
@lru_cache(maxsize=2048)
def _qr_inline_svg(url: str) -> str:
    svg: str = make_qr(url).svg_inline(
        scale=1,
        border=_QR_BORDER,
        dark="#000",
        light="#fff",
        svgclass=None,  # no class: nothing in the host page's CSS can restyle the modules
        lineclass=None,
        omitsize=True,  # gives a viewBox; the physical size is set below
    )
    size = f"{_QR_MM:g}mm"
    # crispEdges keeps the stroked module rows from showing hairline seams when scaled.
    return svg.replace(
        "<svg ",
        f'<svg width="{size}" height="{size}" shape-rendering="crispEdges" role="img" ',
        1,
    )


@lru_cache(maxsize=2048)
def _qr_path(url: str) -> tuple[int, str]:
    """(side in modules incl. quiet zone, path data of unit squares) for a nested SVG."""
    qr = make_qr(url)
    d: list[str] = []
    for y, row in enumerate(qr.matrix):
        x, n = 0, len(row)
        while x < n:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < n and row[x]:
                x += 1
            # One rectangle per run of dark modules keeps the path short.
            d.append(f"M{start + _QR_BORDER} {y + _QR_BORDER}h{x - start}v1h-{x - start}z")
    side = int(qr.symbol_size(border=_QR_BORDER)[0])
    return side, "".join(d)


def symbol_path(url: str) -> tuple[int, str]:
    """The symbol as one SVG path of unit squares and its side with the quiet zone (posters)."""
    return _qr_path(url)


def escape(text: str) -> str:
    """Text for HTML or SVG, without what XML forbids."""
    return _esc(text)


def _check_labels(labels: Sequence[SheetLabel]) -> None:
    if not labels:
        raise ValueError("no labels to print")


_CSS = f"""
@page {{ size: A4; margin: {_MARGIN:g}mm }}
* {{ box-sizing: border-box }}
html, body {{ margin: 0; padding: 0; background: #fff; color: #000 }}
body {{ font-family: {_FONT_STACK} }}
.page {{ width: {_PAGE_W - 2 * _MARGIN:g}mm; height: {_PAGE_H - 2 * _MARGIN - 1:g}mm;
  overflow: hidden; page-break-after: always; break-after: page }}
.page:last-child {{ page-break-after: auto; break-after: auto }}
.page-head {{ height: {_HEADER_H:g}mm; display: flex; justify-content: space-between;
  align-items: center; font-size: 3.2mm; color: #444 }}
.grid {{ display: grid; grid-template-columns: repeat({_COLS}, {_CELL_W:.3f}mm);
  grid-auto-rows: {_CELL_H:.3f}mm }}
.cell {{ border: 0.2mm dashed #bbb; padding-top: {_QR_TOP:g}mm; text-align: center;
  overflow: hidden; page-break-inside: avoid; break-inside: avoid }}
.cell svg {{ display: block; margin: 0 auto }}
.cell p {{ margin: 0; line-height: 1.25; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; padding: 0 1mm }}
.cell .community {{ font-size: 3.6mm; margin-top: 0.8mm }}
.bu {{ font-size: 4.2mm; font-weight: bold }}
.pc {{ font-size: 3.2mm; font-family: 'DejaVu Sans Mono', Consolas, Menlo, monospace }}
.cta {{ font-size: 4.4mm; font-weight: bold; letter-spacing: 0.1mm }}
@media screen {{ body {{ background: #eee }}
  .page {{ background: #fff; margin: 5mm auto; padding: {_MARGIN:g}mm;
    box-sizing: content-box }} }}
"""


def render_sheet_html(*, title: str, labels: Sequence[SheetLabel]) -> str:
    """A printable A4 document, 12 stickers a page, to cut along the dashed lines."""
    _check_labels(labels)
    pages = page_count(len(labels))
    t = _esc(title)
    cta = _esc(CALL_TO_ACTION)
    out: list[str] = [
        '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n',
        f"<title>{t}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n",
    ]
    for p in range(pages):
        out.append(
            f'<section class="page"><div class="page-head"><span>{t}</span>'
            f'<span>第 {p + 1} / {pages} 页</span></div><div class="grid">\n'
        )
        for lab in labels[p * CODES_PER_PAGE : (p + 1) * CODES_PER_PAGE]:
            pc = _esc(lab.place_code)
            out.append(
                f'<div class="cell" data-place-code="{pc}">'
                f"{_qr_inline_svg(lab.url)}"
                f'<p class="community">{_esc(lab.community)}</p>'
                f'<p class="bu">{_esc(lab.building)} {_esc(lab.unit)}</p>'
                f'<p class="pc">{pc}</p>'
                f'<p class="cta">{cta}</p></div>\n'
            )
        out.append("</div></section>\n")
    out.append("</body>\n</html>\n")
    return "".join(out)


def _svg_text(x: float, y: float, size: float, text: str, extra: str = "") -> str:
    return (
        f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size:g}" text-anchor="middle"{extra}>'
        f"{_esc(text)}</text>"
    )


def render_sheet_page_svg(*, title: str, labels: Sequence[SheetLabel], page: int) -> str:
    """One A4 page of the sheet as a standalone SVG, in mm user units."""
    _check_labels(labels)
    pages = page_count(len(labels))
    if not 1 <= page <= pages:
        raise ValueError(f"page must be between 1 and {pages}")
    chunk = labels[(page - 1) * CODES_PER_PAGE : page * CODES_PER_PAGE]
    out: list[str] = [
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" '
        f'viewBox="0 0 {_PAGE_W:g} {_PAGE_H:g}" font-family="{_FONT_STACK}">\n',
        f"<title>{_esc(title)} 第 {page} / {pages} 页</title>\n",
        f'<rect width="{_PAGE_W:g}" height="{_PAGE_H:g}" fill="#fff"/>\n',
        f'<text x="{_MARGIN:g}" y="{_MARGIN + 4.5:g}" font-size="3.2" fill="#444">'
        f"{_esc(title)}</text>",
        f'<text x="{_PAGE_W - _MARGIN:g}" y="{_MARGIN + 4.5:g}" font-size="3.2" fill="#444" '
        f'text-anchor="end">第 {page} / {pages} 页</text>\n',
    ]
    top = _MARGIN + _HEADER_H
    for i, lab in enumerate(chunk):
        cx = _MARGIN + (i % _COLS) * _CELL_W
        cy = top + (i // _COLS) * _CELL_H
        mid = cx + _CELL_W / 2
        side, d = _qr_path(lab.url)
        qy = cy + _QR_TOP
        ty = qy + _QR_MM  # text baselines are stacked under the code
        out.append(
            f'<g data-place-code="{_esc(lab.place_code)}">'
            f'<rect x="{cx:.3f}" y="{cy:.3f}" width="{_CELL_W:.3f}" height="{_CELL_H:.3f}" '
            'fill="none" stroke="#bbb" stroke-width="0.2" stroke-dasharray="1 1"/>'
            f'<svg x="{mid - _QR_MM / 2:.3f}" y="{qy:.3f}" width="{_QR_MM:g}" '
            f'height="{_QR_MM:g}" viewBox="0 0 {side} {side}" shape-rendering="crispEdges">'
            f'<rect width="{side}" height="{side}" fill="#fff"/>'
            f'<path fill="#000" stroke="none" d="{d}"/></svg>'
            + _svg_text(mid, ty + 4.3, 3.6, lab.community)
            + _svg_text(mid, ty + 9.6, 4.2, f"{lab.building} {lab.unit}", ' font-weight="bold"')
            + _svg_text(
                mid,
                ty + 14.0,
                3.2,
                lab.place_code,
                " font-family=\"'DejaVu Sans Mono', Consolas, Menlo, monospace\"",
            )
            + _svg_text(mid, ty + 19.6, 4.4, CALL_TO_ACTION, ' font-weight="bold"')
            + "</g>\n"
        )
    out.append("</svg>\n")
    return "".join(out)
