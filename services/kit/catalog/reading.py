"""Reading `services.toml`: every key checked, unknown keys and clashes refused, each
mistake named with its place (CatalogError)."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, cast

from services.kit.catalog.model import (
    LOCALES,
    PLACEHOLDER,
    Catalog,
    CatalogError,
    Gateway,
    Label,
    Seed,
    Service,
    Tile,
)
from services.kit.settings import REPO_ROOT

CATALOG_FILE = REPO_ROOT / "services.toml"

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PAGE = re.compile(r"^[a-z][a-z0-9-]*$")
# An event topic a service takes: "<family>.<event>", or a whole family "<family>.*".
_TOPIC = re.compile(r"^[a-z][a-z_]*\.([a-z][a-z_]*|\*)$")


def _take(table: dict[str, Any], where: str, key: str, kind: type, default: Any = None) -> Any:
    if key not in table:
        if default is None:
            raise CatalogError(f"{where}: `{key}` is missing")
        return default
    value = table.pop(key)
    # bool is an int in Python; a port of `true` is still a mistake.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise CatalogError(f"{where}: `{key}` must be {kind.__name__}, not {value!r}")
    return value


def _done(table: dict[str, Any], where: str) -> None:
    """Unknown keys are typos: refused rather than silently ignored."""
    if table:
        raise CatalogError(f"{where}: unknown keys {sorted(table)}")


def _strings(values: Iterable[Any], where: str) -> tuple[str, ...]:
    out = tuple(values)
    if not all(isinstance(v, str) for v in out):
        raise CatalogError(f"{where}: expected strings, got {out!r}")
    return out


def _string_table(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise CatalogError(f"{where}: expected a table of strings")
    return dict(value)


def _label(value: Any, where: str) -> Label:
    table = _string_table(value, where)
    if set(table) != set(LOCALES):
        raise CatalogError(f"{where}: give exactly {', '.join(LOCALES)}")
    return Label(zh_cn=table["zh-CN"], en=table["en"])


def _tile(raw: Any, service: str, built: bool, where: str) -> Tile:
    table = dict(raw)
    tile = Tile(
        key=_take(table, where, "key", str),
        service=service,
        icon=_take(table, where, "icon", str),
        route=_take(table, where, "route", str),
        label=_label(table.pop("label", None), f"{where}.label"),
        hint=_label(table.pop("hint", None), f"{where}.hint"),
        soon=not built,
    )
    _done(table, where)
    return tile


def _service(name: str, raw: Any) -> Service:
    where = f"services.{name}"
    if not _NAME.match(name):
        raise CatalogError(f"{where}: a name is lower case letters, digits and _")
    table = dict(raw)
    built = _take(table, where, "built", bool)
    seed = _take(table, where, "seed", str)
    if seed not in ("before_start", "on_start"):
        raise CatalogError(f"{where}: `seed` is before_start or on_start, not {seed!r}")
    qr = _string_table(table.pop("qr", {}), f"{where}.qr")
    for page in qr.values():
        if not _PAGE.match(page):
            raise CatalogError(f"{where}.qr: {page!r} is not a page name")
    service = Service(
        name=name,
        built=built,
        port=_take(table, where, "port", int),
        env_prefix=_take(table, where, "env_prefix", str),
        start_order=_take(table, where, "start_order", int),
        seed_order=_take(table, where, "seed_order", int),
        seed=cast(Seed, seed),
        about=_take(table, where, "about", str),
        gateway_mounts=_strings(_take(table, where, "gateway_mounts", list, []), where),
        mine=_strings(_take(table, where, "mine", list, []), where),
        subscribes=_strings(_take(table, where, "subscribes", list, []), where),
        env=_string_table(table.pop("env", {}), f"{where}.env"),
        qr=qr,
        tiles=tuple(
            _tile(t, name, built, f"{where}.tiles[{i}]")
            for i, t in enumerate(_take(table, where, "tiles", list, []))
        ),
    )
    _done(table, where)
    for topic in service.subscribes:
        if not _TOPIC.match(topic):
            raise CatalogError(
                f"{where}.subscribes: {topic!r} is not a topic (audit.reveal, audit.*)"
            )
    if service.env_prefix != name.upper() + "_":
        raise CatalogError(f"{where}: env_prefix is {name.upper()}_ by convention")
    return service


def _unique(values: Sequence[Any], what: str) -> None:
    twice = sorted(str(v) for v, n in Counter(values).items() if n > 1)
    if twice:
        raise CatalogError(f"two services share {what}: {', '.join(twice)}")


def _check(catalog: Catalog) -> None:
    services = catalog.services
    _unique([catalog.gateway.port, *(s.port for s in services)], "a port")
    _unique([s.start_order for s in services], "a start_order")
    _unique([s.seed_order for s in services], "a seed_order")
    _unique([kind for s in services for kind in s.qr], "a QR code kind")
    _unique([t.key for t in catalog.tiles()], "a hub tile key")
    mounts = [m for s in services for m in s.gateway_mounts]
    _unique(mounts, "a gateway mount")
    for mount in mounts:
        if not mount.startswith("/") or mount.endswith("/") or mount.startswith("/api/"):
            raise CatalogError(f"gateway mount {mount!r}: /<path> without a trailing slash")
    known = {*catalog.names, "public"}
    templates = [*catalog.gateway.env.values(), *(v for s in services for v in s.env.values())]
    for template in templates:
        for name in PLACEHOLDER.findall(template):
            if name not in known:
                raise CatalogError(f"{template!r}: no service named {name!r}")


def parse(text: str) -> Catalog:
    """A catalog from the file's text; CatalogError when it is not a sound one."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"services.toml: {exc}") from exc
    raw_gateway = dict(data.pop("gateway", {}))
    gateway = Gateway(
        port=_take(raw_gateway, "gateway", "port", int),
        app=_take(raw_gateway, "gateway", "app", str),
        uvicorn_args=_strings(_take(raw_gateway, "gateway", "uvicorn_args", list, []), "gateway"),
        env=_string_table(raw_gateway.pop("env", {}), "gateway.env"),
    )
    _done(raw_gateway, "gateway")
    raw_services = data.pop("services", {})
    _done(data, "services.toml")
    if not raw_services:
        raise CatalogError("services.toml lists no service")
    catalog = Catalog(
        gateway=gateway,
        services=tuple(_service(name, raw) for name, raw in raw_services.items()),
    )
    _check(catalog)
    return catalog


@cache
def load(path: Path = CATALOG_FILE) -> Catalog:
    """The list, read once per process."""
    return parse(path.read_text(encoding="utf-8"))
