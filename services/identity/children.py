"""Children in a guardian's care (a course's enrolment asks about them): a name and a birth
year, kept only with the guardian's consent, as the law asks for a minor's personal data.
A child is seen by their guardian and by services asking for that guardian; never in a
public or staff-wide list."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.models import Dependant, Resident
from services.kit.clock import LOCAL_TZ
from services.kit.errors import FieldError, InvalidInput, NotFound
from services.kit.personal import PersonalDataCipher

ADULT_AGE = 18


def check_birth_year(birth_year: int, now: datetime) -> None:
    """A child under 18 this (local) year, born no later than this year."""
    year = now.astimezone(LOCAL_TZ).year
    if birth_year > year:
        raise InvalidInput(
            "birth_year_in_future",
            "出生年份不能晚于今年。",
            errors=[_field("出生年份不能晚于今年。", "birth_year_in_future")],
        )
    if birth_year <= year - ADULT_AGE:
        raise InvalidInput(
            "child_over_18",
            "这里只登记未满 18 岁的孩子。",
            errors=[_field("这里只登记未满 18 岁的孩子。", "child_over_18")],
        )


def _field(detail: str, code: str) -> FieldError:
    return FieldError(pointer="/body/birth_year", detail=detail, code=code)


async def add_dependant(
    session: AsyncSession,
    *,
    guardian: Resident,
    name: str,
    birth_year: int,
    cipher: PersonalDataCipher,
    now: datetime,
    consent: bool = True,
) -> Dependant:
    """Record a child; `consent` is the guardian's (the page's checkbox), stored as when."""
    if not consent:
        raise InvalidInput(
            "consent_required", "请先勾选同意：作为监护人，同意登记孩子的姓名和出生年份。"
        )
    child_name = name.strip()
    if not child_name:
        raise InvalidInput("invalid_name", "请填写孩子的名字。")
    check_birth_year(birth_year, now)
    dependant = Dependant(
        id=uuid.uuid4(),
        guardian_id=guardian.id,
        name_cipher=cipher.encrypt(child_name),
        birth_year=birth_year,
        created_at=now,
        consented_at=now,
    )
    session.add(dependant)
    await session.flush()
    return dependant


async def dependants_of(session: AsyncSession, guardian_id: uuid.UUID) -> list[Dependant]:
    rows = await session.scalars(
        select(Dependant).where(Dependant.guardian_id == guardian_id).order_by(Dependant.created_at)
    )
    return list(rows)


async def remove_dependant(
    session: AsyncSession, *, guardian_id: uuid.UUID, dependant_id: uuid.UUID
) -> None:
    """Forget a child (the row goes: nothing of a minor's is kept past the guardian's wish)."""
    dependant = await session.get(Dependant, dependant_id)
    if dependant is None or dependant.guardian_id != guardian_id:
        raise NotFound("dependant_not_found", "没有找到这个孩子的登记。")
    await session.delete(dependant)
