"""Cases pushed by the 12345 hotline's system: a ticket each, never two for one case."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from services.identity.seed import DEMO_HOTLINE_KEY
from tests.intake.integration_support import System

CASES = "/v1/hotline/cases"
PHONE = "13912345678"


@pytest.fixture
async def hotline(system: System) -> dict[str, str]:
    """The 12345 system's headers, as the gateway makes them of its API key."""
    return await system.key_token(DEMO_HOTLINE_KEY)


def case(**fields: Any) -> dict[str, Any]:
    return {
        "external_id": "BJ12345-20260302-000123",
        "place_code": "TGYZL-03-2",
        "category": "noise",
        "description": "来电反映:3号楼2单元夜间装修噪音扰民",
        **fields,
    }


async def push(system: System, headers: dict[str, str], **fields: Any) -> httpx.Response:
    return await system.client.post(CASES, json=case(**fields), headers=headers)


async def inbox_total(system: System, username: str = "admin") -> int:
    response = await system.client.get("/v1/tickets", headers=await system.bearer(username))
    assert response.status_code == 200, response.text
    return int(response.json()["total"])


async def test_a_case_becomes_a_hotline_ticket_once(
    system: System, hotline: dict[str, str]
) -> None:
    first = await push(
        system,
        hotline,
        priority="urgent",
        reporter_name="王五",
        reporter_phone=PHONE,
        received_at="2026-03-02T08:55:00+08:00",
    )
    assert first.status_code == 201, first.text
    ticket = first.json()
    assert ticket["number"] == "TGYZL-2026-000001"
    assert ticket["external_id"] == "BJ12345-20260302-000123"
    assert ticket["status"] == "submitted"
    assert ticket["priority"] == "urgent"
    assert ticket["place_code"] == "TGYZL-03-2"
    assert "tracking_token" not in ticket  # the reporter's secret, texted to them only

    # Pushed again (a retry, or the hotline's next sync), even with other details.
    again = await push(system, hotline, description="重复推送", category="other")
    assert again.status_code == 200, again.text
    assert again.json() == ticket
    assert await inbox_total(system) == 1

    staff = await system.staff_ticket(ticket["number"])
    assert staff["source"] == "hotline"
    assert staff["category"] == "noise"
    assert staff["reporter_phone"] == "139****5678"
    assert staff["reporter_name"] == "王*"
    [submitted] = staff["events"][:1]
    assert submitted["actor"].startswith("client:")
    assert submitted["detail"]["received_at"] == "2026-03-02T00:55:00+00:00"


async def test_concurrent_pushes_of_one_case_file_one_ticket(
    system: System, hotline: dict[str, str]
) -> None:
    # Intake learns identity's keys on the first token it meets; requests racing that very
    # first fetch would be refused (kit.auth's JWKS refresh), which is not this test's point.
    await system.client.get("/v1/tickets", headers=hotline)
    answers = await asyncio.gather(*(push(system, hotline) for _ in range(4)))
    assert sorted(a.status_code for a in answers) == [200, 200, 200, 201], [a.text for a in answers]
    assert len({a.json()["id"] for a in answers}) == 1
    assert await inbox_total(system) == 1


async def test_a_push_outside_the_clients_places_is_refused(
    system: System, hotline: dict[str, str]
) -> None:
    guanyinsi = await system.key_token(
        await system.issue_key("GYSNL", "intake:hotline:push", name="观音寺 转办系统")
    )
    outside = await push(system, guanyinsi, external_id="GYS-1")
    assert outside.status_code == 403, outside.text
    assert outside.json()["code"] == "forbidden"

    # A case number already filed elsewhere is not read back outside its places.
    assert (await push(system, hotline)).status_code == 201
    taken = await push(system, guanyinsi, place_code="GYSNL-01-1")
    assert taken.status_code == 409, taken.text
    assert taken.json()["code"] == "external_id_in_use"
    assert "TGYZL" not in taken.text

    open311_only = await system.key_token(
        await system.issue_key("TGYZL", "intake:open311:submit", name="网格平台")
    )
    no_scope = await push(system, open311_only, external_id="TG-2")
    assert no_scope.status_code == 403
    staff = await push(system, await system.bearer("tgyzl_staff"), external_id="TG-3")
    assert staff.status_code == 403
    anonymous = await push(system, {}, external_id="TG-4")
    assert anonymous.status_code == 401
    assert await inbox_total(system) == 1


async def test_bad_cases_are_refused_and_store_nothing(
    system: System, hotline: dict[str, str]
) -> None:
    refusals: list[tuple[dict[str, Any], str, str]] = [
        ({"category": "potholes"}, "unknown_category", "/body/category"),
        ({"place_code": "TGYZL-99-9"}, "unknown_place", "/body/place_code"),
        ({"place_code": "TGY"}, "not_in_a_community", "/body"),
        ({"reporter_phone": "010-60000101"}, "invalid_phone", "/body/reporter_phone"),
        ({"description": "吵" * 2001}, "validation_failed", "/body/description"),
        ({"external_id": ""}, "validation_failed", "/body/external_id"),
        ({"received_at": "2026-03-02T08:55:00"}, "validation_failed", "/body/received_at"),
        ({"caller_id_card": "110101199001011234"}, "validation_failed", "/body/caller_id_card"),
    ]
    for change, code, pointer in refusals:
        response = await push(system, hotline, **change)
        assert response.status_code == 422, (change, response.text)
        problem = response.json()
        assert problem["code"] == code, change
        assert pointer in [e["pointer"] for e in problem["errors"]], (change, problem)
    assert await inbox_total(system) == 0


async def test_a_hotline_case_is_public_in_open311_without_the_caller(
    system: System, hotline: dict[str, str]
) -> None:
    filed = await push(system, hotline, reporter_name="王五", reporter_phone=PHONE)
    number = filed.json()["number"]
    response = await system.client.get(f"/open311/v2/requests/{number}.json")
    assert response.status_code == 200, response.text
    [request] = response.json()
    assert request["service_code"] == "noise"
    assert request["address_id"] == "TGYZL-03-2"
    assert PHONE not in response.text
    assert "王五" not in response.text
    assert "BJ12345" not in response.text
