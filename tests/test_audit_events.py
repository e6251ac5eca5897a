"""A service tells another something through its outbox and the receiver's POST /v1/events:
a reveal of a reporter's phone in intake appears in identity's audit list, once, however
often it is delivered (kit.peers, kit.audit)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa

from services.identity.seed import DEMO_INTAKE_KEY
from services.intake.models import audit, outbox
from services.kit.outbox import OutboxEvent
from tests.fixtures.identity import Identity
from tests.fixtures.intake import Intake
from tests.intake.workorder_support import REPORTER_PHONE, Stack


async def test_a_reveal_in_intake_appears_once_in_identitys_audit_list(
    intake: Intake, identity: Identity, tmp_path: Path
) -> None:
    stack = await Stack.start(intake, identity, tmp_path)
    ticket = await stack.reported()
    staff = await stack.staff("GYSNL", "intake:tickets:read", "identity:personal:reveal")
    response = await stack.client.post(
        f"/v1/tickets/{ticket['id']}/reporter-contact", headers=staff
    )
    assert response.status_code == 200, response.text
    assert response.json()["phone"] == REPORTER_PHONE

    # Recorded in intake's own table, in the reveal's transaction.
    async with intake.db.session(write=False) as session:
        kinds = list(await session.scalars(sa.select(audit.table.c.kind)))
    assert kinds == ["reveal"]

    report = await intake.relay.relay_due()
    assert report.succeeded == 1, report
    listed = await identity.client.get("/v1/audit?action=intake.reveal", headers=stack.admin)
    assert listed.status_code == 200, listed.text
    [entry] = listed.json()["items"]
    assert entry["target_kind"] == "ticket"
    assert entry["target_id"] == ticket["id"]
    assert entry["actor"] == "staff:staff-GYSNL"
    assert REPORTER_PHONE not in listed.text  # who saw what, never the value

    # Delivered again (a relay that died before recording its success): taken once.
    async with intake.db.session(write=False) as session:
        row = (await session.execute(sa.select(outbox.events))).mappings().one()
    event = OutboxEvent(**{k: row[k] for k in OutboxEvent.__dataclass_fields__})
    await intake.app.state.events("service:identity", event)
    again = await identity.client.get("/v1/audit?action=intake.reveal", headers=stack.admin)
    assert again.json()["total"] == 1


async def test_events_need_the_senders_credentials(identity: Identity) -> None:
    body = {
        "id": "0b6f5a52-3f4e-4c55-9a55-1a2b3c4d5e6f",
        "source": "intake",
        "topic": "audit.reveal",
        "key": "k",
        "payload": {},
        "created_at": "2026-03-02T01:00:00+00:00",
    }
    assert (await identity.client.post("/v1/events", json=body)).status_code == 401


async def test_a_client_without_the_scope_is_refused_and_an_unknown_topic_is_422(
    intake: Intake, identity: Identity, tmp_path: Path
) -> None:
    stack = await Stack.start(intake, identity, tmp_path)
    body = {
        "id": "0b6f5a52-3f4e-4c55-9a55-1a2b3c4d5e6f",
        "source": "intake",
        "topic": "audit.reveal",
        "key": "k",
        "payload": {},
        "created_at": "2026-03-02T01:00:00+00:00",
    }
    contractor = await stack.key_token()  # 京南宽带's key: intake:workorders:work only
    refused = await identity.client.post("/v1/events", json=body, headers=contractor)
    assert refused.status_code == 403
    intake_key = await stack.key_token(DEMO_INTAKE_KEY)
    unknown = await identity.client.post(
        "/v1/events", json={**body, "topic": "place.moved"}, headers=intake_key
    )
    assert unknown.status_code == 422
    assert unknown.json()["code"] == "unknown_topic"


async def test_a_clear_export_in_intake_appears_in_identitys_audit_list_with_its_reason(
    intake: Intake, identity: Identity, tmp_path: Path
) -> None:
    stack = await Stack.start(intake, identity, tmp_path)
    await stack.reported()
    staff = await stack.staff("GYSNL", "intake:tickets:read", "identity:personal:reveal")
    response = await stack.client.get(
        "/v1/exports/tickets.csv",
        params={"clear": "true", "building": "GYSNL"},
        # The reason travels in a header (percent-encoded), never in the URL.
        headers=staff | {"X-Export-Reason": quote("回访核实")},
    )
    assert response.status_code == 200, response.text
    assert REPORTER_PHONE in response.content.decode("utf-8-sig")

    report = await intake.relay.relay_due()
    assert report.succeeded == 1, report
    listed = await identity.client.get("/v1/audit?action=intake.export", headers=stack.admin)
    assert listed.status_code == 200, listed.text
    [entry] = listed.json()["items"]
    assert entry["target_kind"] == "tickets"
    assert entry["actor"] == "staff:staff-GYSNL"
    assert entry["detail"]["reason"] == "回访核实"
    assert entry["detail"]["export"]["rows"] == 1
    assert entry["detail"]["export"]["numbers_in_clear"] == 1
    assert entry["detail"]["export"]["filters"] == {"building": "GYSNL"}
    assert REPORTER_PHONE not in listed.text
