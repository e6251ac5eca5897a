"""Identity, as every other service sees it: organisations (contractors, property
companies, partners) by id and where each may work, tokens for integrations' API keys,
messages to the on-duty staff of a role over a place, and what a service may learn about
residents: verified membership of a household and its unit door, a resident's households,
the count of verified households under a place, a child's birth year for its guardian, a
message to a resident by id, and (with a staff member's own token) a resident found by phone.
Answers about residents carry ids, counts and yes or no, never a phone or a name.

A service calls identity with an API client of its own (e.g. scope `identity:notify`),
exchanged for a short-lived token per call. Failures map by kit's one mapping
(kit.clients.base): an unknown organisation named in the caller's request is a 422 at
that field, no answer a 503 `identity_unavailable` (so is a service without a key, for the
questions that need one).
"""

from __future__ import annotations

import logging
import uuid

import httpx
from pydantic import BaseModel

from services.kit.clients.base import Meaning, ServiceClient, unavailable

log = logging.getLogger("kit.clients.identity")


class Organisation(BaseModel):
    id: uuid.UUID
    name: str
    kind: str


class CoveredPlace(BaseModel):
    place_id: uuid.UUID
    path: str
    name: str


class HouseholdMembership(BaseModel):
    household_id: uuid.UUID
    resident_id: uuid.UUID
    unit_place_id: uuid.UUID
    unit_code: str
    member: bool
    verified: bool


class ResidentHousehold(BaseModel):
    household_id: uuid.UUID
    unit_place_id: uuid.UUID
    unit_code: str
    relation: str
    verified: bool


class MessageReceipt(BaseModel):
    resident_id: uuid.UUID
    delivered: bool
    message_id: uuid.UUID | None = None
    channel: str | None = None
    # "no_contact" (no phone on record: nothing sent) or "refused" (the sender did not take it).
    undelivered_reason: str | None = None


class FoundResident(BaseModel):
    resident_id: uuid.UUID
    phone: str  # masked


