"""Referrals to enforcement (城管): the community sends the evidence of a small-ads case; the
agency over the place (an API key issued through identity) reads and answers it."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.identity import Identity
from tests.fixtures.intake import Intake
from tests.intake.workorder_support import REPORTER_NAME, REPORTER_PHONE, Stack

AGENCY = "观音寺街道综合执法队"
ANSWER = "intake:referrals:answer"


@pytest.fixture
async def stack(intake: Intake, identity: Identity, tmp_path: Path) -> Stack:
    return await Stack.start(intake, identity, tmp_path / "media")


async def _confirmed_and_referred(stack: Stack) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """A small-ads ticket cleaned by the contractor, confirmed, then referred: (ticket id,
    the order as its contractor saw it, the referral as sent)."""
    ticket_id, order_id, order = await stack.finished(await stack.key_token())
    staff = await stack.staff()
    await stack.post(f"/v1/work-orders/{order_id}/confirm", staff)
    sent = await stack.client.post(
        f"/v1/tickets/{ticket_id}/referrals",
        json={"agency": AGENCY, "note": "请依法查处张贴者"},
        headers=staff,
    )
    assert sent.status_code == 201, sent.text
    return ticket_id, order, sent.json()


async def test_the_package_carries_the_evidence_and_no_personal_data(stack: Stack) -> None:
    ticket_id, order, referral = await _confirmed_and_referred(stack)
    staff = await stack.staff()
    detail = await stack.get(f"/v1/tickets/{ticket_id}", staff)

    assert referral["number"] == f"{detail['number']}-R1"
    assert (referral["status"], referral["agency"]) == ("sent", AGENCY)
    package = referral["package"]
    assert package["ticket_number"] == detail["number"]
    assert package["category"] == "small_ads"
    assert package["place_code"] == "GYSNL-01-1"
    assert [p["name"] for p in package["address"]] == [
        "大兴区",
        "观音寺街道",
        "观音寺南里社区",
        "1号楼",
        "1单元",
    ]
    times = package["times"]
    assert times["reported_at"] == detail["created_at"]
    assert times["acknowledged_at"] == detail["acknowledged_at"]
    assert times["resolved_at"] == detail["resolved_at"] is not None
    [finding] = package["findings"]
    assert finding["organisation"] == "京南宽带"
    assert finding["status"] == "confirmed"
    # The contractor's findings, with the phone number in them blanked like any other.
    assert finding["note"] == "已清理3处小广告，张贴者留有电话***"
    done_photos = {p["purpose"]: p["id"] for p in order["events"][-1]["photos"]}
    assert finding["before_media_ids"] == [done_photos["evidence_before"]]
    assert finding["after_media_ids"] == [done_photos["evidence_after"]]
    report_photo = next(p["id"] for p in detail["photos"] if p["purpose"] == "report")
    assert {m["id"]: m["purpose"] for m in package["media"]} == {
        report_photo: "report",
        done_photos["evidence_before"]: "evidence_before",
        done_photos["evidence_after"]: "evidence_after",
    }
    # The photos are there to look at: signed links, one for each medium of the package.
    assert {p["id"] for p in referral["photos"]} == {m["id"] for m in package["media"]}
    assert all("sig=" in p["url"] for p in referral["photos"])

    agency = await stack.key_token(await stack.issue_key("GYS", ANSWER))
    seen = await stack.client.get(f"/v1/referrals/{referral['id']}", headers=agency)
    assert seen.status_code == 200
    for secret in (REPORTER_NAME, REPORTER_PHONE, REPORTER_PHONE[-4:], "13700001111"):
        assert secret not in seen.text

    # The ticket's trail shows the step; its status does not change.
    sent = detail["events"][-1]
    assert (sent["action"], sent["from_status"], sent["to_status"]) == (
        "referral_sent",
        "resolved",
        "resolved",
    )
    assert sent["detail"] == {"referral": referral["number"], "agency": AGENCY}
    assert [r["number"] for r in detail["referrals"]] == [referral["number"]]


async def test_the_agency_answers_forward_only(stack: Stack) -> None:
    ticket_id, _order, referral = await _confirmed_and_referred(stack)
    agency = await stack.key_token(await stack.issue_key("GYS", ANSWER))
    path = f"/v1/referrals/{referral['id']}"

    listed = await stack.get("/v1/referrals", agency)
    assert [(r["number"], r["status"]) for r in listed["items"]] == [(referral["number"], "sent")]

    early = await stack.client.post(f"{path}/answer", json={"status": "accepted"}, headers=agency)
    assert early.status_code == 409
    assert early.json()["code"] == "invalid_transition"
    assert [a["to"] for a in early.json()["allowed"]] == ["received"]

    received = await stack.post(
        f"{path}/answer", agency, {"status": "received", "agency_reference": "GYS-ZF-2026-017"}
    )
    assert (received["status"], received["agency_reference"]) == ("received", "GYS-ZF-2026-017")
    accepted = await stack.post(f"{path}/answer", agency, {"status": "accepted"})
    assert accepted["status"] == "accepted"
    unexplained = await stack.client.post(
        f"{path}/answer", json={"status": "concluded"}, headers=agency
    )
    assert unexplained.status_code == 422
    assert unexplained.json()["errors"][0]["pointer"] == "/body/outcome"
    concluded = await stack.post(
        f"{path}/answer", agency, {"status": "concluded", "outcome": "已对张贴者罚款500元"}
    )
    assert (concluded["status"], concluded["outcome"]) == ("concluded", "已对张贴者罚款500元")
    back = await stack.client.post(f"{path}/answer", json={"status": "received"}, headers=agency)
    assert back.status_code == 409
    assert back.json()["allowed"] == []

    # Staff follow it in the ticket's trail and in their list of referrals.
    staff = await stack.staff()
    detail = await stack.get(f"/v1/tickets/{ticket_id}", staff)
    answered = [e for e in detail["events"] if e["action"] == "referral_answered"]
    assert [(e["detail"]["previous"], e["detail"]["status"]) for e in answered] == [
        ("sent", "received"),
        ("received", "accepted"),
        ("accepted", "concluded"),
    ]
    assert all(e["from_status"] == e["to_status"] == "resolved" for e in answered)
    assert answered[0]["actor"].startswith("client:")
    assert answered[0]["actor_kind"] == "client"
    mine = await stack.get("/v1/referrals", staff)
    assert [(r["number"], r["status"]) for r in mine["items"]] == [
        (referral["number"], "concluded")
    ]
    declined_only = await stack.client.get(
        "/v1/referrals", params={"status": "declined"}, headers=staff
    )
    assert declined_only.json() == {"items": [], "total": 0}


async def test_a_declined_referral_says_why(stack: Stack) -> None:
    _ticket_id, _order, referral = await _confirmed_and_referred(stack)
    agency = await stack.key_token(await stack.issue_key("GYS", ANSWER))
    path = f"/v1/referrals/{referral['id']}/answer"
    await stack.post(path, agency, {"status": "received"})
    silent = await stack.client.post(path, json={"status": "declined"}, headers=agency)
    assert silent.status_code == 422
    assert silent.json()["code"] == "outcome_required"
    declined = await stack.post(path, agency, {"status": "declined", "outcome": "证据不足"})
    assert (declined["status"], declined["outcome"]) == ("declined", "证据不足")


async def test_another_agency_staff_and_strangers_are_refused(stack: Stack) -> None:
    ticket_id, _order, referral = await _confirmed_and_referred(stack)
    path = f"/v1/referrals/{referral['id']}"
    # The enforcement office of another street: the referral does not exist for it.
    other_agency = await stack.key_token(await stack.issue_key("TGY", ANSWER))
    assert (await stack.client.get(path, headers=other_agency)).status_code == 404
    answered = await stack.client.post(
        f"{path}/answer", json={"status": "received"}, headers=other_agency
    )
    assert answered.status_code == 404
    assert answered.json()["code"] == "referral_not_found"
    listed = await stack.client.get("/v1/referrals", headers=other_agency)
    assert listed.json() == {"items": [], "total": 0}

    # Community staff read it but do not answer for the agency.
    staff = await stack.staff()
    assert (await stack.get(path, staff))["number"] == referral["number"]
    refused = await stack.client.post(f"{path}/answer", json={"status": "received"}, headers=staff)
    assert refused.status_code == 403
    # The contractor works in the place, but referrals are not its business.
    assert (await stack.client.get(path, headers=await stack.key_token())).status_code == 403
    # Staff of another community, anyone anonymous.
    assert (await stack.client.get(path, headers=await stack.staff("TGYZL"))).status_code == 404
    assert (await stack.client.get(path)).status_code == 401
    assert (await stack.client.get("/v1/referrals")).status_code == 401
    assert (
        await stack.client.post(f"{path}/answer", json={"status": "received"})
    ).status_code == 401
    anonymous_send = await stack.client.post(
        f"/v1/tickets/{ticket_id}/referrals", json={"agency": AGENCY}
    )
    assert anonymous_send.status_code == 401
    # Sending is for staff handling the ticket: a reader of it may not.
    reader = await stack.intake.staff("GYSNL", "intake:tickets:read", subject="reader")
    read_only = await stack.client.post(
        f"/v1/tickets/{ticket_id}/referrals", json={"agency": AGENCY}, headers=reader
    )
    assert read_only.status_code == 403


async def test_staff_choose_which_media_to_send_from_the_tickets_own(stack: Stack) -> None:
    ticket = await stack.reported()
    staff = await stack.staff()
    report_photo = next(p["id"] for p in ticket["photos"] if p["purpose"] == "report")
    stranger = await stack.upload(staff)  # an upload no ticket uses
    refused = await stack.client.post(
        f"/v1/tickets/{ticket['id']}/referrals",
        json={"agency": AGENCY, "media_ids": [report_photo, stranger, str(uuid.uuid4())]},
        headers=staff,
    )
    assert refused.status_code == 422
    assert [(e["pointer"], e["code"]) for e in refused.json()["errors"]] == [
        ("/body/media_ids/1", "media_not_on_ticket"),
        ("/body/media_ids/2", "media_not_on_ticket"),
    ]
    assert (await stack.get(f"/v1/tickets/{ticket['id']}", staff))["referrals"] == []

    chosen = await stack.post(
        f"/v1/tickets/{ticket['id']}/referrals",
        staff,
        {"agency": AGENCY, "media_ids": [report_photo]},
    )
    assert [m["id"] for m in chosen["package"]["media"]] == [report_photo]
    assert chosen["package"]["findings"] == []  # no contractor has finished work on it
    second = await stack.post(
        f"/v1/tickets/{ticket['id']}/referrals", staff, {"agency": "区城管委"}
    )
    assert second["number"].endswith("-R2")
