"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at `/open311/v2/`.

The civic-reporting interface street-office systems and off-the-shelf clients speak. The
gateway forwards `/open311/v2/...` unchanged; the router (routes/open311.py) only parses
and renders, the mapping rules are here:

- **Services** are the active categories: `service_code` = the category code,
  `service_name` = its Chinese name, `description` = its English name with the default
  deadlines, `metadata` false (no extra attributes: `services/<code>` answers
  `attributes: []`), `type` realtime, `keywords` both names, `group` a coarse family.
- **Service requests** are tickets. `service_request_id` = the ticket number
  (TGYZL-2026-000001). Status: `open` = submitted, acknowledged, assigned, in_progress;
  `closed` = resolved, closed, rejected, duplicate, escalated (an escalated ticket left the
  community's hands; its status note says to whom). A reopened ticket is open again.
  `status_notes`: for a closed request the note of the move that closed it (the
  resolution note, the rejection reason, where it was escalated to, what it duplicates);
  for an open one a fixed line per internal status. Notes of other moves (call-back
  outcomes, assignments) are internal and never shown.
- **Public by design** (the spec reads without a key): no reporter name, phone or e-mail
  ever leaves; phone and ID numbers however written and e-mail addresses inside free text
  (description, notes) are blanked (kit.redaction) as in the neighbours' "+1" excerpts.
  `address` = the place's names from its community down (Chinese order: 天宫院中里社区
  3号楼 2单元); `address_id` = the
  place's public code (never the QR token on the door); `lat`/`long` = the nearest known
  WGS-84 coordinates from the place up to its community (directory; null if none);
  `agency_responsible` = the community; `media_url` = the link an Open311 client posted
  (report photos are not published: they may show people).
- **Datetimes** are Beijing time with its offset, to the second (2026-03-02T09:00:00+08:00).
- **GET requests** filters: `service_request_id` (comma list; overrides the rest),
  `service_code` (comma list of known codes), `status` (open, closed; comma list),
  `start_date`/`end_date` (W3C datetimes on requested_datetime, both inclusive; a datetime
  without an offset is Beijing time; default the last 90 days, span at most 90 days),
  and the common `page`/`page_size` extension (page_size at most and by default 1000).
  Newest first. `jurisdiction_id` is accepted and ignored (one jurisdiction here).
- **POST requests** (form-encoded, or multipart): `api_key` is exchanged with identity for
  an access token and verified like any other; the key must hold `intake:open311:submit`
  over the place (a bearer token forwarded by the gateway for an `X-API-Key` is accepted
  too). The location is `address_id` (a community, building or unit door code), or
  `address_string` when it is such a code; there is no geocoder, so lat/long or a free
  address alone is refused with a 400 saying so. `phone` is the reporter's call-back
  number: consent is implied by the integration that collected it (it must be a mainland
  mobile). `email` and `device_id` are not kept (nothing here writes e-mail).
  `first_name`/`last_name` are kept encrypted like a QR reporter's name. Source: `hotline`
  when the key also holds `intake:hotline:push` at the place (the 12345 system), else
  `staff` (a street-office system filing for someone). An empty description files the
  service's name. Requests are created at once: the answer carries `service_request_id`,
  never a deferred `token`; `tokens/<token>` resolves a request id to itself. 201 Created.
- **Errors** in the spec's shape `[{code, description}]` with the HTTP status: 404 no such
  resource (or format), 403 missing or invalid api_key, or not allowed at that place, 400
  anything else the caller got wrong (nothing is stored), 503 when a service we need is
  down. Unknown formats answer in JSON.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal
from urllib.parse import urlsplit
from xml.etree import ElementTree

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import categories, hotline, permissions, tickets
from services.intake.deadlines import minutes_for
from services.intake.models import (
    DESCRIPTION_LENGTH,
    OPEN_STATUSES,
    Category,
    Ticket,
    TicketEvent,
)
from services.intake.tickets import IntakeContext, Report
from services.kit import calls
from services.kit.auth import Principal, TokenVerifier, authorize
from services.kit.clients.directory import Location, MappedPlace
from services.kit.clock import LOCAL_TZ
from services.kit.errors import (
    BadRequest,
    DomainError,
    InvalidInput,
    NotFound,
    PermissionDenied,
    Unauthenticated,
)
from services.kit.redaction import redact_personal

