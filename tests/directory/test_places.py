"""The place tree: who may write where, what anyone may read, and bad input."""

from __future__ import annotations

from sqlalchemy import func, select

from services.directory.models import Place
from tests.fixtures.directory import Directory


async def _count_places(directory: Directory) -> int:
    async with directory.db.session(write=False) as session:
        return int(await session.scalar(select(func.count()).select_from(Place)) or 0)


async def test_staff_builds_a_building_and_its_unit_door_gets_a_code(directory: Directory) -> None:
    await directory.seed()
    community = await directory.place("TGYZL")
    staff = directory.staff(community, "directory:places:write", "directory:codes:manage")

    building = await directory.client.post(
        "/v1/places",
        json={
            "code": "TGYZL-20",
            "name": "20号楼",
            "kind": "building",
            "parent_id": community["id"],
            "position": 20,
        },
        headers=staff,
    )
    assert building.status_code == 201, building.text
    assert building.json()["path"].startswith(community["path"])
    unit = await directory.client.post(
        "/v1/places",
        json={
            "code": "TGYZL-20-1",
            "name": "1单元",
            "kind": "unit",
            "parent_id": building.json()["id"],
        },
        headers=staff,
    )
    assert unit.status_code == 201, unit.text
    assert [a["code"] for a in unit.json()["ancestors"]] == ["DX", "TGY", "TGYZL", "TGYZL-20"]

    token = await directory.unit_token("TGYZL-20-1")
    resolved = await directory.client.get(f"/v1/codes/{token}")
    assert resolved.status_code == 200
    assert resolved.json()["chain"]["building"]["name"] == "20号楼"


async def test_anyone_reads_public_fields_of_a_place(directory: Directory) -> None:
    await directory.seed()
    response = await directory.client.get("/v1/places/by-code/tgyzl-03-2")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "2单元"
    assert [a["name"] for a in body["ancestors"]] == [
        "大兴区",
        "天宫院街道",
        "天宫院中里社区",
        "3号楼",
    ]
    assert "created_by" not in body


async def test_places_under_a_community_are_listed_by_the_path_range(directory: Directory) -> None:
    await directory.seed()
    community = await directory.place("GYSNL")
    units = await directory.client.get(
        "/v1/places", params={"under": community["id"], "kind": "unit", "limit": 100}
    )
    assert units.status_code == 200
    codes = [p["code"] for p in units.json()["items"]]
    assert units.json()["total"] == 10  # 5 buildings x 2 units
    assert all(code.startswith("GYSNL-") for code in codes)

    first_page = await directory.client.get("/v1/places", params={"kind": "unit", "limit": 5})
    assert len(first_page.json()["items"]) == 5
    assert first_page.json()["total"] == 124


async def test_writing_without_a_token_is_401(directory: Directory) -> None:
    await directory.seed()
    community = await directory.place("TGYZL")
    response = await directory.client.post(
        "/v1/places",
        json={
            "code": "TGYZL-21",
            "name": "21号楼",
            "kind": "building",
            "parent_id": community["id"],
        },
    )
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "authentication_required"


async def test_staff_of_another_community_are_refused_with_403(directory: Directory) -> None:
    await directory.seed()
    mine = await directory.place("GYSNL")
    theirs = await directory.place("TGYZL")
    response = await directory.client.post(
        "/v1/places",
        json={"code": "TGYZL-22", "name": "22号楼", "kind": "building", "parent_id": theirs["id"]},
        headers=directory.staff(mine),
    )
    # Places are public, so the refusal need not hide that the community exists.
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


async def test_staff_in_scope_without_the_permission_get_403(directory: Directory) -> None:
    await directory.seed()
    community = await directory.place("TGYZL")
    captain = directory.staff(community, "directory:codes:print", role="building_captain")
    response = await directory.client.post(
        "/v1/places",
        json={
            "code": "TGYZL-23",
            "name": "23号楼",
            "kind": "building",
            "parent_id": community["id"],
        },
        headers=captain,
    )
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


async def test_a_place_under_the_wrong_kind_of_parent_is_refused(directory: Directory) -> None:
    await directory.seed()
    street = await directory.place("TGY")
    before = await _count_places(directory)
    response = await directory.client.post(
        "/v1/places",
        json={"code": "TGY-01", "name": "1号楼", "kind": "building", "parent_id": street["id"]},
        headers=directory.staff(street),
    )
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "invalid_parent"
    assert problem["allowed_parent_kinds"] == ["community"]
    assert problem["errors"][0]["pointer"] == "/body/parent_id"
    assert await _count_places(directory) == before


async def test_a_taken_code_is_a_conflict(directory: Directory) -> None:
    await directory.seed()
    community = await directory.place("TGYZL")
    response = await directory.client.post(
        "/v1/places",
        json={
            "code": "TGYZL-03",
            "name": "又一个3号楼",
            "kind": "building",
            "parent_id": community["id"],
        },
        headers=directory.staff(community),
    )
    assert response.status_code == 409
    assert response.json()["code"] == "place_code_taken"


async def test_malformed_input_is_a_422_problem_listing_each_field(directory: Directory) -> None:
    await directory.seed()
    community = await directory.place("TGYZL")
    response = await directory.client.post(
        "/v1/places",
        json={"code": "bad code!", "name": "", "kind": "castle", "parent_id": community["id"]},
        headers=directory.staff(community),
    )
    assert response.status_code == 422
    pointers = {e["pointer"] for e in response.json()["errors"]}
    assert {"/body/code", "/body/name", "/body/kind"} <= pointers


async def test_a_root_district_needs_a_grant_over_the_whole_tree(directory: Directory) -> None:
    response = await directory.client.post(
        "/v1/places",
        json={"code": "FT", "name": "丰台区", "kind": "district"},
        headers=directory.root_admin(),
    )
    assert response.status_code == 201
    assert response.json()["path"] == f"/{response.json()['id']}/"


async def test_staff_update_a_community_phone(directory: Directory) -> None:
    await directory.seed()
    community = await directory.place("HCXL")
    response = await directory.client.patch(
        f"/v1/places/{community['id']}",
        json={"phone": "010-69999999"},
        headers=directory.staff(community),
    )
    assert response.status_code == 200
    assert (await directory.place("HCXL"))["phone"] == "010-69999999"


async def test_a_name_or_position_set_to_null_is_a_422_and_the_place_is_unchanged(
    directory: Directory,
) -> None:
    await directory.seed()
    unit = await directory.place("TGYZL-01-1")
    staff = directory.staff(unit)
    for field in ("position", "name"):
        response = await directory.client.patch(
            f"/v1/places/{unit['id']}", json={field: None}, headers=staff
        )
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert [e["pointer"] for e in response.json()["errors"]] == [f"/body/{field}"]
    assert await directory.place("TGYZL-01-1") == unit

    # Left out, they stay; an optional field set to null is cleared.
    cleared = await directory.client.patch(
        f"/v1/places/{unit['id']}", json={"address": None, "position": 7}, headers=staff
    )
    assert cleared.status_code == 200, cleared.text
    assert (cleared.json()["name"], cleared.json()["position"]) == (unit["name"], 7)
    assert cleared.json()["address"] is None


async def test_page_size_is_bounded(directory: Directory) -> None:
    response = await directory.client.get("/v1/places", params={"limit": 101})
    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] == "/query/limit"
