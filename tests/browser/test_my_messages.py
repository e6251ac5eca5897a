"""消息 on the resident's 我的: what a service sent them by id (through identity, with the
service's own key) is listed there, newest first."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from tests.browser.conftest import check_accessibility, otp_texted, place_by_code
from tests.browser.stack import Stack

# A number no other browser test signs in with.
PHONE = "13600007171"


def test_a_message_a_service_sent_shows_on_my_page(
    page: Page, stack: Stack, admin_api: httpx.Client, unit_token: str
) -> None:
    page.goto(f"/q/{unit_token}")
    page.get_by_test_id("hub-me").click()
    page.get_by_test_id("resident-phone").locator("input").fill(PHONE)
    since = len(stack.inbox_text("identity"))
    page.get_by_test_id("resident-send").click()
    page.get_by_test_id("resident-code").locator("input").fill(otp_texted(stack, since))
    page.get_by_test_id("resident-submit").click()
    section = page.get_by_test_id("my-messages")
    expect(section).to_contain_text("还没有收到消息")

    # A service (rooms, say) with its own key messages the resident by id.
    district = place_by_code(admin_api, "DX")
    issued = admin_api.post(
        "/identity/v1/api-clients",
        json={
            "name": "rooms reminders",
            "scopes": ["identity:residents:message"],
            "place_ids": [district["id"]],
        },
    )
    assert issued.status_code == 201, issued.text
    found = admin_api.post("/identity/v1/residents/find-by-phone", json={"phone": PHONE})
    assert found.status_code == 200, found.text
    sent = httpx.post(
        f"{stack.base_url}/api/identity/v1/residents/{found.json()['resident_id']}/messages",
        json={"template": "booking_reminder", "text": "您预约的活动室明天上午9:00开放。"},
        # The gateway exchanges the key for a short-lived token on the way.
        headers={"X-API-Key": issued.json()["api_key"]},
    )
    assert sent.status_code == 200, sent.text
    assert sent.json()["delivered"] is True

    page.reload()
    message = section.get_by_test_id("my-message")
    expect(message).to_have_count(1)
    expect(message).to_contain_text("您预约的活动室明天上午9:00开放。")
    expect(message).to_contain_text("已发送")
    check_accessibility(page, "messages on the resident's 我的")
