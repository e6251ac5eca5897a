"""Open311 GeoReport v2: parse, call services/intake/open311/, render JSON or XML.

Every error under this prefix (a domain error, a bad form, a path nobody serves) answers
in the spec's format `[{code, description}]` with the spec's status, not as RFC 9457:
`Open311Route` catches them for the routes of this router only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from services.intake.context import ContextDep
from services.intake.open311 import mapping, requests, wire
from services.intake.routes.deps import IdempotentDep
from services.kit.app import SessionDep
from services.kit.auth import OptionalPrincipalDep, TokenVerifier
from services.kit.errors import BadRequest, DomainError, NotFound
from services.kit.idempotency import REPLAY_HEADER
from services.kit.text import refuse_in

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")


class Open311Error(BaseModel):
    code: int
    description: str


def _error_response(
    request: Request, status: int, description: str, retry_after: str | None
) -> Response:
    # The path's extension picks the format, also on a path nobody serves (.../x.xml).
    fmt = request.path_params.get("fmt") or request.url.path.rsplit(".", 1)[-1]
    body, media_type = wire.encode(
        "errors", wire.errors(status, description), "xml" if fmt == "xml" else "json"
    )
    headers = {"Retry-After": retry_after} if retry_after else None
    return Response(body, status_code=status, media_type=media_type, headers=headers)


class Open311Route(APIRoute):
    """A route whose refusals speak Open311 (XML for .xml paths, JSON otherwise)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def open311_route(request: Request) -> Response:
            try:
                return await handle(request)
            # The spec's `code` is the HTTP status; the stable reason a client can branch on
            # ("address_ambiguous") leads the description, before the words for people.
            except DomainError as exc:
                status = wire.error_status(exc)
                described = f"{exc.code}: {exc.detail}" if exc.detail else exc.code
                return _error_response(request, status, described, exc.headers.get("Retry-After"))
            except RequestValidationError as exc:
                said = "; ".join(str(e.get("msg", "")) for e in exc.errors())
                described = f"invalid_request: {said or 'The request is not valid.'}"
                return _error_response(request, 400, described, None)
            except HTTPException as exc:
                status = exc.status_code if exc.status_code in (403, 404) else 400
                code = {403: "forbidden", 404: "not_found"}.get(status, "invalid_request")
                return _error_response(request, status, f"{code}: {exc.detail}", None)

        return open311_route


ANSWERS: dict[int | str, dict[str, Any]] = {
    "4XX": {
        "model": list[Open311Error],
        "description": "Open311 errors: [{code, description}] (XML: <errors><error>...)",
        "content": {"text/xml": {}},
    },
}
router = APIRouter(
    prefix=wire.PREFIX, tags=["open311"], route_class=Open311Route, responses=ANSWERS
)


