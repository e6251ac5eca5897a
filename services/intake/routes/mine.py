"""A signed-in resident's own reports, from any phone (我的反馈)."""

from __future__ import annotations

from fastapi import APIRouter

from services.intake import mine, presenters
from services.intake.schemas.tickets import MyTicket
from services.kit.app import SessionDep
from services.kit.auth import CurrentPrincipal
from services.kit.pagination import Page, PageDep

router = APIRouter(prefix="/v1", tags=["residents"])


@router.get(
    "/me/tickets",
    summary="My reports and the ones I follow, newest first (a resident's sign-in needed)",
    description='Reports filed and "+1"s made while signed in with this phone number, on '
    "any phone; each with the token that opens it on /v1/track. Anyone else: 403.",
)
async def my_tickets(
    session: SessionDep, principal: CurrentPrincipal, page: PageDep
) -> Page[MyTicket]:
    rows, total = await mine.my_tickets(session, principal, page)
    return Page[MyTicket](
        items=[
            MyTicket.model_validate(
                {
                    "number": row.ticket.number,
                    "category": row.ticket.category,
                    "status": row.ticket.status,
                    # The text of a followed report is a neighbour's: long numbers blanked.
                    "excerpt": presenters.excerpt(row.ticket.description),
                    "created_at": row.ticket.created_at,
                    "updated_at": row.ticket.updated_at,
                    "tracking_token": row.tracking_token,
                    "role": row.role,
                }
            )
            for row in rows
        ],
        total=total,
    )
