"""A tracking link opened on its own (from the text message, a saved link) leads home: the
place, the community office's phone, and the hub of the door its holder scanned."""

from __future__ import annotations

from tests.fixtures.intake import Intake


async def test_the_reporters_link_names_the_place_the_phone_and_the_hub(intake: Intake) -> None:
    door = await intake.unit_token("TGYZL-03-2")
    body = {
        "code_token": door,
        "category": "lighting",
        "description": "5 楼楼道灯不亮",
        "reporter_phone": "13800138000",
        "consent": True,
    }
    filed = await intake.client.post("/v1/tickets", json=body)
    assert filed.status_code == 201, filed.text
    token = filed.json()["tracking_token"]

    place = await intake.client.get(f"/v1/track/{token}/place")
    assert place.status_code == 200, place.text
    assert place.json() == {
        "place_code": "TGYZL-03-2",
        "community": "天宫院中里社区",
        "building": "3号楼",
        "unit": "2单元",
        "office_phone": "010-60000101",
        "hub_token": door,
    }
    assert place.headers["cache-control"] == "no-store"

    # A neighbour's "+1" link shows the place and the phone, and leads back to the door the
    # neighbour scanned (their own unit's hub), not to the reporter's.
    neighbour = await intake.unit_token("TGYZL-03-1")
    followed = await intake.client.post(
        f"/v1/tickets/{filed.json()['id']}/follow", json={"code_token": neighbour}
    )
    assert followed.status_code == 201, followed.text
    seen = await intake.client.get(f"/v1/track/{followed.json()['tracking_token']}/place")
    assert seen.status_code == 200, seen.text
    assert seen.json()["office_phone"] == "010-60000101"
    assert seen.json()["hub_token"] == neighbour != door


async def test_an_unknown_link_is_not_found(intake: Intake) -> None:
    response = await intake.client.get("/v1/track/not-a-real-tracking-token-at-all/place")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
