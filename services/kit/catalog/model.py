"""The list's shape: a catalog of services, each with its port, start and seed order, the
environment it is told, the QR code kinds it owns and the hub tiles it shows (kit.catalog)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Seed = Literal["before_start", "on_start"]
LOCALES = ("zh-CN", "en")
# What a scan opens when the service that owns the code's kind is not built yet.
PLACE_PAGE = "place"
# `{name}` in an env template: the address of the service `name` (or `public`).
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


class CatalogError(ValueError):
    """services.toml says something impossible (a typo, a clash): named with its place."""


@dataclass(frozen=True)
class Label:
    zh_cn: str
    en: str

    def as_json(self) -> dict[str, str]:
        return {"zh-CN": self.zh_cn, "en": self.en}


@dataclass(frozen=True)
class Tile:
    """An entry of the building hub a resident lands on after scanning a unit door."""

    key: str
    service: str
    icon: str
    route: str
    label: Label
    hint: Label
    # The service is not built: the tile opens the "coming soon" page instead of `route`.
    soon: bool

    @property
    def path(self) -> str:
        """Where it leads, under /q/<token>/."""
        return f"soon/{self.key}" if self.soon else self.route


@dataclass(frozen=True)
class Service:
    name: str
    built: bool
    port: int
    env_prefix: str
    start_order: int
    seed_order: int
    seed: Seed
    about: str
    gateway_mounts: tuple[str, ...]
    mine: tuple[str, ...]
    # Event topics it takes at POST /v1/events ("audit.reveal", or a family: "audit.*").
    subscribes: tuple[str, ...]
    env: Mapping[str, str]
    qr: Mapping[str, str]
    tiles: tuple[Tile, ...]

    @property
    def package(self) -> str:
        return f"services.{self.name}"

    @property
    def app(self) -> str:
        """The uvicorn factory (every service's app.py has `create_app`)."""
        return f"services.{self.name}.app:create_app"

    @property
    def api_prefix(self) -> str:
        """Where the gateway routes it: /api/<name>/... reaches /... inside the service."""
        return f"/api/{self.name}"

    @property
    def local_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass(frozen=True)
class Gateway:
    port: int
    app: str
    uvicorn_args: tuple[str, ...]
    env: Mapping[str, str]

    @property
    def local_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass(frozen=True)
class Catalog:
    gateway: Gateway
    # In the file's order: the order the gateway's docs page lists them.
    services: tuple[Service, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.services)

    def service(self, name: str) -> Service:
        for service in self.services:
            if service.name == name:
                return service
        raise KeyError(name)

    def built(self) -> tuple[Service, ...]:
        """The services that exist, in start order."""
        return tuple(sorted((s for s in self.services if s.built), key=lambda s: s.start_order))

    def seeded_before_start(self) -> tuple[Service, ...]:
        """Built services whose demo data `make run` loads before anything starts, in order."""
        chosen = (s for s in self.services if s.built and s.seed == "before_start")
        return tuple(sorted(chosen, key=lambda s: s.seed_order))

    def mounts(self) -> dict[str, str]:
        """Extra gateway paths forwarded as they are: path prefix -> service."""
        return {mount: s.name for s in self.services for mount in s.gateway_mounts}

    def subscribers(self, topic: str) -> tuple[str, ...]:
        """The built services that take events of `topic` (kit.peers), in the file's order."""
        family = topic.split(".", 1)[0] + ".*"
        return tuple(
            s.name
            for s in self.services
            if s.built and (topic in s.subscribes or family in s.subscribes)
        )

    def tiles(self) -> tuple[Tile, ...]:
        return tuple(tile for s in self.services for tile in s.tiles)

    def qr_pages(self) -> dict[str, str]:
        """Code kind -> the page a scan opens; a kind of a service not built opens the place."""
        return {
            kind: page if s.built else PLACE_PAGE
            for s in self.services
            for kind, page in s.qr.items()
        }

    def run_env(self, urls: Mapping[str, str], public_url: str) -> dict[str, str]:
        """The environment of the whole system run together (`make run`, the browser stack).

        `urls` maps each built service (and "gateway") to where it listens; services not in
        it are reached at their port on 127.0.0.1. The gateway is told every built service's
        URL (GATEWAY_<NAME>_URL).
        """
        where = {s.name: urls.get(s.name, s.local_url) for s in self.services}
        values = {**where, "public": public_url}
        env: dict[str, str] = {}
        for service in self.built():
            for key, template in service.env.items():
                env[service.env_prefix + key] = expand(template, values)
        for key, template in self.gateway.env.items():
            env["GATEWAY_" + key] = expand(template, values)
        for service in self.built():
            env[f"GATEWAY_{service.name.upper()}_URL"] = where[service.name]
        return env


def expand(template: str, values: Mapping[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], template)
