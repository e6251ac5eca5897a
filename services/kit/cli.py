"""The command line every service offers: python -m services.<name> <command>."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from services.kit import migrations
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.settings import ServiceSettings

Seeder = Callable[[Database, Clock], Awaitable[str]]


def run_cli(
    argv: Sequence[str] | None,
    *,
    settings: ServiceSettings,
    migrations_dir: Path,
    seed: Seeder | None = None,
) -> None:
    parser = argparse.ArgumentParser(prog=f"python -m services.{settings.service_name}")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="upgrade the schema to the newest revision")
    down = sub.add_parser("downgrade", help="downgrade the schema")
    down.add_argument("revision", nargs="?", default="-1")
    sub.add_parser("check", help="fail if models and migrations disagree")
    sub.add_parser("current", help="print the schema's revision")
    rev = sub.add_parser("revision", help="write a new, empty, dated revision file")
    rev.add_argument("-m", "--message", required=True)
    if seed is not None:
        sub.add_parser("seed", help="load the demo data into an empty database")
    args = parser.parse_args(argv)

    if args.command == "revision":
        migrations.revision(migrations_dir, message=args.message)
        return

    async def main() -> None:
        db = Database(settings.database_url, schema=settings.database_schema)
        try:
            if args.command == "migrate":
                await migrations.upgrade(db, migrations_dir)
                print(f"{settings.service_name}: at {await migrations.current_revision(db)}")
            elif args.command == "downgrade":
                await migrations.downgrade(db, migrations_dir, args.revision)
                print(f"{settings.service_name}: at {await migrations.current_revision(db)}")
            elif args.command == "check":
                await migrations.check(db, migrations_dir)
                print(f"{settings.service_name}: models and migrations agree")
            elif args.command == "current":
                print(await migrations.current_revision(db))
            elif args.command == "seed" and seed is not None:
                await migrations.upgrade(db, migrations_dir)
                print(await seed(db, Clock()))
        finally:
            await db.dispose()

    asyncio.run(main())
