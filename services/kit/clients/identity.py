"""Identity, as every other service sees it: organisations (contractors, property
companies, partners) by id and where each may work, tokens for integrations' API keys, and
messages to the on-duty staff of a role over a place.

A service calls identity with an API client of its own (e.g. scope `identity:notify`),
exchanged for a short-lived token per call. Failures map by kit's one mapping
(kit.clients.base): an unknown organisation named in the caller's request is a 422 at
that field, no answer a 503 `identity_unavailable`.
"""

from __future__ import annotations

import logging
import uuid

import httpx
from pydantic import BaseModel

from services.kit.clients.base import Meaning, ServiceClient

log = logging.getLogger("kit.clients.identity")


class Organisation(BaseModel):
    id: uuid.UUID
    name: str
    kind: str


class CoveredPlace(BaseModel):
    place_id: uuid.UUID
    path: str
    name: str


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
