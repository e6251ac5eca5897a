"""python -m services.courier migrate | downgrade | check | current | revision | seed

`seed` loads, when the directory answers (the station is its place), 天街暖心驿站's profile
and a week of demo visits (services/courier/demo.py).
"""

from services.courier import demo
from services.courier.app import MIGRATIONS_DIR, create_app
from services.courier.config import CourierSettings
from services.courier.context import CourierContext
from services.kit.cli import run_cli
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.errors import DependencyUnavailable


async def _seed(db: Database, clock: Clock) -> str:
    app = create_app(CourierSettings(run_workers=False), clock=clock, database=db)
    ctx: CourierContext = app.state.courier
    try:
        place = await ctx.directory.place_by_code(demo.STATION_CODE)
        async with db.session() as session:
            message = await demo.seed_demo(session, ctx, place=place)
            await session.commit()
    except DependencyUnavailable:
        message = "courier: the directory did not answer, the demo station not loaded"
    finally:
        await ctx.directory.aclose()
        await ctx.identity.aclose()
    return message


if __name__ == "__main__":
    run_cli(None, settings=CourierSettings(), migrations_dir=MIGRATIONS_DIR, seed=_seed)
