"""Where an Open311 request is: a place code, an address as people write it, or a point.

Pure functions, no directory and no database: `parse_address` reads an `address_string`,
`match_address` finds it among directory's places, `nearest_building` finds the building
closest to a WGS-84 point. `requests.locate` asks directory for the places and turns what
these answer into a location or a GeoReport error.

Spellings read (after NFKC, so full-width digits and letters are plain, and without spaces):
a place code (TGYZL-03-2, any case); or a community name with or without 社区 (天宫院中里,
天宫院中里社区, also inside a longer address: 北京市大兴区天宫院中里社区), then a building
(3号楼, 3栋, 3幢, 3#, 3#楼, 3号, 三号楼: Chinese numerals 一 to 九十九), then a unit door
(2单元, 2门, 二单元), then a flat number that is ignored (501, 501室). The community may be
left out when the building is unique across the district (it seldom is).
"""

from __future__ import annotations

import math
import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from services.kit.clients.directory import MappedPlace

PLACE_CODE = re.compile(r"^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12}){0,3}$")
ACCEPTED = (
    "This jurisdiction places requests by address_id (the public code of a community, "
    "building or unit door, e.g. TGYZL-03-2, on the unit door's notice board), by "
    "address_string (that code, or 社区 楼 单元 as in 天宫院中里社区3号楼2单元, also 3栋, "
    "3#, 三号楼, 2门) or by lat/long (WGS-84, within {radius:.0f} m of a building)."
)

_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER = r"(\d{1,3}|[一二两三四五六七八九十]{1,3})"
_SEPARATORS = re.compile(r"[\s·•,，、/\\_\-—.。]+")
_FLAT = re.compile(r"(\d{1,4}(室|号|房)?)$")
_UNIT = re.compile(_NUMBER + r"(单元门?|门)$")
_BUILDING = re.compile(_NUMBER + r"(号楼|#楼|#|栋|幢|号|楼)$")
_REGION = re.compile(r"^(北京市?|大兴区?)+")
_COMMUNITY_SUFFIX = "社区"


def number(text: str) -> int | None:
    """3, 03, 三, 十一, 二十, 九十九 → their value; None for anything else."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in _DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in tens + ones:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def normalise(text: str) -> str:
    """Full-width to plain (NFKC), and no spaces or separators."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class AddressQuery:
    """What an address_string says: a place code, or a community / building / unit."""

    code: str | None = None
    community: str | None = None  # as written, without 社区 and the city or district
    building: int | None = None
    unit: int | None = None


def parse_address(text: str) -> AddressQuery | None:
    """Read an address_string; None when it names no community, building or code."""
    plain = unicodedata.normalize("NFKC", text).strip()
    as_code = re.sub(r"\s+", "", plain).upper()
    if PLACE_CODE.match(as_code):
        return AddressQuery(code=as_code)
    rest = normalise(plain)
    unit = building = None
    without_flat = _FLAT.sub("", rest)
    if _UNIT.search(rest) is None and _UNIT.search(without_flat) is not None:
        rest = without_flat  # 2单元501室: the flat is not a place here
    unit_match = _UNIT.search(rest)
    if unit_match is not None:
        unit = number(unit_match.group(1))
        rest = rest[: unit_match.start()]
    building_match = _BUILDING.search(rest)
    if building_match is not None:
        building = number(building_match.group(1))
        rest = rest[: building_match.start()]
    community = _REGION.sub("", rest).removesuffix(_COMMUNITY_SUFFIX) or None
    if unit is not None and building is None:
        return None  # a unit door belongs to a building
    if community is None and building is None:
        return None
    return AddressQuery(community=community, building=building, unit=unit)


def community_key(name: str) -> str:
    return normalise(name).removesuffix(_COMMUNITY_SUFFIX)


def match_communities(written: str | None, communities: Sequence[MappedPlace]) -> list[MappedPlace]:
    """The communities an address's community part names: those whose name (without 社区)
    it contains (天宫院街道天宫院中里 names 天宫院中里社区), else those whose name contains
    it (中里 names 天宫院中里社区). Every community when none was written."""
    if written is None:
        return list(communities)
    found = [c for c in communities if community_key(c.name) and community_key(c.name) in written]
    if found:
        return found
    if len(written) < 2:
        return []
    return [c for c in communities if written in community_key(c.name)]


def _numbered(name: str, pattern: re.Pattern[str]) -> int | None:
    matched = pattern.fullmatch(normalise(name))
    return number(matched.group(1)) if matched else None


def match_address(
    query: AddressQuery,
    communities: Sequence[MappedPlace],
    places_in: dict[uuid.UUID, list[MappedPlace]],
) -> list[MappedPlace]:
    """The places an address names, among the communities and the places in each: none,
    one, or several (then it is ambiguous)."""
    found: list[MappedPlace] = []
    for community in match_communities(query.community, communities):
        if query.building is None:
            found.append(community)
            continue
        inside = places_in.get(community.id, [])
        buildings = [
            p
            for p in inside
            if p.kind == "building"
            and p.parent_id == community.id
            and _numbered(p.name, _BUILDING) == query.building
        ]
        for building in buildings:
            if query.unit is None:
                found.append(building)
                continue
            found += [
                p
                for p in inside
                if p.kind == "unit"
                and p.parent_id == building.id
                and _numbered(p.name, _UNIT) == query.unit
            ]
    return found


EARTH_RADIUS_M = 6_371_008.8


def distance_m(lat1: float, long1: float, lat2: float, long2: float) -> float:
    """Great-circle distance in metres between two WGS-84 points (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(long2 - long1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def nearest_building(
    lat: float, long: float, buildings: Sequence[MappedPlace], *, radius_m: float
) -> MappedPlace | None:
    """The building nearest the point within `radius_m` (ties: the lower code); None if
    none is that close."""
    best: tuple[float, str, MappedPlace] | None = None
    for place in buildings:
        if place.kind != "building" or place.latitude is None or place.longitude is None:
            continue
        distance = distance_m(lat, long, place.latitude, place.longitude)
        if distance <= radius_m and (best is None or (distance, place.code) < best[:2]):
            best = (distance, place.code, place)
    return best[2] if best is not None else None
