"""Residents sign in with a phone and a one-time code, or silently inside WeChat."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

import httpx
import pytest

from services.identity.app import create_app, prepare
from tests.fixtures.identity import Identity, identity_settings

PHONE = "13912345678"


async def _code_sent_to(identity: Identity, phone: str = PHONE) -> str:
    messages = await identity.sent_to(phone)
    assert messages, "no message was recorded"
    match = re.search(r"验证码 (\d{6})", messages[-1].body)
    assert match is not None
    return match.group(1)


async def test_a_resident_signs_in_with_a_texted_code(
    identity: Identity, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="kit.messages"):
        sent = await identity.client.post("/v1/auth/otp/send", json={"phone": "139 1234 5678"})
    assert sent.status_code == 202
    code = await _code_sent_to(identity)
    # The dev log shows the message with the phone masked and the code blanked: a log is
    # read by more people than the phone the code was texted to (kit.messages).
    logged = [r.getMessage() for r in caplog.records if r.name == "kit.messages"]
    assert any("139****5678" in m and "[otp_code]" in m and "验证码 ****" in m for m in logged)
    assert all(PHONE not in r.getMessage() for r in caplog.records)
    assert all(code not in m for m in logged)
    assert (await identity.sent_to(PHONE))[0].to_masked == "139****5678"

    verified = await identity.client.post(
        "/v1/auth/otp/verify", json={"phone": PHONE, "code": code}
    )
    assert verified.status_code == 200
    me = await identity.client.get(
        "/v1/me", headers={"Authorization": f"Bearer {verified.json()['access_token']}"}
    )
    assert me.json()["kind"] == "resident"
    assert me.json()["phone"] == "139****5678"

    reused = await identity.client.post("/v1/auth/otp/verify", json={"phone": PHONE, "code": code})
    assert reused.status_code == 422
    assert reused.json()["code"] == "invalid_code"


async def test_a_code_allows_five_tries_and_expires_after_five_minutes(identity: Identity) -> None:
    await identity.client.post("/v1/auth/otp/send", json={"phone": PHONE})
    code = await _code_sent_to(identity)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        attempt = await identity.client.post(
            "/v1/auth/otp/verify", json={"phone": PHONE, "code": wrong}
        )
        assert attempt.status_code == 422
    spent = await identity.client.post("/v1/auth/otp/verify", json={"phone": PHONE, "code": code})
    assert spent.status_code == 422

    identity.clock.advance(timedelta(minutes=2))
    await identity.client.post("/v1/auth/otp/send", json={"phone": PHONE})
    fresh = await _code_sent_to(identity)
    identity.clock.advance(timedelta(minutes=5, seconds=1))
    expired = await identity.client.post(
        "/v1/auth/otp/verify", json={"phone": PHONE, "code": fresh}
    )
    assert expired.status_code == 422


async def test_sends_are_limited_per_phone_and_per_network(identity: Identity) -> None:
    first = await identity.client.post("/v1/auth/otp/send", json={"phone": PHONE})
    assert first.status_code == 202
    too_soon = await identity.client.post("/v1/auth/otp/send", json={"phone": PHONE})
    assert too_soon.status_code == 429
    assert 0 < int(too_soon.headers["Retry-After"]) <= 60
    for _ in range(4):
        identity.clock.advance(timedelta(seconds=61))
        assert (
            await identity.client.post("/v1/auth/otp/send", json={"phone": PHONE})
        ).status_code == 202
    identity.clock.advance(timedelta(seconds=61))
    sixth = await identity.client.post("/v1/auth/otp/send", json={"phone": PHONE})
    assert sixth.status_code == 429
    assert sixth.json()["code"] == "otp_rate_limited"
    assert len(await identity.sent_to(PHONE)) == 5

    # Twenty numbers from one address, then the address is refused.
    for i in range(15):
        assert (
            await identity.client.post("/v1/auth/otp/send", json={"phone": f"137000000{i:02d}"})
        ).status_code == 202
    refused = await identity.client.post("/v1/auth/otp/send", json={"phone": "13600000000"})
    assert refused.status_code == 429


async def test_a_malformed_phone_is_a_clear_problem(identity: Identity) -> None:
    response = await identity.client.post("/v1/auth/otp/send", json={"phone": "12345678901"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_phone"
    assert response.json()["errors"][0]["pointer"] == "/body/phone"


async def test_wechat_sign_in_links_an_openid_to_a_phone_verified_resident(
    identity: Identity,
) -> None:
    url = await identity.client.get(
        "/v1/auth/wechat/authorize-url",
        params={"redirect_uri": "https://sqwb.dxq.gov.cn/q/ABCDEFGH2345", "state": "s1"},
    )
    assert "scope=snsapi_base" in url.json()["url"]
    assert "appid=wx-test-app" in url.json()["url"]

    identity.wechat.codes["code-1"] = "openid-li"
    first = await identity.client.post("/v1/auth/wechat/login", json={"code": "code-1"})
    assert first.json()["linked"] is False
    ticket = first.json()["link_ticket"]

    await identity.client.post("/v1/auth/otp/send", json={"phone": PHONE})
    code = await _code_sent_to(identity)
    linked = await identity.client.post(
        "/v1/auth/otp/verify", json={"phone": PHONE, "code": code, "wechat_link_ticket": ticket}
    )
    assert linked.status_code == 200

    identity.wechat.codes["code-2"] = "openid-li"
    silent = await identity.client.post("/v1/auth/wechat/login", json={"code": "code-2"})
    assert silent.json()["linked"] is True
    me = await identity.client.get(
        "/v1/me", headers={"Authorization": f"Bearer {silent.json()['tokens']['access_token']}"}
    )
    assert me.json()["phone"] == "139****5678"
    assert identity.wechat.calls[-1]["grant_type"] == "authorization_code"


async def test_a_bad_wechat_code_or_ticket_is_refused(identity: Identity) -> None:
    bad = await identity.client.post("/v1/auth/wechat/login", json={"code": "used-or-forged"})
    assert bad.status_code == 422
    assert bad.json()["code"] == "wechat_code_invalid"
    await identity.client.post("/v1/auth/otp/send", json={"phone": PHONE})
    code = await _code_sent_to(identity)
    forged = await identity.client.post(
        "/v1/auth/otp/verify",
        json={"phone": PHONE, "code": code, "wechat_link_ticket": "openid-x.9999999999.deadbeef"},
    )
    assert forged.status_code == 422
    assert forged.json()["code"] == "wechat_ticket_invalid"


async def test_without_wechat_configured_the_phone_flow_is_the_way_in(identity: Identity) -> None:
    plain = create_app(
        identity_settings(identity.db, wechat_app_id="", wechat_app_secret=""),
        clock=identity.clock,
        database=identity.db,
    )
    await prepare(plain)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=plain), base_url="http://i"
    ) as c:
        response = await c.post("/v1/auth/wechat/login", json={"code": "x"})
        assert response.status_code == 404
        assert response.json()["code"] == "wechat_not_configured"
        assert (await c.post("/v1/auth/otp/send", json={"phone": PHONE})).status_code == 202
