"""Messages to people (sign-in codes, "your ticket is resolved", reminders), one interface.

Adapters: `LogSender` for dev and tests (the text goes to the log with the phone masked),
`HttpSmsSender` for an SMS gateway reached over HTTP. A WeChat template-message adapter
plugs in the same way. Each service records what it sent in its own table.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

import httpx

from services.kit.personal import mask_phone

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


class LogSender:
    channel = "log"

    async def send(self, message: Message) -> Delivery:
        log.info(
            "message to %s [%s]: %s", mask_phone(message.phone), message.template, message.text
        )
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


def make_sender(*, sms_url: str = "", sms_api_key: str = "") -> MessageSender:
    if sms_url:
        return HttpSmsSender(sms_url, sms_api_key)
    return LogSender()