def _answer(
    document: wire.Document,
    payload: Any,
    fmt: wire.Format,
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    body, media_type = wire.encode(document, payload, fmt)
    return Response(body, status_code=status, media_type=media_type, headers=headers)


def _base_url(request: Request) -> str:
    """This endpoint as the caller reached it: the gateway's X-Forwarded-Proto/Host (it sets
    them itself and drops a client's), or our own address when called directly."""
    proto = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    host = request.headers.get("x-forwarded-host", "").split(",")[0].strip()
    if proto not in ("http", "https"):
        proto = request.url.scheme
    if not _HOST.match(host):
        host = request.url.netloc
    return f"{proto}://{host}{wire.PREFIX}/"


@router.get("/discovery.{fmt}", summary="Open311 discovery: where and what this endpoint speaks")
async def discovery(fmt: str, request: Request) -> Response:
    settings = request.app.state.settings
    document = wire.discovery(_base_url(request), production=settings.env == "production")
    return _answer("discovery", document, wire.response_format(fmt))


@router.get("/services.{fmt}", summary="Open311 services: the report categories")
async def list_services(fmt: str, session: SessionDep, ctx: ContextDep) -> Response:
    form = wire.response_format(fmt)
    services = await mapping.services(session, radius_m=ctx.open311_radius_m)
    return _answer("services", services, form)


@router.get(
    "/services/{service_code}.{fmt}",
    summary="Open311 service definition (no extra attributes: attributes is empty)",
)
async def get_service_definition(service_code: str, fmt: str, session: SessionDep) -> Response:
    form = wire.response_format(fmt)
    definition = await mapping.service_definition(session, service_code)
    return _answer("service_definition", definition, form)


@router.get(
    "/requests.{fmt}",
    summary="Open311 service requests (public: no personal data)",
    description=(
        "Filters: service_request_id (comma list; overrides the rest), service_code (comma "
        "list), status (open, closed), start_date and end_date (W3C datetimes; default the "
        "last 90 days, at most 90 days apart), page and page_size (at most 1000). Newest first."
    ),
)
async def list_requests(
    fmt: str, request: Request, session: SessionDep, ctx: ContextDep
) -> Response:
    form = wire.response_format(fmt)
    query = requests.parse_requests_query(request.query_params, ctx.clock.now())
    return _answer(
        "service_requests", await requests.find_requests(session, ctx=ctx, query=query), form
    )


async def _posted_fields(request: Request) -> dict[str, str]:
    """The form's text fields, the first value of each (files are ignored)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if not content_type and not await request.body():
        return {}
    if content_type not in FORM_TYPES:
        raise BadRequest(
            "unsupported_body",
            "Post the fields form-encoded (application/x-www-form-urlencoded or multipart).",
        )
    form = await request.form()
    try:
        fields: dict[str, str] = {}
        for key, value in form.multi_items():
            if isinstance(value, str):
                fields.setdefault(key, value)
        refuse_in(fields)  # a multipart form's text (kit.text; the rest is checked app-wide)
        return fields
    finally:
        await form.close()


FORM_FIELDS = {
    "type": "object",
    "required": ["api_key", "service_code"],
    "properties": {
        "api_key": {"type": "string", "description": "Holds intake:open311:submit"},
        "service_code": {"type": "string", "examples": ["small_ads"]},
        "address_id": {
            "type": "string",
            "description": "A community, building or unit door code",
            "examples": ["TGYZL-03-2"],
        },
        "address_string": {
            "type": "string",
            "description": "A place code, or 社区 楼 单元 as people write it (3号楼, 3栋, 3#, 2门)",
            "examples": ["天宫院中里社区3号楼2单元"],
        },
        "lat": {
            "type": "number",
            "description": "WGS-84 (not GCJ-02): placed at the nearest building within 150 m",
        },
        "long": {"type": "number", "description": "WGS-84 (not GCJ-02)"},
        "description": {"type": "string", "maxLength": 2000},
        "first_name": {"type": "string"},
        "last_name": {"type": "string"},
        "phone": {"type": "string", "description": "The reporter's mobile, for the call-back"},
        "email": {"type": "string", "description": "Not kept"},
        "device_id": {"type": "string", "description": "Not kept"},
        "account_id": {"type": "string", "description": "Echoed in the answer"},
        "media_url": {"type": "string", "format": "uri"},
        "jurisdiction_id": {"type": "string", "description": "Ignored: one jurisdiction"},
    },
}


@router.post(
    "/requests.{fmt}",
    status_code=201,
    summary="Open311: post a service request (api_key with intake:open311:submit)",
    description=(
        "Form-encoded. The api_key must hold intake:open311:submit over the place; a "
        "missing or invalid key is the spec's 403. The location is address_id, else "
        "address_string (a place code or a written address), else lat/long in WGS-84 as the "
        "spec says (a GCJ-02 point from a Chinese map lies some 500 m off), placed at the "
        "nearest building within 150 m. An Idempotency-Key header makes retries safe."
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {content_type: {"schema": FORM_FIELDS} for content_type in FORM_TYPES},
        }
    },
)
async def post_request(
    fmt: str,
    request: Request,
    session: SessionDep,
    ctx: ContextDep,
    bearer: OptionalPrincipalDep,
    idem: IdempotentDep,
) -> Response:
    form = wire.response_format(fmt)
    fields = await _posted_fields(request)
    verifier: TokenVerifier = request.app.state.token_verifier
    # The place is asked of directory before the transaction's first statement (kit.calls).
    location = await requests.locate(ctx, fields)
    answered = await idem.run(
        lambda: requests.submit(
            session, ctx=ctx, verifier=verifier, form=fields, bearer=bearer, location=location
        ),
        status_code=201,
    )
    # Idempotency stores the answer as JSON; a replay is rendered in the asked format too.
    replayed = answered.headers.get(REPLAY_HEADER)
    return _answer(
        "service_requests",
        json.loads(bytes(answered.body)),
        form,
        status=answered.status_code,
        headers={REPLAY_HEADER: replayed} if replayed else None,
    )


@router.get(
    "/requests/{service_request_id}.{fmt}", summary="Open311: one service request (a list of one)"
)
async def get_request(
    service_request_id: str, fmt: str, session: SessionDep, ctx: ContextDep
) -> Response:
    form = wire.response_format(fmt)
    found = await requests.request_by_id(session, ctx=ctx, request_id=service_request_id)
    return _answer("service_requests", found, form)


@router.get("/tokens/{token}.{fmt}", summary="Open311: the request id of a token (itself)")
async def get_token(token: str, fmt: str, session: SessionDep) -> Response:
    form = wire.response_format(fmt)
    return _answer("service_requests", await requests.resolve_token(session, token), form)


@router.api_route("/{rest:path}", methods=["GET", "POST"], include_in_schema=False)
async def nothing_here(rest: str) -> Response:
    raise NotFound("not_found", f"Nothing here: {wire.PREFIX}/{rest}.")
