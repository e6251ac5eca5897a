"""The warm station's request and response bodies (never ORM objects in responses), one
module per domain (stations, visits, couriers, supplies): import from the submodule.

Transitional, for the branches written against the single schemas.py (volunteering,
statistics): the names that file held are re-exported here until the lead moves their
models into submodules at merge; then this becomes a docstring only, as intake's.
"""

from services.courier.schemas.couriers import (
    CardOut,
    CourierIn,
    CourierOut,
    CourierProfile,
    CourierUpdate,
    ScannedCourier,
)
from services.courier.schemas.stations import (
    DayHours,
    LiveNumbers,
    LiveStation,
    PresentCourier,
    StationOut,
    StationProfileIn,
)
from services.courier.schemas.visits import (
    CheckedIn,
    CheckInByCard,
    CheckInByCode,
    ServicesIn,
    VisitOut,
    VisitRow,
)

__all__ = [
    "CardOut",
    "CheckInByCard",
    "CheckInByCode",
    "CheckedIn",
    "CourierIn",
    "CourierOut",
    "CourierProfile",
    "CourierUpdate",
    "DayHours",
    "LiveNumbers",
    "LiveStation",
    "PresentCourier",
    "ScannedCourier",
    "ServicesIn",
    "StationOut",
    "StationProfileIn",
    "VisitOut",
    "VisitRow",
]