PREFIX = "/open311/v2"
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When this interface last changed (discovery's `changeset`); move it with every change.
CHANGESET = "2026-03-02T00:00:00+08:00"
CONTACT = "您扫我办 platform administrators, 大兴区: ask your street office (街道办事处)."
KEY_SERVICE = (
    "API keys are issued in the staff console ({console}) by a district or street "
    "administrator, with the scope intake:open311:submit over the places the client files at."
)
PERM_SUBMIT = permissions.OPEN311_SUBMIT

Format = Literal["json", "xml"]
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json; charset=utf-8",
    "xml": "text/xml; charset=utf-8",
}
DISCOVERY_FORMATS = ["text/xml", "application/json"]
# A document's root element in XML (and, for lists, the element of each item).
Document = Literal["discovery", "services", "service_definition", "service_requests", "errors"]
_ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}

MAX_RESULTS = 1000
MAX_SPAN = timedelta(days=90)
API_KEY = re.compile(r"^[\x21-\x7e]{1,200}$")
PLACE_CODE = re.compile(r"^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12}){0,3}$")
NAME_LENGTH = 40
MEDIA_URL_LENGTH = 500

# The moves that close a request in Open311's sense, and whose note explains it.
CLOSING_ACTIONS = ("resolve", "reject", "escalate", "duplicate")
ESCALATED_TO = {"street": "街道办事处", "city_hotline": "12345市民服务热线"}
OPEN_NOTES = {
    "submitted": "已收到,等待社区响应",
    "acknowledged": "社区已受理",
    "assigned": "已派单处理",
    "in_progress": "正在处理",
}
# A coarse family per default category, for clients that group services.
GROUPS = {
    "facility": "设施维护",
    "lighting": "设施维护",
    "utilities": "设施维护",
    "sanitation": "环境秩序",
    "small_ads": "环境秩序",
    "greenery": "环境秩序",
    "parking": "环境秩序",
    "noise": "环境秩序",
    "safety": "安全",
    "other": "其他",
}

# Characters XML 1.0 cannot carry at all, even escaped.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# A "+08:00" sent unencoded in a query string arrives as " 08:00".
_SPACE_FOR_PLUS = re.compile(r" (\d{2}(:?\d{2})?)$")


# --- Formats and errors


def response_format(fmt: str) -> Format:
    """The format a path's extension asks for; anything but json and xml is a 404."""
    if fmt == "json":
        return "json"
    if fmt == "xml":
        return "xml"
    raise NotFound("unknown_format", f"There is no '.{fmt}' format here: use .json or .xml.")


def encode(document: Document, payload: Any, fmt: Format) -> tuple[bytes, str]:
    """The body and its media type: JSON as is, XML with the spec's element names."""
    if fmt == "xml":
        root = ElementTree.Element(str(document))
        _fill(root, payload)
        return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True), MEDIA_TYPES[fmt]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8"), MEDIA_TYPES[fmt]


def _fill(element: ElementTree.Element, value: Any) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            _fill(ElementTree.SubElement(element, key), item)
    elif isinstance(value, list):
        tag = _ITEM_TAGS[element.tag]
        for item in value:
            _fill(ElementTree.SubElement(element, tag), item)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        # ElementTree escapes markup; characters XML cannot hold at all are replaced.
        element.text = _XML_INVALID.sub("\ufffd", str(value))


def error_status(exc: DomainError) -> int:
    """The spec knows 404 (no such resource), 403 (api_key) and 400 (anything else);
    a service we depend on being down stays a 5xx, a rate limit a 429."""
    if exc.status in (401, 403):
        return 403
    if exc.status == 404 or exc.status == 429 or exc.status >= 500:
        return exc.status
    return 400


def errors(status: int, description: str) -> list[dict[str, Any]]:
    return [{"code": status, "description": description}]


# --- Shapes


def w3c(moment: datetime) -> str:
    """ISO 8601 in Beijing time with its offset: 2026-03-02T09:00:00+08:00."""
    return moment.astimezone(LOCAL_TZ).isoformat(timespec="seconds")


