"""Dependencies the warm station's routes share (the context is services/courier/context.py's):
idempotency keys, and a station loaded and authorized for one staff permission (kit.auth:
a 404 outside every grant, a 403 inside one without the permission)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends

from services.courier import permissions, stations
from services.courier.models import Station, idempotency
from services.kit.app import SessionDep
from services.kit.auth import PrincipalDep
from services.kit.idempotency import IdempotentRequest
from services.kit.permissions import Access, guard

IdempotentDep = Annotated[IdempotentRequest, Depends(idempotency.dependency)]

READ = Access(permissions.VISITS_READ)
HANDLE = Access(permissions.VISITS_HANDLE)
CARDS = Access(permissions.CARDS_MANAGE)


def _station(access: Access) -> Callable[..., Awaitable[Station]]:
    @guard(access)
    async def station(
        station_id: uuid.UUID, session: SessionDep, principal: PrincipalDep
    ) -> Station:
        return await stations.station_for(
            session, station_id, principal=principal, permission=access.permission
        )

    return station


ReadStationDep = Annotated[Station, Depends(_station(READ))]
HandleStationDep = Annotated[Station, Depends(_station(HANDLE))]
CardsStationDep = Annotated[Station, Depends(_station(CARDS))]

# The medicine kit and supplies (routes/supplies.py).
SUPPLIES_READ = Access(permissions.SUPPLIES_READ)
SUPPLIES_MANAGE = Access(permissions.SUPPLIES_MANAGE)
SUPPLIES_DISPENSE = Access(permissions.SUPPLIES_DISPENSE)
SuppliesReadStationDep = Annotated[Station, Depends(_station(SUPPLIES_READ))]
SuppliesManageStationDep = Annotated[Station, Depends(_station(SUPPLIES_MANAGE))]
SuppliesDispenseStationDep = Annotated[Station, Depends(_station(SUPPLIES_DISPENSE))]
