"""Kit's service clients over real sockets: httpx on top, kit.http1's pool underneath
(kit.http.Http1Transport), with the same answers, headers and failures as over httpcore."""

from __future__ import annotations

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from services.kit.clients.base import Meaning, ServiceClient
from services.kit.errors import DependencyUnavailable, InvalidInput
from services.kit.http import Http1Transport
from services.kit.observability import REQUEST_ID_HEADER
from tests.gateway.testbed import serving

BIG = 200 * 1024  # past the pool's threshold: the answer is streamed, not buffered whole


def echo_app() -> FastAPI:
    app = FastAPI()

    @app.post("/v1/echo")
    async def echo(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "body": (await request.json()),
                "query": request.url.query,
                "request_id": request.headers.get(REQUEST_ID_HEADER),
                "host": request.headers["host"],
            },
            status_code=201,
        )

    @app.get("/v1/names/{name}")
    async def name(name: str) -> JSONResponse:
        return JSONResponse({"name": name})

    @app.get("/v1/big")
    async def big() -> Response:
        return Response(b"x" * BIG, media_type="application/octet-stream")

    @app.get("/v1/missing")
    async def missing() -> JSONResponse:
        return JSONResponse({"code": "not_found", "detail": "none"}, status_code=404)

    return app


class Echo(ServiceClient):
    service = "echo"


async def test_a_service_client_over_sockets_sends_and_reads_as_httpx_does() -> None:
    async with serving(echo_app()) as url:
        client = Echo(url)
        assert isinstance(client._client._transport, Http1Transport)
        try:
            sent = await client.call(
                "POST",
                "/v1/echo",
                ok=(201,),
                params={"q": "天宫院"},
                json={"description": "楼道灯不亮"},
                headers={REQUEST_ID_HEADER: "req-1"},
            )
            assert sent.json() == {
                "body": {"description": "楼道灯不亮"},
                "query": "q=%E5%A4%A9%E5%AE%AB%E9%99%A2",
                "request_id": "req-1",
                "host": url.removeprefix("http://"),
            }
            assert sent.headers["content-type"] == "application/json"
            # A name someone typed, escaped on the way (httpx's layer takes that call).
            typed = await client.call("GET", "/v1/names/天宫院 3号楼")
            assert typed.json() == {"name": "天宫院 3号楼"}
            plain = await client.call("GET", "/v1/names/TGYZL-03_2.x~")
            assert plain.json() == {"name": "TGYZL-03_2.x~"}
            big = await client.call("GET", "/v1/big")
            assert big.content == b"x" * BIG
            # The same connection again, after a streamed answer read to its end.
            assert (await client.call("GET", "/v1/big")).content == b"x" * BIG
            with pytest.raises(InvalidInput) as unknown:
                await client.call("GET", "/v1/missing", unknown=Meaning("unknown_x", "?", "/x"))
            assert unknown.value.code == "unknown_x"
        finally:
            await client.aclose()


async def test_a_service_that_does_not_answer_is_a_503() -> None:
    async with serving(echo_app()) as url:
        pass  # stopped: nothing listens there any more
    client = Echo(url)
    try:
        with pytest.raises(DependencyUnavailable) as failure:
            await client.call("GET", "/v1/big")
        assert failure.value.code == "echo_unavailable"
    finally:
        await client.aclose()
