"""Bodies of residents' homes, claims, children, messages and what other services ask
about residents. Phones only ever leave masked, except by reveal."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from services.identity.schemas.base import Strict


class HouseholdIn(Strict):
    """A claim at the door whose code the resident scanned: the code's `token` (a unit door's
    code, or a building's with `unit_place_id` naming one of its doors), or the scanned unit
    door's `unit_place_id` alone."""

    token: str | None = Field(None, min_length=1, max_length=64)
    unit_place_id: uuid.UUID | None = None
    room_no: str = Field(min_length=1, max_length=10, pattern=r"^[0-9A-Za-z-]+$")
    relation: Literal["owner", "tenant", "family"] = "owner"
    # An optional photo of a document (房产证, 租房合同): an upload of mine (POST /v1/media).
    document_id: uuid.UUID | None = None
    document_upload_key: str | None = Field(None, max_length=100)


class HouseholdOut(BaseModel):
    id: uuid.UUID
    unit_place_id: uuid.UUID
    unit_code: str
    room_no: str
    verified: bool = Field(description="The home has a verified member")
    member_verified: bool = Field(description="I am a verified member")
    status: Literal["pending", "verified", "refused", "left", "withdrawn"]
    relation: str
    via: Literal["claim", "invite"]
    claim_id: uuid.UUID
    claimed_at: datetime
    reason: str | None = Field(None, description="Why staff refused or withdrew it")
    document_url: str | None = None
    document_purged: bool = Field(False, description="Deleted by retention after the decision")


class InviteOut(BaseModel):
    code: str = Field(description="One-time, 8 characters; give it to the invitee")
    expires_at: datetime


class InviteAcceptIn(Strict):
    code: str = Field(min_length=4, max_length=20)
    relation: Literal["owner", "tenant", "family"] = "family"


class ClaimOut(BaseModel):
    """A claim as staff verifying it see it: the resident's phone masked, no children."""

    id: uuid.UUID
    status: Literal["pending", "verified", "refused", "left", "withdrawn"]
    via: Literal["claim", "invite"]
    relation: str
    claimed_at: datetime
    decided_at: datetime | None = None
    reason: str | None = None
    household_id: uuid.UUID
    unit_place_id: uuid.UUID
    unit_code: str
    room_no: str
    resident_id: uuid.UUID
    resident_phone: str | None = Field(
        description="Masked; none for a record staff keep without a phone"
    )
    has_document: bool
    document_url: str | None = Field(None, description="Signed, expiring; detail only")
    document_thumbnail_url: str | None = None
    document_purged: bool = Field(False, description="Detail only: deleted by retention")


class ClaimPage(BaseModel):
    items: list[ClaimOut]
    total: int


class ClaimReasonIn(Strict):
    reason: str | None = Field(None, max_length=200)


class DependantIn(Strict):
    name: str = Field(min_length=1, max_length=30)
    # Wide bounds: the rule (under 18, not in the future) answers with its own codes.
    birth_year: int = Field(ge=1900, le=9999)
    consent: bool = Field(False, description="The guardian agrees to keeping these (required)")


class DependantOut(BaseModel):
    id: uuid.UUID
    name: str
    birth_year: int
    consented_at: datetime | None = None


class MeOut(BaseModel):
    subject: str
    kind: str
    name: str | None = None
    phone: str | None = Field(None, description="Masked")
    grants: list[dict[str, object]] = []


class NotifyIn(Strict):
    role: str = Field(max_length=40)
    place_path: str = Field(max_length=400, pattern=r"^/([0-9a-f-]{36}/)+$")
    template: str = Field(max_length=40, pattern=r"^[a-z_]+$")
    text: str = Field(min_length=1, max_length=300)


class NotifyOut(BaseModel):
    on_duty: int
    sent: int


# What other services ask about residents (routes/peers.py): ids, counts, yes or no; never a
# phone, a name or a room number (a unit door and a room together are an address).


