"""Ids in paths are typed ({ticket_id:uuid}): what is not an id finds no route, whatever
order the routers are in, and the answer is a problem like any other."""

from __future__ import annotations

from tests.fixtures.intake import Intake


async def test_a_path_that_is_not_an_id_is_a_404_problem(intake: Intake) -> None:
    staff = await intake.staff("TGYZL")
    for method, path in (
        ("GET", "/v1/tickets/not-an-id"),
        ("POST", "/v1/tickets/12345/acknowledge"),
        ("GET", "/v1/work-orders/WO-1"),
    ):
        response = await intake.client.request(method, path, headers=staff, json={})
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["code"] == "not_found"
