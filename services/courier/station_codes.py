"""Which station a scanned station code opens; kept a while only where a deployment asks.

Every check-in starts from the station's code, and code -> station is directory's answer
(`GET /v1/codes/{token}`): a round trip that costs about as much CPU as the rest of the
check-in (courier's HTTP client and directory's lookup; benchmarks/courier/). A station's
sticker rarely changes, so a deployment may keep a station code's answer for
COURIER_STATION_CODE_SECONDS per replica: a replaced sticker's old code then still checks a
courier in for at most that long. The default is 0 (ask every time), the rule the scan keeps:
a revoked or re-issued code is served by no replica. Only codes that opened a station are kept; an
unknown, revoked or other code is asked about every time, and kit's anonymous-write limit
per code counts every check-in whatever is kept here.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from services.courier.stations import station_not_found
from services.kit.clients.directory import DirectoryClient
from services.kit.clock import Clock
from services.kit.codes import code_token
from services.kit.errors import FieldError, InvalidInput

POINTER = "/body/code_token"
# Far more station codes than a deployment has: bounds memory against made-up tokens only.
MAX_KEPT = 4096


def not_a_station_code() -> InvalidInput:
    return InvalidInput(
        "not_a_station_code",
        "这个二维码不是暖心驿站的签到码。",
        errors=[FieldError(pointer=POINTER, detail="not a station's code", code="kind")],
    )


class StationCodes:
    """Station code -> station id, from directory, kept for `keep`."""

    def __init__(self, directory: DirectoryClient, *, clock: Clock, keep: timedelta) -> None:
        self.directory = directory
        self.clock = clock
        self.keep = keep
        self._kept: dict[str, tuple[datetime, uuid.UUID]] = {}

    async def station_of(self, token: str) -> uuid.UUID:
        """The station's id (its directory place); 422 `not_a_station_code` for a code of
        another kind, directory's 422/410 for an unknown or revoked one."""
        key = code_token(token)
        now = self.clock.now()
        kept = self._kept.get(key) if key else None
        if kept is not None and kept[0] > now:
            return kept[1]
        scanned = await self.directory.resolve_code(token, pointer=POINTER)
        target = scanned.target
        if scanned.kind != "station" or target is None or target.service != "courier":
            raise not_a_station_code()
        try:
            station_id = uuid.UUID(target.id)
        except ValueError as exc:
            raise station_not_found() from exc
        if key and self.keep > timedelta(0):
            if len(self._kept) >= MAX_KEPT:
                self._kept.pop(next(iter(self._kept)))
            self._kept[key] = (now + self.keep, station_id)
        return station_id
