"""Staff accounts: passwords, sign-in with a lock after repeated failures, roles on places."""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import catalogues, permissions
from services.identity.audit import record_admin_event, reveal
from services.identity.models import Grant, LoginThrottle, Role, StaffUser
from services.kit.clients.directory import PlaceRef as PlaceInfo
from services.kit.errors import (
    Conflict,
    InvalidInput,
    NotFound,
    PermissionDenied,
    TooManyRequests,
    Unauthenticated,
)
from services.kit.pagination import PageParams, fetch_page
from services.kit.personal import PersonalDataCipher, parse_mobile
from services.kit.scope import within_any

PERM_STAFF = permissions.STAFF_MANAGE
PERM_GRANTS = permissions.GRANTS_MANAGE

# The same answer for a wrong username, a wrong password and a disabled account.
BAD_LOGIN = "The username or password is not right."
_FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
_STANDARD = PasswordHasher()
# Verifying against this when the user does not exist keeps the timing the same.
_DUMMY_HASH = _STANDARD.hash("not-a-real-password")


def hasher(profile: str) -> PasswordHasher:
    return _FAST if profile == "fast" else _STANDARD


def check_password_strength(password: str) -> None:
    if len(password) < 10 or password.isdigit() or password.isalpha():
        raise InvalidInput(
            "weak_password", "A password needs at least 10 characters, letters and digits."
        )


def _throttle_key(username: str) -> str:
    return hashlib.sha256(username.strip().lower().encode()).hexdigest()


async def authenticate(
    session: AsyncSession,
    *,
    username: str,
    password: str,
    now: datetime,
    max_failures: int,
    lock_minutes: int,
    profile: str,
) -> StaffUser:
    key = _throttle_key(username)
    throttle = await session.get(LoginThrottle, key)
    if throttle and throttle.locked_until and throttle.locked_until > now:
        retry = int((throttle.locked_until - now).total_seconds()) + 1
        raise TooManyRequests(
            "login_locked",
            "Too many failed sign-ins; try again later.",
            headers={"Retry-After": str(retry)},
            retry_after=retry,
        )
    user = await session.scalar(
        select(StaffUser).where(StaffUser.username == username.strip().lower())
    )
    ok = False
    try:
        ok = hasher(profile).verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        ok = False
    if ok and user is not None and user.disabled_at is None:
        if throttle is not None:
            await session.delete(throttle)
        return user
    # Count the failure, for real and unknown usernames alike.
    window = timedelta(minutes=lock_minutes)
    if throttle is None:
        throttle = LoginThrottle(key=key, failures=0, first_failure_at=now)
        session.add(throttle)
    elif now - throttle.first_failure_at > window:
        throttle.failures, throttle.first_failure_at, throttle.locked_until = 0, now, None
    throttle.failures += 1
    if throttle.failures >= max_failures:
        throttle.locked_until = now + window
    # The failure is stored even though this request answers 401.
    raise Unauthenticated("invalid_credentials", BAD_LOGIN, keep_changes=True)


async def get_staff(session: AsyncSession, user_id: uuid.UUID) -> StaffUser:
    user = await session.get(StaffUser, user_id)
    if user is None:
        raise NotFound("staff_not_found", "No such staff account.")
    return user


async def create_staff(
    session: AsyncSession,
    *,
    username: str,
    display_name: str,
    password: str,
    phone: str | None,
    organisation_id: uuid.UUID | None,
    cipher: PersonalDataCipher,
    profile: str,
    actor: str,
    now: datetime,
    user_id: uuid.UUID | None = None,
) -> StaffUser:
    """A staff account (`user_id` given only by the demo seed: kit.demo)."""
    username = username.strip().lower()
    check_password_strength(password)
    if await session.scalar(select(StaffUser.id).where(StaffUser.username == username)):
        raise Conflict("username_taken", "That username is taken.")
    normal = parse_mobile(phone) if phone else None
    user = StaffUser(
        id=user_id or uuid.uuid4(),
        username=username,
        display_name=display_name,
        password_hash=hasher(profile).hash(password),
        organisation_id=organisation_id,
        phone_cipher=cipher.encrypt(normal) if normal else None,
        phone_hash=cipher.lookup_hash(normal) if normal else None,
        on_duty=False,
        must_change_password=False,
        created_at=now,
        created_by=actor,
    )
    session.add(user)
    await session.flush()
    record_admin_event(
        session,
        actor=actor,
        action="staff.created",
        target_kind="staff",
        target_id=str(user.id),
        now=now,
        username=username,
    )
    return user


async def active_grants(session: AsyncSession, user_id: uuid.UUID) -> list[Grant]:
    rows = await session.scalars(
        select(Grant)
        .where(Grant.user_id == user_id, Grant.withdrawn_at.is_(None))
        .order_by(Grant.granted_at)
    )
    return list(rows)


def staff_is_within(grants: list[Grant], scope_paths: list[str]) -> bool:
    """An admin manages an account when every role it holds lies inside the admin's places."""
    return all(any(g.place_path.startswith(p) for p in scope_paths) for g in grants)


async def managed_staff(
    session: AsyncSession, *, user_id: uuid.UUID, scope: list[str]
) -> StaffUser:
    """A staff account an admin over `scope` may manage: all its roles lie within it."""
    user = await get_staff(session, user_id)
    if not staff_is_within(await active_grants(session, user.id), scope):
        raise PermissionDenied("forbidden", "This person holds roles outside your places.")
    return user


