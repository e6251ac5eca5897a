"""The whole journey of a door report, through the gateway as everyone meets it.

A resident scans the code on the unit door, uploads a photo and reports; a neighbour at the
same building adds "+1"; community staff acknowledge after calling back and assign the job
to a contractor; the contractor's system works the order with its API key and marks it done
with evidence; the community confirms; the resident rates; the statistics show it. The
street office's webhook receiver is down for an hour meanwhile and gets every event, in
order, afterwards. Identity, directory and intake are all real, behind the real gateway.
"""

from __future__ import annotations

import io
import json
from datetime import timedelta
from typing import Any

import httpx
from fastapi import FastAPI, Request, Response
from PIL import Image

from services.identity.seed import DEMO_API_KEY, DEMO_HOTLINE_KEY
from services.intake.webhooks import HEADER_SIGNATURE, HEADER_TIMESTAMP, verify_signature
from services.kit.clock import LOCAL_TZ
from tests.fixtures.system import System
from tests.intake.integration_support import assert_mirrors, assert_valid, parse_xml

CONTRACTOR = {"X-API-Key": DEMO_API_KEY}


def _photo(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1024, 768), colour).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


class StreetOffice:
    """The street office's receiver: verifies each signature as documented; down on demand."""

    def __init__(self, system: System) -> None:
        self.system = system
        self.secret = ""
        self.down = True
        self.refused = 0
        self.events: list[dict[str, Any]] = []
        self.app = FastAPI()
        self.app.post("/hooks")(self.hook)

    async def hook(self, request: Request) -> Response:
        if self.down:
            self.refused += 1
            return Response(status_code=503)
        body = await request.body()
        signed = verify_signature(
            self.secret,
            request.headers[HEADER_TIMESTAMP],
            body,
            request.headers[HEADER_SIGNATURE],
            self.system.identity.clock.now(),
        )
        if not signed:
            return Response(status_code=401)
        self.events.append(json.loads(body))
        return Response(status_code=204)


async def _ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    return dict(response.json())


async def _upload(client: httpx.AsyncClient, data: bytes, **kwargs: Any) -> dict[str, Any]:
    files = {"file": ("IMG_0001.jpg", data, "image/jpeg")}
    return await _ok(await client.post("/api/intake/v1/media", files=files, **kwargs), 201)


