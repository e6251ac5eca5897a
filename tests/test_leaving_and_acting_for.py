"""People across services, through the gateway with every service real: staff act for a
resident without a smartphone and intake records for whom and why; a resident deletes
their account and intake and the warm station each forget them by their retention rule,
once however often the event arrives, their statistics unchanged."""

from __future__ import annotations

import io
import uuid
from typing import Any

import sqlalchemy as sa
from PIL import Image

from services.courier.models import Courier, CourierCard, media
from services.identity import events_out
from services.intake.models import Ticket, TicketEvent, received_events
from services.kit.abuse import DEVICE_HEADER
from services.kit.db import Database
from services.kit.outbox import OutboxEvent
from tests.fixtures.courier import PROFILE
from tests.fixtures.system import System

PHONE = "13966667777"


async def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


async def _report(system: System, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    body = {
        "code_token": await system.directory.unit_token("TGYZL-03-2"),
        "category": "small_ads",
        "description": "楼道墙上贴满了小广告",
        **fields,
    }
    return dict(
        await _ok(
            await system.client.post(
                "/api/intake/v1/tickets",
                json=body,
                headers={**headers, DEVICE_HEADER: uuid.uuid4().hex},
            ),
            201,
        )
    )


async def test_staff_act_for_a_resident_without_a_phone_and_intake_records_it(
    system: System, intake_db: Database
) -> None:
    staff = await system.bearer("tgyzl_staff")
    unit = await system.place("TGYZL-03-2")
    record = await _ok(
        await system.client.post(
            "/api/identity/v1/residents",
            json={"name": "王秀英", "unit_place_id": unit["id"], "room_no": "301"},
            headers=staff,
        ),
        201,
    )
    acting = await _ok(
        await system.client.post(
            "/api/identity/v1/tokens/act-for",
            json={"resident_id": record["id"], "reason": "老人来电，代为报修"},
            headers=staff,
        )
    )
    await _report(system, {"Authorization": f"Bearer {acting['access_token']}"})

    async with intake_db.session(write=False) as session:
        ticket = await session.scalar(sa.select(Ticket))
        assert ticket is not None
        first = await session.scalar(
            sa.select(TicketEvent).where(TicketEvent.ticket_id == ticket.id)
        )
    assert ticket.reporter_subject == f"resident:{record['id']}"
    assert first is not None
    assert (first.actor_kind, first.actor_name) == ("staff", "天宫院中里社工")
    assert (first.on_behalf_of, first.reason) == (f"resident:{record['id']}", "老人来电，代为报修")


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 60, 30)).save(out, "JPEG")
    return out.getvalue()


