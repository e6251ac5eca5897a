"""limit/offset pagination, the same in every service: {"items": [...], "total": N}."""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Far past any list here, far below what a database's 64-bit OFFSET holds (2^63 - 1): a deeper
# offset is a mistake or a probe, and gets a 422 problem instead of the database's overflow.
MAX_OFFSET = 10_000_000


class PageParams(BaseModel):
    limit: int = DEFAULT_LIMIT
    offset: int = 0


async def _page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


PageDep = Annotated[PageParams, Depends(_page_params)]


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int


async def fetch_page(
    session: AsyncSession, statement: Select[Any], *, page: PageParams
) -> tuple[list[Any], int]:
    """Rows of one page and the total, from one filtered statement (filters stay in SQL)."""
    total = await session.scalar(
        select(func.count()).select_from(statement.order_by(None).subquery())
    )
    rows = (await session.scalars(statement.limit(page.limit).offset(page.offset))).all()
    return list(rows), int(total or 0)
