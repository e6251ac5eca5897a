"""Open311's wire format: where the endpoint is, the formats it speaks (JSON, XML with the
spec's element names), its datetimes and its error bodies `[{code, description}]` with the
spec's statuses. No database and no mapping rule here (the package's docstring has those).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal
from xml.etree import ElementTree

from services.kit.clock import LOCAL_TZ
from services.kit.errors import DomainError, NotFound

PREFIX = "/open311/v2"
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When this interface last changed (discovery's `changeset`); move it with every change.
CHANGESET = "2026-03-02T00:00:00+08:00"
CONTACT = "您扫我办 platform administrators, 大兴区: ask your street office (街道办事处)."
KEY_SERVICE = (
    "API keys are issued in the staff console ({console}) by a district or street "
    "administrator, with the scope intake:open311:submit over the places the client files at."
)

Format = Literal["json", "xml"]
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json; charset=utf-8",
    "xml": "text/xml; charset=utf-8",
}
DISCOVERY_FORMATS = ["text/xml", "application/json"]
# A document's root element in XML (and, for lists, the element of each item).
Document = Literal["discovery", "services", "service_definition", "service_requests", "errors"]
_ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}

# Characters XML 1.0 cannot carry at all, even escaped.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# --- Formats and errors


def response_format(fmt: str) -> Format:
    """The format a path's extension asks for; anything but json and xml is a 404."""
    if fmt == "json":
        return "json"
    if fmt == "xml":
        return "xml"
    raise NotFound("unknown_format", f"There is no '.{fmt}' format here: use .json or .xml.")


def encode(document: Document, payload: Any, fmt: Format) -> tuple[bytes, str]:
    """The body and its media type: JSON as is, XML with the spec's element names."""
    if fmt == "xml":
        root = ElementTree.Element(str(document))
        _fill(root, payload)
        return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True), MEDIA_TYPES[fmt]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8"), MEDIA_TYPES[fmt]


def _fill(element: ElementTree.Element, value: Any) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            _fill(ElementTree.SubElement(element, key), item)
    elif isinstance(value, list):
        tag = _ITEM_TAGS[element.tag]
        for item in value:
            _fill(ElementTree.SubElement(element, tag), item)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        # ElementTree escapes markup; characters XML cannot hold at all are replaced.
        element.text = _XML_INVALID.sub("\ufffd", str(value))


def error_status(exc: DomainError) -> int:
    """The spec knows 404 (no such resource), 403 (api_key) and 400 (anything else);
    a service we depend on being down stays a 5xx, a rate limit a 429."""
    if exc.status in (401, 403):
        return 403
    if exc.status == 404 or exc.status == 429 or exc.status >= 500:
        return exc.status
    return 400


def errors(status: int, description: str) -> list[dict[str, Any]]:
    return [{"code": status, "description": description}]


# --- Datetimes and discovery


def w3c(moment: datetime) -> str:
    """ISO 8601 in Beijing time with its offset: 2026-03-02T09:00:00+08:00."""
    return moment.astimezone(LOCAL_TZ).isoformat(timespec="seconds")


def discovery(base_url: str, *, production: bool) -> dict[str, Any]:
    """Where this endpoint is and what it speaks; `base_url` as the caller reached us."""
    console = base_url.split(PREFIX, 1)[0] + "/console"
    return {
        "changeset": CHANGESET,
        "contact": CONTACT,
        "key_service": KEY_SERVICE.format(console=console),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base_url,
                "changeset": CHANGESET,
                "type": "production" if production else "test",
                "formats": list(DISCOVERY_FORMATS),
            }
        ],
    }
