"""The one list of services (`services.toml` at the repository's root), read and checked.

Kit knows no service by name: everything here is driven by the file. `model` is its shape,
`reading` reads and checks it (`load()`, `parse()`), `generated` makes the committed files
from it (the Procfile, the frontend's module), `cli` is `python -m services.kit.catalog`.
"""

from services.kit.catalog.cli import main
from services.kit.catalog.generated import (
    FRONTEND_MODULE,
    PROCFILE,
    UVICORN_FLAGS,
    frontend_module,
    generated_files,
    procfile,
    stale_files,
)
from services.kit.catalog.model import (
    LOCALES,
    PLACE_PAGE,
    Catalog,
    CatalogError,
    Gateway,
    Label,
    Seed,
    Service,
    Tile,
)
from services.kit.catalog.reading import CATALOG_FILE, load, parse

__all__ = [
    "CATALOG_FILE",
    "FRONTEND_MODULE",
    "LOCALES",
    "PLACE_PAGE",
    "PROCFILE",
    "UVICORN_FLAGS",
    "Catalog",
    "CatalogError",
    "Gateway",
    "Label",
    "Seed",
    "Service",
    "Tile",
    "frontend_module",
    "generated_files",
    "load",
    "main",
    "parse",
    "procfile",
    "stale_files",
]
