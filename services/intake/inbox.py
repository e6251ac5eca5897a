"""The inbox as a desk reads it: the order of the list (`sort`), the "due today" filter the
home page's count links to, and the places' names beside their codes.

The scope and the other filters are `tickets.inbox_query`'s; this module narrows and orders
what it selects, so the list, its total and its ETag stay one query.

Orders (`Sort`): `pending` puts what waits on staff first: 待受理 (submitted), then the other
open tickets, each by its next deadline (the soonest, i.e. the most overdue, first), then the
ended ones newest first. `created` / `due` / `number` / `place` / `category` / `status` /
`assignee` sort by that column, a leading `-` reverses it. Every order ends with the newest
first and the id, so pages never overlap or skip a row. `-created` (newest first) is the
default: the phone's list.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, and_, case, or_, select

from services.intake.context import IntakeContext
from services.intake.models import OPEN_STATUSES, Category, Ticket
from services.intake.tickets import overdue_clause
from services.kit.clients.directory import MappedPlace
from services.kit.clock import LOCAL_TZ
from services.kit.errors import DomainError

Sort = Literal[
    "pending",
    "created",
    "-created",
    "due",
    "-due",
    "number",
    "-number",
    "place",
    "-place",
    "category",
    "-category",
    "status",
    "-status",
    "assignee",
    "-assignee",
]
SORTS: tuple[str, ...] = get_args(Sort)
DEFAULT_SORT: Sort = "-created"
# The order a ticket moves through: what `status` sorts by (not the alphabet).
STATUS_ORDER = (
    "submitted",
    "acknowledged",
    "assigned",
    "in_progress",
    "escalated",
    "resolved",
    "closed",
    "rejected",
    "duplicate",
)


def end_of_local_day(now: datetime) -> datetime:
    """Midnight after `now` in Beijing: "today" is the street office's day, not UTC's."""
    today = now.astimezone(LOCAL_TZ).date()
    return datetime.combine(today + timedelta(days=1), time(0), LOCAL_TZ)


def next_deadline() -> ColumnElement[Any]:
    """The deadline that matters now: the reply while submitted, the fix while open, none
    once the ticket has ended (the console's `currentDeadline`)."""
    return case(
        (Ticket.status == "submitted", Ticket.due_respond_at),
        (Ticket.status.in_(OPEN_STATUSES), Ticket.due_resolve_at),
        else_=None,
    )


def due_before_clause(at: datetime) -> ColumnElement[bool]:
    """The ticket's next deadline (respond while submitted, else resolve) is before `at`:
    the same pairing as tickets.overdue_clause."""
    return or_(
        and_(Ticket.status == "submitted", Ticket.due_respond_at < at),
        and_(Ticket.status.in_(OPEN_STATUSES), Ticket.due_resolve_at < at),
    )


def due_today_clause(now: datetime) -> ColumnElement[bool]:
    """Still open, its next deadline before midnight in Beijing and not yet passed."""
    return and_(due_before_clause(end_of_local_day(now)), ~overdue_clause(now))


def narrowed(query: Select[Any], now: datetime, *, due_today: bool | None) -> Select[Any]:
    """The inbox's query with the "due today" filter (None: no filter)."""
    if due_today is True:
        return query.where(due_today_clause(now))
    if due_today is False:
        return query.where(~due_today_clause(now))
    return query


def _last(expression: SQLColumnExpression[Any]) -> ColumnElement[int]:
    """1 for a null: nulls sort after values whichever the direction, on both backends."""
    return case((expression.is_(None), 1), else_=0)


def order_of(sort: Sort) -> list[SQLColumnExpression[Any]]:
    """The ORDER BY of one of the inbox's orders (see the module's docstring)."""
    key, descending = sort.lstrip("-"), sort.startswith("-")
    due = next_deadline()
    newest: list[SQLColumnExpression[Any]] = [Ticket.created_at.desc(), Ticket.id]

    def way(expression: SQLColumnExpression[Any]) -> SQLColumnExpression[Any]:
        return expression.desc() if descending else expression.asc()

    if key == "pending":
        waiting = case(
            (Ticket.status == "submitted", 0),
            (Ticket.status.in_(OPEN_STATUSES), 1),
            else_=2,
        )
        return [waiting, _last(due), due.asc(), *newest]
    if key == "created":
        return [way(Ticket.created_at), Ticket.id]
    if key == "due":
        return [_last(due), way(due), *newest]
    if key == "number":
        return [way(Ticket.number), Ticket.id]
    if key == "place":
        return [way(Ticket.place_code), *newest]
    if key == "category":
        # The categories' own order (the one the console lists them in), not their codes.
        position = (
            select(Category.position).where(Category.code == Ticket.category).scalar_subquery()
        )
        return [way(position), way(Ticket.category), *newest]
    if key == "status":
        rank = case(*((Ticket.status == s, i) for i, s in enumerate(STATUS_ORDER)), else_=99)
        return [way(rank), *newest]
    # assignee: who has it, unassigned last.
    return [
        _last(Ticket.assignee_ref),
        way(Ticket.assignee_kind),
        way(Ticket.assignee_ref),
        *newest,
    ]


def ordered(query: Select[Any], sort: Sort) -> Select[Any]:
    return query.order_by(None).order_by(*order_of(sort))


def place_label(place: MappedPlace, by_id: dict[uuid.UUID, MappedPlace]) -> str:
    """How staff name a place: a unit door with its building (3号楼 2单元), anything else by
    its own name."""
    parent = by_id.get(place.parent_id) if place.parent_id else None
    if place.kind == "unit" and parent is not None and parent.kind == "building":
        return f"{parent.name} {place.name}"
    return place.name


async def place_names(ctx: IntakeContext, tickets: Sequence[Ticket]) -> dict[uuid.UUID, str]:
    """The listed tickets' places by name, from directory's list of each community's places
    (kept for a minute by the client, so a polled inbox asks rarely). Names are a courtesy:
    when directory does not answer, the list stands with codes alone."""
    communities = sorted({t.community_id for t in tickets})

    async def under(community_id: uuid.UUID) -> Iterable[MappedPlace]:
        try:
            return await ctx.directory.places_under(community_id)
        except DomainError:
            return []

    found = await asyncio.gather(*(under(c) for c in communities))
    by_id = {p.id: p for places in found for p in places}
    wanted = {t.place_id for t in tickets}
    return {i: place_label(by_id[i], by_id) for i in wanted if i in by_id}
