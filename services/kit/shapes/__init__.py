"""Shapes more than one service answers, kept as JSON Schema files beside this module so any
service's tests (and the frontend, which sums them) hold every answer to one contract.

    schema("volunteering")  # the dict of volunteering.schema.json

A shape's Pydantic models live in a module of the same name (`kit.shapes.volunteering`),
which a service's route returns; tests validate the answer against the file itself with
`jsonschema` (tests/kit/test_shapes.py, tests/courier/test_volunteering.py), so the models
cannot drift from the contract unnoticed. Kit loads the files; it never validates at run time.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SHAPES_DIR = Path(__file__).parent


@cache
def _text(name: str) -> str:
    path = SHAPES_DIR / f"{name}.schema.json"
    if not path.is_file():
        raise KeyError(f"no shared shape named {name!r} in {SHAPES_DIR}")
    return path.read_text(encoding="utf-8")


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of shape `name` (a fresh dict: callers may change theirs)."""
    loaded: dict[str, Any] = json.loads(_text(name))
    return loaded


def names() -> list[str]:
    """Every shared shape kept here."""
    return sorted(p.name.removesuffix(".schema.json") for p in SHAPES_DIR.glob("*.schema.json"))
