from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from services.directory import codes, qr_images
from services.directory.models import QrCode
from services.directory.places import get_place, nearest_phone
from services.directory.schemas import (
    Chain,
    CodeChange,
    CodeEventOut,
    CodeOut,
    CodeTarget,
    PlaceSummary,
    ResolvedCode,
)
from services.kit.app import ClockDep, SessionDep, SingleReadDep
from services.kit.auth import PrincipalDep, authorize, requires

router = APIRouter(prefix="/v1/codes", tags=["qr codes"])


def code_out(code: QrCode, base_url: str) -> CodeOut:
    return CodeOut(
        id=code.id,
        token=code.token,
        kind=code.kind,
        place_id=code.place_id,
        target=_target(code),
        status=code.status,
        url=qr_images.code_url(base_url, code.token),
        issued_at=code.issued_at,
        issued_by=code.issued_by,
        revoked_at=code.revoked_at,
        revoked_by=code.revoked_by,
        replaces_id=code.replaces_id,
    )


def _target(code: QrCode) -> CodeTarget | None:
    if code.target_service and code.target_id:
        return CodeTarget(service=code.target_service, id=code.target_id)
    return None


def _summary(place: codes.ScannedPlace) -> PlaceSummary:
    return PlaceSummary.model_validate(place, from_attributes=True)


def _chain(chain: list[codes.ScannedPlace]) -> Chain:
    by_kind = {p.kind: p for p in chain}
    return Chain(**{k: _summary(p) for k, p in by_kind.items() if k in Chain.model_fields})


@router.get("/{token}", summary="Resolve a scanned code to its place (public)")
async def resolve_code(token: str, db: SingleReadDep) -> ResolvedCode:
    scan = await codes.resolve_code(db, token)
    return ResolvedCode(
        token=scan.token,
        kind=scan.kind,
        target=scan.target,
        place=_summary(scan.place),
        chain=_chain(scan.chain),
        path=scan.place.path,
        contact_phone=nearest_phone(scan.chain),
    )


def _image_response(code: QrCode, base_url: str, fmt: str, scale: int, border: int) -> Response:
    qr = qr_images.make_qr(qr_images.code_url(base_url, code.token))
    headers = {
        "Cache-Control": "public, max-age=86400",
        "X-QR-Version": str(qr.version),
        "X-QR-Error-Level": str(qr.error),
    }
    if fmt == "png":
        return Response(
            qr_images.render_png(qr, scale=scale, border=border),
            media_type="image/png",
            headers=headers,
        )
    return Response(
        qr_images.render_svg(qr, scale=scale, border=border),
        media_type="image/svg+xml",
        headers=headers,
    )


@router.get(
    "/{token}/image.{fmt}",
    summary="The code as a PNG or SVG image",
    response_class=Response,
    responses={200: {"content": {"image/png": {}, "image/svg+xml": {}}}},
)
async def code_image(
    token: str,
    fmt: Annotated[str, Path(pattern="^(png|svg)$")],
    session: SessionDep,
    request: Request,
    scale: Annotated[int, Query(ge=1, le=40, description="Pixels per module")] = 8,
    border: Annotated[int, Query(ge=0, le=10, description="Quiet zone in modules")] = 4,
) -> Response:
    code = await codes.get_code(session, token)
    if code.status != "active":
        await codes.resolve_code(session, token)  # raises the same 410 a scan gets
    return _image_response(code, request.app.state.settings.public_base_url, fmt, scale, border)


async def _managed_code(session: SessionDep, token: str, principal: PrincipalDep) -> QrCode:
    code = await codes.get_code(session, token)
    place = await get_place(session, code.place_id)
    authorize(principal, codes.PERM_CODES_MANAGE, place.path)
    return code


@router.post(
    "/{token}/revoke",
    summary="Revoke a code (it answers 410 from now on)",
    openapi_extra=requires(codes.PERM_CODES_MANAGE),
)
async def revoke_code(
    token: str,
    data: CodeChange,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    request: Request,
) -> CodeOut:
    code = await _managed_code(session, token, principal)
    await codes.revoke_code(
        session, code=code, actor=principal.subject, now=clock.now(), reason=data.reason
    )
    return code_out(code, request.app.state.settings.public_base_url)


@router.post(
    "/{token}/reissue",
    status_code=201,
    summary="Replace a code with a new token that works at once",
    openapi_extra=requires(codes.PERM_CODES_MANAGE),
)
async def reissue_code(
    token: str,
    data: CodeChange,
    session: SessionDep,
    clock: ClockDep,
    principal: PrincipalDep,
    request: Request,
) -> CodeOut:
    code = await _managed_code(session, token, principal)
    fresh = await codes.reissue_code(
        session, code=code, actor=principal.subject, now=clock.now(), reason=data.reason
    )
    return code_out(fresh, request.app.state.settings.public_base_url)


@router.get(
    "/{token}/history",
    summary="Who issued, revoked and re-issued this code, and when",
    openapi_extra=requires(codes.PERM_CODES_MANAGE),
)
async def code_history(
    token: str, session: SessionDep, principal: PrincipalDep
) -> list[CodeEventOut]:
    code = await _managed_code(session, token, principal)
    return [CodeEventOut.model_validate(e) for e in await codes.code_history(session, code)]
