"""Types the gateway tests share (the fixtures that make them are in conftest.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from gateway.app import Gateway
from gateway.config import GatewaySettings
from gateway.upstream import Upstream


@dataclass
class Door:
    """A gateway under test and a client that talks to it in-process."""

    app: Gateway
    client: httpx.AsyncClient
    settings: GatewaySettings


class MakeGateway(Protocol):
    def __call__(
        self,
        *,
        transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
        upstreams: Mapping[str, Upstream] | None = None,
        timer: Callable[[], float] | None = None,
        **settings: Any,
    ) -> Awaitable[Door]: ...


class Ticker:
    """A monotonic timer that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