class IdentityClient(ServiceClient):
    service = "identity"

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str = "",
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(base_url, transport=transport)
        # The calling service's own key (e.g. scope identity:notify).
        self._api_key = api_key

    async def organisation(self, organisation_id: uuid.UUID, *, pointer: str) -> Organisation:
        """An enabled organisation by id; unknown (or disabled) is a 422 at `pointer`."""
        response = await self.call(
            "GET",
            f"/v1/organisations/{organisation_id}",
            unknown=Meaning("unknown_organisation", "No such organisation.", pointer),
        )
        return Organisation.model_validate(response.json())

    async def coverage(
        self, organisation_id: uuid.UUID, *, permission: str, pointer: str
    ) -> list[CoveredPlace]:
        """Where an enabled organisation holds `permission` (its keys' places and its staff's
        grants); unknown (or disabled) is a 422 at `pointer`."""
        response = await self.call(
            "GET",
            f"/v1/organisations/{organisation_id}/coverage",
            params={"permission": permission},
            unknown=Meaning("unknown_organisation", "No such organisation.", pointer),
        )
        return [CoveredPlace.model_validate(p) for p in response.json()["places"]]

    async def api_key_token(self, api_key: str) -> str | None:
        """An access token for an integration's key; None if the key is not valid."""
        response = await self.call(
            "POST",
            "/v1/auth/api-key-token",
            ok=(200, 401, 403, 422),
            headers={"X-API-Key": api_key},
        )
        if response.status_code != 200:
            return None
        return str(response.json()["access_token"])

    async def service_token(self) -> str | None:
        """A token for this service's own key; None (logged) when it has none or it is
        refused, so optional calls (on-duty alerts) degrade to "nobody was told"."""
        if not self._api_key:
            log.warning("no identity API key configured: calls that need one are skipped")
            return None
        token = await self.api_key_token(self._api_key)
        if token is None:
            log.warning("this service's identity API key is not valid")
        return token

    async def notify_on_duty(self, *, role: str, place_path: str, template: str, text: str) -> int:
        """Message the on-duty staff holding `role` over the place; how many are on duty.
        Raises DependencyUnavailable when identity does not answer (a job then retries)."""
        token = await self.service_token()
        if token is None:
            return 0
        response = await self.call(
            "POST",
            "/v1/notifications/on-duty",
            json={"role": role, "place_path": place_path, "template": template, "text": text},
            headers={"Authorization": f"Bearer {token}"},
        )
        return int(response.json()["on_duty"])

    async def masked_phone(self, bearer: str) -> str | None:
        """The masked phone (138****0000) of the person `bearer` (their own token, forwarded)
        belongs to, as identity's `GET /v1/me` shows it: services keep this, never the number."""
        response = await self.call("GET", "/v1/me", headers={"Authorization": f"Bearer {bearer}"})
        phone = response.json().get("phone")
        return str(phone) if phone else None

    async def _service_headers(self) -> dict[str, str]:
        """This service's own credentials; without them identity cannot be asked (503)."""
        token = await self.service_token()
        if token is None:
            raise unavailable(self.service)
        return {"Authorization": f"Bearer {token}"}

    async def household_membership(
        self, household_id: uuid.UUID, resident_id: uuid.UUID, *, pointer: str | None = None
    ) -> HouseholdMembership:
        """Whether the resident is a verified member of the household, and its unit door
        (scope identity:households:read). An unknown household, or one outside this service's
        places, is a 422 at `pointer` (a 404 without one)."""
        response = await self.call(
            "GET",
            f"/v1/households/{household_id}/members/{resident_id}",
            headers=await self._service_headers(),
            unknown=Meaning("unknown_household", "No such household.", pointer, statuses=(404,)),
        )
        return HouseholdMembership.model_validate(response.json())

    async def households_of(self, resident_id: uuid.UUID) -> list[ResidentHousehold]:
        """The resident's households at this service's places (scope
        identity:households:read); an unknown resident is a 404 `unknown_resident`."""
        response = await self.call(
            "GET",
            f"/v1/residents/{resident_id}/households",
            headers=await self._service_headers(),
            unknown=Meaning("unknown_resident", "No such resident.", statuses=(404,)),
        )
        return [ResidentHousehold.model_validate(h) for h in response.json()["households"]]

    async def verified_households(self, place_path: str) -> int:
        """How many verified households are under the place (scope identity:households:count)."""
        response = await self.call(
            "GET",
            "/v1/households/verified-count",
            params={"place_path": place_path},
            headers=await self._service_headers(),
        )
        return int(response.json()["verified_households"])

    async def dependant_birth_year(
        self, guardian_id: uuid.UUID, dependant_id: uuid.UUID, *, pointer: str | None = None
    ) -> int:
        """The child's birth year if it is in the guardian's care (scope
        identity:dependants:read); otherwise a 422 at `pointer` (a 404 without one)."""
        response = await self.call(
            "GET",
            f"/v1/residents/{guardian_id}/dependants/{dependant_id}",
            headers=await self._service_headers(),
            unknown=Meaning(
                "unknown_dependant", "No such child in this guardian's care.", pointer, (404,)
            ),
        )
        return int(response.json()["birth_year"])

    async def message_resident(
        self, resident_id: uuid.UUID, *, template: str, text: str
    ) -> MessageReceipt:
        """Text the resident (scope identity:residents:message); identity records it and the
        resident sees it on 我的. `delivered` is false when they have no phone on record."""
        response = await self.call(
            "POST",
            f"/v1/residents/{resident_id}/messages",
            json={"template": template, "text": text},
            headers=await self._service_headers(),
            unknown=Meaning("unknown_resident", "No such resident.", statuses=(404,)),
        )
        return MessageReceipt.model_validate(response.json())

    async def find_resident(self, bearer: str, phone: str) -> FoundResident | None:
        """The resident with this phone, asked with the staff member's own token (`bearer`,
        forwarded: the search is theirs, limited and recorded in their name); None if no
        resident has it."""
        response = await self.call(
            "POST",
            "/v1/residents/find-by-phone",
            ok=(200, 404),
            json={"phone": phone},
            headers={"Authorization": f"Bearer {bearer}"},
        )
        if response.status_code == 404:
            return None
        return FoundResident.model_validate(response.json())
