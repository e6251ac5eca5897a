"""What identity's routes share: keys, the personal-data cipher, the sender, policies."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request

from services.identity.catalogues import Source
from services.identity.config import IdentitySettings
from services.identity.keys import KeyRing
from services.identity.otp import OtpPolicy
from services.identity.resident_search import SearchPolicy
from services.identity.sessions import TokenPolicy
from services.identity.staff_sign_in import LoginPolicy
from services.identity.wechat import WeChatAdapter
from services.kit.clients.directory import DirectoryClient
from services.kit.media.store import MediaStore
from services.kit.messages import MessageSender
from services.kit.personal import PersonalDataCipher


@dataclass
class IdentityContext:
    settings: IdentitySettings
    keys: KeyRing
    cipher: PersonalDataCipher
    sender: MessageSender
    directory: DirectoryClient
    wechat: WeChatAdapter | None
    # Documents residents show with a household claim (kit.media, personal: no-store).
    documents: MediaStore
    # Where each other service's permission catalogue is fetched (identity's own is read
    # in-process).
    catalogue_sources: list[Source] = field(default_factory=list)

    @property
    def tokens(self) -> TokenPolicy:
        return TokenPolicy(
            issuer=self.settings.jwt_issuer,
            access_ttl=timedelta(seconds=self.settings.access_token_seconds),
            refresh_ttl=timedelta(days=self.settings.refresh_token_days),
        )

    @property
    def login(self) -> LoginPolicy:
        s = self.settings
        return LoginPolicy(
            free_failures=s.login_max_failures,
            max_wait=timedelta(minutes=s.login_lock_minutes),
            ceiling=s.login_failure_ceiling,
            memory=timedelta(hours=s.login_failure_memory_hours),
        )

    @property
    def otp(self) -> OtpPolicy:
        s = self.settings
        return OtpPolicy(
            ttl=timedelta(seconds=s.otp_ttl_seconds),
            max_attempts=s.otp_max_attempts,
            per_phone_per_hour=s.otp_sends_per_phone_per_hour,
            per_phone_per_day=s.otp_sends_per_phone_per_day,
            per_ip_per_hour=s.otp_sends_per_ip_per_hour,
            resend_after=timedelta(seconds=s.otp_resend_seconds),
        )

    @property
    def resident_search(self) -> SearchPolicy:
        return SearchPolicy(per_hour=self.settings.resident_searches_per_hour)


async def _context(request: Request) -> IdentityContext:
    # Async: FastAPI would run a plain `def` in a worker thread, a hand-off per request.
    context: IdentityContext = request.app.state.identity
    return context


ContextDep = Annotated[IdentityContext, Depends(_context)]
