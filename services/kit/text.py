"""Text that comes in holds no control characters: one guard, the same in every service.

NUL, the other C0 controls (all but tab, line feed and carriage return), DEL, the C1 controls
and lone surrogates have no place in anything a person or a partner's system sends: PostgreSQL
refuses NUL in text (it was a 500 there, stored as is on SQLite), and the others hide inside
names and descriptions and then break exports, logs and the pages that show them.

`create_service_app` makes `refuse_control_characters` a dependency of every route of every
service. Before the route runs it reads what the request carries as text: the path's
parameters, the query string, and a JSON or form-encoded body (every string at any depth,
object keys too). Any such character is the usual 422 problem, one error per place with the
code `control_character` and a JSON pointer (`/body/description`, `/query/q`), as pydantic's
own errors are. Text read from a multipart form is checked where a route reads it, with
`refuse_in` (Open311's form); files are bytes, not text, and are not looked at.

Why one app-wide dependency rather than a base model class or an annotated `Text` type: those
hold only where each request model, or each field, remembers to use them; they miss query and
path parameters, Open311's hand-read form and what a service not written yet declares. This
covers every route of every service by construction, and, being a dependency (not a
middleware), its refusal goes through the route's own error handling (Open311 answers in its
format). What it does not do is show in each schema's OpenAPI; the rule is written once, here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from itertools import chain, islice
from typing import Any
from urllib.parse import parse_qsl

from fastapi import Request

from services.kit.errors import FieldError, InvalidInput

# C0 but \t \n \r; DEL and C1; lone surrogates (json.loads lets "\ud800" through).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# A body of thousands of bad strings is refused with the first few named.
MAX_ERRORS = 20
JSON_TYPES = ("application/json",)
FORM_TYPE = "application/x-www-form-urlencoded"


def _pointer(base: str, key: str | int) -> str:
    # RFC 6901: "~" and "/" inside a key are escaped.
    return f"{base}/{str(key).replace('~', '~0').replace('/', '~1')}"


def _error(pointer: str) -> FieldError:
    return FieldError(
        pointer=pointer,
        detail="Control characters (NUL and the like) are not allowed here.",
        code="control_character",
    )


def control_characters(value: Any, pointer: str) -> Iterator[FieldError]:
    """Where in `value` (a JSON-like value at `pointer`) a string holds a control character."""
    if isinstance(value, str):
        if CONTROL_CHARACTERS.search(value):
            yield _error(pointer)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            inner = _pointer(pointer, key)
            if isinstance(key, str) and CONTROL_CHARACTERS.search(key):
                yield _error(inner)
            yield from control_characters(item, inner)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from control_characters(item, _pointer(pointer, index))


def _refuse(errors: Iterator[FieldError]) -> None:
    found = list(islice(errors, MAX_ERRORS))
    if found:
        where = ", ".join(error.pointer for error in found)
        raise InvalidInput(
            "validation_failed",
            f"Control characters (NUL and the like) are not allowed: {where}.",
            errors=found,
        )


def refuse_in(fields: Mapping[str, Any], location: str = "/body") -> None:
    """Refuse (422) text a route read itself (a multipart form's fields) holding any."""
    _refuse(control_characters(dict(fields), location))


def _pairs(pairs: list[tuple[str, str]], base: str) -> Iterator[FieldError]:
    for name, value in pairs:
        if CONTROL_CHARACTERS.search(name) or CONTROL_CHARACTERS.search(value):
            yield _error(_pointer(base, name))


async def _body(request: Request) -> Iterator[FieldError]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in JSON_TYPES or content_type.endswith("+json"):
        try:
            data = json.loads(await request.body())
        except ValueError:
            return iter(())  # not JSON: the route's own parsing says so
        return control_characters(data, "/body")
    if content_type == FORM_TYPE:
        try:
            text = (await request.body()).decode("utf-8")
        except UnicodeDecodeError:
            return iter(())
        return _pairs(parse_qsl(text, keep_blank_values=True), "/body")
    return iter(())


async def refuse_control_characters(request: Request) -> None:
    """Every route's first dependency (kit.app): 422 when the path, the query or a JSON or
    form-encoded body carries a control character."""
    path = (
        _error(_pointer("/path", name))
        for name, value in request.path_params.items()
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value)
    )
    query = _pairs(request.query_params.multi_items(), "/query")
    _refuse(chain(path, query, await _body(request)))
