"""Directory, as every other service sees it: what a scanned code is, where a place is
(its path and its chain of ancestors), and the codes a service posts for its own things.

Its answers are typed here once; a failure becomes the caller's problem by kit's one
mapping (kit.clients.base): an unknown code or place named in the caller's request is a
422 at that field, a revoked code a 410, no answer a 503 `directory_unavailable`.
"""

from __future__ import annotations

import time
import uuid

import httpx
from pydantic import BaseModel

from services.kit.clients.base import Meaning, ServiceClient, unavailable, unknown_error
from services.kit.codes import code_token

# How long a tree of places is reused (Open311 lists poll; doors change far less often).
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
    """Where a record is: the place (a unit door, or a building / community for reports
    that came without a door), its unit / building / community, and its path."""

    place: PlaceRef
    chain: Chain
    path: str


class CodeTarget(BaseModel):
    """The thing in another service a code opens (a room, a station, a parking area)."""

    service: str
    id: str


class ScannedCode(Location):
    """Directory's `GET /v1/codes/{token}`: the code, its place and chain, its target."""

    token: str
    kind: str
    target: CodeTarget | None = None
    contact_phone: str | None = None


class MappedPlace(PlaceRef):
    """A place as directory lists it: its parent and its coordinates (WGS-84), if known."""

    parent_id: uuid.UUID | None = None
    latitude: float | None = None
    longitude: float | None = None


class PlaceDetail(PlaceRef):
    """A place with its ancestors, root first."""

    ancestors: list[PlaceRef]
    contact_phone: str | None = None  # the nearest office phone at or above it

    def ref(self) -> PlaceRef:
        return PlaceRef.model_validate(self.model_dump(exclude={"ancestors", "contact_phone"}))

    def chain(self) -> list[PlaceRef]:
        """Every place from the root down to this one."""
        return [*self.ancestors, self.ref()]

    def location(self) -> Location:
        by_kind = {p.kind: p for p in self.chain()}
        return Location(
            place=self.ref(),
            chain=Chain(
                unit=by_kind.get("unit"),
                building=by_kind.get("building"),
                community=by_kind.get("community"),
            ),
            path=self.path,
        )


class IssuedCode(BaseModel):
    """A code directory issued or revoked (the part other services keep)."""

    id: uuid.UUID
    token: str
    kind: str
    place_id: uuid.UUID
    target: CodeTarget | None = None
    status: str
    url: str


def _unknown_place(
    pointer: str | None,
    detail: str = "No such place in the directory.",
    statuses: tuple[int, ...] = (400, 404, 422),
) -> Meaning:
    return Meaning("unknown_place", detail, pointer, statuses)


