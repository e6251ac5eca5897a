"""Directory's request and response bodies (never ORM objects in responses)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.json_schema import SkipJsonSchema

PlaceKind = Literal[
    "district", "street", "community", "building", "unit", "venue", "station", "parking_area"
]
CodeKind = Literal["unit", "building", "notice_board", "venue", "room", "station", "parking_area"]

PLACE_CODE_PATTERN = r"^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12}){0,3}$"


class PlaceCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(
        pattern=PLACE_CODE_PATTERN,
        max_length=32,
        examples=["TGYZL-03-2"],
        description="Public, stable code: upper-case letters and digits in up to 4 parts",
    )
    name: str = Field(min_length=1, max_length=100, examples=["2单元"])
    kind: PlaceKind
    parent_id: uuid.UUID | None = Field(None, description="Required for every kind but district")
    position: int = Field(0, ge=0, le=100_000, description="Order among its siblings")
    address: str | None = Field(None, max_length=200)
    latitude: float | None = Field(None, ge=-90, le=90, description="WGS-84")
    longitude: float | None = Field(None, ge=-180, le=180, description="WGS-84")
    phone: str | None = Field(None, max_length=40, pattern=r"^[0-9+\- ()]{3,40}$")


def _no_default(schema: dict[str, Any]) -> None:
    # Left out means unchanged; the schema says no default (null is not a value of these).
    schema.pop("default", None)


class PlaceUpdate(BaseModel):
    """What is left out stays as it is; null clears the optional fields. A place always has a
    name and a position: those may be left out, not set to null."""

    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=100)] | SkipJsonSchema[None] = Field(
        None, json_schema_extra=_no_default
    )
    position: Annotated[int, Field(ge=0, le=100_000)] | SkipJsonSchema[None] = Field(
        None, json_schema_extra=_no_default
    )
    address: str | None = Field(None, max_length=200)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    phone: str | None = Field(None, max_length=40, pattern=r"^[0-9+\- ()]{3,40}$")

    @field_validator("name", "position")
    @classmethod
    def _not_null(cls, value: object) -> object:
        # Runs only on a value sent: null here, where the column cannot be empty.
        if value is None:
            raise ValueError("may be left out, but not set to null")
        return value


class PlaceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    name: str
    kind: PlaceKind
    parent_id: uuid.UUID | None
    path: str
    position: int
    address: str | None
    latitude: float | None
    longitude: float | None
    phone: str | None


class PlaceSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    name: str
    kind: PlaceKind
    path: str


class PlaceDetail(PlaceOut):
    ancestors: list[PlaceSummary] = Field(description="From the root down to the parent")
    contact_phone: str | None = Field(
        None, description="The nearest office phone at or above the place (its community's)"
    )


class CodeTarget(BaseModel):
    service: str = Field(max_length=20, pattern=r"^[a-z]+$", examples=["rooms"])
    id: str = Field(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")


class Chain(BaseModel):
    """The scanned place and its ancestors by kind, what an H5 page pre-fills from."""

    unit: PlaceSummary | None = None
    building: PlaceSummary | None = None
    community: PlaceSummary | None = None
    street: PlaceSummary | None = None
    district: PlaceSummary | None = None


class ResolvedCode(BaseModel):
    token: str
    kind: CodeKind
    target: CodeTarget | None
    place: PlaceSummary
    chain: Chain
    path: str
    contact_phone: str | None = Field(description="The nearest office phone above the place")


class CodeIssue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: CodeKind
    target: CodeTarget | None = None


class CodeChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=200, examples=["sticker torn off"])


class CodeOut(BaseModel):
    id: uuid.UUID
    token: str
    kind: CodeKind
    place_id: uuid.UUID
    target: CodeTarget | None
    status: Literal["active", "revoked"]
    url: str = Field(description="What the QR symbol encodes")
    issued_at: datetime
    issued_by: str
    revoked_at: datetime | None
    revoked_by: str | None
    replaces_id: uuid.UUID | None


class CodeEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code_id: uuid.UUID
    action: Literal["issued", "revoked", "reissued"]
    actor: str
    at: datetime
    reason: str | None


class CalendarDayIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["holiday", "workday"] = Field(
        description="holiday: a day off on a weekday; workday: a make-up workday on a weekend"
    )
    name: str = Field(min_length=1, max_length=50, examples=["春节"])


class CalendarDayOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    day: date
    kind: Literal["holiday", "workday"]
    name: str


class WorkingDay(BaseModel):
    day: date
    working: bool
    reason: str = Field(description="weekday, weekend, or the holiday / make-up day's name")
