"""Typed HTTP client for the one service intake calls: directory (what a scanned code is,
where a place is)."""

from __future__ import annotations

import uuid

import httpx
from pydantic import BaseModel

from services.kit.errors import DependencyUnavailable, FieldError, Gone, InvalidInput
from services.kit.http import service_client


class PlaceRef(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    kind: str
    path: str


class Chain(BaseModel):
    unit: PlaceRef | None = None
    building: PlaceRef | None = None
    community: PlaceRef | None = None


class ScannedCode(BaseModel):
    """The part of directory's `GET /v1/codes/{token}` answer intake keeps."""

    token: str
    kind: str
    place: PlaceRef
    chain: Chain
    path: str


class DirectoryClient:
    def __init__(self, base_url: str, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._client = service_client(base_url, transport=transport)

    async def resolve_code(self, token: str, *, pointer: str) -> ScannedCode:
        """The scanned code's place; unknown and revoked codes are the caller's problem (4xx)."""
        try:
            response = await self._client.get(f"/v1/codes/{token}")
        except httpx.HTTPError as exc:
            raise _unavailable() from exc
        if response.status_code in (404, 422):
            raise InvalidInput(
                "unknown_code",
                "This QR code is not known. Scan the code on your unit door again.",
                errors=[FieldError(pointer=pointer, detail="unknown code", code="unknown_code")],
            )
        if response.status_code == 410:
            raise Gone(
                "code_revoked",
                "This QR code has been replaced. Please scan the new code on the notice board.",
            )
        if response.status_code != 200:
            raise _unavailable()
        return ScannedCode.model_validate(response.json())

    async def get_place(self, place_id: uuid.UUID, *, pointer: str) -> PlaceRef:
        """A place by its id (its path is what a scope is made of); unknown is a 422."""
        try:
            response = await self._client.get(f"/v1/places/{place_id}")
        except httpx.HTTPError as exc:
            raise _unavailable() from exc
        if response.status_code in (404, 422):
            raise InvalidInput(
                "unknown_place",
                "No such place in the directory.",
                errors=[FieldError(pointer=pointer, detail="unknown place", code="unknown_place")],
            )
        if response.status_code != 200:
            raise _unavailable()
        return PlaceRef.model_validate(response.json())

    async def aclose(self) -> None:
        await self._client.aclose()


def _unavailable() -> DependencyUnavailable:
    return DependencyUnavailable(
        "directory_unavailable", "The directory of places did not answer; try again shortly."
    )
