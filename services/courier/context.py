"""What the warm station's rules and routes share: the services it calls, the clock and its
limits; built once by the app (app.state.courier)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request

from services.courier.station_codes import StationCodes
from services.kit.clients.directory import DirectoryClient
from services.kit.clients.identity import IdentityClient
from services.kit.clock import Clock
from services.kit.media.store import MediaStore


@dataclass(frozen=True)
class CourierContext:
    directory: DirectoryClient
    identity: IdentityClient
    clock: Clock
    # Which station a scanned code opens (directory's answer, kept a minute).
    station_codes: StationCodes
    # The couriers' profile photos (kit.media): uploads, signed links, purging.
    photos: MediaStore
    # An anonymous visit closes itself this long after check-in.
    anonymous_visit: timedelta = timedelta(hours=1)
    # Stock expiring within this many days is alerted and counted as expiring.
    near_expiry_days: int = 30


def _context(request: Request) -> CourierContext:
    ctx: CourierContext = request.app.state.courier
    return ctx


ContextDep = Annotated[CourierContext, Depends(_context)]
