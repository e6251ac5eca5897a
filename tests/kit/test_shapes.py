"""Shapes several services answer (kit.shapes): the JSON Schema file is the contract, kit's
models answer it, and every service that names the path in services.toml's `mine` answers
it with kit's model, so the resident's 我的 page can sum what each one says."""

from __future__ import annotations

from datetime import date

from jsonschema import Draft202012Validator

from infra.api_types import document
from services.kit import shapes
from services.kit.catalog import load
from services.kit.shapes.volunteering import (
    VOLUNTEERING_PATH,
    MyVolunteering,
    VolunteeringItem,
    hours,
)


def _validator() -> Draft202012Validator:
    schema = shapes.schema("volunteering")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_kit_s_volunteering_model_answers_the_schema() -> None:
    answer = MyVolunteering(
        items=[
            VolunteeringItem(
                activity="垃圾分类引导",
                role="引导员",
                place="天宫院中里社区",
                date=date(2026, 3, 3),
                hours=hours(150),
                confirmed=True,
            )
        ],
        total=2.5,
    )
    assert list(_validator().iter_errors(answer.model_dump(mode="json"))) == []
    fields = set(VolunteeringItem.model_fields)
    assert fields == set(shapes.schema("volunteering")["$defs"]["item"]["required"])


def test_the_schema_refuses_what_the_page_could_not_sum() -> None:
    no_total = {"items": []}
    text_hours = {"items": [], "total": "2小时"}
    unknown = {"items": [], "total": 0, "hours": 3}
    for wrong in (no_total, text_hours, unknown):
        assert list(_validator().iter_errors(wrong)), wrong
    assert shapes.names() == ["volunteering"]


def test_every_service_naming_the_volunteering_path_answers_it_with_kit_s_model() -> None:
    answering = [s for s in load().services if s.built and VOLUNTEERING_PATH in s.mine]
    assert answering, "no service answers the resident's volunteer hours"
    for service in answering:
        spec = document(service.name)
        for path in service.mine:
            assert "get" in spec["paths"].get(path, {}), f"{service.name} does not serve {path}"
        ok = spec["paths"][VOLUNTEERING_PATH]["get"]["responses"]["200"]
        ref = ok["content"]["application/json"]["schema"]["$ref"]
        assert ref.endswith("/MyVolunteering"), (service.name, ref)
