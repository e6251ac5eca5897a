"""The holiday calendar staff keep: 调休 makes some Saturdays workdays."""

from __future__ import annotations

from tests.fixtures.directory import Directory


async def test_the_2026_demo_calendar_knows_holidays_and_make_up_workdays(
    directory: Directory,
) -> None:
    await directory.seed()
    days = (await directory.client.get("/v1/calendar", params={"year": 2026})).json()
    by_day = {d["day"]: d for d in days}
    assert by_day["2026-10-01"] == {"day": "2026-10-01", "kind": "holiday", "name": "国庆节"}
    assert by_day["2026-02-14"]["kind"] == "workday"
    national_day_saturday = await directory.client.get("/v1/calendar/2026-10-10")
    assert national_day_saturday.json()["working"] is True
    spring_festival_monday = await directory.client.get("/v1/calendar/2026-02-16")
    assert spring_festival_monday.json() == {
        "day": "2026-02-16",
        "working": False,
        "reason": "春节",
    }
    ordinary_sunday = await directory.client.get("/v1/calendar/2026-03-08")
    assert ordinary_sunday.json()["working"] is False


async def test_working_days_are_counted_around_the_national_day_holiday(
    directory: Directory,
) -> None:
    await directory.seed()
    # Tue 29 Sep + 5 working days: 30 Sep, (1-7 Oct off), Thu 8, Fri 9, Sat 10 (make-up), Mon 12.
    response = await directory.client.get(
        "/v1/calendar/working-days/after", params={"start": "2026-09-29", "days": 5}
    )
    assert response.json()["day"] == "2026-10-12"


async def test_staff_with_the_permission_maintain_the_calendar(directory: Directory) -> None:
    district = {"id": "d", "path": "/d/"}
    admin = directory.staff(district, "directory:calendar:write", role="district_admin")
    put = await directory.client.put(
        "/v1/calendar/2027-01-01", json={"kind": "holiday", "name": "元旦"}, headers=admin
    )
    assert put.status_code == 200
    assert (await directory.client.get("/v1/calendar/2027-01-01")).json()["working"] is False

    not_weekend = await directory.client.put(
        "/v1/calendar/2027-01-06", json={"kind": "workday", "name": "调休"}, headers=admin
    )
    assert not_weekend.status_code == 422
    assert not_weekend.json()["code"] == "not_a_weekend"

    community_staff = directory.staff(district, "directory:places:write")
    refused = await directory.client.delete("/v1/calendar/2027-01-01", headers=community_staff)
    assert refused.status_code == 403
    assert (
        await directory.client.delete("/v1/calendar/2027-01-01", headers=admin)
    ).status_code == 204
    assert (
        await directory.client.delete("/v1/calendar/2027-01-01", headers=admin)
    ).status_code == 404
