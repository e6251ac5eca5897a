"""Street and district admins: each category as their place has it (switched off, default
priority, default handler, deadlines per priority), set here or inherited."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from services.intake import categories
from services.intake.categories import PERM_MANAGE, Effective
from services.intake.context import ContextDep
from services.intake.models import CategorySetting
from services.intake.schemas.categories import (
    CategorySettingIn,
    CategorySettingOut,
    CategorySettingsOut,
)
from services.intake.schemas.common import PlaceOut
from services.kit.app import SessionDep
from services.kit.auth import CurrentPrincipal, requires
from services.kit.clients.directory import PlaceRef

router = APIRouter(prefix="/v1/category-settings", tags=["categories"])
MANAGE = requires(PERM_MANAGE)

PlaceId = Annotated[
    uuid.UUID, Query(description="A street office or the district (a directory place id)")
]
CategoryCode = Annotated[
    str, Path(min_length=1, max_length=20, pattern=r"^[a-z_]+$", examples=["small_ads"])
]


def _source(setting: CategorySetting | None, place: PlaceRef) -> dict[str, object]:
    if setting is None:
        return {"origin": "default", "place_id": None}
    origin = "here" if setting.scope_path == place.path else "inherited"
    return {"origin": origin, "place_id": setting.scope_place_id}


def _out(found: Effective, place: PlaceRef) -> CategorySettingOut:
    here = found.setting_at(place.path)
    sources = found.sources
    handler = found.default_handler
    return CategorySettingOut.model_validate(
        {
            "category": found.code,
            "name_zh": found.category.name_zh,
            "name_en": found.category.name_en,
            "icon": found.category.icon,
            "set_here": here is not None,
            "active": found.active,
            "active_source": _source(sources.active, place),
            "default_priority": found.default_priority,
            "default_priority_source": _source(sources.default_priority, place),
            "default_handler": handler.as_detail() if handler else None,
            "default_handler_source": _source(sources.default_handler, place),
            "deadlines": [
                {
                    "priority": priority,
                    "respond_minutes": respond,
                    "resolve_minutes": resolve,
                    "source": _source(sources.deadlines.get(priority), place),
                }
                for priority, (respond, resolve) in found.deadline_minutes.items()
            ],
            "updated_at": here.updated_at if here else None,
            "updated_by": here.updated_by if here else None,
        }
    )


@router.get(
    "",
    summary="Every category as a street office (or the district) has it, set there or inherited",
    openapi_extra=MANAGE,
)
async def list_settings(
    place_id: PlaceId, session: SessionDep, ctx: ContextDep, principal: CurrentPrincipal
) -> CategorySettingsOut:
    place = await categories.setting_place(ctx.directory, principal, place_id)
    found = await categories.all_for_place(session, place.path)
    return CategorySettingsOut(
        place=PlaceOut(id=place.id, code=place.code, name=place.name, kind=place.kind),
        items=[_out(e, place) for e in found],
    )


@router.put(
    "/{category}",
    summary="Set a category's values at a street office or the district",
    description="Only the fields given change; a field given as null is inherited again. "
    "A contractor handler must be an organisation identity knows (its name is identity's).",
    openapi_extra=MANAGE,
)
async def put_setting(
    category: CategoryCode,
    place_id: PlaceId,
    data: CategorySettingIn,
    session: SessionDep,
    ctx: ContextDep,
    principal: CurrentPrincipal,
) -> CategorySettingOut:
    # Directory and identity first, before the first statement (kit.calls).
    place = await categories.setting_place(ctx.directory, principal, place_id)
    handler = await categories.default_handler(ctx.identity, data)
    found = await categories.set_at(
        session,
        place,
        category,
        data,
        handler=handler,
        actor=principal.actor,
        now=ctx.clock.now(),
    )
    return _out(found, place)


@router.delete(
    "/{category}",
    status_code=204,
    summary="Remove a place's own values of a category: every value is inherited again",
    openapi_extra=MANAGE,
)
async def delete_setting(
    category: CategoryCode,
    place_id: PlaceId,
    session: SessionDep,
    ctx: ContextDep,
    principal: CurrentPrincipal,
) -> Response:
    place = await categories.setting_place(ctx.directory, principal, place_id)
    await categories.clear_at(session, place, category)
    return Response(status_code=204)