async def test_a_deleted_account_is_forgotten_by_intake_and_the_warm_station(
    system: System, intake_db: Database, courier_db: Database
) -> None:
    me = await system.resident_bearer(PHONE)
    subject = (await _ok(await system.client.get("/api/identity/v1/me", headers=me)))["subject"]
    await _report(system, me, reporter_name="赵女士", reporter_phone=PHONE, consent=True)
    mine = await _ok(await system.client.get("/api/intake/v1/me/tickets", headers=me))
    assert mine["total"] == 1

    station = await system.place("TGY-NXYZ")
    station_staff = await system.bearer("station_tgy")
    await _ok(
        await system.client.put(
            f"/api/courier/v1/stations/{station['id']}", json=PROFILE, headers=station_staff
        )
    )
    await _ok(
        await system.client.post(
            "/api/courier/v1/me/courier", json={"nickname": "小赵", "platform": "sf"}, headers=me
        ),
        201,
    )
    photo = await _ok(
        await system.client.post(
            "/api/courier/v1/media", files={"file": ("me.jpg", _jpeg(), "image/jpeg")}, headers=me
        ),
        201,
    )
    await _ok(
        await system.client.put(
            "/api/courier/v1/me/courier/photo", json={"media_id": photo["id"]}, headers=me
        )
    )
    token = await system.directory.unit_token("TGY-NXYZ")
    await _ok(
        await system.client.post("/api/courier/v1/visits", json={"code_token": token}, headers=me),
        201,
    )

    admin = await system.bearer("admin")
    day = system.identity.clock.local_now().date().isoformat()
    period = {"from": day, "to": day}
    intake_before = await _ok(await system.client.get("/api/intake/v1/statistics", headers=admin))
    courier_before = await _ok(
        await system.client.get("/api/courier/v1/statistics", params=period, headers=admin)
    )

    await _ok(await system.client.delete("/api/identity/v1/me", headers=me), 204)
    relayed = await system.identity.app.state.relay.relay_due()
    assert relayed.succeeded == 2, relayed

    async with intake_db.session(write=False) as session:
        ticket = await session.scalar(sa.select(Ticket))
        assert ticket is not None
        trail = list(
            await session.scalars(sa.select(TicketEvent).where(TicketEvent.ticket_id == ticket.id))
        )
    assert (ticket.reporter_subject, ticket.reporter_name_cipher) == (None, None)
    assert (ticket.reporter_phone_cipher, ticket.reporter_phone_hash) == (None, None)
    assert ticket.status == "submitted"  # the ticket stays, as the community's record
    assert [e.detail for e in trail if e.action == "personal_data_purged"] == [
        {"cause": "account_deleted"}
    ]

    async with courier_db.session(write=False) as session:
        courier = await session.scalar(sa.select(Courier))
        assert courier is not None
        cards = list(await session.scalars(sa.select(CourierCard.status)))
        purged = await session.scalar(
            sa.select(media.table.c.purged_at).where(media.table.c.id == uuid.UUID(photo["id"]))
        )
    assert courier.resident_subject == f"left:{courier.id}"
    assert subject not in courier.resident_subject
    assert (courier.nickname, courier.phone_masked, courier.photo_id) == ("已注销", None, None)
    assert courier.agrees_to_be_named is False
    assert cards == ["revoked"]
    assert purged is not None

    # The numbers stay as they were.
    assert await _ok(await system.client.get("/api/intake/v1/statistics", headers=admin)) == (
        intake_before
    )
    courier_after = await _ok(
        await system.client.get("/api/courier/v1/statistics", params=period, headers=admin)
    )
    assert courier_after == courier_before

    # Delivered again (a relay that died before recording its success): nothing more.
    async with system.identity.db.session(write=False) as session:
        row = (
            (await session.execute(sa.select(system.identity.app.state.relay.outbox.events)))
            .mappings()
            .one()
        )
    event = OutboxEvent(**{k: row[k] for k in OutboxEvent.__dataclass_fields__})
    for name in ("intake", "courier"):
        await system.identity.app.state.events(f"service:{name}", event)
    async with intake_db.session(write=False) as session:
        purges = await session.scalar(
            sa.select(sa.func.count())
            .select_from(TicketEvent)
            .where(TicketEvent.action == "personal_data_purged")
        )
    assert purges == 1


async def test_an_event_without_the_residents_id_is_a_422_and_leaves_nothing(
    system: System, intake_db: Database
) -> None:
    ctx = system.identity.app.state.identity
    token = events_out.service_token(
        keys=ctx.keys,
        issuer=ctx.settings.jwt_issuer,
        receivers=["intake"],
        now=system.identity.clock.now(),
    )
    body = {
        "id": str(uuid.uuid4()),
        "source": "identity",
        "topic": "resident.deleted",
        "key": "resident:x",
        "payload": {"resident_id": "not-an-id"},
        "created_at": system.identity.clock.now().isoformat(),
    }
    refused = await system.client.post(
        "/api/intake/v1/events", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert (refused.status_code, refused.json()["code"]) == (422, "invalid_event")
    async with intake_db.session(write=False) as session:
        taken = await session.scalar(sa.select(sa.func.count()).select_from(received_events.table))
    assert taken == 0  # a corrected delivery of the same id is still taken