def _local(moment: datetime) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def public_text(text: str) -> str:
    """Free text as anyone may read it: phone and ID numbers, however written, and e-mail
    addresses, blanked (kit.redaction)."""
    return redact_personal(text)


def _span(minutes: int) -> str:
    # As DOMAIN.md's table says them: 24 hours, 7 days.
    if minutes > 24 * 60 and minutes % (24 * 60) == 0:
        return f"{minutes // (24 * 60)}天"
    if minutes % 60 == 0:
        return f"{minutes // 60}小时"
    return f"{minutes}分钟"


def open311_status(status: str) -> str:
    return "open" if status in OPEN_STATUSES else "closed"


def service_notice(ticket: Ticket) -> str | None:
    """What happens next, for an open request: the deadlines, in Beijing time."""
    if ticket.status == "submitted":
        return (
            f"社区将于{_local(ticket.due_respond_at)}前响应,"
            f"{_local(ticket.due_resolve_at)}前办结(北京时间)"
        )
    if ticket.status in OPEN_STATUSES:
        return f"社区将于{_local(ticket.due_resolve_at)}前办结(北京时间)"
    return None


def discovery(base_url: str, *, production: bool) -> dict[str, Any]:
    """Where this endpoint is and what it speaks; `base_url` as the caller reached us."""
    console = base_url.split(PREFIX, 1)[0] + "/console"
    return {
        "changeset": CHANGESET,
        "contact": CONTACT,
        "key_service": KEY_SERVICE.format(console=console),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base_url,
                "changeset": CHANGESET,
                "type": "production" if production else "test",
                "formats": list(DISCOVERY_FORMATS),
            }
        ],
    }


def _service(category: Category) -> dict[str, Any]:
    respond, resolve = minutes_for(category.default_priority, category.deadline_minutes)
    english = [word.strip() for word in category.name_en.split(",") if word.strip()]
    return {
        "service_code": category.code,
        "service_name": category.name_zh,
        "description": f"{category.name_en} · 响应时限{_span(respond)},办结时限{_span(resolve)}",
        "metadata": False,
        "type": "realtime",
        "keywords": ",".join([category.name_zh, *english]),
        "group": GROUPS.get(category.code),
    }


async def services(session: AsyncSession) -> list[dict[str, Any]]:
    return [_service(c) for c in await categories.list_active(session)]


async def service_definition(session: AsyncSession, code: str) -> dict[str, Any]:
    category = await session.get(Category, code)
    if category is None or not category.active:
        raise NotFound("unknown_service_code", f"No service has the code '{code}'.")
    return {"service_code": category.code, "attributes": []}


# --- Reading requests


@dataclass(frozen=True)
class RequestsQuery:
    ids: tuple[str, ...] = ()
    service_codes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    start: datetime | None = None
    end: datetime | None = None
    page: int = 1
    page_size: int = MAX_RESULTS


def given(params: Mapping[str, str], name: str) -> str | None:
    """A parameter's value; one sent empty is one left out (the spec's rule)."""
    value = (params.get(name) or "").strip()
    return value or None


def _comma_list(value: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))


def _whole_number(params: Mapping[str, str], name: str, *, default: int, most: int) -> int:
    value = given(params, name)
    if value is None:
        return default
    if not value.isdigit() or not 1 <= int(value) <= most:
        raise BadRequest(f"invalid_{name}", f"{name} is a whole number from 1 to {most}.")
    return int(value)


def _moment(params: Mapping[str, str], name: str) -> datetime | None:
    value = given(params, name)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(_SPACE_FOR_PLUS.sub(r"+\1", value))
    except ValueError:
        raise BadRequest(
            f"invalid_{name}",
            f"{name} is not a W3C datetime (e.g. 2026-03-01T08:00:00+08:00).",
        ) from None
    # Without an offset, the time is read as Beijing's (where every request here is).
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=LOCAL_TZ)


