"""Categories per street office: a street (or the district) switches a category off, gives
it another default priority, deadlines and a default handler; reports at its places get
them, other streets keep the defaults, and the handler is only a suggestion to staff."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from services.intake.models import CategorySetting, Ticket
from tests.fixtures.identity import Identity
from tests.fixtures.intake import Intake
from tests.intake.workorder_support import Stack

MANAGE = "intake:categories:manage"
READ = "intake:tickets:read"
HANDLE = "intake:tickets:handle"
TEAM = {"kind": "team", "ref": "tgy-cleaning", "name": "天宫院街道保洁队"}


async def street_admin(intake: Intake, street: str = "TGY") -> dict[str, str]:
    return await intake.staff(street, MANAGE, READ, HANDLE, subject=f"admin-{street}")


async def place_id(intake: Intake, code: str) -> str:
    return str((await intake.directory.place(code))["id"])


async def put(
    intake: Intake, headers: dict[str, str], place: str, category: str, body: dict[str, Any]
) -> dict[str, Any]:
    response = await intake.client.put(
        f"/v1/category-settings/{category}",
        params={"place_id": await place_id(intake, place)},
        json=body,
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def settings_at(intake: Intake, headers: dict[str, str], place: str) -> dict[str, Any]:
    response = await intake.client.get(
        "/v1/category-settings", params={"place_id": await place_id(intake, place)}, headers=headers
    )
    assert response.status_code == 200, response.text
    return {item["category"]: item for item in response.json()["items"]}


def deadlines(item: dict[str, Any]) -> dict[str, tuple[int, int, str]]:
    return {
        d["priority"]: (d["respond_minutes"], d["resolve_minutes"], d["source"]["origin"])
        for d in item["deadlines"]
    }


async def ticket_detail(intake: Intake, ticket_id: str, community: str) -> dict[str, Any]:
    response = await intake.client.get(
        f"/v1/tickets/{ticket_id}", headers=await intake.staff(community)
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def due_after(ticket: dict[str, Any], at: datetime) -> tuple[timedelta, timedelta]:
    return (
        datetime.fromisoformat(ticket["due_respond_at"]) - at,
        datetime.fromisoformat(ticket["due_resolve_at"]) - at,
    )


async def counts(intake: Intake) -> tuple[int, int]:
    async with intake.db.session(write=False) as session:
        tickets = await session.scalar(select(func.count()).select_from(Ticket))
        settings = await session.scalar(select(func.count()).select_from(CategorySetting))
    return int(tickets or 0), int(settings or 0)


async def test_a_street_s_priority_deadlines_and_handler_reach_its_reports_only(
    intake: Intake,
) -> None:
    admin = await street_admin(intake)
    saved = await put(
        intake,
        admin,
        "TGY",
        "small_ads",
        {
            "default_priority": "urgent",
            "deadline_minutes": {"urgent": [30, 120]},
            "default_handler": TEAM,
        },
    )
    assert saved["set_here"] is True
    assert (saved["default_priority"], saved["default_priority_source"]["origin"]) == (
        "urgent",
        "here",
    )
    assert saved["default_handler"] == TEAM
    assert saved["updated_by"] == "staff:admin-TGY"
    assert deadlines(saved) == {
        "urgent": (30, 120, "here"),
        "utility": (120, 24 * 60, "default"),
        "normal": (24 * 60, 7 * 24 * 60, "default"),
        "complex": (24 * 60, 15 * 24 * 60, "default"),
    }

    now = intake.clock.now()
    here = await intake.report("TGYZL-01-1")
    detail = await ticket_detail(intake, here["id"], "TGYZL")
    assert detail["priority"] == "urgent"
    assert due_after(detail, now) == (timedelta(minutes=30), timedelta(minutes=120))
    # A suggestion for the assign dialog, not an assignment: staff call back first.
    assert detail["suggested_handler"] == TEAM
    assert (detail["status"], detail["assignee_kind"], detail["assignee_ref"]) == (
        "submitted",
        None,
        None,
    )
    # The reporter's trail does not name who it may go to.
    tracked = await intake.client.get(f"/v1/track/{here['tracking_token']}")
    assert tracked.status_code == 200
    assert "suggested_handler" not in tracked.text
    assert "保洁队" not in tracked.text

    # A resident who says what priority it is keeps it, with that priority's deadlines.
    chosen = await intake.report("TGYZL-02-1", priority="normal")
    chosen_detail = await ticket_detail(intake, chosen["id"], "TGYZL")
    assert chosen_detail["priority"] == "normal"
    assert due_after(chosen_detail, now) == (timedelta(hours=24), timedelta(days=7))
    assert chosen_detail["suggested_handler"] == TEAM

    # Another street office keeps the category's defaults.
    elsewhere = await intake.report("GYSNL-01-1")
    other = await ticket_detail(intake, elsewhere["id"], "GYSNL")
    assert other["priority"] == "normal"
    assert due_after(other, now) == (timedelta(hours=24), timedelta(days=7))
    assert other["suggested_handler"] is None

    # The street's residents see the category's priority as their street has it.
    token = await intake.unit_token("TGYZL-01-1")
    listed = await intake.client.get("/v1/categories", params={"code_token": token})
    assert listed.status_code == 200
    by_code = {c["code"]: c for c in listed.json()}
    assert by_code["small_ads"]["default_priority"] == "urgent"
    assert by_code["small_ads"]["name_zh"] == "小广告"


async def test_a_category_switched_off_is_hidden_and_refused_at_that_street_only(
    intake: Intake,
) -> None:
    admin = await street_admin(intake)
    saved = await put(intake, admin, "TGY", "parking", {"active": False})
    assert (saved["active"], saved["active_source"]["origin"]) == (False, "here")

    token = await intake.unit_token("TGYZL-01-1")
    listed = await intake.client.get("/v1/categories", params={"code_token": token})
    assert listed.status_code == 200
    codes = [c["code"] for c in listed.json()]
    assert "parking" not in codes
    assert codes[:3] == ["facility", "sanitation", "small_ads"]
    assert len(codes) == 9
    # Another street, and the global list, still have it.
    gysnl = await intake.unit_token("GYSNL-01-1")
    other = await intake.client.get("/v1/categories", params={"code_token": gysnl})
    assert "parking" in [c["code"] for c in other.json()]
    everywhere = await intake.client.get("/v1/categories")
    assert "parking" in [c["code"] for c in everywhere.json()]

    refused = await intake.client.post(
        "/v1/tickets",
        json={"code_token": token, "category": "parking", "description": "消防通道被占"},
    )
    assert refused.status_code == 422, refused.text
    problem = refused.json()
    assert problem["code"] == "unknown_category"
    assert [e["pointer"] for e in problem["errors"]] == ["/body/category"]
    assert await counts(intake) == (0, 1)
    # Nothing taken: the community's next number is still its first.
    first = await intake.report("TGYZL-01-1", category="sanitation")
    assert first["number"] == "TGYZL-2026-000001"
    assert (await intake.report("GYSNL-01-1", category="parking"))["status"] == "submitted"

    # An unknown token is the resident's problem, as when reporting.
    unknown = await intake.client.get("/v1/categories", params={"code_token": "ZZZZZZZZZZZZ"})
    assert unknown.status_code == 422
    assert unknown.json()["code"] == "unknown_code"


async def test_the_district_s_values_are_inherited_and_a_street_s_beat_them(
    intake: Intake,
) -> None:
    district = await intake.staff("DX", MANAGE, subject="admin-DX")
    admin = await street_admin(intake)
    dx_id, tgy_id = await place_id(intake, "DX"), await place_id(intake, "TGY")
    noise_team = {"kind": "team", "ref": "dx-noise", "name": "区噪音巡查队"}
    await put(
        intake,
        district,
        "DX",
        "noise",
        {
            "default_priority": "complex",
            "default_handler": noise_team,
            "deadline_minutes": {"complex": [12 * 60, 10 * 24 * 60]},
        },
    )
    mine = await put(intake, admin, "TGY", "noise", {"default_priority": "normal"})
    assert (mine["default_priority"], mine["default_priority_source"]) == (
        "normal",
        {"origin": "here", "place_id": tgy_id},
    )
    # What the street leaves unset, the district's setting still gives.
    assert (mine["default_handler"], mine["default_handler_source"]) == (
        noise_team,
        {"origin": "inherited", "place_id": dx_id},
    )
    assert deadlines(mine)["complex"] == (12 * 60, 10 * 24 * 60, "inherited")

    now = intake.clock.now()
    here = await ticket_detail(intake, (await intake.report(category="noise"))["id"], "TGYZL")
    assert (here["priority"], here["suggested_handler"]) == ("normal", noise_team)
    there_id = (await intake.report("GYSNL-01-1", category="noise"))["id"]
    there = await ticket_detail(intake, there_id, "GYSNL")
    assert (there["priority"], there["suggested_handler"]) == ("complex", noise_team)
    assert due_after(there, now) == (timedelta(hours=12), timedelta(days=10))

    # DELETE: the street's own values go, the district's are inherited again.
    deleted = await intake.client.delete(
        "/v1/category-settings/noise", params={"place_id": tgy_id}, headers=admin
    )
    assert deleted.status_code == 204
    noise = (await settings_at(intake, admin, "TGY"))["noise"]
    assert noise["set_here"] is False
    assert noise["updated_at"] is None
    assert (noise["default_priority"], noise["default_priority_source"]["origin"]) == (
        "complex",
        "inherited",
    )
    later = await ticket_detail(intake, (await intake.report(category="noise"))["id"], "TGYZL")
    assert later["priority"] == "complex"
    # Deleting what is not set changes nothing and says so quietly.
    again = await intake.client.delete(
        "/v1/category-settings/noise", params={"place_id": tgy_id}, headers=admin
    )
    assert again.status_code == 204


async def test_only_the_fields_given_change_and_null_inherits_again(intake: Intake) -> None:
    admin = await street_admin(intake)
    await put(intake, admin, "TGY", "greenery", {"active": False, "default_priority": "complex"})
    changed = await put(intake, admin, "TGY", "greenery", {"active": None})
    assert (changed["active"], changed["active_source"]["origin"]) == (True, "default")
    assert (changed["default_priority"], changed["default_priority_source"]["origin"]) == (
        "complex",
        "here",
    )
    cleared = await put(intake, admin, "TGY", "greenery", {"default_priority": None})
    # Nothing of its own left: the setting is gone, every value the category's.
    assert cleared["set_here"] is False
    assert cleared["default_priority"] == "normal"
    assert await counts(intake) == (0, 0)

    listed = await settings_at(intake, admin, "TGY")
    assert list(listed)[:3] == ["facility", "sanitation", "small_ads"]
    assert len(listed) == 10
    assert all(not item["set_here"] for item in listed.values())
    assert listed["utilities"]["default_priority"] == "utility"


async def test_bad_deadlines_are_refused_and_nothing_is_stored(intake: Intake) -> None:
    admin = await street_admin(intake)
    tgy = await place_id(intake, "TGY")

    async def refused(body: dict[str, Any]) -> dict[str, Any]:
        response = await intake.client.put(
            "/v1/category-settings/small_ads", params={"place_id": tgy}, json=body, headers=admin
        )
        assert response.status_code == 422, response.text
        return dict(response.json())

    problem = await refused(
        {
            "default_priority": "urgent",
            "deadline_minutes": {"urgent": [120, 30], "normal": [0, 60], "complex": [60, 87000]},
        }
    )
    assert problem["code"] == "invalid_deadlines"
    assert {(e["pointer"], e["code"]) for e in problem["errors"]} == {
        ("/body/deadline_minutes/urgent", "respond_after_resolve"),
        ("/body/deadline_minutes/normal", "too_small"),
        ("/body/deadline_minutes/complex", "too_large"),
    }
    for body in (
        {"deadline_minutes": {"urgent": [30]}},
        {"deadline_minutes": {"someday": [30, 60]}},
        {"deadline_minutes": {"urgent": ["soon", 60]}},
        {"default_priority": "whenever"},
        {"colour": "red"},
    ):
        assert (await refused(body))["code"] == "validation_failed", body
    # The priority given with the bad deadlines was not kept either.
    small_ads = (await settings_at(intake, admin, "TGY"))["small_ads"]
    assert small_ads["set_here"] is False
    assert small_ads["default_priority"] == "normal"
    assert deadlines(small_ads)["urgent"] == (60, 120, "default")
    # 60 days is the longest resolution a setting may give.
    longest = await put(
        intake, admin, "TGY", "small_ads", {"deadline_minutes": {"complex": [60, 86400]}}
    )
    assert deadlines(longest)["complex"] == (60, 86400, "here")


async def test_who_may_set_a_street_s_categories(intake: Intake) -> None:
    tgy, gys, tgyzl = [await place_id(intake, code) for code in ("TGY", "GYS", "TGYZL")]
    body = {"default_priority": "urgent"}

    async def attempt(headers: dict[str, str] | None, place: str, category: str = "noise") -> Any:
        return await intake.client.put(
            f"/v1/category-settings/{category}",
            params={"place_id": place},
            json=body,
            headers=headers,
        )

    assert (await attempt(None, tgy)).status_code == 401
    # Community staff handle tickets; they do not set their street's categories.
    community = await intake.staff("TGYZL", READ, HANDLE)
    refused = await attempt(community, tgy)
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
    listing = await intake.client.get(
        "/v1/category-settings", params={"place_id": tgy}, headers=community
    )
    assert listing.status_code == 403
    # The permission over a community does not reach its street.
    assert (await attempt(await intake.staff("TGYZL", MANAGE), tgy)).status_code == 403
    admin = await street_admin(intake)
    # Another street office's categories are not TGY's admin's (places are public: 403).
    assert (await attempt(admin, gys)).status_code == 403
    # Set for a street office or the district, not a community.
    community_place = await attempt(admin, tgyzl)
    assert community_place.status_code == 422
    assert community_place.json()["code"] == "not_a_street_or_district"
    unknown_place = await attempt(admin, str(uuid.uuid4()))
    assert (unknown_place.status_code, unknown_place.json()["code"]) == (422, "unknown_place")
    unknown = await attempt(admin, tgy, "karaoke")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "category_not_found")
    assert await counts(intake) == (0, 0)


@pytest.fixture
async def stack(intake: Intake, identity: Identity, tmp_path: Path) -> Stack:
    return await Stack.start(intake, identity, tmp_path / "media")


async def test_a_contractor_handler_is_an_organisation_identity_knows(stack: Stack) -> None:
    intake = stack.intake
    # The demo street admin of 天宫院 signs in at identity: the role carries the permission.
    admin = await stack.identity.bearer("tgy_admin")
    contractor = await stack.organisation("京南宽带")
    saved = await put(
        intake,
        admin,
        "TGY",
        "small_ads",
        {"default_handler": {"kind": "contractor", "ref": contractor, "name": "随便写"}},
    )
    # The organisation's name is identity's, whatever the request said.
    assert saved["default_handler"] == {"kind": "contractor", "ref": contractor, "name": "京南宽带"}

    tgy = await place_id(intake, "TGY")
    for ref, code in ((str(uuid.uuid4()), "unknown_organisation"), ("jn", "unknown_organisation")):
        response = await intake.client.put(
            "/v1/category-settings/small_ads",
            params={"place_id": tgy},
            json={
                "default_priority": "urgent",
                "default_handler": {"kind": "contractor", "ref": ref},
            },
            headers=admin,
        )
        assert response.status_code == 422, response.text
        assert response.json()["code"] == code
        assert [e["pointer"] for e in response.json()["errors"]] == ["/body/default_handler/ref"]
    # Refused whole: the handler and the priority are what they were.
    small_ads = (await settings_at(intake, admin, "TGY"))["small_ads"]
    assert small_ads["default_handler"]["name"] == "京南宽带"
    assert small_ads["default_priority"] == "normal"

    # The suggestion names the organisation the assign dialog will offer the order to.
    submitted = await intake.report("TGYZL-01-1")
    detail = await ticket_detail(intake, submitted["id"], "TGYZL")
    assert detail["suggested_handler"] == {
        "kind": "contractor",
        "ref": contractor,
        "name": "京南宽带",
    }

    # The demo community worker's role does not include it.
    worker = await stack.identity.bearer("tgyzl_staff")
    response = await intake.client.get(
        "/v1/category-settings", params={"place_id": tgy}, headers=worker
    )
    assert response.status_code == 403
