"""Intake (您扫我办): residents report from a unit door's QR code; staff handle; reporters rate."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from functools import partial
from pathlib import Path

import httpx
import sqlalchemy as sa
from fastapi import FastAPI

from services.intake import (
    categories,
    demo,
    leaving,
    lifecycle,
    notices,
    permissions,
    tickets,
    todo,
)
from services.intake.config import IntakeSettings
from services.intake.context import IntakeContext
from services.intake.models import jobs, media, outbox, received_events
from services.intake.routes import categories as category_routes
from services.intake.routes import exports, public, staff, statistics, webhooks
from services.intake.routes import hotline as hotline_routes
from services.intake.routes import media as media_routes
from services.intake.routes import mine as mine_routes
from services.intake.routes import open311 as open311_routes
from services.intake.routes import referrals as referral_routes
from services.intake.routes import workorders as workorder_routes
from services.intake.webhooks import WebhookSender
from services.kit.app import create_service_app
from services.kit.clients.directory import DirectoryClient
from services.kit.clients.identity import IdentityClient
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.egress import EgressPolicy, Resolver, system_resolver
from services.kit.jobs import JobRunner
from services.kit.media.store import MediaStore
from services.kit.messages import make_sender
from services.kit.observability import configure_service_logging
from services.kit.outbox import OutboxRelay
from services.kit.peers import EventSender, events_router, route_deliveries
from services.kit.permissions import permissions_router
from services.kit.personal import PersonalDataCipher
from services.kit.workers import run_with_app

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


async def prepare(app: FastAPI) -> None:
    """Load the default categories that are missing and make sure tonight's retention sweep
    is scheduled (on start, and in tests)."""
    db: Database = app.state.db
    async with db.session() as session:
        await categories.ensure_defaults(session)
        await notices.schedule_retention_sweep(session, app.state.clock.now())
        await session.commit()
    settings: IntakeSettings = app.state.settings
    if settings.env == "dev" and settings.seed_demo:
        # Ten weeks of demo history, once the directory answers (it may start after us).
        app.state.seeding = asyncio.create_task(demo.seed_when_directory_answers(app))


async def _alert_community_staff(
    ctx: IntakeContext, place_path: str, template: str, text: str
) -> int:
    return await ctx.identity.notify_on_duty(
        role="community_staff", place_path=place_path, template=template, text=text
    )


def create_app(
    settings: IntakeSettings | None = None,
    *,
    clock: Clock | None = None,
    database: Database | None = None,
    directory_transport: httpx.AsyncBaseTransport | None = None,
    identity_transport: httpx.AsyncBaseTransport | None = None,
    jwks_transport: httpx.AsyncBaseTransport | None = None,
    webhook_transport: httpx.AsyncBaseTransport | None = None,
    webhook_resolver: Resolver = system_resolver,
) -> FastAPI:
    settings = settings or IntakeSettings()
    configure_service_logging(settings)
    app = create_service_app(
        settings=settings,
        title="Intake · 您扫我办",
        description=(
            "Residents report problems from the QR code on their unit door (no account "
            "needed) and follow them with a tracking token; staff acknowledge, assign, "
            "resolve; the reporter confirms, rates or reopens. Every step is an event."
        ),
        version="1.0.0",
        routers=[
            public.router,
            mine_routes.router,
            statistics.router,
            exports.router,
            staff.router,
            webhooks.router,
            media_routes.router,
            hotline_routes.router,
            workorder_routes.router,
            referral_routes.router,
            category_routes.router,
            permissions_router(permissions.CATALOGUE),
            # A resident who deleted their account is forgotten as a reporter (leaving.py).
            events_router(
                received_events,
                {leaving.RESIDENT_DELETED: leaving.forget_resident},
                receiver="intake",
            ),
            # Its own prefix (/open311/v2), with a catch-all for the spec's 404 under it.
            open311_routes.router,
        ],
        migrations_dir=MIGRATIONS_DIR,
        clock=clock,
        database=database,
        jwks_transport=jwks_transport,
        on_ready=prepare,
        todo=todo.count_todo,
        todo_permission=tickets.PERM_READ,
    )
    clock = app.state.clock
    cipher = PersonalDataCipher(settings.secret_key)
    app.state.intake = ctx = IntakeContext(
        directory=DirectoryClient(settings.directory_url, transport=directory_transport),
        identity=IdentityClient(
            settings.identity_url,
            api_key=settings.identity_api_key,
            transport=identity_transport,
        ),
        cipher=cipher,
        clock=clock,
        open311_radius_m=settings.open311_radius_m,
        sender=make_sender(
            sms_url=settings.sms_url,
            sms_api_key=settings.sms_api_key,
            env=settings.env,
            inbox=settings.message_inbox,
        ),
        media=MediaStore.from_settings(
            media,
            settings,
            service_name=settings.service_name,
            secret_key=settings.secret_key,
            # The links are followed by browsers, through the gateway's /api/intake.
            base_path=f"{settings.public_path_prefix.rstrip('/')}/v1/media",
            clock=clock,
        ),
        webhook_targets=EgressPolicy(
            https_only=bool(settings.webhook_https_only),
            allow_private=settings.webhook_allow_private_targets,
            resolver=webhook_resolver,
        ),
    )
    app.state.jobs = runner = JobRunner(
        app.state.db,
        jobs,
        clock=clock,
        handlers={
            lifecycle.AUTO_CLOSE: lifecycle.auto_close,
            **notices.handlers(
                sender=ctx.sender,
                decrypt=cipher.decrypt,
                public_base_url=settings.public_base_url,
                alert=partial(_alert_community_staff, ctx),
                retention=timedelta(days=settings.personal_retention_days),
                purge_media=ctx.media.purge,
                purge_unattached=ctx.media.purge_unattached,
            ),
        },
    )
    # Ticket events to the webhook subscribers: signed POSTs, retried with backoff.
    sender = WebhookSender(
        app.state.db, cipher, clock, transport=webhook_transport, targets=ctx.webhook_targets
    )
    # Events to other services (reveals and exports to identity's audit list): their
    # POST /v1/events, signed with intake's own API client's token (kit.peers).
    app.state.events = events = EventSender(
        source=settings.service_name,
        urls={"identity": settings.identity_url},
        token=ctx.identity.service_token,
        transports={"identity": identity_transport} if identity_transport else None,
    )
    deliver = route_deliveries(services=events, other=sender)
    app.state.relay = relay = OutboxRelay(app.state.db, outbox, clock=clock, deliver=deliver)
    app.state.metrics.gauge(
        "intake_jobs_due",
        "Jobs due and not yet taken: a number that keeps growing means no worker runs.",
        read=partial(_jobs_due, app.state.db, clock),
    )
    if settings.run_workers:
        run_with_app(app, runner, relay)
    return app


async def _jobs_due(db: Database, clock: Clock) -> float:
    t = jobs.table
    async with db.session(write=False) as session:
        due = await session.scalar(
            sa.select(sa.func.count())
            .select_from(t)
            .where(t.c.status == "pending", t.c.run_at <= clock.now())
        )
    return float(due or 0)