def parse_requests_query(params: Mapping[str, str], now: datetime) -> RequestsQuery:
    """The spec's filters with its defaults (see the module's docstring)."""
    page_size = _whole_number(params, "page_size", default=MAX_RESULTS, most=MAX_RESULTS)
    page = _whole_number(params, "page", default=1, most=1_000_000)
    ids = _comma_list(given(params, "service_request_id"))
    if len(ids) > MAX_RESULTS:
        raise BadRequest(
            "too_many_ids", f"Ask for at most {MAX_RESULTS} service_request_id at once."
        )
    if ids:  # the spec: an id list overrides every other filter
        return RequestsQuery(ids=tuple(i.upper() for i in ids), page=page, page_size=page_size)
    statuses = _comma_list(given(params, "status"))
    unknown = [s for s in statuses if s not in ("open", "closed")]
    if unknown:
        raise BadRequest("invalid_status", f"status is open or closed, not '{unknown[0]}'.")
    start, end = _moment(params, "start_date"), _moment(params, "end_date")
    if start is None and end is None:
        end = now
    if start is None:
        assert end is not None
        start = end - MAX_SPAN
    if end is None:
        end = start + MAX_SPAN
    if start > end:
        raise BadRequest("invalid_date_range", "start_date is after end_date.")
    if end - start > MAX_SPAN:
        raise BadRequest(
            "date_range_too_long", "start_date and end_date may be at most 90 days apart."
        )
    return RequestsQuery(
        service_codes=_comma_list(given(params, "service_code")),
        statuses=statuses,
        start=start,
        end=end,
        page=page,
        page_size=page_size,
    )


async def find_requests(
    session: AsyncSession, ctx: IntakeContext, query: RequestsQuery
) -> list[dict[str, Any]]:
    statement = select(Ticket)
    if query.ids:
        statement = statement.where(Ticket.number.in_(query.ids))
    else:
        if query.service_codes:
            known = set(
                await session.scalars(
                    select(Category.code).where(Category.code.in_(query.service_codes))
                )
            )
            unknown = [code for code in query.service_codes if code not in known]
            if unknown:
                raise BadRequest(
                    "unknown_service_code",
                    f"No service has the code '{unknown[0]}'; services.json lists them.",
                )
            statement = statement.where(Ticket.category.in_(query.service_codes))
        if set(query.statuses) == {"open"}:
            statement = statement.where(Ticket.status.in_(OPEN_STATUSES))
        elif set(query.statuses) == {"closed"}:
            statement = statement.where(Ticket.status.not_in(OPEN_STATUSES))
        assert query.start is not None
        assert query.end is not None
        statement = statement.where(
            Ticket.created_at >= query.start, Ticket.created_at <= query.end
        )
    statement = (
        statement.order_by(Ticket.created_at.desc(), Ticket.number.desc())
        .limit(query.page_size)
        .offset((query.page - 1) * query.page_size)
    )
    return await _describe(session, ctx, list(await session.scalars(statement)))


async def request_by_id(
    session: AsyncSession, ctx: IntakeContext, request_id: str
) -> list[dict[str, Any]]:
    """One request, as a list of one (the spec's shape)."""
    ticket = await session.scalar(select(Ticket).where(Ticket.number == request_id.upper()))
    if ticket is None:
        raise NotFound("unknown_service_request", f"No service request has the id '{request_id}'.")
    return await _describe(session, ctx, [ticket])


async def resolve_token(session: AsyncSession, token: str) -> list[dict[str, Any]]:
    """Requests are created at once, so a token is the request's id and resolves to it."""
    number = await session.scalar(select(Ticket.number).where(Ticket.number == token.upper()))
    if number is None:
        raise NotFound("unknown_token", f"No service request has the token '{token}'.")
    return [{"service_request_id": number, "token": number}]


@dataclass
class _Trail:
    """What a request's public shape needs from its events."""

    media_url: str | None = None
    closing: TicketEvent | None = None


async def _trails(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, _Trail]:
    rows = await session.scalars(
        select(TicketEvent)
        .where(
            TicketEvent.ticket_id.in_(ids),
            TicketEvent.action.in_(("submit", *CLOSING_ACTIONS)),
        )
        .order_by(TicketEvent.id)
    )
    trails: dict[uuid.UUID, _Trail] = {}
    for event in rows:
        trail = trails.setdefault(event.ticket_id, _Trail())
        if event.action == "submit":
            media_url = (event.detail or {}).get("media_url")
            trail.media_url = str(media_url) if media_url else None
        else:
            trail.closing = event  # in id order: the latest wins
    return trails


