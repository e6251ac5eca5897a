"""Settings shared by every service; each service subclasses with its own env prefix."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from services.kit.addresses import parse_networks

REPO_ROOT = Path(__file__).resolve().parents[2]
VAR_DIR = REPO_ROOT / "var"

# Values that must never reach production: the defaults shipped for local work.
PLACEHOLDER_SECRETS = frozenset({"", "change-me", "dev-secret", "secret", "changeme"})

Environment = Literal["dev", "test", "production"]


class ServiceSettings(BaseSettings):
    """Base settings. A subclass sets `service_name` and `env_prefix` (e.g. DIRECTORY_)."""

    model_config = SettingsConfigDict(extra="ignore")

    service_name: str = "service"
    env: Environment = "dev"
    # SQLite file per service under var/ by default; any SQLAlchemy async URL otherwise.
    database_url: str = ""
    # The PostgreSQL schema this service owns; ignored on SQLite.
    database_schema: str = ""
    # Upgrade the schema on start (dev convenience; production runs `make migrate`).
    auto_migrate: bool = True
    secret_key: str = "dev-secret"
    public_base_url: str = "http://127.0.0.1:8000"
    # Token verification: a JWKS document inline, or the URL identity publishes it at.
    jwks: str = ""
    jwks_url: str = ""
    jwt_issuer: str = "sqwb-identity"
    log_level: str = "INFO"
    # Development only: where the log-only message sender writes each text in full (the
    # stand-in for the resident's phone; kit.messages). var/<service>-messages.jsonl in dev.
    message_inbox: str = ""
    # Where the gateway calls from: its X-Real-IP (the client's address, decided at the
    # door) is believed only from these peers (networks, comma separated in the env);
    # from any other peer the peer itself is the client (kit.addresses).
    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["127.0.0.0/8", "::1/128"]
    )
    # Request bodies above these sizes are answered 413 before they are read whole or
    # parsed (kit.limits): JSON and forms, and multipart uploads (media routes check their
    # own, smaller limit per file: kit.media); URLs above max_url_bytes are answered 414.
    max_body_bytes: int = 1024 * 1024
    max_upload_bytes: int = 32 * 1024 * 1024
    max_url_bytes: int = 8 * 1024

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _networks(cls, value: Any) -> list[str]:
        return parse_networks(value)

    @model_validator(mode="after")
    def _fill_defaults_and_refuse_placeholders(self) -> Self:
        if not self.database_url:
            self.database_url = f"sqlite+aiosqlite:///{VAR_DIR / (self.service_name + '.db')}"
        if not self.database_schema:
            self.database_schema = self.service_name
        if not self.message_inbox and self.env == "dev":
            self.message_inbox = str(VAR_DIR / f"{self.service_name}-messages.jsonl")
        if self.env == "production" and self.secret_key.strip().lower() in PLACEHOLDER_SECRETS:
            raise ValueError(
                f"{self.service_name}: secret_key is a placeholder; set a real secret in production"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")
