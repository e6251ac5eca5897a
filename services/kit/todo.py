"""What needs doing, for the caller: every service answers `GET /v1/todo` in one shape, which
the console's home page reads from each service and shows as "3 件待受理" tiles.

A service supplies only its counting function; `create_service_app(todo=...)` mounts it
(a service with nothing to count answers an empty list). The counts are the caller's: the
function filters by the caller's scope in its query, like any list, and leaves out an item
the caller holds no permission for (the home page asks every service, whatever the roles,
so a missing permission is an empty list, not a 403).

    async def count(
        session: AsyncSession, principal: Principal, *, now: datetime
    ) -> list[TodoItem]:
        n = ...  # a count in the query, within the caller's scope
        return [TodoItem(key="intake.submitted", label=Label(zh_cn="待受理", en="To acknowledge"),
                         count=n, link="/console/tickets?status=submitted")]

    create_service_app(..., todo=count, todo_permission="intake:tickets:read")
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import Principal, PrincipalDep, requires
from services.kit.clock import Clock
from services.kit.db import Database

TODO_PATH = "/v1/todo"


class Label(BaseModel):
    """The item's words in both languages the console speaks."""

    model_config = ConfigDict(populate_by_name=True)

    zh_cn: str = Field(alias="zh-CN", examples=["待受理"])
    en: str = Field(examples=["To acknowledge"])


class TodoItem(BaseModel):
    # "<service>.<what>": stable, so the console may order and decorate items by key.
    key: str = Field(pattern=r"^[a-z]+\.[a-z_]+$", examples=["intake.submitted"])
    label: Label
    count: int = Field(ge=0)
    # Where the console shows these things: a console path with its filters.
    link: str = Field(pattern=r"^/console(/|$)", examples=["/console/tickets?status=submitted"])


class TodoList(BaseModel):
    items: list[TodoItem]


class TodoCounter(Protocol):
    """A service's counts for the caller (`now`: the service's clock)."""

    async def __call__(
        self, session: AsyncSession, principal: Principal, *, now: datetime
    ) -> list[TodoItem]: ...


async def nothing_to_do(
    session: AsyncSession, principal: Principal, *, now: datetime
) -> list[TodoItem]:
    return []


def todo_router(count: TodoCounter, *, permission: str | None = None) -> APIRouter:
    """`GET /v1/todo` answering `count`'s items; `permission` is what the counts are filtered
    by (declared as `x-permission`; a caller without it gets no items, not a refusal)."""
    router = APIRouter(tags=["todo"])

    @router.get(
        TODO_PATH,
        summary="What needs doing, for you: counts with a label and a console link",
        openapi_extra=requires(permission) if permission else None,
    )
    async def todo(request: Request, principal: PrincipalDep) -> TodoList:
        db: Database = request.app.state.db
        clock: Clock = request.app.state.clock
        async with db.session(write=False) as session:
            items = await count(session, principal, now=clock.now())
        return TodoList(items=items)

    return router
