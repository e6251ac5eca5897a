"""Too big is refused at the door, before it is read: a body over its limit is a 413 problem
(declared or counted as it streams), a URL over its limit a 414 problem; uploads keep their
own, larger limit."""

from __future__ import annotations

import asyncio
import io
import random
from typing import Any

from PIL import Image

from services.kit.http1 import Http1Upstream
from services.kit.server import HttpProtocol
from tests.fixtures.directory import Directory
from tests.fixtures.system import System
from tests.gateway.support import MakeGateway
from tests.gateway.testbed import Testbed, call_asgi, serving

MIB = 1024 * 1024
CHUNK = 64 * 1024


class Feeder:
    """A client body fed chunk by chunk, counting how much the app pulled."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.pulled = 0

    async def __call__(self) -> dict[str, Any]:
        if self.pulled >= self.total:
            await asyncio.sleep(3600)  # the client waits for its answer
        size = min(CHUNK, self.total - self.pulled)
        self.pulled += size
        return {"type": "http.request", "body": b" " * size, "more_body": self.pulled < self.total}


def _is_problem(status: int, headers: list[tuple[bytes, bytes]], body: bytes, code: str) -> None:
    assert (b"content-type", b"application/problem+json") in headers
    assert f'"code":"{code}"'.encode() in body.replace(b" ", b"")
    assert f'"status":{status}'.encode() in body.replace(b" ", b"")


async def test_a_declared_20_mb_body_is_refused_before_a_byte_is_read(
    make_gateway: MakeGateway, testbed: Testbed, testbed_url: str
) -> None:
    door = await make_gateway(upstreams={"testbed": Http1Upstream("testbed", testbed_url)})
    feeder = Feeder(20 * MIB)

    result = await call_asgi(
        door.app,
        "POST",
        "/api/testbed/echo/report",
        headers=[(b"content-type", b"application/json"), (b"content-length", b"20971520")],
        receive=feeder,
    )

    assert result.status == 413
    _is_problem(413, result.headers, bytes(result.body), "content_too_large")
    assert b"1 MiB" in result.body
    assert feeder.pulled == 0
    assert testbed.calls == 0


async def test_a_streamed_body_is_counted_and_cut_off_at_its_limit(
    make_gateway: MakeGateway, testbed: Testbed, testbed_url: str
) -> None:
    door = await make_gateway(upstreams={"testbed": Http1Upstream("testbed", testbed_url)})

    for path in ("/api/testbed/echo/report", "/api/directory/v1/places"):
        feeder = Feeder(20 * MIB)  # chunked: no Content-Length to judge it by
        result = await call_asgi(
            door.app,
            "POST",
            path,
            headers=[(b"content-type", b"application/json"), (b"transfer-encoding", b"chunked")],
            receive=feeder,
        )
        assert result.status == 413, path
        _is_problem(413, result.headers, bytes(result.body), "content_too_large")
        assert feeder.pulled <= MIB + CHUNK, path
    assert testbed.calls == 0  # the testbed never answered a body cut short

    # Under the limit, the same way of sending goes through.
    small = Feeder(200 * 1024)
    result = await call_asgi(
        door.app,
        "POST",
        "/api/testbed/echo/small",
        headers=[(b"content-type", b"application/json"), (b"transfer-encoding", b"chunked")],
        receive=small,
    )
    assert result.status == 200


async def test_an_upload_keeps_its_larger_limit(
    make_gateway: MakeGateway, testbed_url: str
) -> None:
    door = await make_gateway(upstreams={"testbed": Http1Upstream("testbed", testbed_url)})
    form = {"content-type": "multipart/form-data; boundary=x"}
    three_mib = b"--x\r\n" + b"v" * (3 * MIB) + b"\r\n--x--\r\n"

    upload = await door.client.post("/api/testbed/upload", content=three_mib, headers=form)
    assert upload.status_code == 200
    assert upload.json()["bytes"] == len(three_mib)

    as_json = await door.client.post(
        "/api/testbed/upload", content=three_mib, headers={"content-type": "application/json"}
    )
    assert as_json.status_code == 413

    huge = await door.client.post(
        "/api/testbed/upload",
        headers={**form, "content-length": str(40 * MIB)},
        content=b"",
    )
    assert huge.status_code == 413
    assert huge.json()["code"] == "content_too_large"
    assert "32 MiB" in huge.json()["detail"]


def _noisy_png(side: int) -> bytes:
    rng = random.Random(7)
    image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


async def test_a_photo_over_the_json_limit_still_uploads_through_the_gateway(
    system: System,
) -> None:
    photo = _noisy_png(800)
    assert len(photo) > MIB
    uploaded = await system.client.post(
        "/api/intake/v1/media", files={"file": ("door.png", photo, "image/png")}
    )
    assert uploaded.status_code == 201, uploaded.text

    report = await system.client.post(
        "/api/intake/v1/tickets",
        content=b'{"description": "' + b"x" * (2 * MIB) + b'"}',
        headers={"content-type": "application/json"},
    )
    assert report.status_code == 413
    assert report.json()["code"] == "content_too_large"


async def test_a_long_url_is_a_414_problem(make_gateway: MakeGateway, directory: Directory) -> None:
    door = await make_gateway()

    long = await door.client.get("/api/directory/v1/places?q=" + "a" * 10_000)
    assert long.status_code == 414
    assert long.headers["content-type"] == "application/problem+json"
    assert long.json()["code"] == "uri_too_long"
    page = await door.client.get("/console/" + "a" * 10_000)
    assert page.status_code == 414


async def _raw(url: str, request: bytes) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(request)
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), timeout=5)
    writer.close()
    return answer


async def test_what_the_server_cannot_parse_is_answered_as_a_problem_too(
    make_gateway: MakeGateway,
) -> None:
    door = await make_gateway()
    async with serving(door.app, http=HttpProtocol) as url:
        for size in (64 * 1024, 300 * 1024):
            answer = await _raw(
                url,
                b"GET /api/directory/v1/places?q=" + b"a" * size + b" HTTP/1.1\r\nHost: x\r\n\r\n",
            )
            head, _, body = answer.partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 414 "), head[:40]
            assert b"content-type: application/problem+json" in head.lower()
            assert b'"code":"uri_too_long"' in body

        garbage = await _raw(url, b"GET / HTTP/1.1\r\nHost x\r\n\r\n")
        head, _, body = garbage.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 400 ")
        assert b'"code":"bad_request"' in body
