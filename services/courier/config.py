from pydantic_settings import SettingsConfigDict

from services.kit.abuse import AbuseSettings
from services.kit.settings import ServiceSettings


class CourierSettings(ServiceSettings, AbuseSettings):
    """The warm station's settings (env COURIER_...), with kit's limits on anonymous writes
    (COURIER_ANONYMOUS_LIMITS, kit.abuse: the quick check-in from the station's code)."""

    model_config = SettingsConfigDict(env_prefix="COURIER_", extra="ignore")

    service_name: str = "courier"
    # Where scanned station codes and station places are resolved.
    directory_url: str = "http://127.0.0.1:8002"
    # Who a signed-in courier is (their masked phone, kept on the profile at registration).
    identity_url: str = "http://127.0.0.1:8001"
    # Courier's own API client at identity: signs the exports' audit records sent to
    # identity's audit list (kit.peers).
    identity_api_key: str = ""
    # An anonymous visit closes itself this long after check-in: it counts as "present now"
    # only while a courier plausibly rests there, and a script cannot pile up open visits.
    anonymous_visit_minutes: int = 60
    # How long a replica keeps which station a scanned code opens (directory's answer;
    # services/courier/station_codes.py); 0: ask directory at every check-in.
    station_code_seconds: float = 60.0
    # A new station profile's limit before the worker checks a forgotten visit out.
    default_auto_close_minutes: int = 180
    # Dev only: a week of demo visits at 天街暖心驿站 once the directory answers (make run).
    seed_demo: bool = True
    # The auto check-out worker; tests turn it off and call run_due(now) themselves.
    run_workers: bool = True
    worker_poll_seconds: float = 30.0
