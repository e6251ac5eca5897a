"""Identity's schema: staff, organisations, roles and grants on places, residents and their
households, API clients, tokens, one-time codes, and the records of what was done and sent."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Uuid,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.db import UTCDateTime, binary_string, check_in, new_metadata
from services.kit.media.models import MediaLibrary
from services.kit.outbox import Outbox
from services.kit.peers import ReceivedEvents

PATH_LENGTH = 400
ORGANISATION_KINDS = ("contractor", "property_company", "partner")
RELATIONS = ("owner", "tenant", "family")
CLAIM_STATUSES = ("pending", "verified", "refused", "left", "withdrawn")
CLIENT_KINDS = ("integration", "device")


class Base(DeclarativeBase):
    metadata = new_metadata()


class Organisation(Base):
    __tablename__ = "organisations"
    __table_args__ = (CheckConstraint(check_in("kind", ORGANISATION_KINDS), name="kind"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    password_hash: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisations.id"))
    # Contact details are personal data: encrypted, with a keyed hash for look-ups.
    phone_cipher: Mapped[str | None] = mapped_column(String(200))
    phone_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    on_duty: Mapped[bool] = mapped_column(Boolean, default=False)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Wrong passwords given for this account since it last signed in, shown to its owner at
    # the next sign-in (then reset): no addresses are kept.
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_failed_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LoginThrottle(Base):
    """Failed sign-ins for a username, known or not (so a throttle reveals nothing about
    accounts): one row per username and source address, one per username over all addresses
    (`staff_sign_in`). The key is a keyed hash: neither the name nor the address is kept."""

    __tablename__ = "login_throttles"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    first_failure_at: Mapped[datetime] = mapped_column(UTCDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Role(Base):
    """A role and the permissions it gives, as data: services declare their own."""

    __tablename__ = "roles"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    title_zh: Mapped[str] = mapped_column(String(40))
    title_en: Mapped[str] = mapped_column(String(60))
    # The kinds of place this role may be granted on (e.g. a building captain: building).
    place_kinds: Mapped[list[str]] = mapped_column(JSON)
    permissions: Mapped[list[str]] = mapped_column(JSON)


class ServiceCatalogue(Base):
    """The last catalogue identity learned from a service (`GET /v1/permissions`): roles,
    grants and keys are checked against these rows, so a service that is down does not stop
    an admin, and a new permission needs no identity migration."""

    __tablename__ = "service_catalogues"

    service: Mapped[str] = mapped_column(String(40), primary_key=True)
    # kit.permissions.Catalogue as JSON.
    catalogue: Mapped[dict[str, Any]] = mapped_column(JSON)
    learned_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MergedBinding(Base):
    """A default binding (role, permission) a catalogue declared and identity merged into the
    role once. A later merge adds only bindings not listed here, so a permission an admin
    took away stays away."""

    __tablename__ = "merged_bindings"

    role: Mapped[str] = mapped_column(String(40), primary_key=True)
    permission: Mapped[str] = mapped_column(String(80), primary_key=True)
    merged_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Grant(Base):
    """A role held by a staff user on a place, covering everything under it."""

    __tablename__ = "grants"
    __table_args__ = (Index("ix_grants_place_path", "place_path"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_users.id"), index=True)
    role: Mapped[str] = mapped_column(ForeignKey("roles.name"))
    place_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    place_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH))
    place_name: Mapped[str] = mapped_column(String(100))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    granted_by: Mapped[str] = mapped_column(String(64))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by: Mapped[str | None] = mapped_column(String(64))


class Resident(Base):
    """A resident: one who signed in with their phone, or a record community staff keep for
    someone without a smartphone (`created_by`; no phone of their own, perhaps a family
    member's as a contact), whom staff act for (assisted.py). A deleted account keeps only
    its id and dates (leaving.py)."""

    __tablename__ = "residents"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # The phone they sign in with; none for a record staff keep, or an account deleted.
    phone_cipher: Mapped[str | None] = mapped_column(String(200))
    phone_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(50))
    wechat_openid: Mapped[str | None] = mapped_column(String(64), unique=True)
    # A phone to reach a resident without one of their own (a daughter's): a contact only,
    # never a way to sign in, so it may also be another resident's own phone.
    contact_phone_cipher: Mapped[str | None] = mapped_column(String(200))
    contact_phone_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    # The staff member who made the record ("staff:<uuid>"); null for a resident who signed up.
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Household(Base):
    """A home: a unit door and a room number, verified by community staff. One row per
    door and room, so two first claims of a room made at once meet on its unique index."""

    __tablename__ = "households"
    __table_args__ = (
        Index("ix_households_unit_path", "unit_path"),
        Index("uq_households_unit_room", "unit_place_id", "room_no", unique=True),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    unit_place_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    unit_path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH))
    unit_code: Mapped[str] = mapped_column(String(32))
    room_no: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    verified_by: Mapped[str | None] = mapped_column(String(64))


class HouseholdMember(Base):
    """A resident at a home while their claim waits or holds: `verified_at` set means a
    verified member (other services' answers rely on it); refused, left or withdrawn claims
    leave no row here (their trail is in `household_claims`)."""

    __tablename__ = "household_members"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), primary_key=True)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"), primary_key=True)
    relation: Mapped[str] = mapped_column(String(20))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    verified_by: Mapped[str | None] = mapped_column(String(64))


class Dependant(Base):
    """A child in a guardian's care (summer courses): a name and a birth year, nothing more."""

    __tablename__ = "dependants"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    guardian_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"), index=True)
    name_cipher: Mapped[str] = mapped_column(String(200))
    birth_year: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # When the guardian consented to keeping a minor's data (required since 0007; children
    # recorded before have none).
    consented_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class HouseholdClaim(Base):
    """A resident's claim to live at a home and what became of it: pending (待核验) until
    community staff approve (verified) or refuse it with a reason the resident sees; a
    verified claim ends when the resident leaves or staff withdraw it (moved out). One claim
    per home may wait at a time (a partial unique index), whoever sent it first."""

    __tablename__ = "household_claims"
    __table_args__ = (
        CheckConstraint(check_in("status", CLAIM_STATUSES), name="status"),
        CheckConstraint(check_in("relation", RELATIONS), name="relation"),
        Index("ix_household_claims_status_claimed_at", "status", "claimed_at"),
        Index(
            "uq_household_claims_one_pending",
            "household_id",
            unique=True,
            sqlite_where=text("status = 'pending'"),
            postgresql_where=text("status = 'pending'"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"), index=True)
    relation: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10))
    # "claim" (staff verify it) or "invite" (a verified member vouched: verified at once).
    via: Mapped[str] = mapped_column(String(10))
    # An optional photo of a document (kit.media, personal: only the resident and the staff
    # verifying in scope get its links).
    document_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    # Why staff refused or withdrew it: shown to the resident.
    reason: Mapped[str | None] = mapped_column(String(200))


class HouseholdInvite(Base):
    """A one-time code a verified member gives another adult to join their home. Only the
    code's keyed hash is kept."""

    __tablename__ = "household_invites"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    used_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class ApiClient(Base):
    """An integration (a street office's system, a contractor) or a device (a gate camera)."""

    __tablename__ = "api_clients"
    __table_args__ = (CheckConstraint(check_in("kind", CLIENT_KINDS), name="kind"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisations.id"))
    # The visible part of the key (shown in lists); the key itself is stored hashed.
    key_prefix: Mapped[str] = mapped_column(String(16), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by: Mapped[str | None] = mapped_column(String(64))
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiClientPlace(Base):
    """A place an API client's scopes hold over (and everything under it)."""

    __tablename__ = "api_client_places"

    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("api_clients.id"), primary_key=True)
    place_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    path: Mapped[str] = mapped_column(binary_string(PATH_LENGTH))
    name: Mapped[str] = mapped_column(String(100))


class RefreshToken(Base):
    """Rotating refresh tokens; presenting a used one again revokes its whole family."""

    __tablename__ = "refresh_tokens"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    family_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    subject: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RevokedSession(Base):
    """A session that ended (signed out, its account disabled or its password reset, a stolen
    refresh token replayed): its refresh-token family, whose id the access tokens carry as
    `sid`. Published at GET /v1/revocations until its last access token has expired, so
    every service refuses those tokens too (kit.revocations). A deleted account is a row
    too, its `sid` a digest of its subject (kit.revocations.deleted_account_entry)."""

    __tablename__ = "revoked_sessions"

    sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    revoked_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    reason: Mapped[str] = mapped_column(String(20))


class OneTimeCode(Base):
    __tablename__ = "one_time_codes"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    phone_hash: Mapped[str] = mapped_column(String(64), index=True)
    ip_hash: Mapped[str] = mapped_column(String(64), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    consumed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SigningKey(Base):
    """Token signing keys made on first start in dev (production reads them from settings)."""

    __tablename__ = "signing_keys"

    kid: Mapped[str] = mapped_column(String(40), primary_key=True)
    private_key_cipher: Mapped[str] = mapped_column(String(400))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SentMessage(Base):
    __tablename__ = "sent_messages"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # The resident a service messaged by id (their 我的 page lists these); none for sign-in
    # codes, which go to a phone before anyone is known and must never be listed.
    resident_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    channel: Mapped[str] = mapped_column(String(10))
    template: Mapped[str] = mapped_column(String(40))
    to_masked: Mapped[str] = mapped_column(String(20))
    to_hash: Mapped[str] = mapped_column(String(64), index=True)
    body: Mapped[str] = mapped_column(String(500))
    accepted: Mapped[bool] = mapped_column(Boolean)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AdminEvent(Base):
    """Every administrative act: who did what to whom, when."""

    __tablename__ = "admin_events"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    target_kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[str] = mapped_column(String(64))
    # A place path when the act concerns one, so admins see the events of their area.
    place_path: Mapped[str | None] = mapped_column(binary_string(PATH_LENGTH))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class Reveal(Base):
    """Every read of personal data in clear: who saw whose what, when and why."""

    __tablename__ = "reveals"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    actor: Mapped[str] = mapped_column(String(64))
    subject_kind: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


# Documents residents show with a claim (kit.media's table).
media = MediaLibrary(Base.metadata)
# Events to other services (kit.peers: resident.deleted) and the ids of those taken from them.
outbox = Outbox(Base.metadata)
received_events = ReceivedEvents(Base.metadata)
