"""The sessions that have ended, for every verifier (kit.revocations): public, since it
holds only opaque session ids (and digests of deleted accounts), and cheap to poll (an ETag;
a 304 when nothing changed)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from services.identity import sessions
from services.identity.context import ContextDep
from services.identity.schemas import RevocationsOut
from services.kit.app import ClockDep, SessionDep
from services.kit.conditional import etag, not_modified

router = APIRouter(tags=["sign-in"])


@router.get(
    "/v1/revocations",
    summary="Ended sessions whose access tokens every service refuses",
    description=(
        "Signed out, account disabled or password reset: the `sid` of each such session "
        "while its access tokens may be unexpired; a deleted account as a digest of its "
        "subject, refusing every token naming it. Verifiers poll it every few seconds; "
        "send the ETag back in If-None-Match for a 304."
    ),
    response_model=RevocationsOut,
    responses={304: {"description": "Not modified: the list held is current"}},
)
async def revocations(
    request: Request, response: Response, session: SessionDep, clock: ClockDep, ctx: ContextDep
) -> RevocationsOut | Response:
    sids = await sessions.revoked_sessions(
        session, now=clock.now(), access_ttl=ctx.tokens.access_ttl
    )
    if (unchanged := not_modified(request, response, etag(*sids))) is not None:
        return unchanged
    return RevocationsOut(sessions=sids)
