"""A resident's own account: deleting it (leaving.py says what is erased and what is kept)."""

from __future__ import annotations

from fastapi import APIRouter

from services.identity import leaving
from services.identity.context import ContextDep
from services.identity.models import Resident
from services.identity.residents import resident_id_of
from services.kit.app import ClockDep, SessionDep
from services.kit.auth import PrincipalDep
from services.kit.caching import PERSONAL

router = APIRouter(prefix="/v1", tags=["residents"], dependencies=[PERSONAL])


@router.delete(
    "/me",
    status_code=204,
    summary="Delete my account (a resident's own; erased, sessions ended, services told)",
    description="Erases the phone, name, WeChat link, household memberships, children and "
    "sign-in codes; keeps the id and the audit list's rows. Ends every session and publishes "
    "`resident.deleted` to the services that keep a resident's records. A second call is a "
    "410 `account_deleted` (or a 401 once the ended session is refused).",
)
async def delete_me(
    session: SessionDep, clock: ClockDep, principal: PrincipalDep, ctx: ContextDep
) -> None:
    resident = await session.get(Resident, resident_id_of(principal), with_for_update=True)
    if resident is None:
        raise leaving.account_deleted()
    await leaving.delete_account(
        session,
        resident=resident,
        principal=principal,
        documents=ctx.documents,
        now=clock.now(),
    )
