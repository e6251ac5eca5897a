"""Typed HTTP client for the one service identity calls: directory (to learn a place's path)."""

from __future__ import annotations

import uuid

import httpx
from pydantic import BaseModel

from services.kit.errors import DependencyUnavailable, InvalidInput
from services.kit.http import service_client


class PlaceInfo(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    kind: str
    path: str


class DirectoryClient:
    def __init__(self, base_url: str, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._client = service_client(base_url, transport=transport)

    async def place(self, place_id: uuid.UUID) -> PlaceInfo:
        return await self._get(f"/v1/places/{place_id}")

    async def place_by_code(self, code: str) -> PlaceInfo:
        return await self._get(f"/v1/places/by-code/{code}")

    async def _get(self, path: str) -> PlaceInfo:
        try:
            response = await self._client.get(path)
        except httpx.HTTPError as exc:
            raise _unavailable() from exc
        if response.status_code == 404:
            raise InvalidInput("unknown_place", "No such place in the directory.")
        if response.status_code != 200:
            raise _unavailable()
        return PlaceInfo.model_validate(response.json())

    async def aclose(self) -> None:
        await self._client.aclose()


def _unavailable() -> DependencyUnavailable:
    return DependencyUnavailable(
        "directory_unavailable", "The directory of places did not answer; try again shortly."
    )
