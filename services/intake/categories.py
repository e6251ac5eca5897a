"""Report categories: the global set (loaded on start and by `seed`) and what each street
office makes of it.

A category is global data: code, names, icon, a default priority, optional deadlines. A
street office, or the district for all its streets, sets its own values on top of it
(`category_settings`): switched off, another default priority, a default handler, other
deadlines for some priorities. Each value comes from the nearest place at or above the
ticket's place that sets it, else from the category; a deadline left unset everywhere is
DOMAIN.md's (deadlines.py). So a street's setting beats the district's, and what a street
leaves unset the district's still gives.

The default handler is a suggestion, never an assignment: staff call the reporter back and
acknowledge first (DOMAIN.md); the suggestion is kept on the ticket's first event and pre-fills
the console's assign dialog.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.deadlines import minutes_for
from services.intake.models import PRIORITIES, Category, CategorySetting
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.errors import FieldError, InvalidInput
from services.kit.scope import ancestor_paths

# code, 中文, English, icon (a Vant icon name), default priority
DEFAULTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("facility", "设施损坏", "Broken facility", "setting-o", "normal"),
    ("sanitation", "环境卫生", "Sanitation", "delete-o", "normal"),
    ("small_ads", "小广告", "Illegal small ads", "notes-o", "normal"),
    ("parking", "停车", "Parking", "logistics", "normal"),
    ("noise", "噪音", "Noise", "volume-o", "normal"),
    ("safety", "安全隐患", "Safety hazard", "warning-o", "urgent"),
    ("greenery", "绿化", "Greenery", "flower-o", "normal"),
    ("lighting", "照明", "Lighting", "bulb-o", "normal"),
    ("utilities", "水电气热", "Water, power, gas, heating", "fire-o", "utility"),
    ("other", "其他", "Other", "more-o", "normal"),
)


async def ensure_defaults(session: AsyncSession) -> int:
    """Insert the default categories that are missing; edited ones are left alone."""
    present = set(await session.scalars(select(Category.code)))
    added = 0
    for position, (code, zh, en, icon, priority) in enumerate(DEFAULTS):
        if code in present:
            continue
        session.add(
            Category(
                code=code,
                name_zh=zh,
                name_en=en,
                icon=icon,
                default_priority=priority,
                position=position,
                active=True,
            )
        )
        added += 1
    await session.flush()
    return added


async def seed(db: Database, _clock: Clock) -> str:
    async with db.session() as session:
        added = await ensure_defaults(session)
        await session.commit()
    return f"intake: {added} categories added ({len(DEFAULTS)} defaults)"


async def list_active(session: AsyncSession) -> Sequence[Category]:
    rows = await session.scalars(
        select(Category).where(Category.active.is_(True)).order_by(Category.position)
    )
    return rows.all()


def unknown_category(pointer: str = "/body/category") -> InvalidInput:
    return InvalidInput(
        "unknown_category",
        "No such report category.",
        errors=[FieldError(pointer=pointer, detail="unknown", code="unknown_category")],
    )


async def get_active(session: AsyncSession, code: str) -> Category:
    """A category of the global set that is on (before the place is known)."""
    category = await session.get(Category, code)
    if category is None or not category.active:
        raise unknown_category()
    return category


# --- What a category is at a place: the settings above it merged over the category


@dataclass(frozen=True)
class Handler:
    """Who a category's new tickets are suggested to: a team (by name) or a contractor
    organisation (by its identity id), with the name to show."""

    kind: str
    ref: str
    name: str

    def as_detail(self) -> dict[str, str]:
        return {"kind": self.kind, "ref": self.ref, "name": self.name}


@dataclass(frozen=True)
class Sources:
    """The setting each effective value comes from; None: the category's own (or, for a
    deadline, DOMAIN.md's)."""

    active: CategorySetting | None = None
    default_priority: CategorySetting | None = None
    default_handler: CategorySetting | None = None
    deadlines: dict[str, CategorySetting | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Effective:
    """A category as the tickets at one place get it."""

    category: Category
    active: bool
    default_priority: str
    default_handler: Handler | None
    # Every priority: (respond within, resolve within), in minutes.
    deadline_minutes: dict[str, tuple[int, int]]
    sources: Sources
    # The settings at and above the place, nearest first.
    settings: tuple[CategorySetting, ...] = ()

    @property
    def code(self) -> str:
        return self.category.code

    def setting_at(self, place_path: str) -> CategorySetting | None:
        """The setting made at exactly this place, if any."""
        return next((s for s in self.settings if s.scope_path == place_path), None)


def _pair(value: Any) -> tuple[int, int] | None:
    if isinstance(value, list | tuple) and len(value) == 2:
        return int(value[0]), int(value[1])
    return None


def _merge(category: Category, settings: Sequence[CategorySetting]) -> Effective:
    """`settings` nearest first: each value from the first that sets it, else the category's."""

    def first(attribute: str) -> CategorySetting | None:
        return next((s for s in settings if getattr(s, attribute) is not None), None)

    active_from = first("active")
    priority_from = first("default_priority")
    handler_from = first("default_handler_kind")
    deadlines: dict[str, tuple[int, int]] = {}
    deadline_sources: dict[str, CategorySetting | None] = {}
    for priority in PRIORITIES:
        given = next(
            (
                (s, pair)
                for s in settings
                if (pair := _pair((s.deadline_minutes or {}).get(priority))) is not None
            ),
            None,
        )
        if given is not None:
            deadline_sources[priority], deadlines[priority] = given
        else:
            deadline_sources[priority] = None
            deadlines[priority] = minutes_for(priority, category.deadline_minutes)
    handler = None
    if handler_from is not None:
        handler = Handler(
            kind=str(handler_from.default_handler_kind),
            ref=str(handler_from.default_handler_ref),
            name=str(handler_from.default_handler_name or handler_from.default_handler_ref),
        )
    return Effective(
        category=category,
        active=bool(active_from.active) if active_from is not None else category.active,
        default_priority=(
            str(priority_from.default_priority)
            if priority_from is not None
            else category.default_priority
        ),
        default_handler=handler,
        deadline_minutes=deadlines,
        sources=Sources(
            active=active_from,
            default_priority=priority_from,
            default_handler=handler_from,
            deadlines=deadline_sources,
        ),
        settings=tuple(settings),
    )


async def _settings_above(
    session: AsyncSession, place_path: str, codes: Iterable[str] | None = None
) -> dict[str, list[CategorySetting]]:
    """The settings at the place and above it, per category, nearest first."""
    query = select(CategorySetting).where(
        CategorySetting.scope_path.in_(ancestor_paths(place_path))
    )
    if codes is not None:
        query = query.where(CategorySetting.category.in_(list(codes)))
    found: dict[str, list[CategorySetting]] = {}
    for setting in await session.scalars(query):
        found.setdefault(setting.category, []).append(setting)
    for settings in found.values():
        # A deeper place has the longer path.
        settings.sort(key=lambda s: len(s.scope_path), reverse=True)
    return found


# `effective`'s statement, built once with the category and the place's paths as parameters:
# every report runs it, and building it (and its cache key) anew cost more than running it.
_EFFECTIVE = (
    select(Category, CategorySetting)
    .outerjoin(
        CategorySetting,
        and_(
            CategorySetting.category == Category.code,
            CategorySetting.scope_path.in_(bindparam("paths", expanding=True)),
        ),
    )
    .where(Category.code == bindparam("code"))
)


async def effective(
    session: AsyncSession, *, category_code: str, place_path: str
) -> Effective | None:
    """The category as tickets at `place_path` get it; None if there is no such category.

    One statement: the category with the settings at and above the place joined on (every
    report reads it, so the category and its settings are not two round trips)."""
    rows = (
        await session.execute(
            _EFFECTIVE, {"code": category_code, "paths": ancestor_paths(place_path)}
        )
    ).all()
    if not rows:
        return None
    settings = [setting for _, setting in rows if setting is not None]
    # A deeper place has the longer path.
    settings.sort(key=lambda s: len(s.scope_path), reverse=True)
    return _merge(rows[0][0], settings)


async def reportable(
    session: AsyncSession,
    *,
    category_code: str,
    place_path: str,
    pointer: str = "/body/category",
    globally_active: bool = False,
) -> Effective:
    """The category a report at this place is filed under; one switched off there is as
    unknown as one that does not exist. `globally_active`: one switched off in the global
    set is unknown too, whatever the place says (a resident's report from a code)."""
    found = await effective(session, category_code=category_code, place_path=place_path)
    if found is None or not found.active:
        raise unknown_category(pointer)
    if globally_active and not found.category.active:
        raise unknown_category(pointer)
    return found


async def all_for_place(session: AsyncSession, place_path: str) -> list[Effective]:
    """Every category, on or off, as it is at the place, in display order."""
    rows = (
        await session.scalars(select(Category).order_by(Category.position, Category.code))
    ).all()
    settings = await _settings_above(session, place_path)
    return [_merge(c, settings.get(c.code, [])) for c in rows]


async def list_for_place(session: AsyncSession, place_path: str) -> list[Effective]:
    """The categories residents at the place may report, with their effective priority,
    in display order."""
    return [e for e in await all_for_place(session, place_path) if e.active]
