"""What intake's rules and routes share: the services intake calls, the personal-data cipher,
the clock, uploads and how texts leave; built once by the app (app.state.intake)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from services.kit.clients.directory import DirectoryClient
from services.kit.clients.identity import IdentityClient
from services.kit.clock import Clock
from services.kit.egress import EgressPolicy
from services.kit.media.store import MediaStore
from services.kit.messages import LogSender, MessageSender
from services.kit.personal import PersonalDataCipher


@dataclass(frozen=True)
class IntakeContext:
    """What the rules need beyond a session: the services intake calls, the personal-data
    cipher, the clock, and how texts leave."""

    directory: DirectoryClient
    identity: IdentityClient
    cipher: PersonalDataCipher
    clock: Clock
    # Uploads: checked, stored, served through signed links (kit.media).
    media: MediaStore
    sender: MessageSender = field(default_factory=LogSender)
    # Where webhooks may be sent: https and public addresses only, unless settings say
    # otherwise (kit.egress).
    webhook_targets: EgressPolicy = field(default_factory=EgressPolicy)
    # Open311 lat/long is placed at the nearest building at most this far away (metres).
    open311_radius_m: float = 150.0


async def _context(request: Request) -> IntakeContext:
    # Async: FastAPI would run a plain `def` in a worker thread, a hand-off per request.
    ctx: IntakeContext = request.app.state.intake
    return ctx


ContextDep = Annotated[IntakeContext, Depends(_context)]
