"""Setting categories at a place: a street office's or the district's own values over the
global set (`category_settings`; categories.py merges them into what a category is there).

Street and district admins (`intake:categories:manage` over the place) switch a category
off, give it another default priority, a default handler (a team, or a contractor
organisation identity knows) or other deadlines; a field given as null is inherited again.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake import permissions
from services.intake.categories import Effective, Handler, effective
from services.intake.deadlines import DAY
from services.intake.models import PRIORITIES, Category, CategorySetting, Priority
from services.intake.schemas.categories import CategorySettingIn, HandlerIn
from services.kit.auth import Principal, authorize
from services.kit.clients.directory import DirectoryClient, PlaceRef
from services.kit.clients.identity import IdentityClient
from services.kit.db import insert_ignoring_conflicts
from services.kit.errors import FieldError, InvalidInput, NotFound, PermissionDenied

PERM_MANAGE = permissions.CATEGORIES_MANAGE
# Where categories are set: a street office for its streets' tickets, the district for all.
SETTING_PLACE_KINDS = ("street", "district")
# Who a contractor handler may be: whoever takes work orders (workorders.machine.WORKING_KINDS;
# not imported, workorders depends on this module through tickets).
HANDLER_ORGANISATION_KINDS = ("contractor", "property_company")
# The longest deadline a setting may give (a resolution within 60 days at most).
MAX_DEADLINE_MINUTES = 60 * DAY


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
    *,
    place: PlaceRef,
    category_code: str,
    data: CategorySettingIn,
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
    found = await effective(session, category_code=category.code, place_path=place.path)
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


async def clear_at(session: AsyncSession, *, place: PlaceRef, category_code: str) -> None:
    """The place's own setting of a category goes: every value is inherited again."""
    category = await known(session, category_code)
    await session.execute(
        delete(CategorySetting).where(
            CategorySetting.scope_place_id == place.id, CategorySetting.category == category.code
        )
    )
