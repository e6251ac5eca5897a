"""Place paths and the scope test.

A place path is the chain of ids from the root to the place, '/'-separated with a leading
and trailing '/': "/<district>/<street>/<community>/". A role granted on a place covers
everything whose path starts with that place's path. The test is a range on the text
(path >= p AND path < p_end) so a b-tree index serves it on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from sqlalchemy import ColumnElement, and_, false, or_
from sqlalchemy.orm import InstrumentedAttribute

SEPARATOR = "/"
# The character right after '/' in byte order: the exclusive upper bound of a subtree.
_AFTER_SEPARATOR = chr(ord(SEPARATOR) + 1)


def child_path(parent_path: str | None, place_id: UUID) -> str:
    base = parent_path or SEPARATOR
    return f"{base}{place_id}{SEPARATOR}"


def path_ids(path: str) -> list[UUID]:
    return [UUID(part) for part in path.strip(SEPARATOR).split(SEPARATOR) if part]


def ancestor_paths(path: str) -> list[str]:
    """The path of the place and of each place above it: "/a/b/" -> ["/a/", "/a/b/"]."""
    parts = [p for p in path.strip(SEPARATOR).split(SEPARATOR) if p]
    return [SEPARATOR + SEPARATOR.join(parts[: i + 1]) + SEPARATOR for i in range(len(parts))]


def subtree_bounds(path: str) -> tuple[str, str]:
    if not (path.startswith(SEPARATOR) and path.endswith(SEPARATOR)):
        raise ValueError(f"not a place path: {path!r}")
    return path, path[:-1] + _AFTER_SEPARATOR


def is_within(path: str, scope_path: str) -> bool:
    return path.startswith(scope_path)


PathColumn = InstrumentedAttribute[str] | InstrumentedAttribute[str | None]


def within(column: PathColumn, scope_path: str) -> ColumnElement[bool]:
    low, high = subtree_bounds(scope_path)
    return and_(column >= low, column < high)


def within_any(column: PathColumn, scope_paths: Iterable[str]) -> ColumnElement[bool]:
    """The rows under any of the given places; no places means no rows."""
    clauses = [within(column, p) for p in scope_paths]
    if not clauses:
        return false()
    return or_(*clauses)
