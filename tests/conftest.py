"""Shared fixtures: the test programme (tests/fixture_data.py) and its self-check rules, the site built from it, and
the real data's golden cases with the real rules.

A golden case is a mapping in data/selfcheck-cases/*.yaml with a sentence `name`, the `answers`, and either
`outcome` + `criteria` + `applications` (+ `results` where criteria differ between cohorts or tracks) or `errors`
(the fields expected to be named, in order). Any test that takes a `golden_case` argument runs once per case, with
`real_rules_in`: the golden cases belong to the real data, and are the one place tests read its values.
"""

from __future__ import annotations

import pytest

from programme import load_programme, selfcheck_rules
from programme.runtime.bundle import runtime_bundle
from programme.data.cases import read_golden_cases
from fixture_data import FIXTURE_DATA


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "golden_case" in metafunc.fixturenames:
        cases = read_golden_cases()
        metafunc.parametrize("golden_case", cases, ids=[case["name"] for case in cases])


@pytest.fixture(scope="session")
def programme():
    return load_programme(FIXTURE_DATA)


@pytest.fixture(scope="session")
def rules(programme) -> dict:
    """The self-check rules exactly as the site hands them to the engine."""
    return selfcheck_rules(programme)


@pytest.fixture(scope="session")
def rules_in(programme) -> dict[str, dict]:
    """rules_in[language]: the self-check rules with the data's texts in each language the engine speaks."""
    import selfcheck

    return {language: selfcheck_rules(programme, language) for language in selfcheck.LANGUAGES}


@pytest.fixture(scope="session")
def golden_cases() -> list[dict]:
    return read_golden_cases()


@pytest.fixture(scope="session")
def real_rules_in() -> dict[str, dict]:
    """The real data's self-check rules in each language the engine speaks, for its golden cases."""
    import selfcheck

    real = load_programme()
    return {language: selfcheck_rules(real, language) for language in selfcheck.LANGUAGES if language in real.languages}


@pytest.fixture(scope="session")
def bundle():
    """The self-check's runtime bundle as the site build uses it: from the cache, made first if need be."""
    return runtime_bundle()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The test programme's site, built once per run as it is published (`mkdocs build --strict`, at a sub-path)."""
    from sitebuild import PUBLISH, build_site

    build = build_site(tmp_path_factory.mktemp("built") / "site", FIXTURE_DATA, extra_env=PUBLISH)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def site_built_on(tmp_path_factory):
    """build(day, data=None): the site built as if on `day` (SOURCE_DATE_EPOCH), from other data if given; each
    (day, data) is built once per run."""
    from sitebuild import build_site

    builds = {}

    def build(day, data=None):
        if (day, data) not in builds:
            result = build_site(tmp_path_factory.mktemp(f"built-on-{day}") / "site", data or FIXTURE_DATA, today=day)
            assert result.returncode == 0, result.output
            builds[day, data] = result
        return builds[day, data]

    return build


@pytest.fixture(scope="session")
def second_cohort_data(tmp_path_factory):
    """The real data with a closed first cohort and the fixture's second cohort (tests/fixtures/second-cohort.yaml)."""
    from sitebuild import data_with_second_cohort

    return data_with_second_cohort(tmp_path_factory.mktemp("second-cohort"))
