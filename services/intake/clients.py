"""Typed HTTP clients for the services intake calls: directory (what a scanned code is, where
a place is) and identity (organisations, API keys of integrations, on-duty staff)."""

from __future__ import annotations

import logging
import time
import uuid

import httpx
from pydantic import BaseModel

from services.kit.errors import DependencyUnavailable, FieldError, Gone, InvalidInput
from services.kit.http import service_client

log = logging.getLogger("intake.clients")
# How long a community's tree of places is reused for naming tickets (Open311 lists).
PLACES_TTL_SECONDS = 60.0


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


class Location(BaseModel):
    """Where a ticket is: the place (a unit door, or a building / community for reports
    that came without a door), its unit / building / community, and its path."""

    place: PlaceRef
    chain: Chain
    path: str


class ScannedCode(Location):
    """The part of directory's `GET /v1/codes/{token}` answer intake keeps."""

    token: str
    kind: str


class MappedPlace(PlaceRef):
    """A place as directory lists it: its parent and its coordinates (WGS-84), if known."""

    parent_id: uuid.UUID | None = None
    latitude: float | None = None
    longitude: float | None = None


class PlaceDetail(PlaceRef):
    ancestors: list[PlaceRef]

    def location(self) -> Location:
        by_kind = {p.kind: p for p in [*self.ancestors, self]}
        this = PlaceRef.model_validate(self.model_dump(exclude={"ancestors"}))
        return Location(
            place=this,
            chain=Chain(
                unit=by_kind.get("unit"),
                building=by_kind.get("building"),
                community=by_kind.get("community"),
            ),
            path=self.path,
        )


class DirectoryClient:
    def __init__(self, base_url: str, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._client = service_client(base_url, transport=transport)
        self._places: dict[uuid.UUID, tuple[float, list[MappedPlace]]] = {}

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

    async def place_by_code(self, code: str, *, pointer: str) -> Location:
        """A place by its public code (TGYZL-03-2), as a ticket's location; unknown is a 422."""
        try:
            response = await self._client.get(f"/v1/places/by-code/{code}")
        except httpx.HTTPError as exc:
            raise _unavailable() from exc
        if response.status_code in (404, 422):
            raise InvalidInput(
                "unknown_place",
                "No place has this code.",
                errors=[FieldError(pointer=pointer, detail="unknown place", code="unknown_place")],
            )
        if response.status_code != 200:
            raise _unavailable()
        return PlaceDetail.model_validate(response.json()).location()

    async def address(self, code: str) -> list[PlaceRef]:
        """The place with this code and every place above it, the top first (district ...
        unit door): how a work order or a referral names where the problem is."""
        try:
            response = await self._client.get(f"/v1/places/by-code/{code}")
        except httpx.HTTPError as exc:
            raise _unavailable() from exc
        if response.status_code != 200:
            # A ticket's place was known when it was filed; not finding it now is directory's.
            raise _unavailable()
        detail = PlaceDetail.model_validate(response.json())
        this = PlaceRef.model_validate(detail.model_dump(exclude={"ancestors"}))
        return [*detail.ancestors, this]  # directory lists ancestors root first

    async def places_under(self, place_id: uuid.UUID) -> list[MappedPlace]:
        """The place and every place under it (names, parents, coordinates), all pages;
        none for an unknown place. One community's tree names every ticket filed in it.

        Kept for PLACES_TTL_SECONDS: Open311 clients poll the public lists, and a
        community's buildings and doors change far less often than that."""
        cached = self._places.get(place_id)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        found = await self._fetch_places_under(place_id)
        self._places[place_id] = (time.monotonic() + PLACES_TTL_SECONDS, found)
        return found

    async def _fetch_places_under(self, place_id: uuid.UUID) -> list[MappedPlace]:
        found: list[MappedPlace] = []
        while True:
            params: dict[str, str | int] = {
                "under": str(place_id),
                "limit": 100,
                "offset": len(found),
            }
            try:
                response = await self._client.get("/v1/places", params=params)
            except httpx.HTTPError as exc:
                raise _unavailable() from exc
            if response.status_code in (404, 422):
                return []
            if response.status_code != 200:
                raise _unavailable()
            page = response.json()
            found += [MappedPlace.model_validate(item) for item in page["items"]]
            if not page["items"] or len(found) >= int(page["total"]):
                return found

    async def aclose(self) -> None:
        await self._client.aclose()


class Organisation(BaseModel):
    id: uuid.UUID
    name: str
    kind: str


class IdentityClient:
    """Identity: organisations (contractors), API keys (Open311 posts), on-duty messages."""

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str = "",
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._client = service_client(base_url, transport=transport)
        # Intake's own key (scope identity:notify) for messaging on-duty staff.
        self._api_key = api_key

    async def organisation(self, organisation_id: uuid.UUID, *, pointer: str) -> Organisation:
        """An enabled organisation by id; unknown is a 422 at `pointer`."""
        offset = 0
        while True:
            # Identity lists organisations (public names, for pickers) 100 at most a page.
            params = {"limit": 100, "offset": offset}
            try:
                response = await self._client.get("/v1/organisations", params=params)
            except httpx.HTTPError as exc:
                raise _identity_unavailable() from exc
            if response.status_code != 200:
                raise _identity_unavailable()
            page = response.json()
            for item in page["items"]:
                if item["id"] == str(organisation_id):
                    return Organisation.model_validate(item)
            offset += len(page["items"])
            if not page["items"] or offset >= int(page["total"]):
                break
        raise InvalidInput(
            "unknown_organisation",
            "No such organisation.",
            errors=[FieldError(pointer=pointer, detail="unknown", code="unknown_organisation")],
        )

    async def api_key_token(self, api_key: str) -> str | None:
        """An access token for an integration's key (verified by the caller); None if the
        key is not valid."""
        try:
            response = await self._client.post(
                "/v1/auth/api-key-token", headers={"X-API-Key": api_key}
            )
        except httpx.HTTPError as exc:
            raise _identity_unavailable() from exc
        if response.status_code in (401, 403, 422):
            return None
        if response.status_code != 200:
            raise _identity_unavailable()
        return str(response.json()["access_token"])

    async def notify_on_duty(self, *, role: str, place_path: str, template: str, text: str) -> int:
        """Message the on-duty staff holding `role` over the place; how many are on duty.

        Raises DependencyUnavailable when identity does not answer (the job retries)."""
        if not self._api_key:
            log.warning("no INTAKE_IDENTITY_API_KEY: on-duty staff are not messaged")
            return 0
        token = await self.api_key_token(self._api_key)
        if token is None:
            log.warning("intake's identity API key is not valid: on-duty staff not messaged")
            return 0
        try:
            response = await self._client.post(
                "/v1/notifications/on-duty",
                json={"role": role, "place_path": place_path, "template": template, "text": text},
                headers={"Authorization": f"Bearer {token}"},
            )
        except httpx.HTTPError as exc:
            raise _identity_unavailable() from exc
        if response.status_code != 200:
            raise _identity_unavailable()
        return int(response.json()["on_duty"])

    async def aclose(self) -> None:
        await self._client.aclose()


def _identity_unavailable() -> DependencyUnavailable:
    return DependencyUnavailable(
        "identity_unavailable", "The identity service did not answer; try again shortly."
    )


def _unavailable() -> DependencyUnavailable:
    return DependencyUnavailable(
        "directory_unavailable", "The directory of places did not answer; try again shortly."
    )
