"""kit.messages: what the log-only sender logs (codes, links, tokens, phones blanked), what
its development inbox holds (the text in full), and that it never runs in production."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from services.kit.messages import (
    HttpSmsSender,
    LogSender,
    LogSenderInProduction,
    Message,
    loggable,
    make_sender,
)
from services.kit.settings import ServiceSettings

PHONE = "13912345678"
TRACKING = "Zq3-x_9aBcDeFgHiJkLmNoPqRs"  # 24+ URL-safe characters, as intake makes them


@pytest.mark.parametrize(
    ("text", "logged"),
    [
        ("【您扫我办】验证码 042731,5分钟内有效。", "【您扫我办】验证码 ****,5分钟内有效。"),
        ("验证码:8812", "验证码:****"),
        ("code 12345678.", "code ***."),
        (
            f"您反映的问题（TGYZL-2026-000001）已受理。进度：https://sqwb.example/t/{TRACKING}",
            "您反映的问题（TGYZL-2026-000001）已受理。进度：[link]",
        ),
        (f"跟踪码{TRACKING}", "跟踪码[token]"),
        ("门牌码 K7Q2M4XZ8PLA 已换新", "门牌码 [token] 已换新"),
        ("紧急报事 TGYZL-2026-000001：安全隐患，3号楼2单元。", None),
        (
            "工单GYSNL-2026-000001-W1 已派出, 联系139-1234-5678",
            "工单GYSNL-2026-000001-W1 已派出, 联系***",
        ),
    ],
)
def test_a_logged_text_has_codes_links_tokens_and_phones_blanked(
    text: str, logged: str | None
) -> None:
    assert loggable(text) == (text if logged is None else logged)


async def test_the_log_only_sender_logs_masked_and_keeps_the_text_in_its_inbox(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = tmp_path / "dev" / "identity-messages.jsonl"
    sender = LogSender(env="dev", inbox=inbox)
    text = f"【您扫我办】验证码 042731,5分钟内有效。https://sqwb.example/t/{TRACKING}"
    with caplog.at_level(logging.INFO, logger="kit.messages"):
        delivery = await sender.send(Message(phone=PHONE, template="otp_code", text=text))
    assert delivery.accepted
    [line] = [r.getMessage() for r in caplog.records if r.name == "kit.messages"]
    assert line == "message to 139****5678 [otp_code]: 【您扫我办】验证码 ****,5分钟内有效。[link]"
    # The inbox is the phone's stand-in: the text in full, the number masked.
    [kept] = [json.loads(row) for row in inbox.read_text(encoding="utf-8").splitlines()]
    assert kept == {"to": "139****5678", "template": "otp_code", "text": text}


def test_the_log_only_sender_refuses_to_start_in_production() -> None:
    with pytest.raises(LogSenderInProduction, match="SMS_URL"):
        LogSender(env="production")
    with pytest.raises(LogSenderInProduction, match="never sent, in production"):
        make_sender(env="production")
    assert isinstance(
        make_sender(sms_url="https://sms.example/send", sms_api_key="k", env="production"),
        HttpSmsSender,
    )
    assert isinstance(make_sender(env="dev"), LogSender)


def test_development_keeps_an_inbox_under_var_and_tests_none() -> None:
    dev = ServiceSettings(service_name="example", env="dev")
    assert dev.message_inbox.endswith("var/example-messages.jsonl")
    assert ServiceSettings(service_name="example", env="test").message_inbox == ""