async def test_scan_report_follow_handle_contract_confirm_rate_and_count(system: System) -> None:
    client = system.client
    clock = system.identity.clock
    admin = await system.bearer("admin")
    staff = await system.bearer("gysnl_staff")

    # The street office subscribes to its street's tickets; its receiver is down for now.
    office = StreetOffice(system)
    system.webhooks.target = httpx.ASGITransport(app=office.app)
    street = await system.place("GYS")
    subscription = await _ok(
        await client.post(
            "/api/intake/v1/webhooks",
            json={
                "name": "观音寺街道 12345 对接",
                "url": "https://gys.example/hooks",
                "place_id": street["id"],
                "topics": ["ticket.created", "ticket.status_changed"],
            },
            headers=admin,
        ),
        201,
    )
    office.secret = subscription["secret"]

    # 1. Scan: the door's code says where the resident stands.
    unit = await system.place("GYSNL-01-1")
    token = await system.directory.unit_token("GYSNL-01-1")
    scanned = await _ok(await client.get(f"/api/directory/v1/codes/{token}"))
    assert scanned["chain"]["unit"]["code"] == "GYSNL-01-1"

    # 2. Upload a photo (its EXIF would be gone), then 3. report, idempotently.
    photo = await _upload(client, _photo((200, 40, 40)))
    report = {
        "code_token": token,
        "category": "facility",
        "description": "1号楼门口的秋千坏了，链条断了，孩子差点摔倒",
        "photo_ids": [photo["id"]],
        "upload_keys": {photo["id"]: photo["upload_key"]},
        "reporter_phone": "13912345678",
        "consent": True,
    }
    submitted = await _ok(
        await client.post(
            "/api/intake/v1/tickets", json=report, headers={"Idempotency-Key": "door-1"}
        ),
        201,
    )
    retried = await client.post(
        "/api/intake/v1/tickets", json=report, headers={"Idempotency-Key": "door-1"}
    )
    assert retried.json()["number"] == submitted["number"]
    tracking = submitted["tracking_token"]

    # 4. A neighbour at another door of the same building sees it and adds "+1".
    neighbour_token = await system.directory.unit_token("GYSNL-01-2")
    similar = await _ok_list(
        await client.get(
            "/api/intake/v1/tickets/similar",
            params={"code_token": neighbour_token, "category": "facility"},
        )
    )
    assert [s["id"] for s in similar] == [submitted["id"]]
    assert "13912345678" not in json.dumps(similar)
    followed = await _ok(
        await client.post(
            f"/api/intake/v1/tickets/{submitted['id']}/follow",
            json={"code_token": neighbour_token},
        ),
        201,
    )
    assert followed["followers"] == 1

    # 5. Community staff call back and acknowledge; 6. assign to the contractor.
    inbox = await _ok(await client.get("/api/intake/v1/tickets", headers=staff))
    assert [t["number"] for t in inbox["items"]] == [submitted["number"]]
    ticket_url = f"/api/intake/v1/tickets/{submitted['id']}"
    detail = await _ok(
        await client.post(
            f"{ticket_url}/acknowledge",
            json={"outcome": "reached", "note": "已回电，居民说链条断了"},
            headers=staff,
        )
    )
    assert detail["reporter_phone"] == "139****5678"
    organisations = await _ok(
        await client.get("/api/identity/v1/organisations", params={"kind": "contractor"})
    )
    jingnan = next(o for o in organisations["items"] if o["name"] == "京南宽带")
    await _ok(
        await client.post(
            f"{ticket_url}/assign",
            json={
                "assignee_kind": "contractor",
                "assignee_ref": jingnan["id"],
                "instructions": "更换秋千链条",
            },
            headers=staff,
        )
    )

    # 7. The contractor's system, by API key only: accept, start, evidence, done.
    orders = await _ok(await client.get("/api/intake/v1/work-orders", headers=CONTRACTOR))
    assert [o["ticket_number"] for o in orders["items"]] == [submitted["number"]]
    order_url = f"/api/intake/v1/work-orders/{orders['items'][0]['id']}"
    order = await _ok(await client.get(order_url, headers=CONTRACTOR))
    assert "13912345678" not in json.dumps(order)
    assert "139****5678" not in json.dumps(order)
    await _ok(await client.post(f"{order_url}/accept", json={}, headers=CONTRACTOR))
    await _ok(await client.post(f"{order_url}/start", headers=CONTRACTOR))
    after = await _upload(client, _photo((40, 160, 40)), headers=CONTRACTOR)
    done = await _ok(
        await client.post(
            f"{order_url}/done",
            json={"note": "已更换秋千链条并加固", "after_photo_ids": [after["id"]]},
            headers=CONTRACTOR,
        )
    )
    assert done["status"] == "done"
    # Staff of another community cannot confirm it; the contractor cannot either.
    other = await system.bearer("tgyzl_staff")
    assert (await client.post(f"{order_url}/confirm", json={}, headers=other)).status_code == 404
    assert (await client.post(f"{order_url}/confirm", json={}, headers=CONTRACTOR)).status_code in (
        403,
        404,
    )

    # 8. The community confirms: the ticket is resolved; the reporter is texted.
    await _ok(await client.post(f"{order_url}/confirm", json={}, headers=staff))
    resolved = await _ok(await client.get(ticket_url, headers=staff))
    assert resolved["status"] == "resolved"
    await system.intake.state.jobs.run_due()

    # 9. The resident follows the link, sees the fix, and rates it.
    tracked = await _ok(await client.get(f"/api/intake/v1/track/{tracking}"))
    assert tracked["status"] == "resolved"
    # Their own photo, and the contractor's photo of the fix.
    assert [p["purpose"] for p in tracked["photos"]] == ["report", "evidence_after"]
    # The public trail names no one: no staff id, no contractor, no assignee.
    assert jingnan["id"] not in json.dumps(tracked["events"])
    assert {e["actor"] for e in tracked["events"]} <= {"reporter", "staff", "contractor", "system"}
    thumbnail = await client.get(tracked["photos"][0]["thumbnail_url"])
    assert thumbnail.status_code == 200
    assert thumbnail.headers["content-type"] == "image/jpeg"
    rated = await _ok(
        await client.post(
            f"/api/intake/v1/track/{tracking}/rate", json={"rating": 5, "comment": "修得很快"}
        )
    )
    assert rated["status"] == "closed"
    trail = [
        e["action"] for e in (await _ok(await client.get(ticket_url, headers=staff)))["events"]
    ]
    assert trail[:5] == ["submit", "acknowledge", "assign", "start", "resolve"]
    assert "reporter_notified" in trail
    assert trail[-1] == "rate"

    # 10. The statistics show it: the three rates, with their counts.
    community = await system.place("GYSNL")
    # This week: the response deadline (24 h after the report) falls in it too.
    today = clock.now().astimezone(LOCAL_TZ).date()
    period = {"from": today.isoformat(), "to": (today + timedelta(days=6)).isoformat()}
    stats = await _ok(
        await client.get(
            "/api/intake/v1/statistics",
            params={"place_id": community["id"], **period},
            headers=staff,
        )
    )
    assert stats["counts"]["total"] == 1
    assert stats["rates"]["response"] == {"rate": 1.0, "on_time": 1, "due": 1}
    assert stats["rates"]["resolution"] == {"rate": 1.0, "resolved_not_reopened": 1, "finished": 1}
    assert stats["rates"]["satisfaction"] == {"rate": 1.0, "satisfied": 1, "rated": 1}

    # The street office's receiver was down all along; it comes back an hour later and
    # receives every event of the ticket, in order, each once, signed.
    relay = system.intake.state.relay
    await relay.relay_due()
    assert office.refused >= 1
    assert office.events == []
    office.down = False
    clock.advance(timedelta(hours=1, minutes=5))
    for _ in range(20):
        await relay.relay_due()
    statuses = [e["data"]["status"] for e in office.events]
    assert statuses == [
        "submitted",
        "acknowledged",
        "assigned",
        "in_progress",
        "resolved",
        "closed",
    ]
    assert len({e["id"] for e in office.events}) == len(office.events)
    assert "13912345678" not in json.dumps(office.events)
    assert unit["code"] == office.events[0]["data"]["place_code"]