class HouseholdMembershipOut(BaseModel):
    household_id: uuid.UUID
    resident_id: uuid.UUID
    unit_place_id: uuid.UUID = Field(description="The household's unit door (a place)")
    unit_code: str = Field(description="The unit door's public code, e.g. HCXL-01-1")
    member: bool = Field(description="The resident has joined (or asked to join) the household")
    verified: bool = Field(description="Community staff have verified them as its member")


class ResidentHouseholdOut(BaseModel):
    household_id: uuid.UUID
    unit_place_id: uuid.UUID
    unit_code: str
    relation: Literal["owner", "tenant", "family"]
    verified: bool = Field(description="The resident is a verified member of it")


class ResidentHouseholdsOut(BaseModel):
    resident_id: uuid.UUID
    households: list[ResidentHouseholdOut] = Field(
        description="Those at places the calling client acts on, oldest first"
    )


class VerifiedHouseholdsOut(BaseModel):
    place_path: str
    verified_households: int = Field(
        description="Households under the place with at least one verified member"
    )


class DependantBirthYearOut(BaseModel):
    dependant_id: uuid.UUID
    guardian_id: uuid.UUID
    birth_year: int


class ResidentMessageIn(Strict):
    template: str = Field(max_length=40, pattern=r"^[a-z_]+$", examples=["booking_reminder"])
    text: str = Field(min_length=1, max_length=300, examples=["您预约的活动室明天9:00开放。"])


class ResidentMessageOut(BaseModel):
    resident_id: uuid.UUID
    delivered: bool = Field(description="The sender took the message for delivery")
    message_id: uuid.UUID | None = Field(None, description="The record kept; none if not sent")
    channel: str | None = Field(None, description="sms, log (development), ...")
    undelivered_reason: Literal["no_contact", "refused"] | None = Field(
        None,
        description="no_contact: the resident has no phone on record (nothing was sent); "
        "refused: the sender did not take it (recorded)",
    )


class MyMessageOut(BaseModel):
    """A message a service sent me (sign-in codes are never listed)."""

    id: uuid.UUID
    template: str
    text: str
    channel: str
    delivered: bool
    sent_at: datetime


class PhoneLookupIn(Strict):
    phone: str = Field(min_length=11, max_length=20, examples=["13812345678"])


class FoundResidentOut(BaseModel):
    resident_id: uuid.UUID
    phone: str = Field(description="Masked (138****1234): the caller typed the number")


class AssistedResidentIn(Strict):
    """A record community staff keep for a resident without a smartphone, at their home."""

    name: str = Field(min_length=1, max_length=50, examples=["王秀英"])
    unit_place_id: uuid.UUID
    room_no: str = Field(min_length=1, max_length=10, pattern=r"^[0-9A-Za-z-]+$")
    relation: Literal["owner", "tenant", "family"] = "owner"
    contact_phone: str | None = Field(
        None,
        min_length=11,
        max_length=20,
        examples=["13812345678"],
        description="A family member's phone to reach them: a contact only, never a sign-in",
    )


class ResidentSearchIn(Strict):
    """Find a resident of my communities by the record's name (or part of it) or a phone
    typed in full (theirs or their contact's). In the body: no personal data in URLs."""

    name: str | None = Field(None, min_length=1, max_length=50)
    phone: str | None = Field(None, min_length=11, max_length=20)


class ResidentHomeOut(BaseModel):
    household_id: uuid.UUID
    unit_place_id: uuid.UUID
    unit_code: str
    room_no: str


class ResidentRecordOut(BaseModel):
    """A resident as the community staff who may act for them see them: the name, phones
    masked, their homes within the staff member's places."""

    id: uuid.UUID
    name: str | None
    phone: str | None = Field(None, description="Their own (sign-in) phone, masked")
    contact_phone: str | None = Field(None, description="A contact's phone, masked")
    kept_by_staff: bool = Field(description="A record staff made (no smartphone)")
    homes: list[ResidentHomeOut]
