"""Activities, volunteering and the recognition list: couriers sign up until an activity is
full (exactly its capacity under concurrent sign-ups), staff confirm volunteer hours once,
hours add up per courier in the shared volunteering shape, and the monthly recognition list
names only couriers who agreed."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from sqlalchemy import select

from services.courier import demo
from services.courier.models import Courier as CourierRow
from services.kit import shapes
from tests.fixtures.courier import Courier

# The fixture's clock stands at Monday 2 March 2026, 09:00 in Beijing.
WOMENS_DAY = "2026-03-08T06:00:00+00:00"  # 14:00 in Beijing


async def _activity(courier: Courier, place_code: str = "TGY-NXYZ", **fields: Any) -> dict:
    place = await courier.directory.place(place_code)
    body = {
        "place_id": place["id"],
        "kind": "festival",
        "title": "三八节插花",
        "location": "天街暖心驿站",
        "starts_at": WOMENS_DAY,
        "ends_at": "2026-03-08T08:00:00+00:00",
        "capacity": 2,
        **fields,
    }
    response = await courier.client.post(
        "/v1/activities", json=body, headers=await courier.staff("TGY")
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _task(courier: Courier, **fields: Any) -> dict:
    """A volunteering task the community posts: tomorrow 09:00–11:00 in Beijing, 2 hours."""
    task = {
        "kind": "volunteering",
        "title": "垃圾分类引导",
        "role": "引导员",
        "hours": 2,
        "location": "天宫院中里社区3号楼垃圾分类点",
        "starts_at": "2026-03-03T01:00:00+00:00",
        "ends_at": "2026-03-03T03:00:00+00:00",
        "capacity": 10,
    }
    return await _activity(courier, "TGYZL", **{**task, **fields})


async def _courier(
    courier: Courier, nickname: str, *, named: bool = True, subject: str | None = None
) -> dict[str, str]:
    headers = courier.resident(subject)
    response = await courier.client.post(
        "/v1/me/courier",
        json={"nickname": nickname, "platform": "meituan", "agrees_to_be_named": named},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return headers


async def _sign_up(courier: Courier, activity: dict, who: dict[str, str]) -> int:
    response = await courier.client.post(f"/v1/activities/{activity['id']}/signup", headers=who)
    return response.status_code


async def _signups(courier: Courier, activity: dict) -> list[dict]:
    response = await courier.client.get(
        f"/v1/activities/{activity['id']}/signups", headers=await courier.staff("TGY")
    )
    assert response.status_code == 200, response.text
    return list(response.json())


async def _confirm(courier: Courier, activity: dict, signup_id: str, **body: Any) -> Any:
    return await courier.client.post(
        f"/v1/activities/{activity['id']}/signups/{signup_id}/hours",
        json=body,
        headers=await courier.staff("TGY"),
    )


async def test_couriers_sign_up_until_the_activity_is_full(courier: Courier) -> None:
    station = await courier.station()
    # Today 14:00–16:00 in Beijing.
    today = {"starts_at": "2026-03-02T06:00:00+00:00", "ends_at": "2026-03-02T08:00:00+00:00"}
    activity = await _activity(courier, **today)
    first, second, third = [await _courier(courier, n) for n in ("小美", "小芳", "小丽")]
    # A retry on a weak network (same Idempotency-Key) is the same sign-up, answered again.
    retried = {**first, "Idempotency-Key": str(uuid.uuid4())}
    url = f"/v1/activities/{activity['id']}/signup"
    once = await courier.client.post(url, headers=retried)
    again = await courier.client.post(url, headers=retried)
    assert once.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["places_left"] == 1
    assert await _sign_up(courier, activity, first) == 409
    assert await _sign_up(courier, activity, second) == 201

    full = await courier.client.post(f"/v1/activities/{activity['id']}/signup", headers=third)
    assert full.status_code == 409
    assert full.json()["code"] == "activity_full"
    assert "名额已满" in full.json()["detail"]

    listed = await courier.client.get(
        "/v1/activities", params={"station_id": station["id"]}, headers=third
    )
    [shown] = listed.json()["items"]
    assert shown["places_left"] == 0
    assert shown["signed_up"] is False

    gone = await courier.client.delete(f"/v1/activities/{activity['id']}/signup", headers=first)
    assert gone.status_code == 204
    assert await _sign_up(courier, activity, third) == 201
    assert sorted(s["status"] for s in await _signups(courier, activity)) == [
        "cancelled",
        "signed_up",
        "signed_up",
    ]

    courier.clock.set(datetime(2026, 3, 2, 6, 30, tzinfo=UTC))  # it has started
    late = await courier.client.delete(f"/v1/activities/{activity['id']}/signup", headers=second)
    assert late.json()["code"] == "activity_started"
    not_courier = await courier.client.post(
        f"/v1/activities/{activity['id']}/signup", headers=courier.resident()
    )
    assert not_courier.status_code == 404
    assert not_courier.json()["code"] == "courier_not_registered"


async def test_concurrent_sign_ups_at_the_last_places_fill_exactly_the_capacity(
    courier: Courier,
) -> None:
    activity = await _activity(courier, kind="seasonal_care", title="冬季送温暖", capacity=3)
    early = await _courier(courier, "早到的")
    assert await _sign_up(courier, activity, early) == 201
    crowd = [await _courier(courier, f"骑手{i}") for i in range(5)]

    statuses = sorted(await asyncio.gather(*(_sign_up(courier, activity, h) for h in crowd)))
    assert statuses == [201, 201, 409, 409, 409]
    shown = (await courier.client.get(f"/v1/activities/{activity['id']}")).json()
    assert shown["places_left"] == 0
    assert len(await _signups(courier, activity)) == 3


async def test_volunteer_hours_are_confirmed_once_per_sign_up(courier: Courier) -> None:
    task = await _task(courier)
    volunteers = [await _courier(courier, n) for n in ("老王", "老李")]
    for who in volunteers:
        assert await _sign_up(courier, task, who) == 201
    ids = {s["nickname"]: s["id"] for s in await _signups(courier, task)}
    first, second = ids["老王"], ids["老李"]

    early = await _confirm(courier, task, first)
    assert early.status_code == 409
    assert early.json()["code"] == "task_not_over"

    courier.clock.set(datetime(2026, 3, 3, 4, 0, tzinfo=UTC))  # the task ended at 11:00
    confirmed = await _confirm(courier, task, first)
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["hours"] == 2
    twice = await _confirm(courier, task, first, hours=3)
    assert twice.status_code == 409
    assert twice.json()["code"] == "hours_already_confirmed"
    assert "已经确认" in twice.json()["detail"]

    # Two staff confirming the same sign-up at once: one confirmation.
    answers = await asyncio.gather(*(_confirm(courier, task, second, hours=1.5) for _ in range(3)))
    assert sorted(a.status_code for a in answers) == [200, 409, 409]
    assert {s["nickname"]: s["hours"] for s in await _signups(courier, task)} == {
        "老王": 2,
        "老李": 1.5,
    }

    # The street's statistics count the confirmed hours on the day of the task, not before.
    staff = await courier.staff("TGY")
    for day, expected in (("2026-03-03", 3.5), ("2026-03-02", 0)):
        figures = await courier.client.get(
            "/v1/statistics", params={"from": day, "to": day}, headers=staff
        )
        assert figures.status_code == 200, figures.text
        assert figures.json()["volunteer_hours"] == expected


async def test_my_volunteering_adds_up_confirmed_hours_in_the_shared_shape(
    courier: Courier,
) -> None:
    subject = str(uuid.uuid4())
    me = await _courier(courier, "小张", subject=subject)
    done = await _task(courier)
    later = await _task(courier, title="学雷锋日文明宣传", role="宣传员", hours=3)
    festival = await _activity(courier)
    for activity in (done, later, festival):
        assert await _sign_up(courier, activity, me) == 201
    courier.clock.set(datetime(2026, 3, 3, 4, 0, tzinfo=UTC))
    [signup] = await _signups(courier, done)
    assert (await _confirm(courier, done, signup["id"], hours=1.5)).status_code == 200

    me = courier.resident(subject)  # signed in again the next day
    response = await courier.client.get("/v1/me/volunteering", headers=me)
    assert response.status_code == 200, response.text
    body = response.json()
    validator = Draft202012Validator(
        shapes.schema("volunteering"), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    assert list(validator.iter_errors(body)) == []
    assert body["total"] == 1.5
    assert {(i["activity"], i["role"], i["hours"], i["confirmed"]) for i in body["items"]} == {
        ("垃圾分类引导", "引导员", 1.5, True),
        ("学雷锋日文明宣传", "宣传员", 3, False),
    }
    assert {i["date"] for i in body["items"]} == {"2026-03-03"}
    assert body["items"][0]["place"] == "天宫院中里社区3号楼垃圾分类点"

    stranger = await courier.client.get("/v1/me/volunteering", headers=courier.resident())
    assert stranger.json() == {"items": [], "total": 0}
    assert list(validator.iter_errors(stranger.json())) == []
    staff = await courier.client.get("/v1/me/volunteering", headers=await courier.staff("TGY"))
    assert staff.status_code == 403
    assert (await courier.client.get("/v1/me/volunteering")).status_code == 401


async def test_the_shared_schema_refuses_a_wrong_answer() -> None:
    validator = Draft202012Validator(shapes.schema("volunteering"), format_checker=FormatChecker())
    wrong = {"items": [{"activity": "x", "role": "y", "place": "z", "date": "3月3日"}], "total": 1}
    assert {e.validator for e in validator.iter_errors(wrong)} >= {"required", "pattern"}
    assert "volunteering" in shapes.names()


async def test_the_recognition_list_names_only_couriers_who_agreed(courier: Courier) -> None:
    task = await _task(courier)
    names = {"小赵": True, "小钱": False, "小孙": True}
    subjects = {n: str(uuid.uuid4()) for n in names}
    heads = {n: await _courier(courier, n, named=a, subject=subjects[n]) for n, a in names.items()}
    for who in heads.values():
        assert await _sign_up(courier, task, who) == 201
    courier.clock.set(datetime(2026, 3, 3, 4, 0, tzinfo=UTC))
    rows = {s["nickname"]: s["id"] for s in await _signups(courier, task)}
    for nickname, hours in (("小赵", 1), ("小钱", 4), ("小孙", 2.5)):
        assert (await _confirm(courier, task, rows[nickname], hours=hours)).status_code == 200

    street = await courier.directory.place("TGY")
    body = {"place_id": street["id"], "month": "2026-03", "category": "volunteer_hours"}
    admin = await courier.staff("TGY")
    early = await courier.client.post("/v1/recognitions", json=body, headers=admin)
    assert early.status_code == 422
    assert early.json()["code"] == "month_not_over"

    courier.clock.set(datetime(2026, 4, 2, 2, 0, tzinfo=UTC))
    admin = await courier.staff("TGY")
    published = await courier.client.post("/v1/recognitions", json=body, headers=admin)
    assert published.status_code == 201, published.text
    again = await courier.client.post("/v1/recognitions", json=body, headers=admin)
    assert again.status_code == 409
    assert again.json()["code"] == "recognition_already_published"

    public = await courier.client.get("/v1/recognitions", params={"month": "2026-03"})
    [listing] = public.json()["items"]
    assert listing["title"] == "2026-03 志愿服务时长榜"
    assert [(e["rank"], e["nickname"], e["hours"]) for e in listing["entries"]] == [
        (1, "小孙", 2.5),
        (2, "小赵", 1),
    ]
    assert "phone_masked" not in listing["entries"][0]

    # A courier who withdraws consent leaves the published list.
    patched = await courier.client.patch(
        "/v1/me/courier",
        json={"agrees_to_be_named": False},
        headers=courier.resident(subjects["小孙"]),
    )
    assert patched.status_code == 200
    shown = (await courier.client.get(f"/v1/recognitions/{listing['id']}")).json()
    assert [(e["rank"], e["nickname"]) for e in shown["entries"]] == [(1, "小赵")]

    unwilling = (
        await courier.client.get("/v1/me/courier", headers=courier.resident(subjects["小钱"]))
    ).json()
    helpful = {
        "place_id": street["id"],
        "month": "2026-03",
        "category": "most_helpful",
        "couriers": [{"courier_id": unwilling["id"], "reason": "雨天帮邻居送药"}],
    }
    refused = await courier.client.post("/v1/recognitions", json=helpful, headers=admin)
    assert refused.status_code == 422
    assert refused.json()["code"] == "courier_not_named"
    assert refused.json()["errors"][0]["pointer"] == "/body/couriers/0/courier_id"

    willing = (
        await courier.client.get("/v1/me/courier", headers=courier.resident(subjects["小赵"]))
    ).json()
    helpful["couriers"] = [{"courier_id": willing["id"], "reason": "雨天帮邻居送药"}]
    picked = await courier.client.post("/v1/recognitions", json=helpful, headers=admin)
    assert picked.status_code == 201, picked.text
    assert picked.json()["title"] == "2026-03 热心骑手榜"
    assert [(e["nickname"], e["hours"], e["reason"]) for e in picked.json()["entries"]] == [
        ("小赵", None, "雨天帮邻居送药")
    ]


async def test_staff_manage_activities_only_in_their_places(courier: Courier) -> None:
    task = await _task(courier)
    me = await _courier(courier, "小周")
    assert await _sign_up(courier, task, me) == 201
    elsewhere = await courier.staff("GYS", subject="gys-1")
    base = f"/v1/activities/{task['id']}"
    assert (await courier.client.get(f"{base}/signups", headers=elsewhere)).status_code == 404
    assert (await courier.client.post(f"{base}/cancel", headers=elsewhere)).status_code == 404
    tgy = await courier.directory.place("TGY")
    post = {**task, "place_id": tgy["id"], "hours": 1}
    for key in ("id", "place_name", "places_left", "status", "signed_up"):
        post.pop(key)
    outside = await courier.client.post("/v1/activities", json=post, headers=elsewhere)
    assert outside.status_code == 403
    resident = await courier.client.post("/v1/activities", json=post, headers=me)
    assert resident.status_code == 403

    reader = await courier.staff("TGY", "courier:visits:read", subject="tgy-reader")
    assert (await courier.client.get(f"{base}/signups", headers=reader)).status_code == 403
    shrink = await courier.client.patch(
        base, json={"capacity": 1}, headers=await courier.staff("TGY")
    )
    assert shrink.status_code == 200
    no_role = await courier.client.post(
        "/v1/activities", json={**post, "role": None}, headers=await courier.staff("TGY")
    )
    assert no_role.status_code == 422
    assert no_role.json()["code"] == "role_required"

    # The console's home counts the hours waiting for confirmation once the task is over.
    courier.clock.advance(timedelta(days=2))
    todo = await courier.client.get("/v1/todo", headers=await courier.staff("TGYZL"))
    items = {i["key"]: i["count"] for i in todo.json()["items"]}
    assert items["courier.hours_to_confirm"] == 1
    outsider = await courier.client.get("/v1/todo", headers=await courier.staff("GYS"))
    assert {i["key"]: i["count"] for i in outsider.json()["items"]}["courier.hours_to_confirm"] == 0

    # The console's list behind that count: tasks in the caller's places with hours waiting.
    waiting = await courier.client.get(
        "/v1/activities/managed",
        params={"unconfirmed": "true"},
        headers=await courier.staff("TGYZL"),
    )
    assert waiting.status_code == 200, waiting.text
    [shown] = waiting.json()["items"]
    assert (shown["id"], shown["hours_to_confirm"]) == (task["id"], 1)
    theirs = await courier.client.get("/v1/activities/managed", headers=await courier.staff("GYS"))
    assert theirs.json()["total"] == 0
    refused = await courier.client.get("/v1/activities/managed", headers=courier.resident())
    assert refused.status_code == 403


async def test_the_demo_shows_activities_hours_and_last_month_s_list(courier: Courier) -> None:
    ctx = courier.app.state.courier
    place = await ctx.directory.place_by_code(demo.STATION_CODE)
    async with courier.db.session() as session:
        message = await demo.seed_demo(session, ctx, place=place)
        await session.commit()
    assert "recognition list" in message

    shown = await courier.client.get(
        "/v1/activities", params={"station_id": str(place.id), "limit": 100}
    )
    kinds = {a["kind"]: a for a in shown.json()["items"]}
    assert set(kinds) == {"festival", "seasonal_care", "volunteering"}
    assert kinds["festival"]["title"].startswith("三八节插花")
    assert kinds["festival"]["places_left"] == 14

    todo = await courier.client.get("/v1/todo", headers=await courier.staff("TGY"))
    waiting = {i["key"]: i["count"] for i in todo.json()["items"]}
    assert waiting["courier.hours_to_confirm"] == 3

    published = await courier.client.get("/v1/recognitions", params={"station_id": str(place.id)})
    [listing] = published.json()["items"]
    assert listing["month"] == "2026-02"
    assert 1 <= len(listing["entries"]) <= 10
    async with courier.db.session(write=False) as session:
        named = set(
            await session.scalars(
                select(CourierRow.nickname).where(CourierRow.agrees_to_be_named.is_(True))
            )
        )
    assert {e["nickname"] for e in listing["entries"]} <= named
    hours = [e["hours"] for e in listing["entries"]]
    assert hours == sorted(hours, reverse=True)
