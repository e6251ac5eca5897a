"""Report categories: the fixed starting set, loaded on start and by `seed`."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import Category
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.errors import FieldError, InvalidInput

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


async def get_active(session: AsyncSession, code: str) -> Category:
    category = await session.get(Category, code)
    if category is None or not category.active:
        raise InvalidInput(
            "unknown_category",
            "No such report category.",
            errors=[
                FieldError(pointer="/body/category", detail="unknown", code="unknown_category")
            ],
        )
    return category
