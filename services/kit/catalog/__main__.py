"""`python -m services.kit.catalog built | seeded | env URL | urls | generate [--check]`."""

import sys

from services.kit.catalog.cli import main

sys.exit(main())
