"""python -m services.identity migrate | downgrade | check | current | revision | seed

`seed` needs the directory running (grants hang on its places); `make run` seeds identity
from the service itself once the directory answers.
"""

from services.identity.app import MIGRATIONS_DIR, create_app, prepare
from services.identity.config import IdentitySettings
from services.identity.seed import seed_demo
from services.kit.cli import run_cli
from services.kit.clock import Clock
from services.kit.db import Database


async def _seed(db: Database, clock: Clock) -> str:
    settings = IdentitySettings(seed_demo=False)
    app = create_app(settings, clock=clock, database=db)
    await prepare(app)
    return await seed_demo(db, clock, app.state.identity)


if __name__ == "__main__":
    run_cli(None, settings=IdentitySettings(), migrations_dir=MIGRATIONS_DIR, seed=_seed)
