"""The whole door, as integrators and staff use it: identity, directory and the gateway, all
real and in-process (ASGI transports), the directory trusting identity's published keys."""

from __future__ import annotations

import re

from services.identity.seed import DEMO_API_KEY
from services.kit.testing import TokenFactory
from tests.fixtures.system import System


async def test_staff_sign_in_and_write_where_their_role_holds(system: System) -> None:
    community = await system.place("TGYZL")
    building = {
        "code": "TGYZL-12",
        "name": "12号楼",
        "kind": "building",
        "parent_id": community["id"],
    }
    staff = await system.bearer("tgyzl_staff")
    created = await system.client.post("/api/directory/v1/places", json=building, headers=staff)
    assert created.status_code == 201, created.text
    assert created.headers["x-request-id"]

    anonymous = await system.client.post(
        "/api/directory/v1/places", json={**building, "code": "TGYZL-13"}
    )
    assert anonymous.status_code == 401
    other = await system.bearer("gysnl_staff")
    elsewhere = await system.client.post(
        "/api/directory/v1/places", json={**building, "code": "TGYZL-14"}, headers=other
    )
    assert elsewhere.status_code == 403
    assert elsewhere.json()["code"] == "forbidden"


async def test_a_token_signed_by_another_key_is_stopped_at_the_door(system: System) -> None:
    forged = TokenFactory().issue(subject="staff:intruder", now=system.identity.clock.now())
    response = await system.client.get(
        "/api/directory/v1/places", headers={"Authorization": f"Bearer {forged}"}
    )
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "invalid_token"


async def test_an_api_key_acts_within_its_scopes_and_stops_when_revoked(system: System) -> None:
    unit = await system.place("GYSNL-01-1")
    # The demo key (京南宽带) holds work-order scopes, not directory:codes:manage.
    wrong_scope = await system.client.post(
        f"/api/directory/v1/places/{unit['id']}/codes",
        json={"kind": "notice_board"},
        headers={"X-API-Key": DEMO_API_KEY},
    )
    assert wrong_scope.status_code == 403

    admin = await system.bearer("admin")
    issued = await system.client.post(
        "/api/identity/v1/api-clients",
        json={
            "name": "观音寺南里 便民栏系统",
            "scopes": ["directory:codes:manage"],
            "place_ids": [(await system.place("GYSNL"))["id"]],
        },
        headers=admin,
    )
    key = issued.json()["api_key"]
    allowed = await system.client.post(
        f"/api/directory/v1/places/{unit['id']}/codes",
        json={"kind": "notice_board"},
        headers={"X-API-Key": key},
    )
    assert allowed.status_code == 201, allowed.text

    await system.client.delete(f"/api/identity/v1/api-clients/{issued.json()['id']}", headers=admin)
    system.ticker.advance(31)  # past the gateway's 30 s cache of the exchanged token
    revoked = await system.client.get(
        f"/api/directory/v1/places/{unit['id']}/codes", headers={"X-API-Key": key}
    )
    assert revoked.status_code == 401
    assert revoked.json()["code"] == "invalid_api_key"


async def test_a_resident_signs_in_by_phone_through_the_gateway(system: System) -> None:
    phone = "15011112222"
    sent = await system.client.post("/api/identity/v1/auth/otp/send", json={"phone": phone})
    assert sent.status_code == 202
    again = await system.client.post("/api/identity/v1/auth/otp/send", json={"phone": phone})
    assert again.status_code == 429
    assert "Retry-After" in again.headers
    body = (await system.identity.sent_to(phone))[-1].body
    code = re.search(r"(\d{6})", body)
    assert code is not None
    tokens = await system.client.post(
        "/api/identity/v1/auth/otp/verify", json={"phone": phone, "code": code.group(1)}
    )
    assert tokens.status_code == 200
    me = await system.client.get(
        "/api/identity/v1/me", headers={"Authorization": f"Bearer {tokens.json()['access_token']}"}
    )
    assert me.json()["kind"] == "resident"
    assert me.json()["phone"] == "150****2222"


async def test_wechat_sign_in_through_the_gateway(system: System) -> None:
    system.identity.wechat.codes["wx-code"] = "openid-zhao"
    first = await system.client.post("/api/identity/v1/auth/wechat/login", json={"code": "wx-code"})
    assert first.json()["linked"] is False
    assert first.json()["link_ticket"]


async def test_a_stopped_service_is_a_prompt_503_while_the_others_answer(system: System) -> None:
    down = await system.client.get("/api/rooms/v1/rooms")
    assert down.status_code == 503
    assert down.json()["code"] == "service_unavailable"
    assert (await system.client.get("/api/directory/v1/places")).status_code == 200


async def test_admin_actions_are_recorded_and_readable_through_the_gateway(system: System) -> None:
    admin = await system.bearer("tgy_admin")
    created = await system.client.post(
        "/api/identity/v1/staff",
        json={"username": "li_lei", "display_name": "李雷", "password": "li-lei-2026-pw"},
        headers=admin,
    )
    community = await system.place("TGYZL")
    await system.client.post(
        f"/api/identity/v1/staff/{created.json()['id']}/grants",
        json={"role": "community_staff", "place_id": community["id"]},
        headers=admin,
    )
    events = (await system.client.get("/api/identity/v1/audit", headers=admin)).json()["items"]
    actions = {(e["action"], e["target_id"]) for e in events}
    assert ("staff.created", created.json()["id"]) in actions
    assert ("grant.added", created.json()["id"]) in actions


async def test_a_report_from_the_door_reaches_the_community_s_inbox_and_no_other(
    system: System,
) -> None:
    staff = await system.bearer("tgyzl_staff")
    unit = await system.place("TGYZL-03-2")
    codes = await system.client.get(f"/api/directory/v1/places/{unit['id']}/codes", headers=staff)
    report = await system.client.post(
        "/api/intake/v1/tickets",
        json={
            "code_token": codes.json()[0]["token"],
            "category": "facility",
            "description": "3号楼门口的秋千坏了，链条断了",
        },
        headers={"Idempotency-Key": "door-report-1"},
    )
    assert report.status_code == 201, report.text
    assert report.json()["number"].startswith("TGYZL-")

    inbox = (await system.client.get("/api/intake/v1/tickets", headers=staff)).json()
    assert [t["number"] for t in inbox["items"]] == [report.json()["number"]]
    other = await system.bearer("gysnl_staff")
    assert (await system.client.get("/api/intake/v1/tickets", headers=other)).json()["total"] == 0
    hidden = await system.client.get(f"/api/intake/v1/tickets/{report.json()['id']}", headers=other)
    assert hidden.status_code == 404

    acknowledged = await system.client.post(
        f"/api/intake/v1/tickets/{report.json()['id']}/acknowledge",
        json={"outcome": "anonymous"},
        headers=staff,
    )
    assert acknowledged.status_code == 200, acknowledged.text
    tracked = await system.client.get(f"/api/intake/v1/track/{report.json()['tracking_token']}")
    assert tracked.json()["status"] == "acknowledged"
