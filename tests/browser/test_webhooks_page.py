"""数据推送（Webhook）: a street-office admin adds a push address for their street, keeps the
signing secret shown that once (and only then), checks a delivery with the page's own
example, and disables the subscription. Community staff have no such page."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from services.intake.webhooks import sign
from tests.browser.conftest import check_accessibility, login, place_by_code, screenshot
from tests.browser.stack import Stack

WEBHOOKS = "/intake/v1/webhooks"
NAME = "天宫院街道 12345 对接"


def subscriptions(api: httpx.Client) -> list[dict[str, Any]]:
    response = api.get(WEBHOOKS)
    assert response.status_code == 200, response.text
    return list(response.json())


@pytest.fixture
def street_admin_api(stack: Stack) -> Iterator[httpx.Client]:
    """tgy_admin's API; whatever subscription the test leaves is disabled afterwards (the
    stack is shared by the whole browser suite)."""
    with stack.api("tgy_admin") as api:
        yield api
        for subscription in subscriptions(api):
            if subscription["name"] == NAME:
                api.delete(f"{WEBHOOKS}/{subscription['id']}")


def test_a_street_admin_adds_a_push_address_keeps_the_secret_once_and_disables_it(
    page: Page, street_admin_api: httpx.Client, admin_api: httpx.Client
) -> None:
    street = place_by_code(admin_api, "TGY")
    login(page, "tgy_admin")
    page.get_by_test_id("tab-admin").click()
    page.get_by_test_id("admin-webhooks").click()
    expect(page).to_have_url("/console/admin/webhooks")
    expect(page).to_have_title("数据推送（Webhook） · 您扫我办")
    expect(page.get_by_test_id("webhooks-empty")).to_have_text("还没有推送地址")
    form = page.get_by_test_id("webhook-form")
    # Their only place, 天宫院街道, is chosen already; both events are ticked.
    expect(form.get_by_role("radio", name="天宫院街道")).to_be_checked()
    expect(form.get_by_role("checkbox", name="新报事")).to_be_checked()
    expect(form.get_by_role("checkbox", name="报事状态变化")).to_be_checked()
    check_accessibility(page, "webhooks page")

    # Plain http is refused by the form itself.
    form.get_by_label("名称").fill(NAME)
    form.get_by_label("推送地址").fill("http://hooks.example/sqwb")
    form.get_by_role("button", name="添加推送地址").click()
    expect(form.get_by_text("请输入以 https:// 开头的地址")).to_be_visible()
    # A space inside the address passes the form but not the service: told at the field,
    # nothing stored.
    form.get_by_label("推送地址").fill("https://hooks.example/sq wb")
    form.get_by_role("checkbox", name="报事状态变化").click()
    form.get_by_role("button", name="添加推送地址").click()
    expect(form.get_by_text("请输入完整的 https:// 地址，中间不能有空格")).to_be_visible()
    expect(page.get_by_test_id("webhook-error")).to_have_text("填写的内容有误，请检查后再提交。")
    check_accessibility(page, "webhooks form refused")
    assert subscriptions(street_admin_api) == []

    form.get_by_label("推送地址").fill("https://hooks.example/sqwb")
    form.get_by_role("button", name="添加推送地址").click()
    panel = page.get_by_test_id("webhook-secret-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("这个密钥只显示这一次")
    secret = page.get_by_test_id("webhook-secret").input_value()
    assert len(secret) >= 40
    expect(panel.get_by_role("button", name="复制")).to_be_visible()
    expect(panel.get_by_test_id("webhook-verify")).to_contain_text("X-Sqwb-Signature")
    expect(panel.get_by_test_id("webhook-verify")).to_contain_text("X-Sqwb-Event-Id")
    check_accessibility(page, "webhook secret shown once")
    screenshot(page, "console-webhook-secret", full_page=False)

    # The example the page gives accepts a delivery the service signs, and nothing else.
    example = panel.get_by_test_id("webhook-verify").locator("pre").inner_text()
    receiver: dict[str, Any] = {}
    # The page's own sample code, run as a receiving system would run it.
    exec(example, receiver)
    body = json.dumps({"id": str(uuid.uuid4()), "topic": "ticket.created", "data": {}}).encode()
    # The example checks freshness against the real clock, as a receiver does.
    timestamp = str(int(time.time()))
    headers = {"X-Sqwb-Timestamp": timestamp, "X-Sqwb-Signature": sign(secret, timestamp, body)}
    assert receiver["verify"](secret, headers, body) is True
    assert receiver["verify"]("another secret", headers, body) is False
    assert receiver["verify"](secret, headers, body + b" ") is False

    # In the list, as stored: only the event left ticked.
    row = page.get_by_test_id("webhook-row").filter(has_text=NAME)
    expect(row.get_by_test_id("webhook-url")).to_have_text("https://hooks.example/sqwb")
    expect(row.get_by_test_id("webhook-place")).to_have_text("天宫院街道")
    expect(row.get_by_test_id("webhook-topics")).to_have_text("新报事")
    [stored] = subscriptions(street_admin_api)
    assert stored["scope_place_id"] == street["id"]
    assert stored["topics"] == ["ticket.created"]
    assert "secret" not in stored

    # Saved: the secret goes, and a reload never brings it back.
    panel.get_by_role("button", name="我已保存").click()
    expect(page.get_by_test_id("webhook-secret-panel")).to_have_count(0)
    page.reload()
    expect(row).to_be_visible()
    expect(page.get_by_test_id("webhook-secret-panel")).to_have_count(0)
    assert secret not in page.content()
    screenshot(page, "console-webhooks", full_page=False)

    # Disabled after a confirm: gone from the list and from the service's.
    row.get_by_test_id("webhook-disable").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("停用后不再向 https://hooks.example/sqwb 推送")
    check_accessibility(page, "webhook disable confirm")
    dialog.get_by_role("button", name="停用").click()
    expect(page.get_by_test_id("webhook-row")).to_have_count(0)
    expect(page.get_by_test_id("webhooks-empty")).to_be_visible()
    assert subscriptions(street_admin_api) == []


def test_community_staff_have_no_push_settings(page: Page) -> None:
    login(page, "tgyzl_staff")
    page.get_by_test_id("tab-admin").click()
    expect(page.get_by_test_id("admin-audit")).to_be_visible()
    expect(page.get_by_test_id("admin-webhooks")).to_have_count(0)
    page.goto("/console/admin/webhooks")
    expect(page.get_by_test_id("no-access")).to_be_visible()
    expect(page.get_by_test_id("webhook-form")).to_have_count(0)
