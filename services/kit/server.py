"""The HTTP/1.1 protocol every process of ours runs under uvicorn (kit.catalog.UVICORN_FLAGS).

uvicorn's own httptools protocol answers a request it cannot parse with a text/plain 400
before any app sees it; a URL of 64 KiB or more is one (httptools' URL parser counts in 16
bits), and uvicorn would also gather a URL of any length in memory first. This protocol stops
gathering a URL at `MAX_URL_BYTES` and answers like every other refusal of ours: an RFC 9457
problem, 414 for a URL too long, 400 for anything else that is not HTTP/1.1. Shorter URLs
over the service's own limit reach the app, whose kit.limits answers 414 the same way.
"""

from __future__ import annotations

import json
from http import HTTPStatus

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from services.kit.errors import PROBLEM_MEDIA_TYPE

# Above every app's own limit (8 KiB by default), below what httptools can parse.
MAX_URL_BYTES = 60 * 1024
LINGER_SECONDS = 2.0


class UrlTooLong(Exception):
    pass


def problem_bytes(status: int, code: str, detail: str) -> bytes:
    body = {
        "type": f"/problems/{code}",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "code": code,
        "instance": None,
        "request_id": None,
        "errors": [],
    }
    return json.dumps(body, separators=(",", ":")).encode()


class HttpProtocol(HttpToolsProtocol):
    url_too_long = False
    # After a refusal the rest of what the client sends is read and dropped for a moment
    # before the connection closes: closed with unread bytes, the socket would be reset and
    # the client might never read the answer.
    lingering = False

    def data_received(self, data: bytes) -> None:
        if not self.lingering:
            super().data_received(data)

    def on_url(self, url: bytes) -> None:
        if len(self.url) + len(url) > MAX_URL_BYTES:
            self.url_too_long = True
            raise UrlTooLong
        super().on_url(url)

    def send_400_response(self, msg: str) -> None:
        if self.url_too_long:
            status, code = 414, "uri_too_long"
            detail = "The URL is too long."
        else:
            status, code = 400, "bad_request"
            detail = "The request is not valid HTTP/1.1."
        content = problem_bytes(status, code, detail)
        head = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n".encode()]
        for name, value in self.server_state.default_headers:
            head += [name, b": ", value, b"\r\n"]
        head += [
            b"content-type: ",
            PROBLEM_MEDIA_TYPE.encode(),
            b"\r\ncontent-length: ",
            str(len(content)).encode(),
            b"\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n",
        ]
        transport = self.transport
        transport.write(b"".join(head) + content)
        self.lingering = True
        if transport.can_write_eof():
            transport.write_eof()
        self.loop.call_later(LINGER_SECONDS, transport.close)
