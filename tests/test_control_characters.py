"""No service stores a control character (kit.text): NUL, the other C0 controls but tab, line
feed and carriage return, DEL, C1 and lone surrogates are a 422 problem naming the field,
wherever the text comes in (a JSON body, a query, a path, a form), the same in every service.
On PostgreSQL a NUL was a 500; on SQLite it was stored."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from services.kit.text import CONTROL_CHARACTERS, control_characters
from tests.fixtures.system import System

BAD = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ud800"]


def refused(response: httpx.Response, pointer: str) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "validation_failed"
    assert [(e["pointer"], e["code"]) for e in body["errors"]] == [(pointer, "control_character")]


def json_body(value: dict[str, Any]) -> dict[str, Any]:
    # JSON's \u escapes carry a lone surrogate as a client may send one.
    return {
        "content": json.dumps(value, ensure_ascii=True).encode(),
        "headers": {"Content-Type": "application/json"},
    }


@pytest.mark.parametrize("bad", BAD, ids=[f"U+{ord(c):04X}" for c in BAD])
async def test_a_report_carrying_a_control_character_is_refused_and_nothing_is_stored(
    system: System, bad: str
) -> None:
    client = system.client
    unit = await system.place("TGYZL-01-1")
    admin = await system.bearer("admin")
    codes = await client.get(f"/api/directory/v1/places/{unit['id']}/codes", headers=admin)
    token = next(c["token"] for c in codes.json() if c["status"] == "active")
    report = {"code_token": token, "category": "small_ads", "description": f"楼道{bad}小广告"}
    response = await client.post("/api/intake/v1/tickets", **json_body(report))
    refused(response, "/body/description")
    inbox = await client.get("/api/intake/v1/tickets", headers=admin)
    assert inbox.json()["total"] == 0

    # Lines and tabs are text: kept.
    report["description"] = "楼道里\n\t贴满了小广告\r\n"
    assert (await client.post("/api/intake/v1/tickets", json=report)).status_code == 201


async def test_names_in_every_service_and_query_and_path_text_are_refused_the_same_way(
    system: System,
) -> None:
    client = system.client
    admin = await system.bearer("admin")
    unit = await system.place("TGYZL-01-1")

    renamed = await client.patch(
        f"/api/directory/v1/places/{unit['id']}", json={"name": "1单元\x00"}, headers=admin
    )
    refused(renamed, "/body/name")
    assert (await system.place("TGYZL-01-1"))["name"] == unit["name"]

    organisation = await client.post(
        "/api/identity/v1/organisations",
        json={"name": "京南\x00宽带二部", "kind": "contractor"},
        headers=admin,
    )
    refused(organisation, "/body/name")
    names = await client.get("/api/identity/v1/organisations", params={"limit": 100})
    assert not any(CONTROL_CHARACTERS.search(o["name"]) for o in names.json()["items"])

    searched = await client.get("/api/directory/v1/places", params={"q": "天宫\x00"})
    refused(searched, "/query/q")
    by_code = await client.get("/api/directory/v1/places/by-code/TGYZL%00")
    refused(by_code, "/path/code")


@pytest.mark.parametrize("multipart", [False, True], ids=["form-encoded", "multipart"])
async def test_open311_refuses_one_in_its_own_error_format(system: System, multipart: bool) -> None:
    form = {"api_key": "x", "service_code": "small_ads", "description": "a\x00b"}
    files = {"media": ("note.txt", b"\x00 a file is bytes")} if multipart else None
    response = await system.client.post("/open311/v2/requests.json", data=form, files=files)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()[0]["code"] == 400


def test_every_string_of_a_body_is_looked_at_and_named_by_its_pointer() -> None:
    body = {
        "name": "ok\n\t\r",
        "tags": ["fine", "bad\x01"],
        "nested": {"a/b~c": "\x9f", "k\x00": "v"},
        "count": 3,
        "none": None,
    }
    assert [e.pointer for e in control_characters(body, "/body")] == [
        "/body/tags/1",
        "/body/nested/a~1b~0c",
        "/body/nested/k\x00",
    ]
    assert list(control_characters({"text": "中文，全角　空格 and emoji 🙂"}, "/body")) == []
