from pydantic_settings import SettingsConfigDict

from services.kit.settings import ServiceSettings


class DirectorySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="DIRECTORY_", extra="ignore")

    service_name: str = "directory"
