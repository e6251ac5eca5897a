"""The gateway's settings: env prefix GATEWAY_ (e.g. GATEWAY_DIRECTORY_URL, GATEWAY_REDIS_URL)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator
from pydantic_settings import NoDecode, SettingsConfigDict

from services.kit.settings import REPO_ROOT, ServiceSettings

# The services behind the gateway, in the order the docs page lists them.
SERVICES = ("identity", "directory", "intake", "rooms", "parking", "courier")


class GatewaySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    service_name: str = "gateway"
    # The gateway holds no data: the database settings it inherits are never used.
    auto_migrate: bool = False

    identity_url: str = "http://127.0.0.1:8001"
    directory_url: str = "http://127.0.0.1:8002"
    intake_url: str = "http://127.0.0.1:8003"
    rooms_url: str = "http://127.0.0.1:8004"
    parking_url: str = "http://127.0.0.1:8005"
    courier_url: str = "http://127.0.0.1:8006"

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

    # Street-office web integrations allowed to call the API from a browser.
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # /docs: how long a service's OpenAPI document is reused.
    docs_cache_seconds: float = 30.0

    # The built frontend (Vite's dist/); a placeholder page until it exists.
    frontend_dir: Path = REPO_ROOT / "frontend" / "dist"

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip().rstrip("/") for part in value.split(",") if part.strip()]
        return value

    @property
    def service_urls(self) -> dict[str, str]:
        return {name: str(getattr(self, f"{name}_url")) for name in SERVICES}

    def limit_for(self, anonymous: bool) -> int:
        return self.rate_limit_anonymous_per_minute if anonymous else self.rate_limit_per_minute
