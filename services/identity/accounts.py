"""What an administrator does to a staff account, each act recorded: open it, change it
(disable or enable, on or off duty, rename), reset its password. Disabling an account or
resetting its password ends its sessions (its refresh tokens are revoked, and its access
tokens refused everywhere within seconds: kit.revocations)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import organisations, sessions, staff
from services.identity.models import Grant, StaffUser
from services.kit.personal import PersonalDataCipher


async def open_account(
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
) -> StaffUser:
    """A staff account, of an organisation that exists when one is named."""
    if organisation_id:
        await organisations.check_exists(session, organisation_id=organisation_id)
    return await staff.create_staff(
        session,
        username=username,
        display_name=display_name,
        password=password,
        phone=phone,
        organisation_id=organisation_id,
        cipher=cipher,
        profile=profile,
        actor=actor,
        now=now,
    )


async def change_account(
    session: AsyncSession,
    *,
    user: StaffUser,
    disabled: bool | None,
    on_duty: bool | None,
    display_name: str | None,
    actor: str,
    now: datetime,
) -> StaffUser:
    """What is given changes; what is left out (None) stays."""
    if disabled is not None:
        await staff.set_disabled(session, user=user, disabled=disabled, actor=actor, now=now)
        if disabled:
            await sessions.revoke_subject(
                session, subject=f"staff:{user.id}", now=now, reason="disabled"
            )
    if on_duty is not None:
        await staff.set_on_duty(session, user=user, on_duty=on_duty, actor=actor, now=now)
    if display_name is not None:
        user.display_name = display_name
    return user


async def reset_password(
    session: AsyncSession,
    *,
    user: StaffUser,
    password: str,
    profile: str,
    actor: str,
    now: datetime,
) -> None:
    """A new password, checked for strength; the account's sessions end."""
    await staff.reset_password(
        session, user=user, password=password, profile=profile, actor=actor, now=now
    )
    await sessions.revoke_subject(
        session, subject=f"staff:{user.id}", now=now, reason="password_reset"
    )


async def withdraw_role(session: AsyncSession, *, grant: Grant, actor: str, now: datetime) -> None:
    """A role taken back: its holder's sessions end too, so no token still carrying the
    role is accepted anywhere once the services have refreshed the list (kit.revocations);
    the next sign-in carries what remains."""
    await staff.withdraw_grant(session, grant=grant, actor=actor, now=now)
    await sessions.revoke_subject(
        session, subject=f"staff:{grant.user_id}", now=now, reason="role_withdrawn"
    )
