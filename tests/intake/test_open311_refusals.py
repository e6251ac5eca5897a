"""Open311 refusals as a client meets them: the spec's `[{code, description}]` (JSON or XML
as the path asks) with the HTTP status as `code`, a stable reason leading the description,
and nothing stored."""

from __future__ import annotations

import pytest

from tests.intake.integration_support import OPEN311, System, post, spec_error, stored

UNIT = "TGYZL-03-2"
SUBMIT = "intake:open311:submit"


@pytest.fixture
async def street_key(system: System) -> str:
    """A street office's system: it may post Open311 requests in 天宫院街道."""
    return await system.issue_key("TGY", SUBMIT, name="天宫院街道 网格化平台")


@pytest.mark.parametrize("fmt", ["json", "xml"])
async def test_a_missing_or_bad_api_key_is_403(system: System, fmt: str) -> None:
    fields = {"service_code": "small_ads", "address_id": UNIT}
    assert "api_key" in spec_error(await post(system, fmt, **fields), 403)
    bad = await post(system, fmt, api_key="sqwb_nope_NotAKeyAtAll", **fields)
    assert "api_key is not valid" in spec_error(bad, 403)
    odd = await post(system, fmt, api_key="钥匙", **fields)
    spec_error(odd, 403)
    assert await stored(system) == 0


async def test_a_key_without_the_place_or_the_scope_is_403(system: System) -> None:
    elsewhere = await system.issue_key("GYSNL", SUBMIT)
    response = await post(system, api_key=elsewhere, service_code="noise", address_id=UNIT)
    assert "intake:open311:submit" in spec_error(response, 403)
    contractor_only = await system.issue_key("TGYZL", "intake:workorders:work")
    response = await post(system, api_key=contractor_only, service_code="noise", address_id=UNIT)
    spec_error(response, 403)
    assert await stored(system) == 0


async def test_bad_input_is_400_and_stores_nothing(system: System, street_key: str) -> None:
    base = {"api_key": street_key, "service_code": "small_ads", "address_id": UNIT}
    # Each refusal's description leads with a stable reason a client can branch on.
    cases: list[tuple[dict[str, str], str, str]] = [
        (
            {"service_code": "potholes"},
            "unknown_service_code",
            "No service has the code 'potholes'",
        ),
        ({"service_code": ""}, "service_code_required", "service_code is required"),
        ({"address_id": ""}, "location_required", "A location is required"),
        (
            {"address_id": "", "lat": "39.67", "long": "116.32"},
            "location_outside_district",
            "places requests by address_id",
        ),
        (
            {"address_id": "", "address_string": "天宫院中里99号楼"},
            "address_not_found",
            "cannot be placed",
        ),
        ({"address_id": "TGYZL-99-9"}, "unknown_address_id", "No place has the code 'TGYZL-99-9'"),
        ({"address_id": "../v1/codes"}, "unknown_address_id", "No place has the code"),
        ({"address_id": "TGY"}, "not_in_a_community", "inside a community"),
        ({"description": "广" * 2001}, "description_too_long", "longer than 2000 characters"),
        ({"phone": "010-60000101"}, "invalid_phone", "mobile"),
        ({"media_url": "javascript:alert(1)"}, "invalid_media_url", "media_url"),
        ({"first_name": "名" * 30, "last_name": "姓" * 11}, "name_too_long", "exceed 40"),
    ]
    for change, code, expected in cases:
        for fmt in ("json", "xml"):
            response = await post(system, fmt, **{**base, **change})
            description = spec_error(response, 400)
            assert description.startswith(f"{code}: "), (change, fmt, description)
            assert expected in description, (change, fmt)
    json_body = await system.client.post(
        f"{OPEN311}/requests.json", json=base, headers={"Content-Type": "application/json"}
    )
    assert "form-encoded" in spec_error(json_body, 400)
    assert await stored(system) == 0


async def test_unknown_formats_and_paths_are_the_specs_404(system: System) -> None:
    for path in ("services.html", "requests.csv", "discovery.JSON", "requests/X.yaml"):
        response = await system.client.get(f"{OPEN311}/{path}")
        assert "format" in spec_error(response, 404), path
    for path in ("services", "nothing.json", "nothing.xml", "v3/requests.json"):
        response = await system.client.get(f"{OPEN311}/{path}")
        spec_error(response, 404)
    posted = await system.client.post(f"{OPEN311}/requests.html", data={"api_key": "x"})
    spec_error(posted, 404)


async def test_a_bad_bearer_token_is_the_specs_403(system: System) -> None:
    response = await system.client.post(
        f"{OPEN311}/requests.xml",
        data={"service_code": "noise", "address_id": UNIT},
        headers={"Authorization": "Bearer not-a-token"},
    )
    spec_error(response, 403)
