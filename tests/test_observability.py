"""What every service gets from kit for free, seen through the gateway: access logs that name
route templates (never a token from a path) and internal endpoints kept inside."""

from __future__ import annotations

import logging

import pytest

from services.kit.observability import JsonFormatter
from tests.fixtures.directory import Directory
from tests.fixtures.system import System


async def test_no_tracking_token_reaches_an_access_log_line(
    system: System, directory: Directory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    code_token = await directory.unit_token("TGYZL-03-2")
    report = await system.client.post(
        "/api/intake/v1/tickets",
        json={"code_token": code_token, "category": "facility", "description": "秋千坏了"},
    )
    assert report.status_code == 201, report.text
    token = report.json()["tracking_token"]
    tracked = await system.client.get(f"/api/intake/v1/track/{token}")
    assert tracked.status_code == 200
    rated_too_early = await system.client.post(f"/api/intake/v1/track/{token}/rate", json={})
    assert rated_too_early.status_code in (409, 422)
    # A mistyped token matches no route: still not logged.
    assert (await system.client.get(f"/api/intake/v2/track/{token}")).status_code == 404
    # The frontend's QR page, /q/<token>, is served by the gateway itself.
    await system.client.get(f"/q/{code_token}")

    formatter = JsonFormatter("test")
    # httpx's own request lines are the test client's; every process keeps httpx at WARNING.
    lines = [formatter.format(r) for r in caplog.records if r.name != "httpx"]
    access = [line for line in lines if '"logger": "access"' in line]
    # Intake's line names its template, the gateway's its own (service, then "{path}").
    assert any('"route": "/v1/track/{tracking_token}"' in line for line in access), access
    assert any('"route": "/api/intake/{path}"' in line for line in access), access
    assert any('"route": "/{path}"' in line for line in access), access
    assert any('"route": "unmatched"' in line for line in access), access
    for secret in (token, code_token):
        assert not [line for line in lines if secret in line]
