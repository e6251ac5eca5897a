from typing import Literal

from pydantic_settings import SettingsConfigDict

from services.kit.settings import ServiceSettings


class IdentitySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="IDENTITY_", extra="ignore")

    service_name: str = "identity"
    directory_url: str = "http://127.0.0.1:8002"
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
    login_max_failures: int = 5
    login_lock_minutes: int = 15
    otp_ttl_seconds: int = 300
    otp_max_attempts: int = 5
    otp_sends_per_phone_per_hour: int = 5
    otp_sends_per_ip_per_hour: int = 20
    otp_resend_seconds: int = 60
    sms_url: str = ""
    sms_api_key: str = ""
    wechat_app_id: str = ""
    wechat_app_secret: str = ""
    wechat_api_base: str = "https://api.weixin.qq.com"
    wechat_authorize_base: str = "https://open.weixin.qq.com"
