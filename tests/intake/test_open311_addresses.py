"""Open311 clients that place a request by a written address or by coordinates, as
GeoReport v2 allows: the place found is the request's address and address_id; what cannot
be placed is the spec's 400 naming what is accepted, and nothing is stored."""

from __future__ import annotations

import pytest

from services.directory.seed import building_point
from services.intake.open311.addresses import AddressQuery, distance_m, number, parse_address
from tests.intake.integration_support import (
    OPEN311,
    System,
    assert_valid,
    post,
    spec_error,
    stored,
)

SUBMIT = "intake:open311:submit"
TGYZL = (39.6729, 116.3190)  # the seed's point of 天宫院中里社区


@pytest.fixture
async def district_key(system: System) -> str:
    """The district's grid platform: it may post Open311 requests anywhere in 大兴区."""
    return await system.issue_key("DX", SUBMIT, name="大兴区 网格化平台")


async def filed_at(system: System, key: str, **location: str) -> dict[str, str]:
    """Post a request at `location`; the request as a client reads it back."""
    posted = await system.client.post(
        f"{OPEN311}/requests.json",
        data={"api_key": key, "service_code": "small_ads", **location},
    )
    assert posted.status_code == 201, (location, posted.text)
    [created] = posted.json()
    read = await system.client.get(f"{OPEN311}/requests/{created['service_request_id']}.json")
    assert read.status_code == 200, read.text
    [request] = read.json()
    assert_valid(read.json(), "requests.json")
    return {"address": request["address"], "address_id": request["address_id"]}


async def refused(system: System, key: str, fmt: str = "json", **location: str) -> str:
    """Post a request at `location` that cannot be placed: the 400's description."""
    fields = {"api_key": key, "service_code": "small_ads", **location}
    return spec_error(await post(system, fmt, **fields), 400)


SPELLINGS = [
    ("天宫院中里社区3号楼2单元", "TGYZL-03-2"),
    ("天宫院中里3号楼2单元", "TGYZL-03-2"),
    ("天宫院中里 3栋 2门", "TGYZL-03-2"),
    ("天宫院中里3#2单元", "TGYZL-03-2"),
    ("天宫院中里3#楼2单元", "TGYZL-03-2"),
    ("天宫院中里社区三号楼二单元", "TGYZL-03-2"),
    ("天宫院中里社区３号楼２单元", "TGYZL-03-2"),
    ("北京市大兴区天宫院中里社区3号楼2单元501室", "TGYZL-03-2"),
    ("天宫院中里 3 号楼 2 单元", "TGYZL-03-2"),
    ("TGYZL-03-2", "TGYZL-03-2"),
    ("ｔｇｙｚｌ－０３－２", "TGYZL-03-2"),
    (" tgyzl-03-2 ", "TGYZL-03-2"),
    ("天宫院中里八号楼", "TGYZL-08"),
    ("天宫院中里5幢", "TGYZL-05"),
    ("天宫院中里社区", "TGYZL"),
    ("观音寺南里2号楼1门", "GYSNL-02-1"),
    ("黄村西里社区六号楼二单元", "HCXL-06-2"),
]


async def test_addresses_as_people_write_them_are_placed(system: System, district_key: str) -> None:
    names = {
        "TGYZL-03-2": "天宫院中里社区 3号楼 2单元",
        "TGYZL-08": "天宫院中里社区 8号楼",
        "TGYZL-05": "天宫院中里社区 5号楼",
        "TGYZL": "天宫院中里社区",
        "GYSNL-02-1": "观音寺南里社区 2号楼 1单元",
        "HCXL-06-2": "黄村西里社区 6号楼 2单元",
    }
    for written, code in SPELLINGS:
        found = await filed_at(system, district_key, address_string=written)
        assert found == {"address": names[code], "address_id": code}, written
    assert await stored(system) == len(SPELLINGS)


async def test_coordinates_are_placed_at_the_nearest_building(
    system: System, district_key: str
) -> None:
    lat, long = building_point(*TGYZL, 6)
    found = await filed_at(system, district_key, lat=str(lat), long=str(long))
    assert found == {"address": "天宫院中里社区 6号楼", "address_id": "TGYZL-06"}
    # 25 m north-east of 黄村西里's building 2: still that building.
    lat, long = building_point(39.7350, 116.3250, 2)
    found = await filed_at(
        system, district_key, lat=f"{lat + 0.00016:.6f}", long=f"{long + 0.0002:.6f}"
    )
    assert found == {"address": "黄村西里社区 2号楼", "address_id": "HCXL-02"}
    # An address_string wins over coordinates sent with it.
    found = await filed_at(
        system, district_key, address_string="天宫院中里1号楼1单元", lat=str(lat), long=str(long)
    )
    assert found["address_id"] == "TGYZL-01-1"


