"""A verified member invites another adult with a one-time code (verified at once: they
vouched); used, expired and unknown codes are refused. A guardian adds children with their
consent recorded, only under 18 and not born in the future, lists and removes them; nobody
else sees them."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from services.identity.app import DocumentPurge
from services.identity.models import AdminEvent, Dependant, media
from tests.fixtures.identity import Identity
from tests.identity.households_helpers import claim, counts, jpeg, resident


async def test_a_verified_member_invites_another_adult_by_a_one_time_code(
    identity: Identity,
) -> None:
    await identity.seed()
    me, me_id = await resident(identity, "13911110101")
    spouse, _ = await resident(identity, "13911110102")
    late, _ = await resident(identity, "13911110103")
    token = await identity.directory.unit_token("TGYZL-03-2")
    claimed = (await claim(identity, me, token=token)).json()
    invites = f"/v1/me/households/{claimed['id']}/invites"
    early = await identity.client.post(invites, headers=me)
    assert early.status_code == 403
    assert early.json()["code"] == "not_verified_member"
    stranger = await identity.client.post(invites, headers=spouse)
    assert stranger.status_code == 404
    staff = await identity.bearer("tgyzl_staff")
    await identity.client.post(f"/v1/household-claims/{claimed['claim_id']}/approve", headers=staff)

    issued = await identity.client.post(invites, headers=me)
    assert issued.status_code == 201
    code = issued.json()["code"]
    assert len(code) == 8
    assert code.isalnum()
    joined = await identity.client.post(
        "/v1/me/household-invites/accept",
        json={"code": code.lower(), "relation": "family"},
        headers=spouse,
    )
    assert joined.status_code == 201, joined.text
    assert (joined.json()["status"], joined.json()["via"]) == ("verified", "invite")
    used = await identity.client.post(
        "/v1/me/household-invites/accept", json={"code": code}, headers=late
    )
    assert used.status_code == 409
    assert used.json()["code"] == "invite_used"
    unknown = await identity.client.post(
        "/v1/me/household-invites/accept", json={"code": "ZZZZ2222"}, headers=late
    )
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "invite_not_found"

    stale = (await identity.client.post(invites, headers=me)).json()["code"]
    identity.clock.advance(timedelta(days=7, minutes=1))
    late, _ = await resident(identity, "13911110103")  # signed in again: a week went by
    expired = await identity.client.post(
        "/v1/me/household-invites/accept", json={"code": stale}, headers=late
    )
    assert expired.status_code == 410
    assert expired.json()["code"] == "invite_expired"
    assert "过期" in expired.json()["detail"]
    assert await counts(identity) == (1, 2, 2)  # the late one is nowhere
    async with identity.db.session(write=False) as session:
        vouched = await session.scalar(
            select(AdminEvent).where(AdminEvent.action == "household.joined_by_invite")
        )
    assert vouched is not None
    assert vouched.detail["invited_by"] == me_id


async def test_a_guardian_adds_a_child_only_with_consent_and_under_18(
    identity: Identity,
) -> None:
    me, _ = await resident(identity, "13911110104")
    other, _ = await resident(identity, "13911110105")
    children = "/v1/me/dependants"
    refusals = [
        ({"name": "小明", "birth_year": 2017}, "consent_required"),
        ({"name": "小明", "birth_year": 2017, "consent": False}, "consent_required"),
        ({"name": "小明", "birth_year": 2027, "consent": True}, "birth_year_in_future"),
        ({"name": "大明", "birth_year": 2008, "consent": True}, "child_over_18"),
    ]
    for body, code in refusals:
        refused = await identity.client.post(children, json=body, headers=me)
        assert refused.status_code == 422, refused.text
        assert refused.json()["code"] == code
    async with identity.db.session(write=False) as session:
        assert await session.scalar(select(func.count()).select_from(Dependant)) == 0

    added = await identity.client.post(
        children, json={"name": "小明", "birth_year": 2009, "consent": True}, headers=me
    )
    assert added.status_code == 201
    assert added.json()["consented_at"] is not None
    listed = (await identity.client.get(children, headers=me)).json()
    assert [(c["name"], c["birth_year"]) for c in listed] == [("小明", 2009)]
    assert (await identity.client.get(children, headers=other)).json() == []
    theirs = await identity.client.delete(f"{children}/{added.json()['id']}", headers=other)
    assert theirs.status_code == 404
    assert theirs.json()["code"] == "dependant_not_found"
    removed = await identity.client.delete(f"{children}/{added.json()['id']}", headers=me)
    assert removed.status_code == 204
    assert (await identity.client.get(children, headers=me)).json() == []


async def test_a_document_no_claim_named_is_deleted_after_a_day(identity: Identity) -> None:
    me, _ = await resident(identity, "13911110106")
    uploaded = await identity.client.post(
        "/v1/media", files={"file": ("lease.jpg", jpeg(), "image/jpeg")}, headers=me
    )
    assert uploaded.status_code == 201
    worker = DocumentPurge(identity.app)
    assert (await worker.run_due()).succeeded == 0  # kept while a claim may still name it
    identity.clock.advance(timedelta(hours=25))
    assert (await worker.run_due()).succeeded == 1
    async with identity.db.session(write=False) as session:
        purged_at = await session.scalar(select(media.table.c.purged_at))
    assert purged_at is not None
