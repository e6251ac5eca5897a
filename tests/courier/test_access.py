"""Station staff act within their places: staff of another street do not see the station
(404, as kit.auth hides what is outside every grant); inside a grant without the permission
is a 403; the profile is staff's to edit, public to read."""

from __future__ import annotations

from tests.fixtures.courier import PROFILE, Courier


async def test_staff_of_another_street_do_not_see_the_station(courier: Courier) -> None:
    station = await courier.station()
    elsewhere = await courier.staff("GYS", subject="gys-1")
    base = f"/v1/stations/{station['id']}"
    live = await courier.client.get(f"{base}/live", headers=elsewhere)
    assert live.status_code == 404
    assert live.json()["code"] == "station_not_found"
    edit = await courier.client.put(base, json=PROFILE, headers=elsewhere)
    assert edit.status_code == 404
    card = await courier.client.post(
        f"{base}/visits", json={"card": "ABCD-EFGH"}, headers=elsewhere
    )
    assert card.status_code == 404


async def test_staff_of_the_street_without_the_permission_are_refused(courier: Courier) -> None:
    station = await courier.station()
    reader = await courier.staff("TGY", "courier:visits:read", subject="tgy-reader")
    base = f"/v1/stations/{station['id']}"
    assert (await courier.client.get(f"{base}/live", headers=reader)).status_code == 200
    edit = await courier.client.put(base, json=PROFILE, headers=reader)
    assert edit.status_code == 403
    assert edit.json()["code"] == "forbidden"
    revoke = await courier.client.post(f"{base}/cards/ABCDEFGH/revoke", headers=reader)
    assert revoke.status_code == 403


async def test_a_profile_is_only_for_a_station_and_its_hours_must_make_sense(
    courier: Courier,
) -> None:
    street = await courier.directory.place("TGY")
    admin = await courier.staff("TGY")
    not_station = await courier.client.put(
        f"/v1/stations/{street['id']}", json=PROFILE, headers=admin
    )
    assert not_station.status_code == 422
    assert not_station.json()["code"] == "not_a_station"
    station = await courier.directory.place("TGY-NXYZ")
    backwards = {**PROFILE, "hours": [{"weekday": 0, "opens": "22:00", "closes": "08:00"}]}
    bad = await courier.client.put(f"/v1/stations/{station['id']}", json=backwards, headers=admin)
    assert bad.status_code == 422
    overlapping = {
        **PROFILE,
        "hours": [
            {"weekday": 0, "opens": "08:00", "closes": "12:00"},
            {"weekday": 0, "opens": "11:00", "closes": "20:00"},
        ],
    }
    bad = await courier.client.put(f"/v1/stations/{station['id']}", json=overlapping, headers=admin)
    assert bad.status_code == 422
    assert bad.json()["code"] == "hours_overlap"


async def test_the_public_reads_the_profile_but_not_the_live_view(courier: Courier) -> None:
    station = await courier.station()
    public = await courier.client.get(f"/v1/stations/{station['id']}")
    assert public.status_code == 200
    assert public.json()["name"] == "天街暖心驿站"
    assert public.json()["microwave"] is True
    assert (await courier.client.get(f"/v1/stations/{station['id']}/live")).status_code == 401
    resident = await courier.client.get(
        f"/v1/stations/{station['id']}/live", headers=courier.resident()
    )
    assert resident.status_code == 404
