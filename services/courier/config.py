from pydantic_settings import SettingsConfigDict

from services.kit.abuse import AbuseSettings
from services.kit.media.store import MediaSettings
from services.kit.settings import ServiceSettings


class CourierSettings(ServiceSettings, AbuseSettings, MediaSettings):
    """The warm station's settings (env COURIER_...), with kit's limits on anonymous writes
    (COURIER_ANONYMOUS_LIMITS, kit.abuse: the quick check-in from the station's code) and
    kit's media settings (COURIER_MEDIA_ROOT, ...: the couriers' profile photos)."""

    model_config = SettingsConfigDict(env_prefix="COURIER_", extra="ignore")

    service_name: str = "courier"
    # Where scanned station codes and station places are resolved.
    directory_url: str = "http://127.0.0.1:8002"
    # Who a signed-in courier is (their masked phone, kept on the profile at registration).
    identity_url: str = "http://127.0.0.1:8001"
    # An anonymous visit closes itself this long after check-in: it counts as "present now"
    # only while a courier plausibly rests there, and a script cannot pile up open visits.
    anonymous_visit_minutes: int = 60
    # How long a replica may keep which station a scanned code opens (directory's answer;
    # services/courier/station_codes.py). 0, the default: ask directory at every check-in,
    # so a revoked or replaced code is refused at once by every replica (the rule the scan
    # keeps). A deployment may trade that for ~2 ms of CPU per check-in: a replaced sticker
    # then still checks couriers in for up to this long.
    station_code_seconds: float = 0.0
    # A new station profile's limit before the worker checks a forgotten visit out.
    default_auto_close_minutes: int = 180
    # Courier's own API key at identity (scopes identity:notify, identity:events:send): the
    # kit's alerts reach the station's on-duty staff with it, and the exports' audit records
    # reach identity's audit list (kit.peers). Empty: alerts are recorded, nobody is texted;
    # audit records wait in the outbox.
    identity_api_key: str = ""
    # An item with stock expiring within this many days is alerted (once per expiry date)
    # and counted as "expiring" on the console's home.
    supply_near_expiry_days: int = 30
    # Which medicine a courier took is health data: the link between a use and the visit
    # (so the courier) is cut this long after the use; the counts stay.
    supply_use_retention_days: int = 90
    # How often the kit's watch looks for expiring stock and links past their retention.
    supply_watch_seconds: float = 3600.0
    # Dev only: a week of demo visits at 天街暖心驿站 once the directory answers (make run).
    seed_demo: bool = True
    # Where browsers reach this service through the gateway: the photos' signed links.
    public_path_prefix: str = "/api/courier"
    # The auto check-out worker; tests turn it off and call run_due(now) themselves.
    run_workers: bool = True
    worker_poll_seconds: float = 30.0
