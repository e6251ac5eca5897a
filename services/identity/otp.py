"""Residents sign in with a phone number and a one-time code: no password to forget.

Codes are 6 digits, live 5 minutes, are used once and allow 5 tries. Sends are limited per
phone per hour and per day (whatever the address asking) and per network address per hour
(the address the gateway decided: kit.addresses), with a pause between resends, so the SMS
budget and the residents' phones are safe from a script.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.messaging import send_message
from services.identity.models import OneTimeCode, Resident
from services.kit.errors import InvalidInput, TooManyRequests
from services.kit.messages import Message, MessageSender
from services.kit.personal import PersonalDataCipher, parse_mobile

WRONG_CODE = "The code is wrong or has expired; ask for a new one."


@dataclass(frozen=True)
class OtpPolicy:
    ttl: timedelta
    max_attempts: int
    per_phone_per_hour: int
    per_ip_per_hour: int
    per_phone_per_day: int
    resend_after: timedelta


def _code_hash(cipher: PersonalDataCipher, phone: str, code: str) -> str:
    return cipher.lookup_hash(f"otp:{phone}:{code}")


def _limited(retry: timedelta, detail: str) -> TooManyRequests:
    seconds = max(1, int(retry.total_seconds()))
    return TooManyRequests(
        "otp_rate_limited", detail, headers={"Retry-After": str(seconds)}, retry_after=seconds
    )


async def send_code(
    session: AsyncSession,
    *,
    raw_phone: str,
    client_ip: str,
    cipher: PersonalDataCipher,
    sender: MessageSender,
    policy: OtpPolicy,
    now: datetime,
) -> None:
    phone = parse_mobile(raw_phone)
    phone_hash = cipher.lookup_hash(phone)
    ip_hash = hashlib.sha256(client_ip.encode()).hexdigest()
    hour_ago = now - timedelta(hours=1)
    by_phone = list(
        await session.scalars(
            select(OneTimeCode.created_at)
            .where(OneTimeCode.phone_hash == phone_hash, OneTimeCode.created_at > hour_ago)
            .order_by(OneTimeCode.created_at.desc())
        )
    )
    if by_phone and now - by_phone[0] < policy.resend_after:
        raise _limited(
            policy.resend_after - (now - by_phone[0]), "Wait a moment before asking again."
        )
    if len(by_phone) >= policy.per_phone_per_hour:
        raise _limited(by_phone[-1] + timedelta(hours=1) - now, "Too many codes for this number.")
    day_ago = now - timedelta(days=1)
    today = list(
        await session.scalars(
            select(OneTimeCode.created_at)
            .where(OneTimeCode.phone_hash == phone_hash, OneTimeCode.created_at > day_ago)
            .order_by(OneTimeCode.created_at.desc())
            .limit(policy.per_phone_per_day)
        )
    )
    if len(today) >= policy.per_phone_per_day:
        raise _limited(today[-1] + timedelta(days=1) - now, "Too many codes for this number today.")
    by_ip = await session.scalar(
        select(func.count())
        .select_from(OneTimeCode)
        .where(OneTimeCode.ip_hash == ip_hash, OneTimeCode.created_at > hour_ago)
    )
    if (by_ip or 0) >= policy.per_ip_per_hour:
        raise _limited(timedelta(hours=1), "Too many codes from this network.")
    code = f"{secrets.randbelow(1_000_000):06d}"
    session.add(
        OneTimeCode(
            id=uuid.uuid4(),
            phone_hash=phone_hash,
            ip_hash=ip_hash,
            code_hash=_code_hash(cipher, phone, code),
            created_at=now,
            expires_at=now + policy.ttl,
            attempts=0,
        )
    )
    minutes = int(policy.ttl.total_seconds() // 60)
    await send_message(
        session,
        sender=sender,
        cipher=cipher,
        now=now,
        message=Message(
            phone=phone,
            template="otp_code",
            params={"code": code},
            text=f"【您扫我办】验证码 {code},{minutes}分钟内有效。如非本人操作请忽略。",
        ),
    )


async def verify_code(
    session: AsyncSession,
    *,
    raw_phone: str,
    code: str,
    cipher: PersonalDataCipher,
    policy: OtpPolicy,
    now: datetime,
) -> Resident:
    """The resident for this phone (made on first sign-in), once the code checks out."""
    phone = parse_mobile(raw_phone)
    phone_hash = cipher.lookup_hash(phone)
    latest = await session.scalar(
        select(OneTimeCode)
        .where(OneTimeCode.phone_hash == phone_hash, OneTimeCode.consumed_at.is_(None))
        .order_by(OneTimeCode.created_at.desc())
        .limit(1)
    )
    wrong = InvalidInput("invalid_code", WRONG_CODE, keep_changes=True)
    if latest is None or latest.expires_at <= now or latest.attempts >= policy.max_attempts:
        raise wrong
    latest.attempts += 1
    if not hmac.compare_digest(latest.code_hash, _code_hash(cipher, phone, code.strip())):
        raise wrong
    latest.consumed_at = now
    resident = await session.scalar(select(Resident).where(Resident.phone_hash == phone_hash))
    if resident is None:
        resident = Resident(
            id=uuid.uuid4(),
            phone_cipher=cipher.encrypt(phone),
            phone_hash=phone_hash,
            created_at=now,
        )
        session.add(resident)
    resident.last_sign_in_at = now
    await session.flush()
    return resident
