"""What other services may ask identity about residents, through kit's identity client
against the real identity app: each question behind its own scope on the service's key,
answers of ids, counts and yes or no, never a phone or a name."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from services.identity.models import Dependant, Resident
from services.kit.clients.identity import IdentityClient
from services.kit.errors import DependencyUnavailable, InvalidInput, NotFound, PermissionDenied
from tests.fixtures.identity import Identity
from tests.identity.residents_support import claim, service_client, sign_in, verify

OWNER, TENANT, NEIGHBOUR = "13911110001", "13911110002", "13911110003"
READ = "identity:households:read"
COUNT = "identity:households:count"
DEPENDANTS = "identity:dependants:read"
MESSAGE = "identity:residents:message"


def _no_personal_data(body: object, *phones: str) -> None:
    text = str(body)
    for phone in phones:
        assert phone not in text
    for word in ("****", "room", "name", "phone"):
        assert word not in text


async def test_a_service_learns_who_is_a_verified_member_and_at_which_unit(
    identity: Identity,
) -> None:
    await identity.seed()
    owner, owner_id = await sign_in(identity, OWNER)
    tenant, tenant_id = await sign_in(identity, TENANT)
    _, neighbour_id = await sign_in(identity, NEIGHBOUR)
    home = await claim(identity, owner, "HCXL-01-1", "101")
    # A second adult asks once the first claim is decided (one pending claim per home).
    await verify(identity, home, owner_id, "hcxl_staff")
    await claim(identity, tenant, "HCXL-01-1", "101")
    unit = await identity.directory.place("HCXL-01-1")

    parking = await service_client(identity, [READ])
    yes = await parking.household_membership(home, owner_id)
    assert (yes.verified, yes.member, yes.unit_code) == (True, True, "HCXL-01-1")
    assert str(yes.unit_place_id) == unit["id"]
    not_yet = await parking.household_membership(home, tenant_id)
    assert (not_yet.member, not_yet.verified) == (True, False)
    stranger = await parking.household_membership(home, neighbour_id)
    assert (stranger.member, stranger.verified) == (False, False)
    _no_personal_data(yes.model_dump(), OWNER)

    with pytest.raises(NotFound) as unknown:
        await parking.household_membership(uuid.uuid4(), owner_id)
    assert unknown.value.code == "unknown_household"
    with pytest.raises(InvalidInput) as at_field:
        await parking.household_membership(uuid.uuid4(), owner_id, pointer="/body/household_id")
    assert at_field.value.errors[0].pointer == "/body/household_id"

    homes = await parking.households_of(owner_id)
    assert [(h.household_id, h.unit_code, h.relation, h.verified) for h in homes] == [
        (home, "HCXL-01-1", "owner", True)
    ]
    assert [h.verified for h in await parking.households_of(tenant_id)] == [False]
    assert await parking.households_of(neighbour_id) == []
    with pytest.raises(NotFound) as no_one:
        await parking.households_of(uuid.uuid4())
    assert no_one.value.code == "unknown_resident"

    # A key over another community learns nothing of this home.
    elsewhere = await service_client(identity, [READ], place="TGYZL")
    with pytest.raises(NotFound):
        await elsewhere.household_membership(home, owner_id)
    assert await elsewhere.households_of(owner_id) == []
    raw = await identity.client.get(
        f"/v1/residents/{owner_id}/households",
        headers={"Authorization": f"Bearer {await parking.service_token()}"},
    )
    _no_personal_data(raw.json(), OWNER)
    for client in (parking, elsewhere):
        await client.aclose()


async def test_a_vote_counts_the_verified_households_under_a_place(identity: Identity) -> None:
    await identity.seed()
    owner, owner_id = await sign_in(identity, OWNER)
    tenant, tenant_id = await sign_in(identity, TENANT)
    neighbour, _ = await sign_in(identity, NEIGHBOUR)
    first = await claim(identity, owner, "HCXL-01-1", "101")
    await verify(identity, first, owner_id, "hcxl_staff")
    await claim(identity, tenant, "HCXL-01-1", "101")  # the same home: one vote
    second = await claim(identity, tenant, "HCXL-02-1", "202")
    await claim(identity, neighbour, "HCXL-02-1", "301")  # not verified: no vote
    await verify(identity, first, tenant_id, "hcxl_staff")
    await verify(identity, second, tenant_id, "hcxl_staff")

    parking = await service_client(identity, [COUNT], place="HCXL")
    community = await identity.directory.place("HCXL")
    building = await identity.directory.place("HCXL-02")
    assert await parking.verified_households(community["path"]) == 2
    assert await parking.verified_households(building["path"]) == 1
    with pytest.raises(PermissionDenied):  # outside the key's places
        await parking.verified_households((await identity.directory.place("TGYZL"))["path"])
    bad = await identity.client.get(
        "/v1/households/verified-count",
        params={"place_path": "not a path"},
        headers={"Authorization": f"Bearer {await parking.service_token()}"},
    )
    assert bad.status_code == 422
    await parking.aclose()


async def test_a_childs_birth_year_is_told_only_for_its_guardian(identity: Identity) -> None:
    await identity.seed()
    _, guardian_id = await sign_in(identity, OWNER)
    _, other_id = await sign_in(identity, TENANT)
    # The child as stored (how a guardian adds one, with consent, is tests of its own).
    child = uuid.uuid4()
    async with identity.db.session() as session:
        session.add(
            Dependant(
                id=child,
                guardian_id=guardian_id,
                name_cipher=identity.app.state.identity.cipher.encrypt("小明"),
                birth_year=2017,
                created_at=identity.clock.now(),
            )
        )
        await session.commit()

    rooms = await service_client(identity, [DEPENDANTS])
    assert await rooms.dependant_birth_year(guardian_id, child) == 2017
    with pytest.raises(NotFound) as not_theirs:
        await rooms.dependant_birth_year(other_id, child)
    assert not_theirs.value.code == "unknown_dependant"
    with pytest.raises(InvalidInput) as at_field:
        await rooms.dependant_birth_year(other_id, child, pointer="/body/dependant_id")
    assert at_field.value.errors[0].pointer == "/body/dependant_id"
    raw = await identity.client.get(
        f"/v1/residents/{guardian_id}/dependants/{child}",
        headers={"Authorization": f"Bearer {await rooms.service_token()}"},
    )
    assert raw.json() == {
        "dependant_id": str(child),
        "guardian_id": str(guardian_id),
        "birth_year": 2017,
    }
    await rooms.aclose()


async def test_a_resident_is_messaged_by_id_and_sees_it_on_their_page(identity: Identity) -> None:
    await identity.seed()
    resident, resident_id = await sign_in(identity, OWNER)
    other, other_id = await sign_in(identity, TENANT)
    rooms = await service_client(identity, [MESSAGE])
    for text in ("您预约的活动室明天9:00开放。", "您的报名已确认。"):
        identity.clock.advance(timedelta(minutes=1))
        receipt = await rooms.message_resident(resident_id, template="booking_reminder", text=text)
        assert (receipt.delivered, receipt.channel, receipt.undelivered_reason) == (
            True,
            "log",
            None,
        )
        _no_personal_data(receipt.model_dump(), OWNER)
    sent = await identity.sent_to(OWNER)
    assert [(m.resident_id, m.body) for m in sent[-2:]] == [
        (resident_id, "您预约的活动室明天9:00开放。"),
        (resident_id, "您的报名已确认。"),
    ]

    mine = await identity.client.get("/v1/me/messages", headers=resident)
    assert mine.status_code == 200
    # Newest first; the sign-in code texted to the same phone is not listed.
    assert [m["text"] for m in mine.json()["items"]] == [
        "您的报名已确认。",
        "您预约的活动室明天9:00开放。",
    ]
    assert mine.json()["total"] == 2
    assert mine.json()["items"][0]["delivered"] is True
    paged = await identity.client.get("/v1/me/messages?limit=1&offset=1", headers=resident)
    assert [m["text"] for m in paged.json()["items"]] == ["您预约的活动室明天9:00开放。"]
    assert (await identity.client.get("/v1/me/messages", headers=other)).json() == {
        "items": [],
        "total": 0,
    }
    staff = await identity.client.get("/v1/me/messages", headers=await identity.bearer("admin"))
    assert staff.status_code == 403

    with pytest.raises(NotFound) as unknown:
        await rooms.message_resident(uuid.uuid4(), template="x", text="x")
    assert unknown.value.code == "unknown_resident"
    # A resident recorded without a phone (staff act for them) is told of nothing, and the
    # service learns so plainly instead of retrying.
    async with identity.db.session() as session:
        await session.execute(
            update(Resident).where(Resident.id == other_id).values(phone_cipher="")
        )
        await session.commit()
    silent = await rooms.message_resident(other_id, template="booking_reminder", text="明天见")
    assert (silent.delivered, silent.message_id, silent.undelivered_reason) == (
        False,
        None,
        "no_contact",
    )
    await rooms.aclose()


async def test_each_question_needs_its_own_scope_and_no_resident_or_staff_may_ask(
    identity: Identity,
) -> None:
    await identity.seed()
    resident, resident_id = await sign_in(identity, OWNER)
    home = await claim(identity, resident, "HCXL-01-1", "101")
    path = (await identity.directory.place("HCXL"))["path"]
    child = uuid.uuid4()
    asks = [
        ("GET", f"/v1/households/{home}/members/{resident_id}", None),
        ("GET", f"/v1/residents/{resident_id}/households", None),
        ("GET", f"/v1/households/verified-count?place_path={path}", None),
        ("GET", f"/v1/residents/{resident_id}/dependants/{child}", None),
        ("POST", f"/v1/residents/{resident_id}/messages", {"template": "x", "text": "x"}),
    ]
    # A key with every scope but the one asked for, a resident, a district admin.
    scopes = [READ, COUNT, DEPENDANTS, MESSAGE]
    needed = [READ, READ, COUNT, DEPENDANTS, MESSAGE]
    admin = await identity.bearer("admin")
    for (method, url, body), scope in zip(asks, needed, strict=True):
        other = await service_client(identity, [s for s in scopes if s != scope])
        callers = [
            {"Authorization": f"Bearer {await other.service_token()}"},
            resident,
            admin,
        ]
        for headers in callers:
            refused = await identity.client.request(method, url, json=body, headers=headers)
            assert refused.status_code == 403, (url, refused.text)
        await other.aclose()
    # The client maps a refusal as it is; a service without a key cannot ask at all.
    only_notify = await service_client(identity, ["identity:notify"])
    with pytest.raises(PermissionDenied):
        await only_notify.households_of(resident_id)
    await only_notify.aclose()
    keyless = IdentityClient("http://identity", transport=httpx.ASGITransport(app=identity.app))
    with pytest.raises(DependencyUnavailable) as unavailable:
        await keyless.household_membership(home, resident_id)
    assert unavailable.value.code == "identity_unavailable"
    await keyless.aclose()
