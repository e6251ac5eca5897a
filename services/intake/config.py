from pydantic_settings import SettingsConfigDict

from services.kit.media.store import MediaSettings
from services.kit.settings import ServiceSettings


class IntakeSettings(ServiceSettings, MediaSettings):
    """Intake's settings (env INTAKE_...), with kit's media settings (INTAKE_MEDIA_ROOT, ...)."""

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
