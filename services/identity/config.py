import os
from typing import Any, Literal

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from services.kit.catalog import load
from services.kit.media.store import MediaSettings
from services.kit.settings import ServiceSettings


class IdentitySettings(ServiceSettings, MediaSettings):
    """Identity's settings (env IDENTITY_...), with kit's media settings (IDENTITY_MEDIA_ROOT,
    ...: the documents residents show with a household claim)."""

    model_config = SettingsConfigDict(env_prefix="IDENTITY_", extra="ignore")

    service_name: str = "identity"
    # Where browsers reach identity (the gateway's prefix): the documents' signed links.
    public_path_prefix: str = "/api/identity"
    directory_url: str = "http://127.0.0.1:8002"
    # Where identity fetches each built service's permissions (`GET /v1/permissions`), by
    # name; filled from the list (see `_service_urls`), directory from directory_url.
    service_urls: dict[str, str] = Field(default_factory=dict)
    # How often the catalogues are fetched again (they are also fetched at start and before
    # a role is edited).
    catalogue_refresh_seconds: float = 300.0
    # How often the outbox relay looks for events to deliver (resident.deleted).
    outbox_poll_seconds: float = 10.0
    run_workers: bool = True
    # Dev: load the demo staff and API key once the directory answers (make run).
    seed_demo: bool = True
    # Production: a JWKS of private keys (with "d"); the first is used to sign. Empty in dev,
    # where keys are made on first start and kept (encrypted) in the database.
    signing_keys: str = ""
    access_token_seconds: int = 600
    refresh_token_days: int = 30
    api_key_token_seconds: int = 300
    # "fast" only for tests: argon2 at its minimum cost.
    password_hashing: Literal["standard", "fast"] = "standard"
    # Staff sign-in (staff_sign_in): wrong passwords one address may give for one username
    # before it waits (1 s, doubling, up to login_lock_minutes); past login_failure_ceiling
    # failures for a username over all addresses, an address waits from its first failure.
    login_max_failures: int = 5
    login_lock_minutes: int = 15
    login_failure_ceiling: int = 20
    login_failure_memory_hours: int = 24
    otp_ttl_seconds: int = 300
    otp_max_attempts: int = 5
    otp_sends_per_phone_per_hour: int = 5
    # Whatever address asks: a phone gets at most this many codes in 24 hours.
    otp_sends_per_phone_per_day: int = 10
    otp_sends_per_ip_per_hour: int = 20
    otp_resend_seconds: int = 60
    # Staff finding a resident by phone (resident_search): searches per searcher per hour.
    resident_searches_per_hour: int = 30
    # Days a household claim's document photo is kept once the claim is decided (the rule:
    # households.DOCUMENT_RETENTION_DAYS).
    household_document_retention_days: int = Field(30, ge=1)
    sms_url: str = ""
    sms_api_key: str = ""
    wechat_app_id: str = ""
    wechat_app_secret: str = ""
    wechat_api_base: str = "https://api.weixin.qq.com"
    wechat_authorize_base: str = "https://open.weixin.qq.com"

    @model_validator(mode="before")
    @classmethod
    def _service_urls(cls, data: Any) -> Any:
        """The list names the services, so their URLs cannot all be declared fields:
        `<name>_url` (keyword) wins over IDENTITY_<NAME>_URL, which wins over the port."""
        if not isinstance(data, dict):
            return data
        given = dict(data.get("service_urls") or {})
        urls = {}
        for service in load().built():
            if service.name == "identity":
                continue
            key = f"{service.name}_url"
            env = os.environ.get(f"IDENTITY_{key.upper()}")
            urls[service.name] = str(data.get(key) or env or service.local_url)
        return {**data, "service_urls": {**urls, **given}}
