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

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import permissions
from services.intake.deadlines import DAY, minutes_for
from services.intake.models import PRIORITIES, Category, CategorySetting, Priority
from services.intake.schemas.categories import CategorySettingIn, HandlerIn
from services.kit.auth import Principal, authorize
from services.kit.clients.directory import DirectoryClient, PlaceRef
from services.kit.clients.identity import IdentityClient
from services.kit.clock import Clock
from services.kit.db import Database, insert_ignoring_conflicts
from services.kit.errors import FieldError, InvalidInput, NotFound, PermissionDenied
from services.kit.scope import ancestor_paths

PERM_MANAGE = permissions.CATEGORIES_MANAGE
# Where categories are set: a street office for its streets' tickets, the district for all.
SETTING_PLACE_KINDS = ("street", "district")
# Who a contractor handler may be: whoever takes work orders (workorders.machine.WORKING_KINDS;
# not imported, workorders depends on this module through tickets).
HANDLER_ORGANISATION_KINDS = ("contractor", "property_company")
# The longest deadline a setting may give (a resolution within 60 days at most).
MAX_DEADLINE_MINUTES = 60 * DAY

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


async def effective(session: AsyncSession, category_code: str, place_path: str) -> Effective | None:
    """The category as tickets at `place_path` get it; None if there is no such category."""
    category = await session.get(Category, category_code)
    if category is None:
        return None
    settings = await _settings_above(session, place_path, [category_code])
    return _merge(category, settings.get(category_code, []))


async def reportable(
    session: AsyncSession, category_code: str, place_path: str, *, pointer: str = "/body/category"
) -> Effective:
    """The category a report at this place is filed under; one switched off there is as
    unknown as one that does not exist."""
    found = await effective(session, category_code, place_path)
    if found is None or not found.active:
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


# --- Setting them: street and district admins


async def setting_place(
    directory: DirectoryClient, principal: Principal, place_id: uuid.UUID
) -> PlaceRef:
    """The street office or district whose settings the caller reads or changes. Places
    are public, so a place outside the caller's grants is an honest 403."""
    if not principal.scope_paths(PERM_MANAGE):
        # Nobody to look a place up for: no grant anywhere includes the permission.
        raise PermissionDenied("forbidden", f"Your roles do not include {PERM_MANAGE}.")
    place = await directory.place(place_id, pointer="/query/place_id")
    if place.kind not in SETTING_PLACE_KINDS:
        raise InvalidInput(
            "not_a_street_or_district",
            "Categories are set for a street office or for the whole district.",
            errors=[
                FieldError(
                    pointer="/query/place_id", detail=place.kind, code="not_a_street_or_district"
                )
            ],
        )
    authorize(principal, PERM_MANAGE, place.path)
    return place


async def known(session: AsyncSession, category_code: str) -> Category:
    """A category of the global set, on or off; unknown is a 404 (it is the resource)."""
    category = await session.get(Category, category_code)
    if category is None:
        raise NotFound("category_not_found", "No such report category.")
    return category


def _check_deadlines(given: Mapping[Priority, tuple[int, int]]) -> dict[str, list[int]]:
    """Each priority's pair: positive, respond no later than resolve, within 60 days."""
    errors: list[FieldError] = []
    for priority, (respond, resolve) in given.items():
        pointer = f"/body/deadline_minutes/{priority}"
        if respond <= 0 or resolve <= 0:
            errors.append(FieldError(pointer=pointer, detail="must be positive", code="too_small"))
        elif respond > resolve:
            errors.append(
                FieldError(
                    pointer=pointer,
                    detail="respond within at most the resolve time",
                    code="respond_after_resolve",
                )
            )
        elif resolve > MAX_DEADLINE_MINUTES:
            errors.append(
                FieldError(
                    pointer=pointer,
                    detail=f"at most {MAX_DEADLINE_MINUTES} minutes (60 days)",
                    code="too_large",
                )
            )
    if errors:
        raise InvalidInput(
            "invalid_deadlines",
            "Deadlines are minutes to respond and to resolve: positive, the response no later "
            "than the resolution, within 60 days.",
            errors=errors,
        )
    # Stored in the table's order of priorities, whatever order they came in.
    ordered = sorted(given.items(), key=lambda item: PRIORITIES.index(item[0]))
    return {priority: [respond, resolve] for priority, (respond, resolve) in ordered}


