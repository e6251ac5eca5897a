"""Open311's mapping: services from the active categories, and a ticket's public shape as
a service request (status, status notes, address, coordinates, deadlines), with personal
data left out and blanked (the package's docstring has every rule).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import categories
from services.intake.context import IntakeContext
from services.intake.deadlines import minutes_for
from services.intake.models import OPEN_STATUSES, Category, Ticket, TicketEvent
from services.intake.open311.wire import w3c
from services.kit.clients.directory import MappedPlace
from services.kit.clock import LOCAL_TZ
from services.kit.errors import NotFound
from services.kit.redaction import redact_personal

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

# Free text shown to anyone: a phone or id number, an e-mail address, blanked.


# --- Shapes


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


# --- Services


# Said in every service's description: clients in China often send GCJ-02 (what Chinese maps
# give), some 500 m off the WGS-84 point the standard asks for.
WHERE = (
    "地点: address_id、address_string 或 lat/long (WGS-84 坐标, 非 GCJ-02, {radius:.0f} 米内的楼)"
)


def _service(category: Category, radius_m: float) -> dict[str, Any]:
    respond, resolve = minutes_for(category.default_priority, category.deadline_minutes)
    english = [word.strip() for word in category.name_en.split(",") if word.strip()]
    return {
        "service_code": category.code,
        "service_name": category.name_zh,
        "description": (
            f"{category.name_en} · 响应时限{_span(respond)},办结时限{_span(resolve)}"
            f" · {WHERE.format(radius=radius_m)}"
        ),
        "metadata": False,
        "type": "realtime",
        "keywords": ",".join([category.name_zh, *english]),
        "group": GROUPS.get(category.code),
    }


async def services(session: AsyncSession, *, radius_m: float) -> list[dict[str, Any]]:
    """The active categories as Open311 services; `radius_m` is how near a lat/long must be."""
    return [_service(c, radius_m) for c in await categories.list_active(session)]


async def service_definition(session: AsyncSession, code: str) -> dict[str, Any]:
    category = await session.get(Category, code)
    if category is None or not category.active:
        raise NotFound("unknown_service_code", f"No service has the code '{code}'.")
    return {"service_code": category.code, "attributes": []}


# --- A ticket as a service request


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


async def describe(
    session: AsyncSession, *, ctx: IntakeContext, found: Sequence[Ticket]
) -> list[dict[str, Any]]:
    """The tickets as service requests, in the order given."""
    if not found:
        return []
    codes = {t.category for t in found}
    names = {
        c.code: c for c in await session.scalars(select(Category).where(Category.code.in_(codes)))
    }
    trails = await _trails(session, [t.id for t in found])
    places = await _Places.load(ctx, {t.community_id for t in found})
    return [_request(t, names.get(t.category), trails.get(t.id, _Trail()), places) for t in found]
