"""Every failure is one RFC 9457 shape, and every request carries an id end to end."""

from __future__ import annotations

import json
import logging

import httpx
import pytest
from fastapi import FastAPI, Request
from pydantic import BaseModel, Field

from services.kit.errors import Conflict, install_problem_handlers
from services.kit.http import service_client
from services.kit.observability import JsonFormatter, RequestIdMiddleware


class Booking(BaseModel):
    room: str = Field(min_length=1)
    people: int = Field(ge=1, le=40)


def make_app(downstream: httpx.AsyncBaseTransport | None = None) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    app.add_middleware(RequestIdMiddleware)

    @app.post("/bookings")
    async def book(booking: Booking) -> dict[str, str]:
        raise Conflict("booking_conflict", "The room is taken then.", room=booking.room)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals 13812345678")

    @app.get("/things/{secret}/boom")
    async def boom_with_a_secret(secret: str) -> None:
        raise RuntimeError("internals")

    @app.get("/echo")
    async def echo(request: Request) -> dict[str, str | None]:
        return {"seen": request.headers.get("x-request-id")}

    @app.get("/call")
    async def call() -> dict[str, str | None]:
        async with service_client("http://downstream", transport=downstream) as client:
            return dict((await client.get("/echo")).json())

    return app


def client_for(app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://svc")


async def test_a_domain_error_is_a_problem_with_a_stable_code() -> None:
    async with client_for(make_app()) as client:
        response = await client.post("/bookings", json={"room": "舞蹈室", "people": 3})
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == "/problems/booking_conflict"
    assert (body["title"], body["status"], body["code"]) == ("Conflict", 409, "booking_conflict")
    assert body["detail"] == "The room is taken then."
    assert body["room"] == "舞蹈室"
    assert body["request_id"] == response.headers["x-request-id"]


async def test_validation_errors_point_at_each_bad_field() -> None:
    async with client_for(make_app()) as client:
        response = await client.post("/bookings", json={"room": "", "people": 99})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_failed"
    assert {e["pointer"] for e in body["errors"]} == {"/body/room", "/body/people"}
    bad_json = await client_for(make_app()).post(
        "/bookings", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert bad_json.status_code == 422


async def test_an_unexpected_error_is_a_500_problem_that_hides_the_internals() -> None:
    async with client_for(make_app()) as client:
        response = await client.get("/boom")
    assert response.status_code == 500
    body = response.json()
    assert body["code"] == "internal_error"
    assert "13812345678" not in response.text
    assert "secret internals" not in response.text


async def test_logs_name_the_route_template_and_never_the_path(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    async with client_for(make_app()) as client:
        assert (await client.get("/things/s3cr3t-token/boom")).status_code == 500
        assert (await client.post("/things/s3cr3t-token/boom")).status_code == 405
        assert (await client.get("/s3cr3t-token")).status_code == 404
    formatter = JsonFormatter("test")
    lines = [formatter.format(r) for r in caplog.records if r.name != "httpx"]
    routes = [json.loads(line).get("route") for line in lines]
    # The unhandled error's line, then the access lines: the 405 still names its template.
    assert routes == [
        "/things/{secret}/boom",
        "/things/{secret}/boom",
        "/things/{secret}/boom",
        "unmatched",
    ]
    assert not [line for line in lines if "s3cr3t" in line]


async def test_an_unknown_route_is_a_404_problem() -> None:
    async with client_for(make_app()) as client:
        response = await client.get("/nowhere")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


async def test_a_given_request_id_is_kept_and_a_missing_one_is_made() -> None:
    async with client_for(make_app()) as client:
        given = await client.get("/echo", headers={"X-Request-ID": "abc-123"})
        made = await client.get("/echo")
        unsafe = await client.get("/echo", headers={"X-Request-ID": "bad id\twith spaces"})
    assert given.headers["x-request-id"] == "abc-123"
    assert len(made.headers["x-request-id"]) == 32
    assert unsafe.headers["x-request-id"] != "bad id\twith spaces"


async def test_the_request_id_travels_on_calls_to_other_services() -> None:
    downstream = httpx.ASGITransport(app=make_app())
    async with client_for(make_app(downstream)) as client:
        response = await client.get("/call", headers={"X-Request-ID": "trace-42"})
    assert response.json() == {"seen": "trace-42"}
