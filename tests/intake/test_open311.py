"""Open311 GeoReport v2 as an off-the-shelf client meets it: every JSON answer valid against
the shared schemas, every XML answer the same document under the spec's element names."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from gateway.app import create_app as create_gateway
from gateway.config import GatewaySettings
from services.identity.seed import DEMO_HOTLINE_KEY
from services.intake.models import STATUSES, Ticket
from services.intake.open311.mapping import open311_status
from services.kit.clients.directory import DirectoryClient
from tests.fixtures.directory import Directory
from tests.gateway.support import Ticker
from tests.intake.integration_support import (
    IDENTITY_JWKS,
    OPEN311,
    W3C_WITH_OFFSET,
    System,
    assert_mirrors,
    assert_valid,
    parse_xml,
    post,
    spec_error,
)

UNIT = "TGYZL-03-2"
PHONE = "13912345678"
SUBMIT = "intake:open311:submit"


@pytest.fixture
async def street_key(system: System) -> str:
    """A street office's system: it may post Open311 requests in 天宫院街道."""
    return await system.issue_key("TGY", SUBMIT, name="天宫院街道 网格化平台")


async def both(system: System, path: str, schema: str, **params: Any) -> Any:
    """GET the JSON and the XML answer; check both; the JSON document."""
    as_json = await system.client.get(f"{OPEN311}/{path}.json", params=params)
    assert as_json.status_code == 200, as_json.text
    assert as_json.headers["content-type"] == "application/json; charset=utf-8"
    document = as_json.json()
    assert_valid(document, schema)
    as_xml = await system.client.get(f"{OPEN311}/{path}.xml", params=params)
    assert as_xml.status_code == 200, as_xml.text
    root = parse_xml(as_xml)
    assert_mirrors(root, document, root.tag)
    return document


