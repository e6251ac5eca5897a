"""A resident deletes their account: identity erases what it holds (keeping the id and the
audit list), ends every session and tells the other services through its outbox; a second
deletion is a clear 4xx."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import sqlalchemy as sa

from services.identity.models import (
    Dependant,
    HouseholdClaim,
    HouseholdMember,
    OneTimeCode,
    Resident,
    SentMessage,
    outbox,
)
from tests.fixtures.identity import Identity
from tests.identity.residents_support import service_client

PHONE = "13955556666"


async def _signed_in(identity: Identity) -> tuple[dict[str, str], str]:
    await identity.client.post("/v1/auth/otp/send", json={"phone": PHONE})
    code = re.search(r"(\d{6})", (await identity.sent_to(PHONE))[-1].body)
    assert code is not None
    tokens = (
        await identity.client.post(
            "/v1/auth/otp/verify", json={"phone": PHONE, "code": code.group(1)}
        )
    ).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    return headers, tokens["refresh_token"]


async def test_a_resident_deletes_their_account_once(identity: Identity) -> None:
    await identity.seed()
    resident, refresh = await _signed_in(identity)
    subject = (await identity.client.get("/v1/me", headers=resident)).json()["subject"]
    resident_id = uuid.UUID(subject.split(":", 1)[1])
    unit = await identity.directory.place("TGYZL-03-2")
    home = await identity.client.post(
        "/v1/me/households", json={"unit_place_id": unit["id"], "room_no": "502"}, headers=resident
    )
    assert home.status_code == 201
    child = await identity.client.post(
        "/v1/me/dependants",
        json={"name": "小明", "birth_year": 2018, "consent": True},
        headers=resident,
    )
    assert child.status_code == 201
    # A service messaged them by id: the message is theirs and goes with the account.
    service = await service_client(identity, ["identity:residents:message"])
    sent = await service.message_resident(resident_id, template="booking", text="您的预约已确认")
    assert sent.delivered
    staff = await identity.bearer("tgyzl_staff")
    acting = await identity.client.post(
        "/v1/tokens/act-for",
        json={"resident_id": str(resident_id), "reason": "代办"},
        headers=staff,
    )
    refused = await identity.client.delete(
        "/v1/me", headers={"Authorization": f"Bearer {acting.json()['access_token']}"}
    )
    assert (refused.status_code, refused.json()["code"]) == (403, "not_while_acting")
    assert (await identity.client.delete("/v1/me", headers=staff)).status_code == 403

    deleted = await identity.client.delete("/v1/me", headers=resident)
    assert deleted.status_code == 204, deleted.text

    async with identity.db.session(write=False) as session:
        row = await session.get(Resident, resident_id)
        assert row is not None
        assert row.deleted_at == identity.clock.now()
        assert (row.phone_cipher, row.phone_hash, row.display_name, row.wechat_openid) == (
            None,
            None,
            None,
            None,
        )
        for table, column in (
            (HouseholdMember, HouseholdMember.resident_id),
            (HouseholdClaim, HouseholdClaim.resident_id),
            (Dependant, Dependant.guardian_id),
        ):
            left = await session.scalar(
                sa.select(sa.func.count()).select_from(table).where(column == resident_id)
            )
            assert left == 0
        assert await session.scalar(sa.select(sa.func.count()).select_from(OneTimeCode)) == 0
        codes = await session.scalar(
            sa.select(sa.func.count())
            .select_from(SentMessage)
            .where(SentMessage.template == "otp_code")
        )
        assert codes == 0
        theirs = await session.scalar(
            sa.select(sa.func.count())
            .select_from(SentMessage)
            .where(SentMessage.resident_id == resident_id)
        )
        assert theirs == 0
        events = (await session.execute(sa.select(outbox.events))).mappings().all()
        deliveries = (await session.execute(sa.select(outbox.deliveries))).mappings().all()
    assert [(e["topic"], e["payload"]) for e in events] == [
        ("resident.deleted", {"resident_id": str(resident_id)})
    ]
    assert sorted(d["destination"] for d in deliveries) == ["service:courier", "service:intake"]

    # A second deletion: 410 while the token lives, refused (401) once its session's end is
    # known; the refresh token is dead at once. Nothing more is published.
    twice = await identity.client.delete("/v1/me", headers=resident)
    assert (twice.status_code, twice.json()["code"]) == (410, "account_deleted")
    claimed = await identity.client.post(
        "/v1/me/households", json={"unit_place_id": unit["id"], "room_no": "503"}, headers=resident
    )
    assert claimed.status_code == 410
    renewed = await identity.client.post("/v1/auth/refresh", json={"refresh_token": refresh})
    assert renewed.status_code == 401
    identity.clock.advance(timedelta(seconds=11))
    later = await identity.client.delete("/v1/me", headers=resident)
    assert (later.status_code, later.json()["code"]) == (401, "invalid_token")
    async with identity.db.session(write=False) as session:
        assert await session.scalar(sa.select(sa.func.count()).select_from(outbox.events)) == 1

    # Staff can no longer act for them; signing in again with the phone is a new account.
    gone = await identity.client.post(
        "/v1/tokens/act-for",
        json={"resident_id": str(resident_id), "reason": "代办"},
        headers=staff,
    )
    assert gone.status_code == 404
    identity.clock.advance(timedelta(minutes=2))
    fresh, _ = await _signed_in(identity)
    assert (await identity.client.get("/v1/me", headers=fresh)).json()["subject"] != subject

    audit = await identity.client.get(
        "/v1/audit", params={"action": "resident.deleted"}, headers=await identity.bearer("admin")
    )
    assert [e["target_id"] for e in audit.json()["items"]] == [str(resident_id)]
