"""The test token factory issues tokens of exactly identity's shape, and staff act for a
resident with a token naming both (RFC 8693's `act`), a reason required."""

from __future__ import annotations

import re
from typing import Any

import jwt

from services.kit.auth import Principal
from services.kit.testing import TokenFactory, grant
from tests.fixtures.identity import Identity
from tests.identity.test_households_and_duty import _resident

SUBJECT = re.compile(r"^(staff|resident|client):[0-9a-f-]{36}$")


def _claims(token: str) -> dict[str, Any]:
    return dict(jwt.decode(token, options={"verify_signature": False}))


def _shape(claims: dict[str, Any]) -> dict[str, Any]:
    """Each claim's type (and the grants' and act's keys): what must agree, not the values."""
    shape: dict[str, Any] = {key: type(value).__name__ for key, value in claims.items()}
    shape["grants"] = [sorted(g) for g in claims["grants"]][:1]
    if "act" in claims:
        shape["act"] = sorted(claims["act"])
    return shape


async def _home(identity: Identity, resident: dict[str, str], unit: str = "TGYZL-03-2") -> str:
    place = await identity.directory.place(unit)
    claimed = await identity.client.post(
        "/v1/me/households", json={"unit_place_id": place["id"], "room_no": "502"}, headers=resident
    )
    assert claimed.status_code == 201, claimed.text
    me = (await identity.client.get("/v1/me", headers=resident)).json()
    return str(me["subject"])


async def test_a_factory_token_has_the_shape_of_one_identity_issues(identity: Identity) -> None:
    await identity.seed()
    factory = TokenFactory()
    place = await identity.directory.place("TGYZL")
    perms = ("intake:tickets:read",)

    staff = _claims((await identity.login("tgyzl_staff"))["access_token"])
    made = factory.claims(grants=[grant("community_staff", place["id"], place["path"], *perms)])
    assert SUBJECT.match(staff["sub"])
    assert SUBJECT.match(made["sub"])
    assert _shape(made) == _shape(staff)

    worker = _claims((await identity.login("jn_worker"))["access_token"])
    made_worker = factory.claims(
        org=worker["org"], grants=[grant("contractor_worker", place["id"], place["path"], *perms)]
    )
    assert _shape(made_worker) == _shape(worker)
    assert Principal.from_claims(made_worker).actor_kind == "contractor"

    signed_in = await _resident(identity)
    resident = _claims(signed_in["Authorization"].removeprefix("Bearer "))
    made_resident = factory.claims(kind="resident")
    assert SUBJECT.match(resident["sub"])
    assert SUBJECT.match(made_resident["sub"])
    assert _shape(made_resident) == _shape(resident)


async def test_staff_act_for_a_resident_of_their_community_with_a_reason(
    identity: Identity,
) -> None:
    await identity.seed()
    resident = await _resident(identity)
    resident_sub = await _home(identity, resident)
    resident_id = resident_sub.split(":", 1)[1]
    staff = await identity.bearer("tgyzl_staff")
    staff_sub = (await identity.client.get("/v1/me", headers=staff)).json()["subject"]

    no_reason = await identity.client.post(
        "/v1/tokens/act-for", json={"resident_id": resident_id}, headers=staff
    )
    assert no_reason.status_code == 422
    assert no_reason.json()["code"] == "reason_required"
    blank = await identity.client.post(
        "/v1/tokens/act-for", json={"resident_id": resident_id, "reason": "  "}, headers=staff
    )
    assert blank.status_code == 422

    elsewhere = await identity.client.post(
        "/v1/tokens/act-for",
        json={"resident_id": resident_id, "reason": "来电代报"},
        headers=await identity.bearer("gysnl_staff"),
    )
    assert elsewhere.status_code == 404  # not a resident of their community
    as_resident = await identity.client.post(
        "/v1/tokens/act-for", json={"resident_id": resident_id, "reason": "x"}, headers=resident
    )
    assert as_resident.status_code == 403

    issued = await identity.client.post(
        "/v1/tokens/act-for",
        json={"resident_id": resident_id, "reason": "老人来电，代为报修"},
        headers=staff,
    )
    assert issued.status_code == 200, issued.text
    assert issued.json()["refresh_token"] is None
    claims = _claims(issued.json()["access_token"])
    assert (claims["sub"], claims["kind"]) == (resident_sub, "resident")
    assert claims["act"] == {"sub": staff_sub, "name": "天宫院中里社工"}
    assert claims["reason"] == "老人来电，代为报修"

    principal = Principal.from_claims(claims)
    assert (principal.actor, principal.actor_kind, principal.actor_name) == (
        staff_sub,
        "staff",
        "天宫院中里社工",
    )
    assert (principal.on_behalf_of, principal.reason) == (resident_sub, "老人来电，代为报修")

    made = TokenFactory().acting_for(
        resident_id, staff=staff_sub, staff_name="天宫院中里社工", reason="老人来电，代为报修"
    )
    assert _shape(_claims(made)) == _shape(claims)

    audit = await identity.client.get("/v1/audit", params={"action": "act_for"}, headers=staff)
    assert [(e["actor"], e["target_id"]) for e in audit.json()["items"]] == [
        (staff_sub, resident_id)
    ]