@dataclass(frozen=True)
class _Places:
    """Names and coordinates of the tickets' communities and every place in them."""

    by_id: dict[uuid.UUID, MappedPlace] = field(default_factory=dict)

    @classmethod
    async def load(cls, ctx: IntakeContext, community_ids: set[uuid.UUID]) -> _Places:
        by_id: dict[uuid.UUID, MappedPlace] = {}
        for community_id in community_ids:
            by_id.update((p.id, p) for p in await ctx.directory.places_under(community_id))
        return cls(by_id)

    def chain(self, ticket: Ticket) -> list[MappedPlace]:
        """From the ticket's place up to its community."""
        chain: list[MappedPlace] = []
        place = self.by_id.get(ticket.place_id)
        while place is not None and len(chain) < 8:
            chain.append(place)
            if place.id == ticket.community_id or place.parent_id is None:
                break
            place = self.by_id.get(place.parent_id)
        return chain

    def address(self, ticket: Ticket) -> str | None:
        names = [p.name for p in reversed(self.chain(ticket))]
        return " ".join(names) or None

    def coordinates(self, ticket: Ticket) -> tuple[float | None, float | None]:
        for place in self.chain(ticket):
            if place.latitude is not None and place.longitude is not None:
                return place.latitude, place.longitude
        return None, None

    def community(self, ticket: Ticket) -> str | None:
        community = self.by_id.get(ticket.community_id)
        return community.name if community is not None else None


def _status_notes(ticket: Ticket, trail: _Trail) -> str | None:
    if ticket.status in OPEN_STATUSES:
        return OPEN_NOTES.get(ticket.status)
    event = trail.closing
    if event is None:
        return None
    note = (event.public_note or "").strip()
    if event.action == "escalate":
        to = ESCALATED_TO.get(str((event.detail or {}).get("to")), "上级部门")
        text = f"已转交{to}处理" + (f":{note}" if note else "")
    elif event.action == "duplicate":
        original = (event.detail or {}).get("number") or "另一报告"
        text = f"与{original}为同一问题,已合并办理" + (f":{note}" if note else "")
    elif event.action == "reject":
        text = f"不予受理:{note}" if note else "不予受理"
    else:
        text = note or "已办结"
    return public_text(text)


def _request(
    ticket: Ticket, category: Category | None, trail: _Trail, places: _Places
) -> dict[str, Any]:
    lat, long = places.coordinates(ticket)
    return {
        "service_request_id": ticket.number,
        "status": open311_status(ticket.status),
        "status_notes": _status_notes(ticket, trail),
        "service_name": category.name_zh if category is not None else None,
        "service_code": ticket.category,
        "description": public_text(ticket.description),
        "agency_responsible": places.community(ticket),
        "service_notice": service_notice(ticket),
        "requested_datetime": w3c(ticket.created_at),
        "updated_datetime": w3c(ticket.updated_at),
        "expected_datetime": w3c(ticket.due_resolve_at),
        "address": places.address(ticket),
        "address_id": ticket.place_code,
        "zipcode": None,
        "lat": lat,
        "long": long,
        "media_url": trail.media_url,
    }


async def _describe(
    session: AsyncSession, ctx: IntakeContext, found: Sequence[Ticket]
) -> list[dict[str, Any]]:
    if not found:
        return []
    codes = {t.category for t in found}
    names = {
        c.code: c for c in await session.scalars(select(Category).where(Category.code.in_(codes)))
    }
    trails = await _trails(session, [t.id for t in found])
    places = await _Places.load(ctx, {t.community_id for t in found})
    return [_request(t, names.get(t.category), trails.get(t.id, _Trail()), places) for t in found]


# --- Posting a request


async def _submitter(
    ctx: IntakeContext, verifier: TokenVerifier, api_key: str | None, bearer: Principal | None
) -> Principal:
    """Who posts: the api_key's client (checked with identity), or the bearer the gateway
    made of an X-API-Key. Missing or invalid is the spec's 403."""
    if api_key is None:
        if bearer is not None:
            return bearer
        raise PermissionDenied("api_key_required", "An api_key is required to post a request.")
    invalid = PermissionDenied("invalid_api_key", "The api_key is not valid.")
    with calls.tolerated("open311 post: key exchange (issue 11, left)"):
        token = await ctx.identity.api_key_token(api_key) if API_KEY.match(api_key) else None
    if token is None:
        raise invalid
    try:
        return await verifier.verify(token)
    except Unauthenticated:
        raise invalid from None


