"""Identity: staff and their roles on places, residents, organisations, API keys, tokens."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from functools import partial
from pathlib import Path

import httpx
from fastapi import FastAPI

from services.identity import catalogues, events_out, household_review, permissions, sessions
from services.identity.audit import record_remote
from services.identity.config import IdentitySettings
from services.identity.context import IdentityContext
from services.identity.households import purge_decided_documents
from services.identity.keys import KeyRing
from services.identity.models import media, outbox, received_events
from services.identity.routes import (
    account,
    api_clients,
    assisted,
    audit,
    auth,
    documents,
    grants,
    household_claims,
    households,
    organisations,
    peers,
    residents,
    revocations,
    roles,
    staff_admin,
)
from services.identity.wechat import WeChatAdapter
from services.kit.app import create_service_app
from services.kit.clients.directory import DirectoryClient
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.media.store import MediaStore
from services.kit.messages import MessageSender, make_sender
from services.kit.observability import configure_service_logging
from services.kit.outbox import OutboxRelay
from services.kit.peers import EventSender, events_router
from services.kit.permissions import permissions_router
from services.kit.personal import PersonalDataCipher
from services.kit.revocations import Revocations, Snapshot
from services.kit.workers import PollingWorker, RunReport, run_with_app

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# How often uploads no claim named are looked for (they are kept a day: kit.media).
DOCUMENT_PURGE_SECONDS = 3600.0
log = logging.getLogger("identity")


class CatalogueRefresher(PollingWorker):
    """Fetches every service's catalogue again on a timer: a service that started after
    identity, or declared a new permission, is learned without a restart."""

    name = "identity-catalogues"

    def __init__(self, app: FastAPI) -> None:
        super().__init__(app.state.clock)
        self.app = app
        self.db = app.state.db
        self.worker_id = "catalogues"

    async def run_due(self, now: datetime | None = None) -> RunReport:
        ctx: IdentityContext = self.app.state.identity
        await catalogues.refresh(self.db, ctx.catalogue_sources, now=now or self.clock.now())
        return RunReport(succeeded=1)


class DocumentPurge(PollingWorker):
    """Deletes document photos no household claim named within a day (kit.media): a
    resident's deed or lease is not kept for a claim never sent; and those of claims decided
    longer ago than the retention rule allows (households.purge_decided_documents)."""

    name = "identity-documents"

    def __init__(self, app: FastAPI) -> None:
        super().__init__(app.state.clock)
        self.app = app
        self.worker_id = "documents"

    async def run_due(self, now: datetime | None = None) -> RunReport:
        ctx: IdentityContext = self.app.state.identity
        db: Database = self.app.state.db
        async with db.session(write=True) as session:
            purged = await ctx.documents.purge_unattached(session)
            purged += await purge_decided_documents(
                session,
                ctx.documents,
                now=now or self.clock.now(),
                keep_days=ctx.settings.household_document_retention_days,
            )
            await session.commit()
        return RunReport(succeeded=purged)


async def refresh_catalogues(app: FastAPI, *, now: datetime | None = None) -> None:
    ctx: IdentityContext = app.state.identity
    await catalogues.refresh(app.state.db, ctx.catalogue_sources, now=now or app.state.clock.now())


async def prepare(app: FastAPI) -> None:
    """Load the signing keys, learn the catalogues and merge their default bindings into
    the standard roles (on start, and in tests)."""
    ctx: IdentityContext = app.state.identity
    db: Database = app.state.db
    clock: Clock = app.state.clock
    async with db.session() as session:
        if ctx.settings.signing_keys:
            ctx.keys.load_configured(ctx.settings.signing_keys)
        else:
            await ctx.keys.load_or_create(session, cipher=ctx.cipher, now=clock.now())
        await session.commit()
    await refresh_catalogues(app)
    if ctx.settings.env == "dev" and ctx.settings.seed_demo:
        from services.identity.seed import seed_when_directory_answers

        app.state.seeding = asyncio.create_task(seed_when_directory_answers(app))


def create_app(
    settings: IdentitySettings | None = None,
    *,
    clock: Clock | None = None,
    database: Database | None = None,
    directory_transport: httpx.AsyncBaseTransport | None = None,
    wechat_transport: httpx.AsyncBaseTransport | None = None,
    sender: MessageSender | None = None,
    catalogue_transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
) -> FastAPI:
    settings = settings or IdentitySettings()
    configure_service_logging(settings)
    keys = KeyRing()
    app = create_service_app(
        settings=settings,
        title="Identity · 身份与权限",
        description=(
            "Staff accounts and their roles on places, residents (phone + one-time code, or "
            "WeChat), households and dependants, organisations, API keys, and the tokens every "
            "service verifies (EdDSA; public keys at /v1/jwks.json)."
        ),
        version="1.0.0",
        routers=[
            auth.router,
            revocations.router,
            # The console's administration, in the order its docs list it.
            roles.router,
            staff_admin.router,
            grants.router,
            organisations.router,
            api_clients.router,
            audit.router,
            residents.router,
            assisted.router,
            account.router,
            households.router,
            household_claims.router,
            documents.router,
            permissions_router(permissions.CATALOGUE),
            peers.router,
            peers.asked,
            # Other services' reveals and exports, into the one audit list (kit.audit).
            events_router(
                received_events,
                {"audit.reveal": record_remote, "audit.export": record_remote},
                receiver="identity",
            ),
        ],
        migrations_dir=MIGRATIONS_DIR,
        clock=clock,
        database=database,
        on_ready=prepare,
        todo=household_review.todo_counts,
        todo_permission=permissions.HOUSEHOLDS_VERIFY,
    )
    wechat = (
        WeChatAdapter(
            app_id=settings.wechat_app_id,
            app_secret=settings.wechat_app_secret,
            api_base=settings.wechat_api_base,
            authorize_base=settings.wechat_authorize_base,
            ticket_secret=settings.secret_key,
            transport=wechat_transport,
        )
        if settings.wechat_app_id and settings.wechat_app_secret
        else None
    )
    app.state.identity = IdentityContext(
        settings=settings,
        keys=keys,
        cipher=PersonalDataCipher(settings.secret_key),
        sender=sender
        or make_sender(
            sms_url=settings.sms_url,
            sms_api_key=settings.sms_api_key,
            env=settings.env,
            inbox=settings.message_inbox,
        ),
        directory=DirectoryClient(settings.directory_url, transport=directory_transport),
        wechat=wechat,
        documents=MediaStore.from_settings(
            media,
            settings,
            service_name=settings.service_name,
            secret_key=settings.secret_key,
            # The links are followed by browsers, through the gateway's /api/identity.
            base_path=f"{settings.public_path_prefix.rstrip('/')}/v1/media",
            clock=app.state.clock,
        ),
        catalogue_sources=[
            catalogues.Source(
                service=name,
                base_url=url,
                transport=(catalogue_transports or {}).get(
                    name, directory_transport if name == "directory" else None
                ),
            )
            for name, url in settings.service_urls.items()
        ],
    )
    # Identity's events (resident.deleted) to the services subscribing to them, signed with
    # a token identity mints for itself (events_out).
    receivers = {name: url for name, url in settings.service_urls.items() if name != "directory"}
    app.state.events = events = EventSender(
        source="identity",
        urls=receivers,
        token=partial(_own_token, app, list(receivers)),
    )
    app.state.relay = relay = OutboxRelay(
        app.state.db, outbox, clock=app.state.clock, deliver=events
    )
    if settings.run_workers and settings.env != "test":
        run_with_app(app, CatalogueRefresher(app), poll_interval=settings.catalogue_refresh_seconds)
        run_with_app(app, relay, poll_interval=settings.outbox_poll_seconds)
        run_with_app(app, DocumentPurge(app), poll_interval=DOCUMENT_PURGE_SECONDS)
    # Identity verifies its own tokens (for /v1/me and admin) with its own key ring, and
    # refuses those of ended sessions from its own table (every replica within seconds).
    app.state.token_verifier.use_local_keys(keys.jwks)
    app.state.token_verifier.use_revocations(
        Revocations(
            _own_revocations(app),
            clock=app.state.clock,
            interval=settings.revocations_refresh_seconds,
        )
    )
    return app


async def _own_token(app: FastAPI, receivers: list[str]) -> str | None:
    ctx: IdentityContext = app.state.identity
    if not ctx.keys.ready:
        return None  # not started yet: the relay tries again later
    return events_out.service_token(
        keys=ctx.keys,
        issuer=ctx.settings.jwt_issuer,
        receivers=receivers,
        now=app.state.clock.now(),
    )


def _own_revocations(app: FastAPI) -> Callable[[str | None], Awaitable[Snapshot]]:
    async def read(_etag: str | None) -> Snapshot:
        ctx: IdentityContext = app.state.identity
        db: Database = app.state.db
        async with db.session(write=False) as session:
            sids = await sessions.revoked_sessions(
                session, now=app.state.clock.now(), access_ttl=ctx.tokens.access_ttl
            )
        return frozenset(sids), None

    return read
