"""Courier (暖心驿站): warm stations for delivery couriers: check-ins, services, cards."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from functools import partial
from pathlib import Path

import httpx
from fastapi import FastAPI

from services.courier import demo, leaving, permissions, stations, supply_alerts, todo
from services.courier.autoclose import AutoCheckout
from services.courier.config import CourierSettings
from services.courier.context import CourierContext
from services.courier.models import jobs, media, outbox, received_events
from services.courier.routes import (
    activities,
    activity_staff,
    me,
    photos,
    public,
    recognition,
    staff,
    statistics,
    supplies,
    visits,
)
from services.courier.station_codes import StationCodes
from services.kit.app import create_service_app
from services.kit.clients.directory import DirectoryClient
from services.kit.clients.identity import IdentityClient
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.jobs import JobRunner
from services.kit.media.store import MediaStore
from services.kit.observability import configure_service_logging
from services.kit.outbox import OutboxRelay
from services.kit.peers import EventSender, events_router
from services.kit.permissions import permissions_router
from services.kit.workers import run_with_app

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


async def prepare(app: FastAPI) -> None:
    """Dev only: a week of demo visits at 天街暖心驿站, once the directory answers (it starts
    before us in `make run`, but may be slow)."""
    settings: CourierSettings = app.state.settings
    if settings.env == "dev" and settings.seed_demo:
        app.state.seeding = asyncio.create_task(demo.seed_when_directory_answers(app))


def create_app(
    settings: CourierSettings | None = None,
    *,
    clock: Clock | None = None,
    database: Database | None = None,
    directory_transport: httpx.AsyncBaseTransport | None = None,
    identity_transport: httpx.AsyncBaseTransport | None = None,
    jwks_transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    settings = settings or CourierSettings()
    configure_service_logging(settings)
    app = create_service_app(
        settings=settings,
        title="Courier · 暖心驿站",
        description=(
            "Warm stations for delivery couriers: opening hours and services, a one-tap "
            "check-in from the station's QR code (no account needed), registered couriers "
            "and their cards, visits checked out by hand or by the worker past their limit, "
            "the live view staff keep an eye on, activities and volunteering tasks with "
            "sign-up, volunteer hours confirmed once, and the monthly recognition list."
        ),
        version="1.0.0",
        routers=[
            public.router,
            me.router,
            photos.router,
            staff.router,
            visits.router,
            supplies.router,
            supplies.couriers_router,
            activities.router,
            activity_staff.router,
            recognition.router,
            statistics.router,
            permissions_router(permissions.CATALOGUE),
        ],
        migrations_dir=MIGRATIONS_DIR,
        clock=clock,
        database=database,
        jwks_transport=jwks_transport,
        on_ready=prepare,
        todo=todo.counter(near_expiry_days=settings.supply_near_expiry_days),
        todo_permission=stations.PERM_READ,
    )
    directory = DirectoryClient(settings.directory_url, transport=directory_transport)
    app.state.courier = ctx = CourierContext(
        directory=directory,
        identity=IdentityClient(
            settings.identity_url, api_key=settings.identity_api_key, transport=identity_transport
        ),
        clock=app.state.clock,
        station_codes=StationCodes(
            directory,
            clock=app.state.clock,
            keep=timedelta(seconds=settings.station_code_seconds),
        ),
        photos=MediaStore.from_settings(
            media,
            settings,
            service_name=settings.service_name,
            secret_key=settings.secret_key,
            # The links are followed by browsers, through the gateway's /api/courier.
            base_path=f"{settings.public_path_prefix.rstrip('/')}/v1/media",
            clock=app.state.clock,
        ),
        anonymous_visit=timedelta(minutes=settings.anonymous_visit_minutes),
        near_expiry_days=settings.supply_near_expiry_days,
    )
    # A resident who deleted their account is forgotten as a courier (leaving.py): its
    # handler needs the photos, so the router joins once they exist.
    app.include_router(
        events_router(
            received_events,
            {leaving.RESIDENT_DELETED: leaving.ForgetCourier(ctx.photos)},
            receiver="courier",
        )
    )
    app.state.auto_checkout = worker = AutoCheckout(app.state.db, clock=app.state.clock)
    # The kit's alerts to the on-duty staff (kit.jobs), and the watch that raises what time
    # brings (expiring stock), forgets who took which medicine past the retention period and
    # deletes photo uploads no courier named on a profile within a day.
    app.state.jobs = runner = JobRunner(
        app.state.db,
        jobs,
        clock=app.state.clock,
        handlers=supply_alerts.handlers(notify=partial(_notify_on_duty, ctx)),
    )
    app.state.supply_watch = watch = supply_alerts.SupplyWatch(
        app.state.db,
        clock=app.state.clock,
        near_expiry_days=settings.supply_near_expiry_days,
        retention=timedelta(days=settings.supply_use_retention_days),
        purge_unclaimed_photos=ctx.photos.purge_unattached,
    )
    # Exports to identity's audit list: its POST /v1/events, signed with courier's own API
    # client's token (kit.peers).
    app.state.events = events = EventSender(
        source=settings.service_name,
        urls={"identity": settings.identity_url},
        token=ctx.identity.service_token,
        transports={"identity": identity_transport} if identity_transport else None,
    )
    app.state.relay = relay = OutboxRelay(
        app.state.db, outbox, clock=app.state.clock, deliver=events
    )
    if settings.run_workers:
        run_with_app(app, worker, runner, relay, poll_interval=settings.worker_poll_seconds)
        run_with_app(app, watch, poll_interval=settings.supply_watch_seconds)
    return app


async def _notify_on_duty(
    ctx: CourierContext, role: str, place_path: str, template: str, text: str
) -> int:
    return await ctx.identity.notify_on_duty(
        role=role, place_path=place_path, template=template, text=text
    )
