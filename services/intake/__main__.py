"""python -m services.intake migrate | downgrade | check | current | revision | seed

`seed` loads the default categories and, when the directory answers (the tickets hang on
its places), ten weeks of demo tickets (services/intake/demo.py).
"""

from services.intake import demo
from services.intake.app import MIGRATIONS_DIR, create_app, prepare
from services.intake.categories import seed as seed_categories
from services.intake.config import IntakeSettings
from services.intake.context import IntakeContext
from services.kit.cli import run_cli
from services.kit.clock import Clock
from services.kit.db import Database
from services.kit.errors import DependencyUnavailable


async def _seed(db: Database, clock: Clock) -> str:
    categories = await seed_categories(db, clock)
    app = create_app(IntakeSettings(run_workers=False), clock=clock, database=db)
    await prepare(app)
    ctx: IntakeContext = app.state.intake
    try:
        locations = await demo.demo_locations(ctx)
        async with db.session() as session:
            history = await demo.seed_demo(session, ctx, locations=locations)
            await session.commit()
    except DependencyUnavailable:
        history = "intake: the directory did not answer, demo tickets not loaded"
    finally:
        await ctx.directory.aclose()
        await ctx.identity.aclose()
    return f"{categories}\n{history}"


if __name__ == "__main__":
    run_cli(None, settings=IntakeSettings(), migrations_dir=MIGRATIONS_DIR, seed=_seed)