async def test_discovery_names_the_endpoint_where_the_caller_reached_it(system: System) -> None:
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "sqwb.dxq.gov.cn"}
    response = await system.client.get(f"{OPEN311}/discovery.json", headers=headers)
    assert response.status_code == 200, response.text
    document = response.json()
    assert_valid(document, "discovery.json")
    [endpoint] = document["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "https://sqwb.dxq.gov.cn/open311/v2/"
    assert endpoint["formats"] == ["text/xml", "application/json"]
    assert endpoint["type"] == "test"
    assert "https://sqwb.dxq.gov.cn/console" in document["key_service"]

    # Called directly (no gateway): our own address.
    direct = await both(system, "discovery", "discovery.json")
    assert direct["endpoints"][0]["url"] == "http://intake/open311/v2/"


async def test_services_are_the_active_categories(system: System) -> None:
    services = await both(system, "services", "services.json")
    codes = [s["service_code"] for s in services]
    assert codes[:3] == ["facility", "sanitation", "small_ads"]
    assert len(codes) == 10
    small_ads = services[2]
    assert small_ads["service_name"] == "小广告"
    # Every description says how a request is placed, and that lat/long is WGS-84: many
    # clients in China send GCJ-02, some 500 m off.
    where = "地点: address_id、address_string 或 lat/long (WGS-84 坐标, 非 GCJ-02, 150 米内的楼)"
    assert small_ads["description"] == f"Illegal small ads · 响应时限24小时,办结时限7天 · {where}"
    assert small_ads["metadata"] is False
    assert small_ads["type"] == "realtime"
    assert small_ads["keywords"] == "小广告,Illegal small ads"
    assert next(s for s in services if s["service_code"] == "utilities")["description"] == (
        f"Water, power, gas, heating · 响应时限2小时,办结时限24小时 · {where}"
    )
    assert all(s["description"].endswith(where) for s in services)

    definition = await both(system, "services/small_ads", "service-definition.json")
    assert definition == {"service_code": "small_ads", "attributes": []}
    for fmt in ("json", "xml"):
        missing = await system.client.get(f"{OPEN311}/services/potholes.{fmt}")
        assert "potholes" in spec_error(missing, 404)


async def test_an_open311_client_files_a_request_and_reads_it_back(
    system: System, street_key: str
) -> None:
    door_token = await system.directory.unit_token(UNIT)
    services = (await system.client.get(f"{OPEN311}/services.json")).json()
    assert "small_ads" in [s["service_code"] for s in services]

    posted = await post(
        system,
        api_key=street_key,
        service_code="small_ads",
        address_id=UNIT,
        description="3号楼2单元楼道贴满了开锁小广告",
        first_name="三",
        last_name="张",
        phone=PHONE,
        email="zhangsan@example.com",
        device_id="grid-terminal-07",
        account_id="grid-user-42",
        media_url="https://grid.tgy.example/photos/123.jpg",
    )
    assert posted.status_code == 201, posted.text
    answer = posted.json()
    assert_valid(answer, "request-responses.json")
    [created] = answer
    number = created["service_request_id"]
    assert number.startswith("TGYZL-2026-")
    assert created["account_id"] == "grid-user-42"
    assert (
        created["service_notice"]
        == "社区将于2026-03-03 09:00前响应,2026-03-09 09:00前办结(北京时间)"
    )

    [request] = await both(system, f"requests/{number}", "requests.json")
    assert request == {
        "service_request_id": number,
        "status": "open",
        "status_notes": "已收到,等待社区响应",
        "service_name": "小广告",
        "service_code": "small_ads",
        "description": "3号楼2单元楼道贴满了开锁小广告",
        "agency_responsible": "天宫院中里社区",
        "service_notice": created["service_notice"],
        "requested_datetime": "2026-03-02T09:00:00+08:00",
        "updated_datetime": "2026-03-02T09:00:00+08:00",
        "expected_datetime": "2026-03-09T09:00:00+08:00",
        "address": "天宫院中里社区 3号楼 2单元",
        "address_id": UNIT,
        "zipcode": None,
        # The door and its building have no coordinates in directory: the community's.
        "lat": 39.6729,
        "long": 116.319,
        "media_url": "https://grid.tgy.example/photos/123.jpg",
    }

    listed = await both(
        system, "requests", "requests.json", status="open", service_code="small_ads,noise"
    )
    assert [r["service_request_id"] for r in listed] == [number]
    assert await both(system, "requests", "requests.json", status="closed") == []
    assert await both(system, "requests", "requests.json", service_code="noise") == []

    # What staff see: a street-office system files as `staff`, with the call-back phone.
    ticket = await system.staff_ticket(number)
    assert ticket["source"] == "staff"
    assert ticket["reporter_phone"] == "139****5678"
    assert ticket["reporter_name"] == "张*"
    assert ticket["events"][0]["detail"]["media_url"] == "https://grid.tgy.example/photos/123.jpg"

    # Nothing personal, and never the door's QR token, in any public answer.
    for path in (f"requests/{number}", "requests"):
        for fmt in ("json", "xml"):
            body = (await system.client.get(f"{OPEN311}/{path}.{fmt}")).text
            for secret in (door_token, PHONE, "张三", "zhangsan", "grid-terminal-07"):
                assert secret not in body, (path, fmt, secret)


async def test_every_datetime_carries_an_offset(system: System, street_key: str) -> None:
    await post(system, api_key=street_key, service_code="noise", address_id=UNIT)
    [request] = await both(system, "requests", "requests.json")
    stamps = [v for k, v in request.items() if k.endswith("_datetime")]
    assert len(stamps) == 3
    assert all(W3C_WITH_OFFSET.match(s) and s.endswith("+08:00") for s in stamps), stamps
    discovery = (await system.client.get(f"{OPEN311}/discovery.json")).json()
    assert discovery["changeset"].endswith("+08:00")


async def test_a_post_answers_in_xml_too_and_a_retry_files_once(
    system: System, street_key: str
) -> None:
    fields = {"api_key": street_key, "service_code": "lighting", "address_id": "TGYZL-03"}
    key = {"Idempotency-Key": "a5c1e0f2-0c1b-4d0e-9a51-6f0b7f1c2d3e"}
    first = await system.client.post(f"{OPEN311}/requests.xml", data=fields, headers=key)
    assert first.status_code == 201, first.text
    root = parse_xml(first)
    assert root.tag == "service_requests"
    [item] = list(root)
    assert item.tag == "request"
    assert [child.tag for child in item] == ["service_request_id", "service_notice", "account_id"]
    number = item.findtext("service_request_id")

    again = await system.client.post(f"{OPEN311}/requests.xml", data=fields, headers=key)
    assert again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert parse_xml(again).findtext("request/service_request_id") == number
    [request] = await both(system, "requests", "requests.json")
    # Filed at the building: its name, no unit.
    assert request["address"] == "天宫院中里社区 3号楼"
    assert request["address_id"] == "TGYZL-03"
    # Without a description, the service's name stands for it.
    assert request["description"] == "照明"


async def test_the_12345_key_files_as_the_hotline(system: System) -> None:
    posted = await post(
        system, api_key=DEMO_HOTLINE_KEY, service_code="noise", address_id="GYSNL-02-1"
    )
    assert posted.status_code == 201, posted.text
    number = posted.json()[0]["service_request_id"]
    assert number.startswith("GYSNL-2026-")
    ticket = await system.staff_ticket(number, username="gysnl_staff")
    assert ticket["source"] == "hotline"


async def test_an_address_string_that_is_a_place_code_is_placed(
    system: System, street_key: str
) -> None:
    posted = await system.client.post(
        f"{OPEN311}/requests.json",
        files={"media": ("x.txt", b"ignored", "text/plain")},
        data={"api_key": street_key, "service_code": "greenery", "address_string": "tgyzl-05-1"},
    )
    assert posted.status_code == 201, posted.text
    [request] = await both(system, "requests", "requests.json")
    assert request["address_id"] == "TGYZL-05-1"
    assert request["address"] == "天宫院中里社区 5号楼 1单元"


async def test_status_follows_the_ticket_and_notes_explain_closing(
    system: System, street_key: str
) -> None:
    async def filed(description: str) -> tuple[str, str]:
        posted = await post(
            system,
            api_key=street_key,
            service_code="facility",
            address_id=UNIT,
            description=description,
        )
        number = str(posted.json()[0]["service_request_id"])
        return number, str((await system.staff_ticket(number))["id"])

    async def step(ticket_id: str, action: str, **body: Any) -> None:
        # Signed in afresh: the clock moves past a token's life in this test.
        staff = await system.bearer("tgyzl_staff")
        response = await system.client.post(
            f"/v1/tickets/{ticket_id}/{action}", json=body or None, headers=staff
        )
        assert response.status_code == 200, response.text

    async def seen(number: str) -> dict[str, Any]:
        [request] = await both(system, f"requests/{number}", "requests.json")
        return dict(request)

    fixed, fixed_id = await filed("单元门禁坏了")
    escalated, escalated_id = await filed("楼顶漏水,物业不管")
    rejected, rejected_id = await filed("楼下有人唱歌")
    system.clock.advance(timedelta(hours=1))
    await step(fixed_id, "acknowledge", outcome="anonymous")
    assert (await seen(fixed))["status_notes"] == "社区已受理"
    await step(fixed_id, "assign", assignee_kind="team", assignee_ref="维修组")
    await step(fixed_id, "start")
    assert (await seen(fixed))["status"] == "open"
    system.clock.advance(timedelta(hours=1))
    await step(fixed_id, "resolve", note="已更换门禁,联系电话13800001111")
    request = await seen(fixed)
    assert request["status"] == "closed"
    assert request["status_notes"] == "已更换门禁,联系电话***"
    assert request["updated_datetime"] == "2026-03-02T11:00:00+08:00"
    assert request["service_notice"] is None

    await step(escalated_id, "acknowledge", outcome="anonymous")
    await step(escalated_id, "escalate", level="city_hotline", note="涉及房屋主体结构")
    assert (await seen(escalated))["status"] == "closed"
    assert (await seen(escalated))["status_notes"] == "已转交12345市民服务热线处理:涉及房屋主体结构"
    await step(rejected_id, "reject", reason="不属于报事范围")
    assert (await seen(rejected))["status_notes"] == "不予受理:不属于报事范围"

    closed = await both(system, "requests", "requests.json", status="closed")
    assert {r["service_request_id"] for r in closed} == {fixed, escalated, rejected}
    both_kinds = await both(system, "requests", "requests.json", status="open,closed")
    assert len(both_kinds) == 3

    # Reopened by staff: open again, and the old resolution note no longer explains it.
    await step(fixed_id, "reopen", reason="复查门禁仍无法刷卡")
    request = await seen(fixed)
    assert request["status"] == "open"
    assert request["status_notes"] == "正在处理"
    assert [
        r["service_request_id"]
        for r in await both(system, "requests", "requests.json", status="open")
    ] == [fixed]


@pytest.mark.parametrize("status", STATUSES)
def test_open_is_the_unfinished_states(status: str) -> None:
    expected = (
        "open" if status in ("submitted", "acknowledged", "assigned", "in_progress") else "closed"
    )
    assert open311_status(status) == expected


async def test_the_filters_and_their_defaults(system: System, street_key: str) -> None:
    async def filed(code: str) -> str:
        posted = await post(system, api_key=street_key, service_code=code, address_id=UNIT)
        assert posted.status_code == 201, posted.text
        return str(posted.json()[0]["service_request_id"])

    old = await filed("parking")  # 2026-03-02 09:00 Beijing
    system.clock.advance(timedelta(days=100))
    recent = await filed("noise")
    system.clock.advance(timedelta(minutes=1))
    newest = await filed("noise")

    async def ids(**params: str) -> list[str]:
        found = await both(system, "requests", "requests.json", **params)
        return [r["service_request_id"] for r in found]

    # Default: the last 90 days, newest first.
    assert await ids() == [newest, recent]
    # An id list overrides every other filter (the old one is outside the window).
    assert await ids(service_request_id=f"{old},{newest.lower()}", status="closed") == [
        newest,
        old,
    ]
    assert await ids(start_date="2026-03-01T00:00:00+08:00") == [old]
    assert await ids(end_date="2026-05-31T00:00:00Z") == [old]
    # No offset: Beijing time. An unencoded "+" arrives as a space and is read as one.
    assert await ids(start_date="2026-03-02T09:00:00", end_date="2026-03-02T09:00:00") == [old]
    assert await ids(start_date="2026-03-02 09:00:00 08:00", end_date="2026-03-03") == [old]
    assert await ids(start_date="2026-03-02T09:00:01+08:00", end_date="2026-03-03") == []
    assert await ids(service_code="noise", page_size="1") == [newest]
    assert await ids(service_code="noise", page_size="1", page="2") == [recent]
    assert await ids(jurisdiction_id="", status="") == [newest, recent]

    refusals = {
        "start_date=yesterday": "not a W3C datetime",
        "start_date=2026-01-01&end_date=2026-06-01": "at most 90 days apart",
        "start_date=2026-03-05&end_date=2026-03-01": "start_date is after end_date",
        "status=pending": "open or closed",
        "service_code=potholes": "potholes",
        "page_size=1001": "page_size",
        "page=0": "page",
    }
    for query, expected in refusals.items():
        for fmt in ("json", "xml"):
            response = await system.client.get(f"{OPEN311}/requests.{fmt}?{query}")
            assert expected in spec_error(response, 400), (query, fmt)


async def test_public_text_hides_numbers_and_addresses_of_people(system: System) -> None:
    filed = await system.report_from_door(
        UNIT,
        description="电梯坏了,请联系13987654321或lisi@example.com",
        reporter_name="李四",
        reporter_phone=PHONE,
        consent=True,
    )
    [request] = await both(system, f"requests/{filed['number']}", "requests.json")
    assert request["description"] == "电梯坏了,请联系***或***"
    assert request["address_id"] == UNIT
    body = (await system.client.get(f"{OPEN311}/requests.xml")).text
    for secret in (PHONE, "李四", "13987654321", "lisi@", filed["tracking_token"]):
        assert secret not in body


async def test_markup_and_odd_characters_survive_xml(system: System, street_key: str) -> None:
    text = '<b>"门口" & 楼道</b>\x01 🧹'
    # A control character is refused as it comes in (kit.text), in the spec's format...
    refused = await post(
        system, api_key=street_key, service_code="sanitation", address_id=UNIT, description=text
    )
    assert "/body/description" in spec_error(refused, 400)
    posted = await post(
        system,
        api_key=street_key,
        service_code="sanitation",
        address_id=UNIT,
        description=text.replace("\x01", ""),
    )
    assert posted.status_code == 201, posted.text
    # ...and one stored before that rule still leaves as well-formed XML.
    async with system.app.state.db.session() as session:
        await session.execute(update(Ticket).values(description=text))
        await session.commit()
    as_xml = await system.client.get(f"{OPEN311}/requests.xml")
    assert parse_xml(as_xml).findtext("request/description") == '<b>"门口" & 楼道</b>\ufffd 🧹'
    assert (await system.client.get(f"{OPEN311}/requests.json")).json()[0]["description"] == text


async def test_tokens_resolve_to_the_request_itself(system: System, street_key: str) -> None:
    posted = await post(system, api_key=street_key, service_code="noise", address_id=UNIT)
    number = posted.json()[0]["service_request_id"]
    tokens = await both(system, f"tokens/{number}", "token-responses.json")
    assert tokens == [{"service_request_id": number, "token": number}]
    for fmt in ("json", "xml"):
        unknown = await system.client.get(f"{OPEN311}/tokens/TGYZL-2026-999999.{fmt}")
        assert "TGYZL-2026-999999" in spec_error(unknown, 404)
        missing = await system.client.get(f"{OPEN311}/requests/TGYZL-2026-999999.{fmt}")
        spec_error(missing, 404)


async def test_through_the_gateway_with_a_form_key_or_an_x_api_key(
    system: System, street_key: str
) -> None:
    to_identity = httpx.ASGITransport(app=system.identity.app)
    gateway = create_gateway(
        GatewaySettings(
            env="test",
            jwks_url=IDENTITY_JWKS,
            rooms_url="http://127.0.0.1:9",
            rate_limit_per_minute=10_000,
            rate_limit_anonymous_per_minute=10_000,
        ),
        transports={
            "identity": to_identity,
            "directory": httpx.ASGITransport(app=system.directory.app),
            "intake": httpx.ASGITransport(app=system.app),
        },
        clock=system.clock,
        timer=Ticker(),
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=gateway), base_url="https://sqwb.example.cn"
    ) as door:
        discovery = (await door.get(f"{OPEN311}/discovery.json")).json()
        assert discovery["endpoints"][0]["url"] == "https://sqwb.example.cn/open311/v2/"

        fields = {"service_code": "small_ads", "address_id": UNIT}
        with_form_key = await door.post(
            f"{OPEN311}/requests.json", data={**fields, "api_key": street_key}
        )
        assert with_form_key.status_code == 201, with_form_key.text
        with_header = await door.post(
            f"{OPEN311}/requests.xml", data=fields, headers={"X-API-Key": street_key}
        )
        assert with_header.status_code == 201, with_header.text

        listed = await door.get(f"{OPEN311}/requests.json", params={"service_code": "small_ads"})
        assert listed.status_code == 200
        assert len(listed.json()) == 2
        bad = await door.post(f"{OPEN311}/requests.json", data={**fields, "api_key": "wrong"})
        assert bad.status_code == 403
        refused = [{"code": 403, "description": "invalid_api_key: The api_key is not valid."}]
        assert bad.json() == refused
    await gateway.aclose()


async def test_a_communitys_places_are_asked_once_for_polling_clients(directory: Directory) -> None:
    """Open311 lists name tickets from the community's tree: reused for a minute."""

    class Counting(httpx.AsyncBaseTransport):
        def __init__(self) -> None:
            self.inner = httpx.ASGITransport(app=directory.app)
            self.paths: list[str] = []

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            self.paths.append(request.url.path)
            return await self.inner.handle_async_request(request)

    await directory.seed()
    community = await directory.place("TGYZL")
    transport = Counting()
    client = DirectoryClient("http://directory", transport=transport)
    first = await client.places_under(uuid.UUID(community["id"]))
    again = await client.places_under(uuid.UUID(community["id"]))
    assert [p.code for p in again] == [p.code for p in first]
    assert "TGYZL-03-2" in {p.code for p in first}
    assert transport.paths.count("/v1/places") == 1
    await client.aclose()
