"""The open data: programme.json is the checked data, and it validates against the schema published beside it."""

from __future__ import annotations

import json

import jsonschema

from programme import check
from fixture_data import FIXTURE_DATA


def test_the_published_data_validates_against_the_published_schema(built_site):
    data = json.loads((built_site.site_dir / "programme.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site.site_dir / "programme.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(data))
    assert errors == []


def test_the_published_data_is_the_checked_data_file(built_site):
    checked = check(FIXTURE_DATA)
    assert checked.problems == ()
    assert json.loads((built_site.site_dir / "programme.json").read_text(encoding="utf-8")) == checked.data


def test_a_schema_violation_would_be_caught(built_site):
    schema = json.loads((built_site.site_dir / "programme.schema.json").read_text(encoding="utf-8"))
    data = json.loads((built_site.site_dir / "programme.json").read_text(encoding="utf-8"))
    data["tracks"][0]["positions"]["value"] = "lots"
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data))
