"""Directory: the places (street → community → building → unit door) and their QR codes."""

from __future__ import annotations

from pathlib import Path

import httpx
from fastapi import FastAPI

from services.directory import permissions
from services.directory.config import DirectorySettings
from services.directory.routes import calendar, codes, places
from services.kit.app import create_service_app
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.observability import configure_service_logging
from services.kit.permissions import permissions_router

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def create_app(
    settings: DirectorySettings | None = None,
    *,
    clock: Clock | None = None,
    database: Database | None = None,
    jwks_transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    settings = settings or DirectorySettings()
    configure_service_logging(settings)
    return create_service_app(
        settings=settings,
        title="Directory · 地点与二维码",
        description=(
            "The place tree (district → street → community → building → unit door, and sites) "
            "and the QR codes posted at places (一楼一码). Reading places and resolving a "
            "scanned code is public; writing needs a staff token."
        ),
        version="1.0.0",
        routers=[
            places.router,
            codes.router,
            calendar.router,
            permissions_router(permissions.CATALOGUE),
        ],
        migrations_dir=MIGRATIONS_DIR,
        clock=clock,
        database=database,
        jwks_transport=jwks_transport,
    )
