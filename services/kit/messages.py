"""Messages to people (sign-in codes, "your ticket is resolved", reminders), one interface.

Adapters: `LogSender` for dev and tests, `HttpSmsSender` for an SMS gateway reached over
HTTP. A WeChat template-message adapter plugs in the same way. Each service records what it
sent in its own table.

Logs are read by more people than the texts' recipients, so a message is logged only as
`loggable` leaves it: the phone masked (138****1234), links and tokens replaced, sign-in
codes (runs of 4 to 8 digits) and any phone or ID number blanked. The log-only sender refuses
to start in production (texts would reach no one). For development it also writes each
message, text in full, to an inbox file (`message_inbox` in the settings; `make run` puts it
under var/): the stand-in for the resident's phone, where a developer (or a browser test)
reads the code.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import httpx

from services.kit.personal import mask_phone
from services.kit.redaction import redact_personal

log = logging.getLogger("kit.messages")


@dataclass(frozen=True)
class Message:
    phone: str
    template: str  # a stable key, e.g. "otp_code", "ticket_resolved"
    text: str  # the rendered zh-CN text
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Delivery:
    channel: str
    accepted: bool
    provider_id: str | None = None


class MessageSender(Protocol):
    channel: str

    async def send(self, message: Message) -> Delivery: ...


_LINKS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# A bare token: ten or more letters and digits with at least one of each (QR codes,
# base32), or a URL-safe one of 22 or more (tracking links). Ticket numbers
# (TGYZL-2026-000001) are short hyphenated groups and stay readable.
_TOKENS = re.compile(
    r"(?<![A-Za-z0-9_-])(?:(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{10,}"
    r"|[A-Za-z0-9_-]{22,})(?![A-Za-z0-9_-])"
)
# A one-time code: 4 to 8 digits on their own (not a group of a ticket number or a date).
_CODES = re.compile(r"(?<![A-Za-z0-9-])\d{4,8}(?![A-Za-z0-9-])")


def loggable(text: str) -> str:
    """A message's text as a log may hold it: links, tokens, codes, phones blanked."""
    text = _LINKS.sub("[link]", text)
    text = redact_personal(text)
    text = _TOKENS.sub("[token]", text)
    return _CODES.sub("****", text)


class LogSenderInProduction(RuntimeError):
    """The log-only sender was asked for in production: texts would reach no one."""


class LogSender:
    """Messages go nowhere but the log (masked, `loggable`) and, in development, an inbox
    file holding their full text. Refuses to be built in production."""

    channel = "log"

    def __init__(self, *, env: str = "test", inbox: Path | str | None = None) -> None:
        if env == "production":
            raise LogSenderInProduction(
                "kit.messages: messages would only be logged, never sent, in production. "
                "Set the service's SMS_URL and SMS_API_KEY (e.g. IDENTITY_SMS_URL) to an SMS "
                "gateway."
            )
        self.inbox = Path(inbox) if inbox else None

    async def send(self, message: Message) -> Delivery:
        log.info(
            "message to %s [%s]: %s",
            mask_phone(message.phone),
            message.template,
            loggable(message.text),
        )
        if self.inbox is not None:
            self.inbox.parent.mkdir(parents=True, exist_ok=True)
            line = {
                "to": mask_phone(message.phone),
                "template": message.template,
                "text": message.text,
            }
            with self.inbox.open("a", encoding="utf-8") as inbox:
                inbox.write(json.dumps(line, ensure_ascii=False) + "\n")
        return Delivery(channel=self.channel, accepted=True)


class HttpSmsSender:
    """Posts {phone, template, params} to an SMS gateway; its answer's `id` is kept."""

    channel = "sms"

    def __init__(
        self, url: str, api_key: str, *, transport: httpx.AsyncBaseTransport | None = None
    ):
        self.url = url
        self.api_key = api_key
        self._transport = transport

    async def send(self, message: Message) -> Delivery:
        try:
            async with httpx.AsyncClient(transport=self._transport, timeout=5.0) as client:
                response = await client.post(
                    self.url,
                    json={
                        "phone": message.phone,
                        "template": message.template,
                        "params": message.params,
                    },
                    headers={"Authorization": f"Bearer {self.api_key}"},
                )
            if response.status_code >= 400:
                log.warning("SMS gateway refused a message: %s", response.status_code)
                return Delivery(channel=self.channel, accepted=False)
            return Delivery(
                channel=self.channel, accepted=True, provider_id=str(response.json().get("id"))
            )
        except (httpx.HTTPError, ValueError) as exc:
            log.warning("SMS gateway unreachable: %s", type(exc).__name__)
            return Delivery(channel=self.channel, accepted=False)


def make_sender(
    *, sms_url: str = "", sms_api_key: str = "", env: str = "test", inbox: str = ""
) -> MessageSender:
    """The SMS gateway when one is configured; else the log-only sender (never in
    production: LogSenderInProduction, so the service does not start)."""
    if sms_url:
        return HttpSmsSender(sms_url, sms_api_key)
    return LogSender(env=env, inbox=inbox or None)
