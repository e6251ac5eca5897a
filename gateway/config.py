"""The gateway's settings: env prefix GATEWAY_ (e.g. GATEWAY_DIRECTORY_URL, GATEWAY_REDIS_URL).

The services behind it are those of services.toml (built or not: one not built yet answers
with a 503 problem). Each one's address is GATEWAY_<NAME>_URL, or `<name>_url=` given to the
settings, by default its port on 127.0.0.1.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import NoDecode, SettingsConfigDict

from services.kit.catalog import load
from services.kit.settings import REPO_ROOT, ServiceSettings

# The services behind the gateway, in the order the docs page lists them.
SERVICES = load().names


class GatewaySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    service_name: str = "gateway"
    # The gateway holds no data: the database settings it inherits are never used.
    auto_migrate: bool = False

    # name -> base URL, one per service of the list (filled by `_service_urls`).
    service_urls: dict[str, str] = Field(default_factory=dict)

    # Token verification: identity's JWKS (GATEWAY_JWKS inline wins over the URL).
    jwks_url: str = "http://127.0.0.1:8001/v1/jwks.json"
    # How long an exchanged API key's token is reused at most: a revoked key stops
    # working within this time (never longer than the token's own life minus 5 s).
    api_key_cache_seconds: float = 30.0

    # Upstream connections.
    connect_timeout: float = 2.0
    read_timeout: float = 30.0
    # Bodies above this many bytes (or of unknown length) are streamed, both ways.
    stream_threshold: int = 64 * 1024
    upstream_max_connections: int = 512

    # Rate limits per client: anonymous by IP, signed-in by subject, integrations by key.
    rate_limit_per_minute: int = 600
    rate_limit_anonymous_per_minute: int = 300
    rate_limit_algorithm: Literal["sliding", "fixed"] = "sliding"
    # Shared counts across gateway processes; empty = in this process's memory.
    redis_url: str = ""
    redis_prefix: str = "gateway:rl:"
    redis_timeout_seconds: float = 0.25

    # Load balancers in front of the gateway whose X-Forwarded-For (and -Proto) are believed
    # (networks, comma separated). Empty: the TCP peer is the client, whatever it sends.
    # The gateway forwards the client's address it decided as X-Real-IP (kit.addresses).
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # Street-office web integrations allowed to call the API from a browser.
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # /docs: how long a service's OpenAPI document is reused.
    docs_cache_seconds: float = 30.0

    # The built frontend (Vite's dist/); a placeholder page until it exists.
    frontend_dir: Path = REPO_ROOT / "frontend" / "dist"

    @model_validator(mode="before")
    @classmethod
    def _service_urls(cls, data: Any) -> Any:
        """The list names the services, so their URL settings cannot be declared fields:
        `<name>_url` (keyword) wins over GATEWAY_<NAME>_URL, which wins over the port."""
        if not isinstance(data, dict):
            return data
        given = dict(data.get("service_urls") or {})
        urls = {}
        for service in load().services:
            key = f"{service.name}_url"
            env = os.environ.get(f"GATEWAY_{key.upper()}")
            urls[service.name] = str(data.pop(key, None) or env or service.local_url)
        return {**data, "service_urls": {**urls, **given}}

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip().rstrip("/") for part in value.split(",") if part.strip()]
        return value

    def limit_for(self, anonymous: bool) -> int:
        return self.rate_limit_anonymous_per_minute if anonymous else self.rate_limit_per_minute
