"""What the work-order and referral tests share: intake trusting the real identity's keys
(contractors sign in there, by API key or as the demo worker), organisations and keys issued
through identity's admin API, uploads through POST /v1/media, and a ticket taken as far as a
contractor's finished work."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from PIL import Image

from services.identity.seed import DEMO_API_KEY
from tests.fixtures.identity import Identity
from tests.fixtures.intake import Intake

UNIT = "GYSNL-01-1"  # the demo contractor (京南宽带) serves 观音寺南里 (GYSNL)
REPORTER_NAME = "王小明"
REPORTER_PHONE = "13912345678"


def photo(colour: tuple[int, int, int] = (0, 160, 80)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(out, "PNG")
    return out.getvalue()


@dataclass
class Stack:
    intake: Intake
    identity: Identity
    admin: dict[str, str]
    # The reporters' tracking tokens (handed out on submission), by ticket id.
    tracking_tokens: dict[str, str] = field(default_factory=dict)
    # Each upload's key (the upload's answer), by media id.
    upload_keys: dict[str, str] = field(default_factory=dict)

    @classmethod
    async def start(cls, intake: Intake, identity: Identity, media_root: Path) -> Stack:
        await identity.seed()
        intake.identity.target = httpx.ASGITransport(app=identity.app)
        # Intake trusts identity's published keys (besides the test factory's, for staff).
        jwks = (await identity.client.get("/v1/jwks.json")).json()
        intake.app.state.token_verifier.use_local_keys(lambda: jwks)
        # Each test's uploads in its own directory (INTAKE_MEDIA_ROOT in a deployment).
        intake.app.state.intake.media.storage.root = media_root
        return cls(intake, identity, await identity.bearer("admin"))

    @property
    def client(self) -> httpx.AsyncClient:
        return self.intake.client

    async def organisation(self, name: str) -> str:
        response = await self.identity.client.get("/v1/organisations")
        assert response.status_code == 200, response.text
        return str(next(o["id"] for o in response.json()["items"] if o["name"] == name))

    async def new_organisation(self, name: str, kind: str = "contractor") -> str:
        response = await self.identity.client.post(
            "/v1/organisations", json={"name": name, "kind": kind}, headers=self.admin
        )
        assert response.status_code == 201, response.text
        return str(response.json()["id"])

    async def issue_key(
        self, place_code: str, scope: str, *, organisation_id: str | None = None
    ) -> str:
        place = await self.intake.directory.place(place_code)
        body = {
            "name": f"{scope} @ {place_code}",
            "organisation_id": organisation_id,
            "scopes": [scope],
            "place_ids": [place["id"]],
        }
        response = await self.identity.client.post("/v1/api-clients", json=body, headers=self.admin)
        assert response.status_code == 201, response.text
        return str(response.json()["api_key"])

    async def key_token(self, api_key: str = DEMO_API_KEY) -> dict[str, str]:
        """What the gateway does with an X-API-Key: a bearer token from identity."""
        response = await self.identity.client.post(
            "/v1/auth/api-key-token", headers={"X-API-Key": api_key}
        )
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    async def staff(self, place_code: str = "GYSNL", *perms: str) -> dict[str, str]:
        return await self.intake.staff(place_code, *perms, subject=f"staff-{place_code}")

    async def upload(self, headers: dict[str, str] | None = None, **kwargs: Any) -> str:
        files = {"file": ("photo.png", photo(**kwargs), "image/png")}
        response = await self.client.post("/v1/media", files=files, headers=headers)
        assert response.status_code == 201, response.text
        # What the page keeps: a report names the keys of its anonymous uploads.
        self.upload_keys[response.json()["id"]] = response.json()["upload_key"]
        return str(response.json()["id"])

    async def post(
        self, path: str, headers: dict[str, str], body: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        response = await self.client.post(path, json=body, headers=headers)
        assert response.status_code in (200, 201), response.text
        return dict(response.json())

    async def get(self, path: str, headers: dict[str, str]) -> dict[str, Any]:
        response = await self.client.get(path, headers=headers)
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def reported(self, **fields: Any) -> dict[str, Any]:
        """A report at UNIT with a photo and the reporter's name and phone, acknowledged by
        GYSNL's staff: the ticket's detail as staff see it."""
        photo_id = await self.upload(colour=(200, 30, 30))
        submitted = await self.intake.report(
            UNIT,
            photo_ids=[photo_id],
            upload_keys={photo_id: self.upload_keys[photo_id]},
            reporter_name=REPORTER_NAME,
            reporter_phone=REPORTER_PHONE,
            consent=True,
            **fields,
        )
        staff = await self.staff()
        inbox = await self.get("/v1/tickets", staff)
        ticket_id = next(t["id"] for t in inbox["items"] if t["number"] == submitted["number"])
        path = f"/v1/tickets/{ticket_id}"
        await self.post(f"{path}/acknowledge", staff, {"outcome": "reached"})
        self.tracking_tokens[str(ticket_id)] = submitted["tracking_token"]
        return await self.get(path, staff)

    async def assigned(self, organisation: str = "京南宽带", **fields: Any) -> tuple[str, str]:
        """A reported ticket assigned to the organisation: (ticket id, work order id)."""
        ticket = await self.reported(**fields)
        body = {
            "assignee_kind": "contractor",
            "assignee_ref": await self.organisation(organisation),
            "instructions": "清理楼道小广告，拍照留证",
        }
        detail = await self.post(f"/v1/tickets/{ticket['id']}/assign", await self.staff(), body)
        return str(ticket["id"]), str(detail["work_orders"][-1]["id"])

    async def finished(self, contractor: dict[str, str]) -> tuple[str, str, dict[str, Any]]:
        """A ticket whose order the contractor accepted, started and marked done with
        evidence: (ticket id, order id, the order as the contractor sees it)."""
        ticket_id, order_id = await self.assigned()
        path = f"/v1/work-orders/{order_id}"
        await self.post(f"{path}/accept", contractor)
        await self.post(f"{path}/start", contractor)
        order = await self.post(
            f"{path}/done",
            contractor,
            {
                "note": "已清理3处小广告，张贴者留有电话13700001111",
                "before_photo_ids": [await self.upload(contractor, colour=(90, 90, 90))],
                "after_photo_ids": [await self.upload(contractor, colour=(250, 250, 250))],
            },
        )
        return ticket_id, order_id, order