async def _handler(identity: IdentityClient, given: HandlerIn) -> Handler:
    """A team is taken as named; a contractor must be an organisation identity knows that
    takes work orders, and its name is identity's."""
    if given.kind == "team":
        ref = given.ref.strip()
        if not ref:
            raise InvalidInput(
                "invalid_handler",
                "Name the team.",
                errors=[
                    FieldError(pointer="/body/default_handler/ref", detail="blank", code="invalid")
                ],
            )
        return Handler(kind="team", ref=ref, name=(given.name or ref).strip() or ref)
    pointer = "/body/default_handler/ref"
    try:
        organisation_id = uuid.UUID(given.ref)
    except ValueError:
        raise InvalidInput(
            "unknown_organisation",
            "Name the contractor organisation by its id.",
            errors=[FieldError(pointer=pointer, detail="not an id", code="unknown_organisation")],
        ) from None
    organisation = await identity.organisation(organisation_id, pointer=pointer)
    if organisation.kind not in HANDLER_ORGANISATION_KINDS:
        raise InvalidInput(
            "not_a_contractor",
            "Work goes to contractors and property companies.",
            errors=[FieldError(pointer=pointer, detail=organisation.kind, code="not_a_contractor")],
        )
    return Handler(kind="contractor", ref=str(organisation.id), name=organisation.name)


async def default_handler(identity: IdentityClient, data: CategorySettingIn) -> Handler | None:
    """The default handler a setting names, checked with identity before the request's
    first statement (kit.calls); None when the setting does not name one."""
    if data.default_handler is None:
        return None
    return await _handler(identity, data.default_handler)


async def set_at(
    session: AsyncSession,
    place: PlaceRef,
    category_code: str,
    data: CategorySettingIn,
    *,
    handler: Handler | None,
    actor: str,
    now: datetime,
) -> Effective:
    """Change the place's own setting of a category. Only the fields given change; a field
    given as null is inherited again. A setting left with nothing of its own is removed."""
    category = await known(session, category_code)
    given = data.model_fields_set
    # Every check before the first write: a refusal stores nothing. The handler was checked
    # with identity by `default_handler`, before this transaction began.
    deadlines = (
        _check_deadlines(data.deadline_minutes) if data.deadline_minutes is not None else None
    )
    # Two admins saving at once: the row is made once, then locked and changed in turn.
    await session.execute(
        insert_ignoring_conflicts(session, CategorySetting.__table__)  # type: ignore[arg-type]
        .values(
            id=uuid.uuid4(),
            scope_place_id=place.id,
            scope_path=place.path,
            category=category.code,
            updated_at=now,
            updated_by=actor,
        )
        .on_conflict_do_nothing(index_elements=["scope_place_id", "category"])
    )
    setting = await session.scalar(
        select(CategorySetting)
        .where(
            CategorySetting.scope_place_id == place.id, CategorySetting.category == category.code
        )
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert setting is not None
    if "active" in given:
        setting.active = data.active
    if "default_priority" in given:
        setting.default_priority = data.default_priority
    if "default_handler" in given:
        setting.default_handler_kind = handler.kind if handler else None
        setting.default_handler_ref = handler.ref if handler else None
        setting.default_handler_name = handler.name if handler else None
    if "deadline_minutes" in given:
        setting.deadline_minutes = deadlines or None  # {} sets nothing either
    # The place may have moved since the setting was made (directory re-paths rarely).
    setting.scope_path = place.path
    setting.updated_at = now
    setting.updated_by = actor
    if _is_empty(setting):
        await session.delete(setting)
    await session.flush()
    found = await effective(session, category.code, place.path)
    assert found is not None
    return found


def _is_empty(setting: CategorySetting) -> bool:
    return all(
        value is None
        for value in (
            setting.active,
            setting.default_priority,
            setting.default_handler_kind,
            setting.deadline_minutes,
        )
    )


async def clear_at(session: AsyncSession, place: PlaceRef, category_code: str) -> None:
    """The place's own setting of a category goes: every value is inherited again."""
    category = await known(session, category_code)
    await session.execute(
        delete(CategorySetting).where(
            CategorySetting.scope_place_id == place.id, CategorySetting.category == category.code
        )
    )