async def test_what_cannot_be_placed_is_a_georeport_400_and_nothing_is_stored(
    system: System, district_key: str
) -> None:
    accepted = "places requests by address_id"
    # Every demo community has a building 2 with a unit 1: which is meant?
    for fmt in ("json", "xml"):
        ambiguous = await refused(system, district_key, fmt, address_string="2号楼1单元")
        assert ambiguous.startswith("address_ambiguous: ")
        assert "matches 6 places" in ambiguous
        for place in ("天宫院中里社区 2号楼 1单元 (TGYZL-02-1)", "GYSNL-02-1", "HCXL-02-1"):
            assert place in ambiguous
        assert accepted in ambiguous
    for written in (
        "天宫院中里99号楼",
        "天宫院中里3号楼9单元",
        "北京市朝阳区建国路88号",
        "望京西园三区",
        "嗯",
        "TGYZL-99",  # a code's shape, no such place
        "Main St 5",  # read as a code too, once its spaces are gone
    ):
        description = await refused(system, district_key, address_string=written)
        assert description.startswith("address_not_found: "), description
        assert written.strip() in description, written
        assert "cannot be placed" in description
        assert accepted in description, written
    # 天安门 (WGS-84), and a GCJ-02 reading of building 3 (some 500 m off): nothing close.
    gcj_lat, gcj_long = TGYZL[0] + 0.0013, TGYZL[1] + 0.0061
    for lat, long in (("39.9087", "116.3975"), (f"{gcj_lat:.6f}", f"{gcj_long:.6f}")):
        description = await refused(system, district_key, lat=lat, long=long)
        assert description.startswith("location_outside_district: ")
        assert "No building lies within 150 m" in description
        assert "WGS-84" in description
        assert accepted in description
    for lat, long in (("91", "116.3"), ("39.6", "east"), ("nan", "116.3")):
        description = await refused(system, district_key, lat=lat, long=long)
        assert description.startswith("invalid_lat_long: ")
        assert "WGS-84 coordinate" in description
    alone = await refused(system, district_key, lat="39.6729")
    assert alone.startswith("invalid_lat_long: ")
    assert "lat and long go together" in alone
    assert await stored(system) == 0


async def test_a_key_for_one_street_cannot_file_at_an_address_in_another(
    system: System,
) -> None:
    street_key = await system.issue_key("TGY", SUBMIT)
    response = await system.client.post(
        f"{OPEN311}/requests.json",
        data={"api_key": street_key, "service_code": "noise", "address_string": "观音寺南里1号楼"},
    )
    assert response.status_code == 403, response.text
    assert await stored(system) == 0


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("天宫院中里3栋", AddressQuery(community="天宫院中里", building=3)),
        ("天宫院中里十一号楼", AddressQuery(community="天宫院中里", building=11)),
        (
            "天宫院中里二十号楼九十九单元",
            AddressQuery(community="天宫院中里", building=20, unit=99),
        ),
        ("3号楼2门", AddressQuery(building=3, unit=2)),
        ("ＴＧＹＺＬ－０３", AddressQuery(code="TGYZL-03")),
        ("2单元", None),
        ("", None),
    ],
)
def test_parsing_an_address(written: str, expected: AddressQuery | None) -> None:
    assert parse_address(written) == expected


def test_chinese_numerals() -> None:
    assert [number(n) for n in ("一", "十", "十一", "二十", "二十三", "九十九", "两")] == [
        1,
        10,
        11,
        20,
        23,
        99,
        2,
    ]
    assert [number(n) for n in ("十十", "一百", "", "x")] == [None, None, None, None]


def test_the_demo_buildings_stand_40_m_apart() -> None:
    first, second = building_point(*TGYZL, 1), building_point(*TGYZL, 2)
    assert distance_m(*first, *second) == pytest.approx(40, abs=0.5)
    assert building_point(*TGYZL, 3) == TGYZL