async def _category(session: AsyncSession, code: str | None) -> Category:
    if code is None:
        raise BadRequest("service_code_required", "service_code is required.")
    try:
        return await categories.get_active(session, code)
    except InvalidInput:
        raise BadRequest(
            "unknown_service_code", f"No service has the code '{code}'; services.json lists them."
        ) from None


def _reporter_name(form: Mapping[str, str]) -> str | None:
    first, last = given(form, "first_name"), given(form, "last_name")
    parts = [p for p in (first, last) if p]
    if not parts:
        return None
    # 张 + 三 → 张三 (family name first); Latin names keep "first last".
    name = " ".join(parts) if all(p.isascii() for p in parts) else (last or "") + (first or "")
    if len(name) > NAME_LENGTH:
        raise BadRequest(
            "name_too_long", f"first_name and last_name together exceed {NAME_LENGTH} characters."
        )
    return name


def _media_url(value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if len(value) > MEDIA_URL_LENGTH or parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadRequest("invalid_media_url", "media_url must be an http(s) URL.")
    return value


async def _locate(ctx: IntakeContext, form: Mapping[str, str]) -> Location:
    address_id, address_string = given(form, "address_id"), given(form, "address_string")
    code = address_id
    if code is None and address_string is not None and PLACE_CODE.match(address_string.upper()):
        code = address_string
    if code is not None:
        unknown = BadRequest(
            "unknown_address_id",
            f"No place has the code '{code}'. An address_id is the public code of a "
            "community, building or unit door (e.g. TGYZL-03-2).",
        )
        if not PLACE_CODE.match(code.upper()):
            raise unknown
        try:
            with calls.tolerated("open311 post: locate before the key row (issue 11, left)"):
                return await ctx.directory.locate(code.upper(), pointer="/body/address_id")
        except InvalidInput:
            raise unknown from None
    if address_string is not None or given(form, "lat") or given(form, "long"):
        raise BadRequest(
            "location_not_placeable",
            "This jurisdiction places requests by address_id: the public code of a community, "
            "building or unit door (e.g. TGYZL-03-2, on the unit door's notice board). "
            "lat/long and free-text addresses cannot be placed.",
        )
    raise BadRequest(
        "location_required",
        "A location is required: address_id, the code of a community, building or unit door.",
    )


async def submit(
    session: AsyncSession,
    ctx: IntakeContext,
    verifier: TokenVerifier,
    form: Mapping[str, str],
    *,
    bearer: Principal | None,
) -> list[dict[str, Any]]:
    """File a ticket from a posted service request; everything is checked before anything
    is stored."""
    principal = await _submitter(ctx, verifier, given(form, "api_key"), bearer)
    category = await _category(session, given(form, "service_code"))
    description = (given(form, "description") or category.name_zh).replace("\x00", "")
    if len(description) > DESCRIPTION_LENGTH:
        raise BadRequest(
            "description_too_long", f"description is longer than {DESCRIPTION_LENGTH} characters."
        )
    name = _reporter_name(form)
    media_url = _media_url(given(form, "media_url"))
    location = await _locate(ctx, form)
    authorize(principal, PERM_SUBMIT, location.path)
    phone = given(form, "phone")
    filing: dict[str, Any] = {"channel": "open311"}
    if media_url is not None:
        filing["media_url"] = media_url
    report = Report(
        category=category.code,
        description=description,
        source="hotline" if principal.can(hotline.PERM_PUSH, location.path) else "staff",
        reporter_name=name,
        reporter_phone=phone,
        # The integration collected the phone for the call-back: consent comes with it.
        consent=phone is not None,
        filing_detail=filing,
    )
    ticket = await tickets.file_ticket(session, ctx, report, location, principal=principal)
    return [
        {
            "service_request_id": ticket.number,
            "service_notice": service_notice(ticket),
            "account_id": given(form, "account_id"),
        }
    ]
