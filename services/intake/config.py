from typing import Self

from pydantic import model_validator
from pydantic_settings import SettingsConfigDict

from services.kit.abuse import AbuseSettings
from services.kit.media.store import MediaSettings
from services.kit.settings import ServiceSettings


class IntakeSettings(ServiceSettings, MediaSettings, AbuseSettings):
    """Intake's settings (env INTAKE_...), with kit's media settings (INTAKE_MEDIA_ROOT, ...)
    and its limits on anonymous writes (INTAKE_ANONYMOUS_LIMITS, kit.abuse)."""

    model_config = SettingsConfigDict(env_prefix="INTAKE_", extra="ignore")

    service_name: str = "intake"
    # Where scanned QR tokens are resolved to a unit door and its place path.
    directory_url: str = "http://127.0.0.1:8002"
    # Organisations, API keys of integrations (Open311), messages to on-duty staff.
    identity_url: str = "http://127.0.0.1:8001"
    # Intake's own API key at identity (scope identity:notify); empty: no on-duty alerts.
    identity_api_key: str = ""
    # Texts to reporters: an SMS gateway over HTTP, or the log (masked) when empty.
    sms_url: str = ""
    sms_api_key: str = ""
    # Reporters' names, phones and report photos are removed this long after a ticket ended.
    personal_retention_days: int = 180
    # Dev only: load ten weeks of demo tickets once the directory answers (make run).
    seed_demo: bool = True
    # Where browsers reach intake through the gateway: the signed media URLs start with it.
    public_path_prefix: str = "/api/intake"
    # The background job runner; tests turn it off and call run_due(now) themselves.
    run_workers: bool = True
    # Webhook receivers (kit.egress): https only (unset: in production only; plain http is
    # for development and tests), and whether receivers may sit on private networks (off:
    # loopback, private, link-local, metadata and reserved addresses are refused, when a
    # subscription is made and again at each delivery, after resolving the name).
    webhook_https_only: bool | None = None
    # Open311 lat/long (WGS-84) is placed at the nearest building at most this far away.
    open311_radius_m: float = 150.0
    webhook_allow_private_targets: bool = False

    @model_validator(mode="after")
    def _webhook_https_outside_development(self) -> Self:
        if self.webhook_https_only is None:
            self.webhook_https_only = self.env == "production"
        return self
