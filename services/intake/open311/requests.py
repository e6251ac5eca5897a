"""Open311's service requests: the GET filters and the search, one request by its id, a
token, and posting a request, which files a ticket (the package's docstring has the rules).
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import categories, hotline, permissions, tickets
from services.intake.context import IntakeContext
from services.intake.models import DESCRIPTION_LENGTH, OPEN_STATUSES, Category, Ticket
from services.intake.open311 import addresses
from services.intake.open311.addresses import PLACE_CODE
from services.intake.open311.mapping import describe, service_notice
from services.intake.tickets import Report
from services.kit import calls
from services.kit.auth import Principal, TokenVerifier, authorize
from services.kit.clients.directory import Location, MappedPlace
from services.kit.clock import LOCAL_TZ
from services.kit.errors import (
    BadRequest,
    InvalidInput,
    NotFound,
    PermissionDenied,
    Unauthenticated,
)

PERM_SUBMIT = permissions.OPEN311_SUBMIT
MAX_RESULTS = 1000
MAX_SPAN = timedelta(days=90)
API_KEY = re.compile(r"^[\x21-\x7e]{1,200}$")
NAME_LENGTH = 40
MEDIA_URL_LENGTH = 500
# A "+08:00" sent unencoded in a query string arrives as " 08:00".
_SPACE_FOR_PLUS = re.compile(r" (\d{2}(:?\d{2})?)$")


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
    session: AsyncSession, *, ctx: IntakeContext, query: RequestsQuery
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
    return await describe(session, ctx=ctx, found=list(await session.scalars(statement)))


async def request_by_id(
    session: AsyncSession, *, ctx: IntakeContext, request_id: str
) -> list[dict[str, Any]]:
    """One request, as a list of one (the spec's shape)."""
    ticket = await session.scalar(select(Ticket).where(Ticket.number == request_id.upper()))
    if ticket is None:
        raise NotFound("unknown_service_request", f"No service request has the id '{request_id}'.")
    return await describe(session, ctx=ctx, found=[ticket])


async def resolve_token(session: AsyncSession, token: str) -> list[dict[str, Any]]:
    """Requests are created at once, so a token is the request's id and resolves to it."""
    number = await session.scalar(select(Ticket.number).where(Ticket.number == token.upper()))
    if number is None:
        raise NotFound("unknown_token", f"No service request has the token '{token}'.")
    return [{"service_request_id": number, "token": number}]


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


async def _by_code(ctx: IntakeContext, code: str, field: str) -> Location:
    unknown = BadRequest(
        "unknown_address_id",
        f"No place has the code '{code}'. An {field} is the public code of a "
        "community, building or unit door (e.g. TGYZL-03-2).",
    )
    if not PLACE_CODE.match(code.upper()):
        raise unknown
    try:
        return await ctx.directory.locate(code.upper(), pointer=f"/body/{field}")
    except InvalidInput:
        raise unknown from None


def _named(place: MappedPlace, places: Mapping[uuid.UUID, MappedPlace]) -> str:
    names: list[str] = []
    current: MappedPlace | None = place
    while current is not None and current.kind in ("community", "building", "unit"):
        names.insert(0, current.name)
        current = places.get(current.parent_id) if current.parent_id else None
    return f"{' '.join(names)} ({place.code})"


async def _by_address(ctx: IntakeContext, text: str) -> Location:
    accepted = addresses.ACCEPTED.format(radius=ctx.open311_radius_m)
    query = addresses.parse_address(text)
    if query is not None and query.code is not None:
        try:
            return await _by_code(ctx, query.code, "address_string")
        except BadRequest:
            raise BadRequest(
                "address_not_found",
                f"No place has the code '{query.code}' (read from the address '{text}'): the "
                f"request cannot be placed. {accepted}",
            ) from None
    found: list[MappedPlace] = []
    places: dict[uuid.UUID, MappedPlace] = {}
    if query is not None:
        communities = await ctx.directory.places_of_kind("community")
        places.update((c.id, c) for c in communities)
        places_in: dict[uuid.UUID, list[MappedPlace]] = {}
        matched = addresses.match_communities(query.community, communities)
        if query.building is not None:
            for community in matched:
                places_in[community.id] = await ctx.directory.places_under(community.id)
                places.update((p.id, p) for p in places_in[community.id])
        found = addresses.match_address(query, communities, places_in)
    if not found:
        raise BadRequest(
            "address_not_found",
            f"No community, building or unit door matches the address '{text}': the request "
            f"cannot be placed. {accepted}",
        )
    if len(found) > 1:
        shown = "; ".join(_named(p, places) for p in found[:5])
        more = f" and {len(found) - 5} more" if len(found) > 5 else ""
        raise BadRequest(
            "address_ambiguous",
            f"The address '{text}' matches {len(found)} places: {shown}{more}. Name the "
            f"community, or send the place's code as address_id. {accepted}",
        )
    return await ctx.directory.locate(found[0].code, pointer="/body/address_string")


def _coordinate(value: str, name: str, most: float) -> float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or not -most <= number <= most:
        raise BadRequest(
            "invalid_lat_long",
            f"{name} is a WGS-84 coordinate in decimal degrees from {-most:g} to {most:g}, "
            f"not '{value}'.",
        )
    return number


async def _by_point(ctx: IntakeContext, lat_text: str, long_text: str) -> Location:
    radius = ctx.open311_radius_m
    lat = _coordinate(lat_text, "lat", 90)
    long = _coordinate(long_text, "long", 180)
    building = addresses.nearest_building(
        lat, long, await ctx.directory.places_of_kind("building"), radius_m=radius
    )
    if building is None:
        raise BadRequest(
            "location_outside_district",
            f"No building lies within {radius:.0f} m of lat {lat:g}, long {long:g} (read as "
            "WGS-84; a GCJ-02 point from a Chinese map lies some 500 m off): the request "
            f"cannot be placed. {addresses.ACCEPTED.format(radius=radius)}",
        )
    return await ctx.directory.locate(building.code, pointer="/body/lat")


async def locate(ctx: IntakeContext, form: Mapping[str, str]) -> Location:
    """Where a posted request is: its address_id, else its address_string, else its
    lat/long (package docstring). Asked of directory before anything is written (kit.calls)."""
    address_id, address_string = given(form, "address_id"), given(form, "address_string")
    lat, long = given(form, "lat"), given(form, "long")
    if address_id is not None:
        return await _by_code(ctx, address_id, "address_id")
    if address_string is not None:
        return await _by_address(ctx, address_string)
    if lat is not None and long is not None:
        return await _by_point(ctx, lat, long)
    if lat is not None or long is not None:
        raise BadRequest(
            "invalid_lat_long",
            "lat and long go together. " + addresses.ACCEPTED.format(radius=ctx.open311_radius_m),
        )
    raise BadRequest(
        "location_required",
        "A location is required: address_id, the code of a community, building or unit door, "
        "address_string or lat/long.",
    )


async def submit(
    session: AsyncSession,
    *,
    ctx: IntakeContext,
    verifier: TokenVerifier,
    form: Mapping[str, str],
    bearer: Principal | None,
    location: Location,
) -> list[dict[str, Any]]:
    """File a ticket from a posted service request at its `location` (found by `locate`
    before the transaction); everything is checked before anything is stored."""
    principal = await _submitter(ctx, verifier, given(form, "api_key"), bearer)
    category = await _category(session, given(form, "service_code"))
    description = (given(form, "description") or category.name_zh).replace("\x00", "")
    if len(description) > DESCRIPTION_LENGTH:
        raise BadRequest(
            "description_too_long", f"description is longer than {DESCRIPTION_LENGTH} characters."
        )
    name = _reporter_name(form)
    media_url = _media_url(given(form, "media_url"))
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
    ticket = await tickets.file_ticket(
        session, ctx=ctx, report=report, location=location, principal=principal
    )
    return [
        {
            "service_request_id": ticket.number,
            "service_notice": service_notice(ticket),
            "account_id": given(form, "account_id"),
        }
    ]
