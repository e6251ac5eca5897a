"""python -m services.directory migrate | downgrade | check | current | revision | seed"""

from services.directory.app import MIGRATIONS_DIR
from services.directory.config import DirectorySettings
from services.directory.seed import seed_demo
from services.kit.cli import run_cli

if __name__ == "__main__":
    run_cli(None, settings=DirectorySettings(), migrations_dir=MIGRATIONS_DIR, seed=seed_demo)
