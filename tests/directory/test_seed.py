"""make run loads the report's places once, never twice."""

from __future__ import annotations

from services.directory.seed import seed_demo
from tests.fixtures.directory import Directory


async def test_demo_data_loads_into_an_empty_directory_only_once(directory: Directory) -> None:
    first = await seed_demo(directory.db, directory.clock)
    second = await seed_demo(directory.db, directory.clock)
    assert "124 unit doors" in first
    assert "already present" in second
    units = await directory.client.get("/v1/places", params={"kind": "unit", "limit": 1})
    assert units.json()["total"] == 124


async def test_demo_data_holds_the_places_of_the_report(directory: Directory) -> None:
    await directory.seed()
    expected = {
        "DX": ("大兴区", "district"),
        "TGY": ("天宫院街道", "street"),
        "TGYZL": ("天宫院中里社区", "community"),
        "GYS": ("观音寺街道", "street"),
        "GYSNL": ("观音寺南里社区", "community"),
        "XF": ("兴丰街道", "street"),
        "HCXL": ("黄村西里社区", "community"),
        "YH": ("瀛海镇", "street"),
        "NHJYYL": ("南海家园一里社区", "community"),
        "NHJYSL": ("南海家园三里社区", "community"),
        "XHJY": ("兴海家园社区", "community"),
        "XHJY-04-3": ("3单元", "unit"),
        "YH-SJS": ("瀛海镇新时代文明实践所", "venue"),
        "TGY-NXYZ": ("天街暖心驿站", "station"),
        "HCXL-P1": ("黄村西里停车场", "parking_area"),
    }
    for code, (name, kind) in expected.items():
        place = await directory.place(code)
        assert (place["name"], place["kind"]) == (name, kind)