async def test_a_street_office_system_files_and_reads_through_open311(system: System) -> None:
    """An off-the-shelf Open311 client: list services, post a request, read it back, in
    JSON and XML, every answer valid against the GeoReport v2 schemas."""
    client = system.client
    services = await _ok_list(await client.get("/open311/v2/services.json"))
    assert_valid(services, "services.json")
    codes = [s["service_code"] for s in services]
    assert "small_ads" in codes
    xml_services = parse_xml(await client.get("/open311/v2/services.xml"))
    assert [s.findtext("service_code") for s in xml_services] == codes

    posted = await client.post(
        "/open311/v2/requests.json",
        data={
            "api_key": DEMO_HOTLINE_KEY,
            "service_code": "small_ads",
            "address_id": "TGYZL-03-2",
            "description": "3号楼2单元楼道墙上贴满小广告",
            "phone": "13811112222",
            "first_name": "李",
        },
    )
    assert posted.status_code == 201, posted.text
    assert_valid(posted.json(), "request-responses.json")
    request_id = posted.json()[0]["service_request_id"]

    one = await _ok_list(await client.get(f"/open311/v2/requests/{request_id}.json"))
    assert_valid(one, "requests.json")
    assert one[0]["address_id"] == "TGYZL-03-2"
    assert one[0]["status"] == "open"
    assert "13811112222" not in json.dumps(one)
    token = await system.directory.unit_token("TGYZL-03-2")
    assert token not in json.dumps(one)
    xml_one = await client.get(f"/open311/v2/requests/{request_id}.xml")
    assert_mirrors(parse_xml(xml_one), one, "service_requests")

    listed = await _ok_list(
        await client.get(
            "/open311/v2/requests.json", params={"status": "open", "service_code": "small_ads"}
        )
    )
    assert_valid(listed, "requests.json")
    assert [r["service_request_id"] for r in listed] == [request_id]

    refused = await client.post(
        "/open311/v2/requests.json",
        data={"api_key": "not-a-key", "service_code": "small_ads", "address_id": "TGYZL-03-2"},
    )
    assert refused.status_code == 403
    assert_valid(refused.json(), "errors.json")


async def _ok_list(response: httpx.Response) -> list[Any]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert isinstance(body, list)
    return body
