"""A registered courier's own visits on their phone (我的到访): theirs only, newest first,
each with its station's name; none for a resident who never registered."""

from __future__ import annotations

from datetime import timedelta

from tests.fixtures.courier import Courier


async def test_a_courier_lists_their_own_visits_newest_first(courier: Courier) -> None:
    await courier.station()
    me = await courier.register("小王", "eleme")
    other = await courier.register("小李", "meituan")

    first = await courier.check_in(me, services=["water"])
    await courier.client.post(f"/v1/visits/{first['token']}/checkout")
    courier.clock.advance(timedelta(minutes=30))
    second = await courier.check_in(me)
    await courier.check_in(other)
    await courier.check_in()  # someone anonymous

    answer = await courier.client.get("/v1/me/courier/visits", headers=me)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["total"] == 2
    assert [v["id"] for v in body["items"]] == [second["id"], first["id"]]
    assert [v["status"] for v in body["items"]] == ["open", "closed"]
    assert body["items"][1]["services"] == ["water"]
    assert {v["station_name"] for v in body["items"]} == {"天街暖心驿站"}
    assert "token" not in body["items"][0]  # the visit's key stays with the phone that made it
    assert answer.headers["cache-control"] == "no-store"

    paged = await courier.client.get(
        "/v1/me/courier/visits", params={"limit": 1, "offset": 1}, headers=me
    )
    assert [v["id"] for v in paged.json()["items"]] == [first["id"]]


async def test_a_resident_who_never_registered_has_no_visits_to_list(courier: Courier) -> None:
    answer = await courier.client.get("/v1/me/courier/visits", headers=courier.resident())
    assert answer.status_code == 404
    assert answer.json()["code"] == "courier_not_registered"
    anonymous = await courier.client.get("/v1/me/courier/visits")
    assert anonymous.status_code == 401
