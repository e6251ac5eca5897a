"""python -m services.intake migrate | downgrade | check | current | revision | seed"""

from services.intake.app import MIGRATIONS_DIR
from services.intake.categories import seed
from services.intake.config import IntakeSettings
from services.kit.cli import run_cli

if __name__ == "__main__":
    run_cli(None, settings=IntakeSettings(), migrations_dir=MIGRATIONS_DIR, seed=seed)
