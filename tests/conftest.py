"""Shared fixtures: the test programme (tests/fixture_data.py) and its self-check rules, the real data's golden cases
with the real rules, the engine under each implementation, and the sites built from the test programme.

A golden case is a mapping in data/selfcheck-cases/*.yaml with a sentence `name`, the `answers`, and either
`outcome` + `criteria` + `applications` (+ `results` where criteria differ between cohorts or tracks) or `errors`
(the fields expected to be named, in order). Any test that takes a `golden_case` argument runs once per case, with
`real_rules_in`: the golden cases belong to the real data, and are the one place tests read its values. Any test
that takes `engine` runs once per implementation.
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
def bundle(tmp_path_factory):
    """The self-check's runtime bundle as the site build uses it: from the cache, made first if need be (by one
    worker, the others waiting for it)."""
    from sitebuild import run_lock

    with run_lock(tmp_path_factory, "runtime-bundle"):
        return runtime_bundle()


@pytest.fixture(scope="session")
def pyodide_engine(bundle):
    """The engine under Pyodide in Node, booted once with the runtime bundle the site ships (tests/engines.py)."""
    from engines import PyodideEngine, bundle_runtime

    engine = PyodideEngine(bundle_runtime(bundle))
    yield engine
    engine.close()


@pytest.fixture(scope="session", params=[
    "cpython",
    # One worker boots Pyodide for every test that asks for it.
    pytest.param("pyodide", marks=[pytest.mark.pyodide, pytest.mark.xdist_group("pyodide")]),
])
def engine(request):
    """The self-check engine under CPython, then under Pyodide in Node: `engine.evaluate(answers, rules, language)`."""
    from engines import CPythonEngine

    return CPythonEngine() if request.param == "cpython" else request.getfixturevalue("pyodide_engine")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, bundle):
    """The test programme's site, built once per run as it is published (`mkdocs build --strict`, at a sub-path).
    Tests of the built site, the browser's included, read it through this fixture: override it to test another build."""
    from sitebuild import PUBLISH, build_site, built_once

    return built_once(tmp_path_factory, "published", lambda folder: build_site(folder / "site", FIXTURE_DATA, extra_env=PUBLISH))


@pytest.fixture(scope="session")
def site_cache(built_site):
    """.cache/ as builds leave it: the runtime bundle and the compressed files, which the published build made if
    they were missing. Another build asks for this first, so that, on a fresh clone, two workers never compress the
    same files at once (a build compresses on every core)."""
    return built_site


@pytest.fixture(scope="session")
def hostile_data(tmp_path_factory):
    """The test programme with hostile text in every text field (tests/hostile_site.py), as a data file that checks;
    and what the hostile text filled."""
    from hostile_site import write_hostile_site_data

    return write_hostile_site_data(tmp_path_factory.mktemp("hostile-data"))


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory, site_cache, hostile_data):
    """The hostile data, built once per run as it is published (canonical links, sitemap, JSON-LD) with asserts
    stripped (PYTHONOPTIMIZE=1): no safety may rest on them."""
    from sitebuild import PUBLISH, build_site, built_once

    return built_once(tmp_path_factory, "hostile", lambda folder: build_site(
        folder / "site", hostile_data[0], extra_env={**PUBLISH, "PYTHONOPTIMIZE": "1"}))


@pytest.fixture(scope="session")
def site_built_on(tmp_path_factory, site_cache):
    """build(day, data=None): the site built as if on `day` (SOURCE_DATE_EPOCH), from other data if given; each
    (day, data) is built once per run."""
    from sitebuild import build_site, built_once, content_name

    def build(day, data=None):
        name = f"on-{day}" + (f"-{content_name(data)}" if data else "")
        return built_once(tmp_path_factory, name, lambda folder: build_site(folder / "site", data or FIXTURE_DATA, today=day))

    return build


@pytest.fixture(scope="session")
def second_cohort_data(tmp_path_factory):
    """The test programme with a closed first cohort and the fixture's second cohort (tests/fixtures/second-cohort.yaml)."""
    from sitebuild import data_with_second_cohort

    return data_with_second_cohort(tmp_path_factory.mktemp("second-cohort"))
