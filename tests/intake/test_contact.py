"""Calling the reporter back: the number in clear for those entitled, each time recorded."""

from __future__ import annotations

from tests.fixtures.intake import Intake

READ = "intake:tickets:read"
HANDLE = "intake:tickets:handle"
REVEAL = "identity:personal:reveal"


async def test_community_staff_see_the_number_to_call_and_the_trail_records_it(
    intake: Intake,
) -> None:
    submitted = await intake.report(
        reporter_name="王秀兰", reporter_phone="139 1234 5678", consent=True
    )
    staff = await intake.staff("TGYZL", READ, HANDLE, REVEAL, subject="staff-7")
    url = f"/v1/tickets/{submitted['id']}"

    detail = (await intake.client.get(url, headers=staff)).json()
    assert detail["reporter_phone"] == "139****5678"
    assert detail["reporter_name"] == "王**"

    revealed = await intake.client.post(f"{url}/reporter-contact", headers=staff)
    assert revealed.status_code == 200, revealed.text
    assert revealed.json() == {"name": "王秀兰", "phone": "13912345678"}

    trail = (await intake.client.get(url, headers=staff)).json()["events"]
    assert [(e["action"], e["actor"]) for e in trail][-1] == ("contact_revealed", "staff:staff-7")
    assert "13912345678" not in str(trail)
    public = (await intake.client.get(f"/v1/track/{submitted['tracking_token']}")).json()
    assert "contact_revealed" not in [e["action"] for e in public["events"]]


async def test_the_number_stays_hidden_from_those_not_entitled(intake: Intake) -> None:
    submitted = await intake.report(reporter_phone="13912345678", consent=True)
    url = f"/v1/tickets/{submitted['id']}/reporter-contact"

    captain = await intake.staff("TGYZL-01", READ, subject="captain")  # reads, may not reveal
    refused = await intake.client.post(url, headers=captain)
    assert refused.status_code == 403
    elsewhere = await intake.staff("GYSNL", READ, HANDLE, REVEAL, subject="other")
    assert (await intake.client.post(url, headers=elsewhere)).status_code == 404
    assert (await intake.client.post(url)).status_code == 401

    staff = await intake.staff("TGYZL", READ, HANDLE, REVEAL)
    trail = (await intake.client.get(f"/v1/tickets/{submitted['id']}", headers=staff)).json()
    assert "contact_revealed" not in [e["action"] for e in trail["events"]]