async def list_staff(
    session: AsyncSession, *, scope: list[str], page: PageParams
) -> tuple[list[StaffUser], int]:
    """Staff holding a role within `scope`, by username: one page and the total."""
    in_scope = exists().where(
        Grant.user_id == StaffUser.id,
        Grant.withdrawn_at.is_(None),
        within_any(Grant.place_path, scope),
    )
    statement = select(StaffUser).where(in_scope).order_by(StaffUser.username)
    return await fetch_page(session, statement, page)


async def set_disabled(
    session: AsyncSession, *, user: StaffUser, disabled: bool, actor: str, now: datetime
) -> StaffUser:
    user.disabled_at = now if disabled else None
    record_admin_event(
        session,
        actor=actor,
        action="staff.disabled" if disabled else "staff.enabled",
        target_kind="staff",
        target_id=str(user.id),
        now=now,
    )
    return user


async def set_on_duty(
    session: AsyncSession, *, user: StaffUser, on_duty: bool, actor: str, now: datetime
) -> None:
    """On or off duty (who receives messages for on-duty staff); a change is recorded."""
    if on_duty == user.on_duty:
        return
    user.on_duty = on_duty
    record_admin_event(
        session,
        actor=actor,
        action="staff.on_duty_changed",
        target_kind="staff",
        target_id=str(user.id),
        now=now,
        on_duty=on_duty,
    )


def reveal_phone(
    session: AsyncSession,
    *,
    user: StaffUser,
    cipher: PersonalDataCipher,
    reason: str,
    actor: str,
    now: datetime,
) -> str:
    """A staff member's phone in clear, for an admin who gives a reason; the read is recorded."""
    if user.phone_cipher is None:
        raise NotFound("no_phone", "No phone is on record.")
    return reveal(
        session,
        cipher=cipher,
        stored=user.phone_cipher,
        actor=actor,
        subject_kind="staff",
        subject_id=str(user.id),
        field="phone",
        reason=reason,
        now=now,
    )


async def reset_password(
    session: AsyncSession,
    *,
    user: StaffUser,
    password: str,
    profile: str,
    actor: str,
    now: datetime,
) -> StaffUser:
    check_password_strength(password)
    user.password_hash = hasher(profile).hash(password)
    user.must_change_password = actor != f"staff:{user.id}"
    record_admin_event(
        session,
        actor=actor,
        action="staff.password_reset",
        target_kind="staff",
        target_id=str(user.id),
        now=now,
    )
    return user


async def grant_role(
    session: AsyncSession,
    *,
    user: StaffUser,
    role_name: str,
    place: PlaceInfo,
    actor: str,
    now: datetime,
) -> Grant:
    role = await session.get(Role, role_name)
    if role is None:
        raise InvalidInput("unknown_role", f"There is no role {role_name}.")
    # A role naming what no service declares (any more) is not handed out.
    known = await catalogues.known(session)
    undeclared = [p for p in role.permissions if p not in catalogues.declared(known)]
    if undeclared:
        raise catalogues.unknown_permission(undeclared, known)
    if place.kind not in role.place_kinds:
        raise InvalidInput(
            "role_place_kind",
            f"{role.title_en} is granted on a {' or '.join(role.place_kinds)}, not a {place.kind}.",
            allowed_place_kinds=role.place_kinds,
        )
    duplicate = await session.scalar(
        select(Grant.id).where(
            Grant.user_id == user.id,
            Grant.role == role_name,
            Grant.place_id == place.id,
            Grant.withdrawn_at.is_(None),
        )
    )
    if duplicate:
        raise Conflict("grant_exists", "This person already holds that role there.")
    grant = Grant(
        id=uuid.uuid4(),
        user_id=user.id,
        role=role_name,
        place_id=place.id,
        place_path=place.path,
        place_name=place.name,
        granted_at=now,
        granted_by=actor,
    )
    session.add(grant)
    await session.flush()
    record_admin_event(
        session,
        actor=actor,
        action="grant.added",
        target_kind="staff",
        target_id=str(user.id),
        now=now,
        place_path=place.path,
        role=role_name,
        place=place.code,
    )
    return grant


async def get_grant(session: AsyncSession, *, user_id: uuid.UUID, grant_id: uuid.UUID) -> Grant:
    """One of an account's roles (withdrawn or not)."""
    grant = await session.get(Grant, grant_id)
    if grant is None or grant.user_id != user_id:
        raise NotFound("grant_not_found", "No such role on this account.")
    return grant


async def withdraw_grant(session: AsyncSession, *, grant: Grant, actor: str, now: datetime) -> None:
    if grant.withdrawn_at is not None:
        raise Conflict("grant_withdrawn", "This role was already withdrawn.")
    grant.withdrawn_at, grant.withdrawn_by = now, actor
    record_admin_event(
        session,
        actor=actor,
        action="grant.withdrawn",
        target_kind="staff",
        target_id=str(grant.user_id),
        now=now,
        place_path=grant.place_path,
        role=grant.role,
    )


async def token_grants(session: AsyncSession, user_id: uuid.UUID) -> list[dict[str, object]]:
    """The grants an access token carries: each role's permissions with its place's path."""
    rows = await session.execute(
        select(Grant, Role)
        .join(Role, Role.name == Grant.role)
        .where(Grant.user_id == user_id, Grant.withdrawn_at.is_(None))
    )
    return [
        {
            "role": g.role,
            "place_id": str(g.place_id),
            "path": g.place_path,
            "perms": list(r.permissions),
        }
        for g, r in rows
    ]
