"""Contractors' work orders, with the real identity: the contractor's system (an API key
exchanged at identity) and its worker's log-in accept, start, report progress and mark done
with evidence; the community returns or confirms; the ticket follows."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.fixtures.identity import Identity
from tests.fixtures.intake import Intake
from tests.intake.workorder_support import REPORTER_NAME, REPORTER_PHONE, Stack


@pytest.fixture
async def stack(intake: Intake, identity: Identity, tmp_path: Path) -> Stack:
    return await Stack.start(intake, identity, tmp_path / "media")


async def test_the_contractor_works_an_order_by_api_key_and_staff_confirm_it(
    stack: Stack,
) -> None:
    contractor = await stack.key_token()
    staff = await stack.staff()
    ticket_id, order_id = await stack.assigned()
    ticket_path, path = f"/v1/tickets/{ticket_id}", f"/v1/work-orders/{order_id}"

    detail = await stack.get(ticket_path, staff)
    assert (detail["status"], detail["assignee_kind"]) == ("assigned", "contractor")
    assert detail["assignee_ref"] == await stack.organisation("京南宽带")
    [offered] = detail["work_orders"]
    assert offered["number"] == f"{detail['number']}-W1"
    assert (offered["status"], offered["organisation_name"]) == ("offered", "京南宽带")
    assert detail["events"][-1]["detail"]["work_order"] == offered["number"]

    listed = await stack.get("/v1/work-orders", contractor)
    assert [(o["number"], o["status"]) for o in listed["items"]] == [(offered["number"], "offered")]
    assert listed["total"] == 1

    # What the contractor sees: the problem, where, the report's photo; nobody's name or phone.
    seen = await stack.client.get(path, headers=contractor)
    assert seen.status_code == 200, seen.text
    order = seen.json()
    assert order["instructions"] == "清理楼道小广告，拍照留证"
    assert order["ticket"]["number"] == detail["number"]
    assert [(p["kind"], p["name"]) for p in order["ticket"]["address"]] == [
        ("community", "观音寺南里社区"),
        ("building", "1号楼"),
        ("unit", "1单元"),
    ]
    assert [p["purpose"] for p in order["ticket"]["photos"]] == ["report"]
    for secret in (REPORTER_NAME, REPORTER_PHONE, REPORTER_PHONE[-4:], "staff-GYSNL"):
        assert secret not in seen.text
    assert [e["actor"] for e in order["events"]] == ["staff"]
    assert order["allowed_actions"] == ["accept", "decline"]  # what the contractor may do now

    accepted = await stack.post(f"{path}/accept", contractor, {"note": "明早处理"})
    assert accepted["status"] == "accepted"
    started = await stack.post(f"{path}/start", contractor)
    assert started["status"] == "in_progress"
    assert (await stack.get(ticket_path, staff))["status"] == "in_progress"

    progress_photo = await stack.upload(contractor)
    progressed = await stack.post(
        f"{path}/progress", contractor, {"note": "已清理一半", "photo_ids": [progress_photo]}
    )
    assert progressed["events"][-1]["action"] == "progress"
    assert [p["id"] for p in progressed["events"][-1]["photos"]] == [progress_photo]

    # Done needs a photo taken after the work.
    no_evidence = await stack.client.post(
        f"{path}/done", json={"note": "已清理"}, headers=contractor
    )
    assert no_evidence.status_code == 422
    assert no_evidence.json()["code"] == "evidence_required"
    assert no_evidence.json()["errors"][0]["pointer"] == "/body/after_photo_ids"

    before, first_after = await stack.upload(contractor), await stack.upload(contractor)
    done = await stack.post(
        f"{path}/done",
        contractor,
        {"note": "已清理", "before_photo_ids": [before], "after_photo_ids": [first_after]},
    )
    assert done["status"] == "done"
    assert {p["id"]: p["purpose"] for p in done["events"][-1]["photos"]} == {
        before: "evidence_before",
        first_after: "evidence_after",
    }
    assert done["allowed_actions"] == []  # the community answers now
    assert (await stack.get(path, staff))["allowed_actions"] == ["confirm", "return"]

    # The community is not satisfied: back in progress, with the reason, counted.
    returned = await stack.post(f"{path}/return", staff, {"reason": "三单元还有两处未清理"})
    assert (returned["status"], returned["return_count"]) == ("in_progress", 1)
    assert returned["events"][-1]["note"] == "三单元还有两处未清理"

    after = await stack.upload(contractor)
    await stack.post(
        f"{path}/done",
        contractor,
        {"note": "全部清理完毕，共5处", "after_photo_ids": [after]},
    )
    confirmed = await stack.post(f"{path}/confirm", staff, {"note": "核实无误"})
    assert confirmed["status"] == "confirmed"
    assert confirmed["confirmed_at"] is not None

    # The ticket is resolved with the contractor's note and its after-photo.
    detail = await stack.get(ticket_path, staff)
    assert detail["status"] == "resolved"
    resolution = detail["events"][-1]
    assert (resolution["action"], resolution["note"]) == ("resolve", "全部清理完毕，共5处")
    assert resolution["detail"]["photo_ids"] == [after]
    assert [p["id"] for p in resolution["photos"]] == [after]
    actions = [(e["action"], e["actor_kind"]) for e in detail["events"]]
    assert actions[-3:] == [("assign", "staff"), ("start", "contractor"), ("resolve", "staff")]
    [order_in_detail] = detail["work_orders"]
    assert [e["action"] for e in order_in_detail["events"]] == [
        "offer",
        "accept",
        "start",
        "progress",
        "done",
        "return",
        "done",
        "confirm",
    ]

    # The reporter's trail says a contractor started the work, not who.
    tracked = await stack.client.get(f"/v1/track/{stack.tracking_tokens[ticket_id]}")
    assert tracked.status_code == 200
    assert ("start", "contractor") in [(e["action"], e["actor"]) for e in tracked.json()["events"]]


async def test_the_contractor_worker_signs_in_and_sees_the_same_orders(stack: Stack) -> None:
    _ticket_id, order_id = await stack.assigned()
    worker = await stack.identity.bearer("jn_worker")
    listed = await stack.get("/v1/work-orders", worker)
    assert [o["id"] for o in listed["items"]] == [order_id]
    accepted = await stack.post(f"/v1/work-orders/{order_id}/accept", worker)
    assert accepted["status"] == "accepted"
    # Its system (the API key) sees the worker's step: one organisation, one order.
    by_key = await stack.get(f"/v1/work-orders/{order_id}", await stack.key_token())
    assert [e["action"] for e in by_key["events"]] == ["offer", "accept"]
    filtered = await stack.client.get(
        "/v1/work-orders", params={"status": "offered"}, headers=worker
    )
    assert filtered.json() == {"items": [], "total": 0}


async def test_orders_of_another_organisation_or_place_do_not_exist_for_it(stack: Stack) -> None:
    _ticket_id, order_id = await stack.assigned()
    path = f"/v1/work-orders/{order_id}"
    rival = await stack.new_organisation("城南保洁公司")
    rival_key = await stack.issue_key("GYSNL", "intake:workorders:work", organisation_id=rival)
    # The right organisation, but a key for another community's orders only.
    elsewhere = await stack.issue_key(
        "TGYZL", "intake:workorders:work", organisation_id=await stack.organisation("京南宽带")
    )
    for api_key in (rival_key, elsewhere):
        headers = await stack.key_token(api_key)
        assert (await stack.client.get(path, headers=headers)).status_code == 404
        accepted = await stack.client.post(f"{path}/accept", headers=headers)
        assert accepted.status_code == 404
        assert accepted.json()["code"] == "work_order_not_found"
        listed = await stack.client.get("/v1/work-orders", headers=headers)
        assert listed.json() == {"items": [], "total": 0}

    # An unknown id answers the same as someone else's.
    unknown = await stack.client.get(
        f"/v1/work-orders/{uuid.uuid4()}", headers=await stack.key_token()
    )
    assert unknown.status_code == 404

    # Staff of another community: 404; staff of this one cannot act for the contractor: 403.
    other_staff = await stack.staff("TGYZL")
    assert (await stack.client.get(path, headers=other_staff)).status_code == 404
    confirm = await stack.client.post(f"{path}/confirm", headers=other_staff)
    assert confirm.status_code == 404
    accept = await stack.client.post(f"{path}/accept", headers=await stack.staff())
    assert accept.status_code == 403
    # The contractor confirming its own work: 403.
    self_confirm = await stack.client.post(f"{path}/confirm", headers=await stack.key_token())
    assert self_confirm.status_code == 403
    assert (await stack.client.get(path)).status_code == 401
    assert (await stack.client.post(f"{path}/accept")).status_code == 401
    # Staff of the community read the order (as staff: with who did what).
    seen = await stack.get(path, await stack.staff())
    assert seen["events"][0]["actor"] == "staff:staff-GYSNL"


async def test_an_illegal_move_is_a_409_listing_the_allowed_ones(stack: Stack) -> None:
    _ticket_id, order_id = await stack.assigned()
    contractor = await stack.key_token()
    early = await stack.client.post(
        f"/v1/work-orders/{order_id}/done",
        json={"note": "已清理", "after_photo_ids": [await stack.upload(contractor)]},
        headers=contractor,
    )
    assert early.status_code == 409
    body = early.json()
    assert body["code"] == "invalid_transition"
    assert {(a["action"], a["to"]) for a in body["allowed"]} == {
        ("accept", "accepted"),
        ("decline", "declined"),
        ("cancel", "cancelled"),
    }
    # The refused step stored nothing: the photo is still free for the real one.
    assert (await stack.get(f"/v1/work-orders/{order_id}", contractor))["status"] == "offered"


async def test_a_declined_order_goes_back_to_staff_who_reassign(stack: Stack) -> None:
    ticket_id, order_id = await stack.assigned()
    contractor, staff = await stack.key_token(), await stack.staff()
    missing = await stack.client.post(
        f"/v1/work-orders/{order_id}/decline", json={}, headers=contractor
    )
    assert missing.status_code == 422
    declined = await stack.post(
        f"/v1/work-orders/{order_id}/decline", contractor, {"reason": "不在我方合同范围"}
    )
    assert declined["status"] == "declined"

    detail = await stack.get(f"/v1/tickets/{ticket_id}", staff)
    assert detail["status"] == "assigned"
    [order] = detail["work_orders"]
    assert order["status"] == "declined"
    assert order["events"][-1]["note"] == "不在我方合同范围"

    # Reassigned to a property company (its key takes orders here too): a second order;
    # reassigned again to a person: the open order is cancelled in the same step.
    property_company = await stack.organisation("黄村西里物业")
    await stack.issue_key("GYSNL", "intake:workorders:work", organisation_id=property_company)
    detail = await stack.post(
        f"/v1/tickets/{ticket_id}/assign",
        staff,
        {"assignee_kind": "contractor", "assignee_ref": property_company},
    )
    assert [(o["number"][-2:], o["status"]) for o in detail["work_orders"]] == [
        ("W1", "declined"),
        ("W2", "offered"),
    ]
    detail = await stack.post(
        f"/v1/tickets/{ticket_id}/assign",
        staff,
        {"assignee_kind": "staff", "assignee_ref": "staff:staff-GYSNL"},
    )
    assert [o["status"] for o in detail["work_orders"]] == ["declined", "cancelled"]
    assert detail["work_orders"][1]["events"][-1]["detail"] == {"because": "reassign"}
    assert detail["assignee_kind"] == "staff"


async def test_rejecting_the_ticket_cancels_the_open_order(stack: Stack) -> None:
    ticket_id, order_id = await stack.assigned()
    contractor = await stack.key_token()
    await stack.post(f"/v1/work-orders/{order_id}/accept", contractor)
    await stack.post(
        f"/v1/tickets/{ticket_id}/reject", await stack.staff(), {"reason": "不属于社区职责"}
    )
    order = await stack.get(f"/v1/work-orders/{order_id}", contractor)
    assert order["status"] == "cancelled"
    late = await stack.client.post(f"/v1/work-orders/{order_id}/start", headers=contractor)
    assert late.status_code == 409
    assert late.json()["allowed"] == []


async def test_an_unknown_or_unsuitable_organisation_is_refused(stack: Stack) -> None:
    ticket = await stack.reported()
    staff = await stack.staff()
    partner = await stack.new_organisation("共建宣传栏广告商", kind="partner")
    for ref, code in (
        (str(uuid.uuid4()), "unknown_organisation"),
        ("not-an-id", "unknown_organisation"),
        (partner, "not_a_contractor"),
    ):
        refused = await stack.client.post(
            f"/v1/tickets/{ticket['id']}/assign",
            json={"assignee_kind": "contractor", "assignee_ref": ref},
            headers=staff,
        )
        assert refused.status_code == 422, refused.text
        assert refused.json()["code"] == code
        assert refused.json()["errors"][0]["pointer"] == "/body/assignee_ref"
    detail = await stack.get(f"/v1/tickets/{ticket['id']}", staff)
    assert (detail["status"], detail["work_orders"]) == ("acknowledged", [])


async def test_an_order_goes_only_to_an_organisation_working_at_the_tickets_place(
    stack: Stack,
) -> None:
    """京南宽带's key and worker cover 观音寺南里 only: a 天宫院中里 ticket assigned to it would
    sit where no one can work on it, so the assignment is refused, saying why."""
    jingnan = await stack.organisation("京南宽带")
    submitted = await stack.intake.report("TGYZL-01-1")
    staff = await stack.staff("TGYZL")
    ticket = f"/v1/tickets/{submitted['id']}"
    await stack.post(f"{ticket}/acknowledge", staff, {"outcome": "anonymous"})
    body = {"assignee_kind": "contractor", "assignee_ref": jingnan}

    refused = await stack.client.post(f"{ticket}/assign", json=body, headers=staff)
    assert refused.status_code == 409, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    problem = refused.json()
    assert problem["code"] == "contractor_not_covering_place"
    assert problem["covered_places"] == ["观音寺南里社区"]
    assert "京南宽带" in problem["detail"]
    assert problem["errors"][0]["pointer"] == "/body/assignee_ref"
    detail = await stack.get(ticket, staff)
    assert (detail["status"], detail["work_orders"]) == ("acknowledged", [])
    # Nothing reached the contractor.
    listed = await stack.get("/v1/work-orders", await stack.key_token())
    assert listed["total"] == 0

    # A company with no key and no worker anywhere takes no orders at all.
    idle = await stack.new_organisation("城北保洁公司")
    nowhere = await stack.client.post(
        f"{ticket}/assign", json={**body, "assignee_ref": idle}, headers=staff
    )
    assert nowhere.status_code == 409
    assert nowhere.json()["covered_places"] == []

    # Once 京南宽带 holds a key for 天宫院中里's orders, the same assignment offers one.
    await stack.issue_key("TGYZL", "intake:workorders:work", organisation_id=jingnan)
    assigned = await stack.post(f"{ticket}/assign", staff, body)
    assert [o["status"] for o in assigned["work_orders"]] == ["offered"]


async def test_identity_answers_where_an_organisation_takes_orders(stack: Stack) -> None:
    jingnan = await stack.organisation("京南宽带")
    path = f"/v1/organisations/{jingnan}/coverage"
    params = {"permission": "intake:workorders:work"}
    answer = await stack.identity.client.get(path, params=params)
    assert answer.status_code == 200, answer.text
    assert [p["name"] for p in answer.json()["places"]] == ["观音寺南里社区"]
    # A key for another permission only is not a place to take orders at.
    await stack.issue_key("HCXL", "intake:tickets:read", organisation_id=jingnan)
    again = (await stack.identity.client.get(path, params=params)).json()
    assert [p["name"] for p in again["places"]] == ["观音寺南里社区"]
    unknown = await stack.identity.client.get(
        f"/v1/organisations/{uuid.uuid4()}/coverage", params=params
    )
    assert unknown.status_code == 404


async def test_a_retried_done_is_answered_once(stack: Stack) -> None:
    _ticket_id, order_id = await stack.assigned()
    contractor = await stack.key_token()
    path = f"/v1/work-orders/{order_id}"
    await stack.post(f"{path}/accept", contractor)
    await stack.post(f"{path}/start", contractor)
    body = {"note": "已清理", "after_photo_ids": [await stack.upload(contractor)]}
    headers = {**contractor, "Idempotency-Key": str(uuid.uuid4())}
    first = await stack.client.post(f"{path}/done", json=body, headers=headers)
    again = await stack.client.post(f"{path}/done", json=body, headers=headers)
    assert (first.status_code, again.status_code) == (200, 200), again.text
    assert again.json() == first.json()
    events = (await stack.get(path, contractor))["events"]
    assert [e["action"] for e in events].count("done") == 1
