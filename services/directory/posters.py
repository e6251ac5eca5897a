"""The warm station's poster: one A4 page with the station's name, what scanning gives
("扫码签到 · 免费歇脚充电") and its code, big enough to scan from a few steps away. Printed
from the console like the unit doors' sheets (GET /v1/places/{id}/qr-sheet on a station).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.directory.codes import active_codes_under
from services.directory.models import Place
from services.directory.qr_images import code_url, escape, symbol_path
from services.kit.errors import InvalidInput

POSTER_PLACE_KINDS = ("station",)
STATION_CALL = "扫码签到 · 免费歇脚充电"
_SUBLINE = "快递小哥、外卖骑手的暖心驿站 · 不用注册"
_FONT_STACK = (
    "'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif"
)
# A4 portrait in mm; the code 120 mm wide scans from about a metre and a half.
_W, _H, _QR = 210.0, 297.0, 120.0


@dataclass(frozen=True)
class Poster:
    title: str  # the station's name
    place_code: str
    url: str  # what the code encodes (code_url)


async def station_poster(session: AsyncSession, *, place: Place, base_url: str) -> Poster:
    """The poster of a station's active check-in code."""
    rows = await active_codes_under(session, place, kind="station")
    mine = [code for code, at in rows if at.id == place.id]
    if not mine:
        raise InvalidInput("sheet_empty", f"{place.name} has no active code to print.")
    return Poster(title=place.name, place_code=place.code, url=code_url(base_url, mine[0].token))


def render_poster_svg(poster: Poster) -> str:
    """The poster as a standalone A4 SVG (mm user units): prints alike from any browser."""
    side, d = symbol_path(poster.url)
    x = (_W - _QR) / 2
    mono = " font-family=\"'DejaVu Sans Mono', Consolas, Menlo, monospace\""

    def text(y: float, size: float, value: str, extra: str = "") -> str:
        return (
            f'<text x="{_W / 2:g}" y="{y:g}" font-size="{size:g}" text-anchor="middle"{extra}>'
            f"{escape(value)}</text>"
        )

    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" '
        f'viewBox="0 0 {_W:g} {_H:g}" font-family="{_FONT_STACK}" '
        f'data-place-code="{escape(poster.place_code)}">'
        f"<title>{escape(poster.title)}</title>"
        f'<rect width="{_W:g}" height="{_H:g}" fill="#fff"/>'
        f'<rect x="0" y="0" width="{_W:g}" height="62" fill="#084a8c"/>'
        + text(30, 15, poster.title, ' font-weight="bold" fill="#fff"')
        + text(50, 8, _SUBLINE, ' fill="#fff"')
        + f'<svg x="{x:g}" y="80" width="{_QR:g}" height="{_QR:g}" viewBox="0 0 {side} {side}" '
        'shape-rendering="crispEdges">'
        f'<rect width="{side}" height="{side}" fill="#fff"/>'
        f'<path fill="#000" stroke="none" d="{d}"/></svg>'
        + text(232, 14, STATION_CALL, ' font-weight="bold"')
        + text(250, 7, "充电 · 热饭 · 喝水 · 应急药箱")
        + text(280, 4.5, poster.place_code, mono + ' fill="#444"')
        + "</svg>"
    )


def render_poster_html(poster: Poster) -> str:
    """A printable page holding the poster's SVG, one A4 sheet with no margins."""
    return (
        '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(poster.title)}</title>\n"
        "<style>@page { size: A4; margin: 0 }"
        " html, body { margin: 0; padding: 0; background: #fff }"
        " svg { display: block } @media screen { body { background: #eee }"
        " body > svg { margin: 5mm auto; background: #fff } }</style>\n"
        f"</head>\n<body>\n{render_poster_svg(poster)}\n</body>\n</html>\n"
    )
