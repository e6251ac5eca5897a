"""The medicine kit and supplies: items, restocks, uses at a visit, alerts, and a visit's
detail with the items used (health data: for staff holding courier:supplies:dispense)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from services.courier.models import SupplyCondition, SupplyKind, SupplyUser
from services.courier.schemas.visits import VisitOut

ItemName = Field(min_length=1, max_length=40, examples=["布洛芬缓释胶囊"])
Unit = Field(min_length=1, max_length=8, examples=["盒"])
Batch = Field(default=None, min_length=1, max_length=40, examples=["B20261101"])


class SupplyItemIn(BaseModel):
    """A new item of the kit; medicine needs an expiry date, supplies may have one."""

    name: str = ItemName
    kind: SupplyKind
    unit: str = Unit
    quantity: int = Field(ge=0, le=10_000)
    low_stock_threshold: int = Field(ge=0, le=10_000, examples=[2])
    expires_on: date | None = None


class SupplyItemUpdate(BaseModel):
    """What staff may correct on an item (its stock changes only by restocks and uses)."""

    name: str | None = Field(default=None, min_length=1, max_length=40)
    unit: str | None = Field(default=None, min_length=1, max_length=8)
    low_stock_threshold: int | None = Field(default=None, ge=0, le=10_000)


class RestockIn(BaseModel):
    """Stock added; `written_off` old ones taken off the shelf at the same time (expired,
    damaged). The item then keeps until the earliest expiry left on the shelf."""

    quantity: int = Field(ge=1, le=10_000)
    expires_on: date | None = None
    batch: str | None = Batch
    written_off: int = Field(default=0, ge=0, le=10_000)


class SupplyItemOut(BaseModel):
    """An item as staff see it, with what needs attention (judged on the station's day)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    station_id: uuid.UUID
    name: str
    kind: SupplyKind
    unit: str
    quantity: int
    low_stock_threshold: int
    expires_on: date | None
    low_stock: bool
    near_expiry: bool
    expired: bool
    stocked_at: datetime
    updated_at: datetime


class KitItem(BaseModel):
    """An item as a courier picks it on the phone: whether it can be had now, no counts."""

    id: uuid.UUID
    name: str
    kind: SupplyKind
    unit: str
    available: bool


class RestockOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    item_id: uuid.UUID
    quantity: int
    written_off: int
    expires_on: date | None
    batch: str | None
    at: datetime
    actor: str
    actor_name: str | None


class SupplyUseIn(BaseModel):
    item_id: uuid.UUID
    quantity: int = Field(default=1, ge=1, le=20)


class SupplyUseOut(BaseModel):
    """One item used on a visit (who recorded it: the courier's phone or staff)."""

    id: uuid.UUID
    item_id: uuid.UUID
    name: str
    kind: SupplyKind
    unit: str
    quantity: int
    used_at: datetime
    recorded_by: SupplyUser


class VisitDetail(VisitOut):
    """A visit as staff see it at their station. `supplies_used` is health data: listed for
    staff holding courier:supplies:dispense there, null for everyone else."""

    nickname: str | None
    phone_masked: str | None
    supplies_used: list[SupplyUseOut] | None


class SupplyAlertOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    item_id: uuid.UUID
    item_name: str
    condition: SupplyCondition
    occasion: str
    raised_at: datetime
    notified_at: datetime | None
    on_duty: int | None
