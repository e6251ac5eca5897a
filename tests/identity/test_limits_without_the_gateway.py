"""A service reached directly, without the gateway, holds its own limits: a body over its
limit is a 413 problem before it is parsed, a URL over its limit a 414 problem."""

from __future__ import annotations

from collections.abc import AsyncIterator

from tests.fixtures.identity import Identity

MIB = 1024 * 1024


async def test_a_big_json_body_is_refused_before_it_is_parsed(identity: Identity) -> None:
    body = b'{"username": "admin", "password": "' + b"x" * (2 * MIB) + b'"}'

    declared = await identity.client.post(
        "/v1/auth/login", content=body, headers={"content-type": "application/json"}
    )
    assert declared.status_code == 413
    assert declared.headers["content-type"] == "application/problem+json"
    assert declared.json()["code"] == "content_too_large"
    assert declared.json()["detail"] == "Request bodies are accepted up to 1 MiB."
    assert declared.json()["request_id"] == declared.headers["x-request-id"]

    pulled = 0

    async def streamed() -> AsyncIterator[bytes]:  # no Content-Length: counted as it comes
        nonlocal pulled
        for start in range(0, len(body), 64 * 1024):
            pulled += 64 * 1024
            yield body[start : start + 64 * 1024]

    chunked = await identity.client.post(
        "/v1/auth/login", content=streamed(), headers={"content-type": "application/json"}
    )
    assert chunked.status_code == 413
    assert chunked.json()["code"] == "content_too_large"
    assert pulled <= MIB + 128 * 1024

    # A body under the limit is read and judged as before.
    wrong = await identity.client.post(
        "/v1/auth/login", json={"username": "nobody", "password": "not-the-password"}
    )
    assert wrong.status_code == 401


async def test_a_long_url_is_a_414_problem(identity: Identity) -> None:
    response = await identity.client.get("/v1/jwks.json?x=" + "a" * 9000)
    assert response.status_code == 414
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "uri_too_long"
