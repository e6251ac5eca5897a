"""Bodies of sign-in, tokens, staff, roles, organisations, API clients and the audit list."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from services.identity.schemas.base import Strict


class LoginIn(Strict):
    username: str = Field(min_length=1, max_length=40)
    password: str = Field(min_length=1, max_length=200)


class RefreshIn(Strict):
    refresh_token: str = Field(min_length=10, max_length=200)


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int
    refresh_token: str | None = None


class FailedAttemptsOut(BaseModel):
    """Wrong passwords given for the account since its last sign-in (from anywhere)."""

    count: int
    last_at: datetime | None


class StaffTokenOut(TokenOut):
    """A staff sign-in: the tokens, and what the owner should know about failed attempts."""

    failed_attempts_since_last_sign_in: FailedAttemptsOut


class RevocationsOut(BaseModel):
    """Sessions that have ended while their access tokens may still be unexpired."""

    sessions: list[str] = Field(
        description="The `sid` claims of the access tokens to refuse (opaque ids)"
    )


class ActForIn(Strict):
    resident_id: uuid.UUID
    reason: str | None = Field(
        None, max_length=200, examples=["代老人报修：电话来电，楼道灯不亮"], description="Required"
    )


class OtpSendIn(Strict):
    phone: str = Field(min_length=11, max_length=20, examples=["13812345678"])


class OtpVerifyIn(Strict):
    phone: str = Field(min_length=11, max_length=20)
    code: str = Field(pattern=r"^\s*\d{6}\s*$")
    wechat_link_ticket: str | None = Field(None, max_length=200)


class WeChatLoginIn(Strict):
    code: str = Field(min_length=1, max_length=128)


class WeChatLoginOut(BaseModel):
    linked: bool
    tokens: TokenOut | None = None
    link_ticket: str | None = Field(None, description="Pass to otp/verify to link this WeChat")


class GrantOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    role: str
    place_id: uuid.UUID
    place_path: str
    place_name: str
    granted_at: datetime
    granted_by: str


class StaffOut(BaseModel):
    id: uuid.UUID
    username: str
    display_name: str
    organisation_id: uuid.UUID | None
    phone: str | None = Field(description="Masked: 138****1234")
    on_duty: bool
    disabled: bool
    grants: list[GrantOut]


class StaffCreate(Strict):
    username: str = Field(pattern=r"^[a-zA-Z][a-zA-Z0-9_.-]{2,39}$")
    display_name: str = Field(min_length=1, max_length=50)
    password: str = Field(min_length=10, max_length=200)
    phone: str | None = Field(None, max_length=20)
    organisation_id: uuid.UUID | None = None


class StaffChange(Strict):
    disabled: bool | None = None
    on_duty: bool | None = None
    display_name: str | None = Field(None, min_length=1, max_length=50)


class PasswordReset(Strict):
    password: str = Field(min_length=10, max_length=200)


class GrantIn(Strict):
    role: str = Field(max_length=40)
    place_id: uuid.UUID


class PermissionMeaning(BaseModel):
    """A permission as the service that declares it explains it (its stored catalogue)."""

    name: str
    service: str
    zh: str
    en: str
    holders: list[str]
    # False when no stored catalogue declares it any more (the service dropped it).
    declared: bool = True


class RoleOut(BaseModel):
    name: str
    title_zh: str
    title_en: str
    place_kinds: list[str]
    permissions: list[str]
    # The permissions above, with their meanings in both languages.
    meanings: list[PermissionMeaning]


class RolePermissionIn(Strict):
    permission: str = Field(min_length=3, max_length=80)


class CatalogueOut(BaseModel):
    """What identity last learned from one service."""

    service: str
    learned_at: datetime
    permissions: list[PermissionMeaning]


class OrganisationIn(Strict):
    name: str = Field(min_length=1, max_length=100)
    kind: Literal["contractor", "property_company", "partner"]


class OrganisationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    kind: str
    created_at: datetime


class CoveredPlaceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    place_id: uuid.UUID
    path: str
    name: str


class OrganisationCoverage(BaseModel):
    """Where an organisation holds a permission (its keys' places and its staff's grants)."""

    organisation_id: uuid.UUID
    permission: str
    places: list[CoveredPlaceOut]


class ApiClientIn(Strict):
    name: str = Field(min_length=1, max_length=100)
    kind: Literal["integration", "device"] = "integration"
    organisation_id: uuid.UUID | None = None
    scopes: list[str] = Field(min_length=1, max_length=20)
    place_ids: list[uuid.UUID] = Field(min_length=1, max_length=20)


class ApiClientOut(BaseModel):
    id: uuid.UUID
    name: str
    kind: str
    organisation_id: uuid.UUID | None
    key_prefix: str
    scopes: list[str]
    places: list[dict[str, str]]
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None


class ApiClientCreated(ApiClientOut):
    api_key: str = Field(description="Shown once: store it now")


class AdminEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    actor: str
    action: str
    target_kind: str
    target_id: str
    detail: dict[str, object]
    at: datetime


class RevealIn(Strict):
    reason: str = Field(min_length=2, max_length=200, examples=["calling back about ticket 123"])


class RevealOut(BaseModel):
    phone: str