class DirectoryClient(ServiceClient):
    service = "directory"

    def __init__(self, base_url: str, *, transport: httpx.AsyncBaseTransport | None = None):
        super().__init__(base_url, transport=transport)
        self._places: dict[uuid.UUID | str, tuple[float, list[MappedPlace]]] = {}

    async def resolve_code(self, token: str, *, pointer: str) -> ScannedCode:
        """The scanned code's place; unknown (422 at `pointer`) and revoked (410) codes are
        the caller's problem. What has no code token's shape is unknown without a call."""
        unknown = Meaning(
            "unknown_code",
            "This QR code is not known. Scan the code again, or ask the staff nearby.",
            pointer,
        )
        shaped = code_token(token)
        if shaped is None:
            raise unknown_error(unknown)
        response = await self.call(
            "GET",
            f"/v1/codes/{shaped}",
            unknown=unknown,
            gone=Meaning(
                "code_revoked",
                "This QR code has been replaced. Please scan the new code on the notice board.",
            ),
        )
        # Validated from the bytes (pydantic's JSON parser): every report and scan asks this.
        return ScannedCode.model_validate_json(response.content)

    async def place(self, place_id: uuid.UUID, *, pointer: str | None = None) -> PlaceDetail:
        """A place by id with its ancestors; unknown is a 422 at `pointer` (else a 404)."""
        response = await self.call("GET", f"/v1/places/{place_id}", unknown=_unknown_place(pointer))
        return PlaceDetail.model_validate(response.json())

    async def place_by_code(self, code: str, *, pointer: str | None = None) -> PlaceDetail:
        """A place by its public code (TGYZL-03-2); unknown is a 422 at `pointer`."""
        response = await self.call(
            "GET",
            f"/v1/places/by-code/{code}",
            unknown=_unknown_place(pointer, "No place has this code."),
        )
        return PlaceDetail.model_validate(response.json())

    async def locate(self, code: str, *, pointer: str) -> Location:
        """A place by its public code, as a record's location (place, chain, path)."""
        return (await self.place_by_code(code, pointer=pointer)).location()

    async def address(self, code: str) -> list[PlaceRef]:
        """The place with this code and every place above it, the top first: how a work
        order or a referral names where the problem is. The code was known when the
        record was made, so not finding it now is directory's failure (503)."""
        response = await self.call("GET", f"/v1/places/by-code/{code}", ok=(200, 404, 422))
        if response.status_code != 200:
            raise unavailable(self.service)
        return PlaceDetail.model_validate(response.json()).chain()

    async def places_under(self, place_id: uuid.UUID) -> list[MappedPlace]:
        """The place and every place under it (names, parents, coordinates), all pages;
        none for an unknown place. Kept for PLACES_TTL_SECONDS."""
        return await self._listed(place_id, {"under": str(place_id)})

    async def places_of_kind(self, kind: str) -> list[MappedPlace]:
        """Every place of one kind (every community, every building), all pages. Kept for
        PLACES_TTL_SECONDS."""
        return await self._listed(f"kind:{kind}", {"kind": kind})

    async def _listed(
        self, key: uuid.UUID | str, params: dict[str, str | int]
    ) -> list[MappedPlace]:
        cached = self._places.get(key)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        found = await self._fetch_places(params)
        self._places[key] = (time.monotonic() + PLACES_TTL_SECONDS, found)
        return found

    async def _fetch_places(self, params: dict[str, str | int]) -> list[MappedPlace]:
        found: list[MappedPlace] = []
        while True:
            page_params = {**params, "limit": 100, "offset": len(found)}
            response = await self.call("GET", "/v1/places", params=page_params, ok=(200, 404, 422))
            if response.status_code != 200:
                return []
            page = response.json()
            found += [MappedPlace.model_validate(item) for item in page["items"]]
            if not page["items"] or len(found) >= int(page["total"]):
                return found

    async def issue_code(
        self,
        place_id: uuid.UUID,
        *,
        kind: str,
        target: CodeTarget | None,
        bearer: str,
        pointer: str | None = None,
    ) -> IssuedCode:
        """Issue a code at a place, opening `target` (a thing in the calling service).

        `bearer` is a token holding directory:codes:manage over the place: the acting
        staff member's, forwarded, so directory's record names who posted the code."""
        body = {"kind": kind, "target": target.model_dump() if target else None}
        response = await self.call(
            "POST",
            f"/v1/places/{place_id}/codes",
            ok=(201,),
            # A 422 here is about the code asked for (its kind), kept as directory said it.
            unknown=_unknown_place(pointer, statuses=(404,)),
            json=body,
            headers={"Authorization": f"Bearer {bearer}"},
        )
        return IssuedCode.model_validate(response.json())

    async def revoke_code(self, token: str, *, reason: str, bearer: str) -> IssuedCode:
        """Revoke a code (it answers 410 from then on); an unknown code is a 404 (one without
        a code token's shape too, without a call)."""
        unknown = Meaning("unknown_code", "No such QR code.")
        shaped = code_token(token)
        if shaped is None:
            raise unknown_error(unknown)
        response = await self.call(
            "POST",
            f"/v1/codes/{shaped}/revoke",
            unknown=unknown,
            json={"reason": reason},
            headers={"Authorization": f"Bearer {bearer}"},
        )
        return IssuedCode.model_validate(response.json())
