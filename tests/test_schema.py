"""The schema file means what the loader enforces, and editors find it from the data file."""

from __future__ import annotations

import json

import jsonschema
import pytest

from programme.paths import DATA_PATH, SCHEMA_PATH
from programme.data.schema import UnsupportedSchema, Validator, check_supported
from programme.data.yamlsource import parse_yaml
from fixture_data import FIXTURE_DATA

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def fixture_data() -> dict:
    return parse_yaml(FIXTURE_DATA.read_text(encoding="utf-8"), "programme.yaml").value


def test_the_schema_is_valid_json_schema_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_data_file_points_editors_at_the_schema():
    first_line = DATA_PATH.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=./{SCHEMA_PATH.name}"
    assert SCHEMA_PATH.parent == DATA_PATH.parent


def test_the_test_data_passes_both_validators():
    data = fixture_data()
    assert Validator(SCHEMA).errors(data) == []
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data)) == []


MUTATIONS = {
    "a track without a name": lambda data: data["tracks"][0].pop("name"),
    "an unknown top-level key": lambda data: data.update(colour="blue"),
    "a number written as text": lambda data: data["tracks"][0]["positions"].update(value="75"),
    "a boolean written as no": lambda data: data["related_programmes"][0]["partner_companies"].update(complete_list="no"),
    "text with no English": lambda data: data["tracks"][1].update(name={"zh-Hant": "創意向善"}),
    "an empty list of tracks": lambda data: data.update(tracks=[]),
    "an id with capitals": lambda data: data["roles"][0].update(id="Designer"),
    "a date written day first": lambda data: data["cohorts"][0]["timeline"][2].update(date="13/02/2021"),
    "a negative number of months": lambda data: data["related_programmes"][0]["placements"][0].update(months=-2),
    "an unknown qualifier": lambda data: data["programme"]["figures"][0].update(qualifier="about"),
    "a web address without a scheme": lambda data: data["programme"]["website"].update(url="procruitc.hk"),
}


@pytest.mark.parametrize("mutate", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_both_validators_refuse_the_same_bad_data(mutate):
    data = fixture_data()
    mutate(data)
    ours = Validator(SCHEMA).errors(data)
    reference = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))
    assert ours, "the loader's validator accepted bad data"
    assert reference, "jsonschema accepted data the loader refuses: the schema file does not say what the loader enforces"
    # jsonschema places an unknown key's error on the mapping that holds it
    assert {problem.path[:-1] if problem.at_key else problem.path for problem in ours} == {
        tuple(error.absolute_path) for error in reference
    }


def test_translated_text_is_accepted_without_a_schema_change():
    data = fixture_data()
    data["tracks"][0]["training"]["text"] = {"en": "Training and coaching.", "zh-Hant": "培訓及指導。"}
    assert Validator(SCHEMA).errors(data) == []
    data["tracks"][0]["training"]["text"]["zh-Hans"] = "培训及指导。"  # a third language's text needs no schema edit
    assert Validator(SCHEMA).errors(data) == []
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data)) == []


def test_a_keyword_the_loader_does_not_apply_is_refused():
    with pytest.raises(UnsupportedSchema, match="'oneOf'"):
        check_supported({"type": "object", "properties": {"x": {"oneOf": [{"type": "string"}]}}})
