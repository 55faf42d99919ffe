"""Programmes other than the test data's, tried in the browser as an applicant would, each built, served, and its
cases answered through the self-check's form; each case gives the outcome and the criteria's statuses it expects, and
the result says about each criterion the sentence the engine says in that language.

- A criterion of every kind: the fixture programme with a second cohort and a criterion of every kind added by data
  alone (tests/fixtures/every-kind.yaml), with the cases reasoned by hand (tests/fixtures/every-kind-cases/): every
  case in English; in Traditional Chinese, every third, which still reaches each kind (the engine's Chinese for
  every case is checked without a browser, in tests/test_every_kind.py, and in Chromium's worker for the golden
  cases, in test_browser_engine.py).
- The fictional example (examples/minimal/), English only, with its own golden cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from selfcheck_page import SelfCheckPage
from sitebuild import build_site, built_once, data_with_every_kind
from staticserver import serve

import selfcheck
from programme import check, selfcheck_rules
from programme.data.cases import read_golden_cases
from selfcheck.kinds import KINDS

pytestmark = pytest.mark.browser

from programme.data.loader import PROJECT_ROOT

CASES = read_golden_cases(Path(__file__).parent.parent / "fixtures" / "every-kind-cases")
LANGUAGES = ["en", "zh-Hant"]
KIND_NAMES = set(KINDS)
EXAMPLE = PROJECT_ROOT / "examples" / "minimal" / "programme.yaml"


def built_and_served(tmp_path_factory, name: str, data: Path):
    """The programme of `data`, checked, its site built once for every worker, and its base URL while served."""
    checked = check(data)
    assert checked.problems == (), "\n".join(map(str, checked.problems))
    built = built_once(tmp_path_factory, name, lambda folder: build_site(folder / "site", data))
    with serve(built.site_dir) as url:
        yield checked.programme, url


def kinds_met_or_not(programme, case: dict) -> set[str]:
    """The kinds of the criteria a case decides (met or not met) or leaves unknown: each kind it tries."""
    return {criterion.kind for criterion in programme.eligibility.criteria if criterion.id in case["criteria"]}


def answer_every_case(self_check: SelfCheckPage, programme, cases: list[dict], language: str) -> list[str]:
    """Each case answered in the form, then started again: what differs from the case or from the engine's words."""
    rules = selfcheck_rules(programme, language)
    wrong = []
    for case in cases:
        self_check.check(case["answers"])
        if (self_check.outcome, self_check.criterion_statuses()) != (case["outcome"], case["criteria"]):
            wrong.append(f"{case['name']}: {self_check.outcome} {self_check.criterion_statuses()}")
        for criterion in selfcheck.evaluate(case["answers"], rules, language)["criteria"]:
            shown = " ".join(self_check.criterion(criterion["id"]).inner_text().split())
            if " ".join(criterion["explanation"].split()) not in shown:
                wrong.append(f"{case['name']}: {criterion['id']} shows {shown!r}, not {criterion['explanation']!r}")
        self_check.result.locator('[data-action="restart"]').click()
    return wrong


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, "every-kind", data_with_every_kind(tmp_path_factory.mktemp("every-kind-data")))


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, "example", EXAMPLE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_case_answered_in_the_form_gives_the_outcome_reasoned_by_hand(every_kind, context, browser_log, language):
    programme, url = every_kind
    folder = programme.editions[language].folder
    self_check = SelfCheckPage(context.new_page()).open(url, f"{folder}/" if folder else "").wait_until_ready()
    cases = CASES if language == "en" else CASES[::3]
    assert {kind for case in cases for kind in kinds_met_or_not(programme, case)} == KIND_NAMES
    assert answer_every_case(self_check, programme, cases, language) == []
    assert browser_log.console_errors == [] and browser_log.csp_violations == []


def test_the_examples_self_check_works_with_its_own_cases(example, context, browser_log):
    programme, url = example
    cases = read_golden_cases(EXAMPLE.parent / "selfcheck-cases")
    assert cases, "the example has golden cases"
    self_check = SelfCheckPage(context.new_page()).open(url).wait_until_ready()
    assert self_check.page.locator("h1").inner_text() and str(programme.name) in self_check.page.title()
    assert answer_every_case(self_check, programme, cases, "en") == []
    assert browser_log.console_errors == [] and browser_log.csp_violations == []
