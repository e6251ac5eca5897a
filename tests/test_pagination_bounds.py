"""Every paginated list of every service bounds its offset: past the bound a 422 problem that
names the parameter, never the database's overflow (a 500)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from services.kit.catalog import load
from services.kit.errors import PROBLEM_MEDIA_TYPE
from services.kit.pagination import MAX_OFFSET
from tests.fixtures.system import System


def paginated_lists(spec: dict[str, Any]) -> list[str]:
    """The GET paths without path parameters that take `offset` in the query."""
    return [
        path
        for path, item in spec["paths"].items()
        if "{" not in path
        and any(
            p["in"] == "query" and p["name"] == "offset"
            for p in item.get("get", {}).get("parameters", [])
        )
    ]


@pytest.mark.parametrize("service", [s.name for s in load().built()])
async def test_an_offset_past_the_bound_is_a_problem_on_every_list(
    system: System, service: str
) -> None:
    admin = await system.bearer("admin")
    app = system.apps[service]
    lists = paginated_lists(app.openapi())
    assert lists, f"{service} has no paginated list"
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=f"http://{service}"
    ) as client:
        for path in lists:
            usual = await client.get(path, params={"offset": MAX_OFFSET}, headers=admin)
            for offset in (MAX_OFFSET + 1, 2**63, 2**64):
                response = await client.get(path, params={"offset": offset}, headers=admin)
                assert response.status_code < 500, (path, offset, response.text)
                assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE, (path, offset)
                if usual.status_code == 200:
                    assert usual.json()["items"] == [], path
                    assert response.status_code == 422, (path, offset, response.text)
                    pointers = [e["pointer"] for e in response.json()["errors"]]
                    assert pointers == ["/query/offset"], (path, offset, pointers)
