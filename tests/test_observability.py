"""What every service gets from kit for free, seen through the gateway: access logs that name
route templates (never a token from a path) and internal endpoints kept inside."""

from __future__ import annotations

import logging

import pytest

from services.kit.metrics import Metrics
from services.kit.observability import JsonFormatter
from tests.fixtures.directory import Directory
from tests.fixtures.identity import Identity
from tests.fixtures.intake import Intake
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


def _counted(exposition: str, method: str, route: str, status: int) -> float:
    """The request counter's value for one route template (0 when it has no sample)."""
    sample = f'http_requests_total{{method="{method}",route="{route}",status="{status}"}} '
    for line in exposition.splitlines():
        if line.startswith(sample):
            return float(line[len(sample) :])
    return 0.0


async def test_each_service_counts_its_requests_by_route_template(
    directory: Directory, identity: Identity, intake: Intake
) -> None:
    # Reporting asks the directory too (place by code): count from here on.
    submitted = await intake.report()
    await intake.client.get(f"/v1/track/{submitted['tracking_token']}")
    before = (await directory.client.get("/metrics")).text
    place = await directory.client.get("/v1/places/by-code/TGYZL-03-2")
    assert place.status_code == 200
    await directory.client.get("/v1/places/by-code/TGYZL-03-2")
    await directory.client.get("/v1/places/by-code/NO-SUCH-PLACE")
    jwks = await identity.client.get("/v1/jwks.json")
    assert jwks.status_code == 200

    scraped = {}
    for name, client in (
        ("directory", directory.client),
        ("identity", identity.client),
        ("intake", intake.client),
    ):
        response = await client.get("/metrics")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/plain")
        scraped[name] = response.text

    places = scraped["directory"]
    by_code = "/v1/places/by-code/{code}"
    assert _counted(places, "GET", by_code, 200) - _counted(before, "GET", by_code, 200) == 2
    assert _counted(places, "GET", by_code, 404) == 1
    assert "TGYZL-03-2" not in places
    assert 'http_request_duration_seconds_bucket{le="0.005",method="GET"' in places
    assert _counted(scraped["identity"], "GET", "/v1/jwks.json", 200) == 1
    # Each app keeps its own registry: directory's requests are not counted in identity's.
    assert _counted(scraped["identity"], "GET", "/v1/places/by-code/{code}", 200) == 0
    assert _counted(scraped["intake"], "POST", "/v1/tickets", 201) == 1
    assert _counted(scraped["intake"], "GET", "/v1/track/{tracking_token}", 200) == 1
    assert submitted["tracking_token"] not in scraped["intake"]
    # Intake's own gauge, read at the scrape: the new report's jobs wait for the runner.
    due = next(line for line in scraped["intake"].splitlines() if line.startswith("intake_jobs_"))
    assert due.startswith("intake_jobs_due ")


async def test_a_service_gauge_is_read_at_each_scrape(intake: Intake) -> None:
    metrics: Metrics = intake.app.state.metrics
    stations = iter([3.0, 5.0])

    async def read() -> float:
        return next(stations)

    metrics.gauge("intake_test_open_windows", "A number only this test knows.", read=read)
    first = (await intake.client.get("/metrics")).text
    second = (await intake.client.get("/metrics")).text
    assert "intake_test_open_windows 3.0" in first
    assert "intake_test_open_windows 5.0" in second
