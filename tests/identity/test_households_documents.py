"""A claim's document photo is kept while staff decide and for 30 days after the decision
(verified, refused, withdrawn or left); then the worker deletes its bytes, and staff's claim
detail and the resident's 我的家 say it is no longer kept instead of linking to nothing. A
waiting claim's document is kept however old."""

from __future__ import annotations

from datetime import timedelta

from services.identity.app import DocumentPurge
from tests.fixtures.identity import Identity
from tests.identity.households_helpers import claim, jpeg, resident


async def _claim_with_document(identity: Identity, phone: str, room_no: str) -> tuple[dict, str]:
    me, _ = await resident(identity, phone)
    token = await identity.directory.unit_token("TGYZL-03-2")
    uploaded = await identity.client.post(
        "/v1/media", files={"file": ("deed.jpg", jpeg(), "image/jpeg")}, headers=me
    )
    claimed = await claim(
        identity, me, token=token, room_no=room_no, document_id=uploaded.json()["id"]
    )
    assert claimed.status_code == 201, claimed.text
    return me, claimed.json()["claim_id"]


async def test_a_decided_claims_document_is_purged_after_30_days_a_waiting_one_kept(
    identity: Identity,
) -> None:
    await identity.seed()
    staff = await identity.bearer("tgyzl_staff")
    _, verified = await _claim_with_document(identity, "13911110201", "701")
    _, refused = await _claim_with_document(identity, "13911110202", "702")
    _, waiting = await _claim_with_document(identity, "13911110203", "703")
    approve = await identity.client.post(f"/v1/household-claims/{verified}/approve", headers=staff)
    assert approve.status_code == 200
    refuse = await identity.client.post(
        f"/v1/household-claims/{refused}/refuse", json={"reason": "房号不符"}, headers=staff
    )
    assert refuse.status_code == 200

    async def detail(claim_id: str) -> dict:
        # A token of now: the clock moves by days here.
        now_staff = await identity.bearer("tgyzl_staff")
        got = await identity.client.get(f"/v1/household-claims/{claim_id}", headers=now_staff)
        assert got.status_code == 200
        return got.json()

    worker = DocumentPurge(identity.app)
    identity.clock.advance(timedelta(days=29, hours=23, minutes=45))
    assert (await worker.run_due()).succeeded == 0  # within 30 days of the decision
    before = await detail(verified)
    assert before["document_purged"] is False
    old_link = before["document_url"]  # a link handed out just before the purge

    identity.clock.advance(timedelta(minutes=30))
    assert (await worker.run_due()).succeeded == 2
    assert (await worker.run_due()).succeeded == 0  # once
    for claim_id in (verified, refused):
        shown = await detail(claim_id)
        assert (shown["has_document"], shown["document_purged"]) == (True, True)
        assert (shown["document_url"], shown["document_thumbnail_url"]) == (None, None)
    gone = await identity.client.get(old_link.removeprefix("/api/identity"))
    assert gone.status_code == 410
    assert gone.json()["code"] == "media_purged"
    verified_me, _ = await resident(identity, "13911110201")  # signed in again, days later
    mine = (await identity.client.get("/v1/me/households", headers=verified_me)).json()
    assert (mine[0]["document_url"], mine[0]["document_purged"]) == (None, True)

    kept = await detail(waiting)  # 30 days waiting: staff have not decided, so it stays
    assert kept["document_purged"] is False
    photo = await identity.client.get(kept["document_url"].removeprefix("/api/identity"))
    assert photo.status_code == 200


async def test_a_left_claims_document_follows_the_configured_days(identity: Identity) -> None:
    await identity.seed()
    identity.app.state.identity.settings.household_document_retention_days = 7
    me, claim_id = await _claim_with_document(identity, "13911110204", "704")
    mine = (await identity.client.get("/v1/me/households", headers=me)).json()
    left = await identity.client.delete(f"/v1/me/households/{mine[0]['id']}", headers=me)
    assert left.status_code == 204, left.text
    worker = DocumentPurge(identity.app)
    identity.clock.advance(timedelta(days=6))
    assert (await worker.run_due()).succeeded == 0
    identity.clock.advance(timedelta(days=1, minutes=1))
    assert (await worker.run_due()).succeeded == 1
    staff = await identity.bearer("tgyzl_staff")
    shown = await identity.client.get(f"/v1/household-claims/{claim_id}", headers=staff)
    assert (shown.json()["status"], shown.json()["document_purged"]) == ("left", True)
