"""Printable QR sheets for a community or a building: one label per unit door."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.directory.codes import active_codes_under
from services.directory.models import Place
from services.directory.places import ancestors_of
from services.directory.qr_images import SheetLabel, code_url
from services.kit.errors import InvalidInput

SHEET_PLACE_KINDS = ("community", "building")


async def sheet_labels(
    session: AsyncSession, *, place: Place, base_url: str
) -> tuple[str, list[SheetLabel]]:
    """The sheet's title and its labels, building by building, unit by unit."""
    if place.kind not in SHEET_PLACE_KINDS:
        raise InvalidInput(
            "sheet_place_kind",
            "Sheets are printed for a community or a building, posters for a warm station.",
            allowed_kinds=[*SHEET_PLACE_KINDS, "station"],
        )
    rows = await active_codes_under(session, place, kind="unit")
    if not rows:
        raise InvalidInput(
            "sheet_empty", f"No unit door under {place.name} has an active code to print."
        )
    building_ids = {unit.parent_id for _, unit in rows}
    buildings = {
        b.id: b for b in await session.scalars(select(Place).where(Place.id.in_(building_ids)))
    }
    if place.kind == "community":
        community = place
    else:
        community = next(p for p in await ancestors_of(session, place) if p.kind == "community")

    def order(row: tuple[object, Place]) -> tuple[int, str, int, str]:
        unit = row[1]
        building = buildings[unit.parent_id] if unit.parent_id else unit
        return (building.position, building.code, unit.position, unit.code)

    labels = [
        SheetLabel(
            url=code_url(base_url, code.token),
            place_code=unit.code,
            community=community.name,
            building=buildings[unit.parent_id].name if unit.parent_id else "",
            unit=unit.name,
        )
        for code, unit in sorted(rows, key=order)
    ]
    title = community.name if place.kind == "community" else f"{community.name} {place.name}"
    return title, labels
