"""`python -m programme diff`: what an edit of the data changes, told to reviewers in Markdown."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from programme.review.compare import compare
from programme.review.report import report
from programme.review.versions import file_version, revision_version
from programme.paths import PROJECT_ROOT
from programme.hosting.location import SiteLocation
from fixture_data import FIXTURE_DATA
from sitebuild import write_data

LOCATION = SiteLocation("https://owner.example.org/procruit-c/", "https://git.example.org/owner/procruit-c/")


# A rule changed as staff change it: the value, its quote, and the source that says so (each fact's date and number
# must be in its quote, and its quote in the source).
NUMBERS = {3: "three", 4: "four", 6: "six"}


def threshold(months: int) -> dict[str, str]:
    return {"fewer_than_months: 3": f"fewer_than_months: {months}",
            "have fewer than three months": f"have fewer than {NUMBERS[months]} months"}


def closing(day: int) -> dict[str, str]:
    return {'date: "2021-01-03"': f'date: "2021-01-{day:02d}"', "will close on 3 January 2021": f"will close on {day} January 2021"}


def edit(tmp_path: Path, replacements: dict[str, str], name: str = "after.yaml") -> Path:
    """The fixture data edited, in `tmp_path` beside its golden cases and sources; a replaced text that a source's
    document also holds (a quote) is replaced there too, as a new source would say it."""
    text = FIXTURE_DATA.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    path = write_data(tmp_path, text, name)
    for document in (tmp_path / "sources").glob("*.txt"):
        words = document.read_text(encoding="utf-8")
        for old, new in replacements.items():
            words = words.replace(old, new)
        document.write_text(words, encoding="utf-8")
    return path


def diff_report(after: Path, before: Path = FIXTURE_DATA) -> tuple[object, str]:
    diff = compare(file_version(before, with_cases=False), file_version(after, with_cases=True), LOCATION)
    return diff, report(diff)


def test_the_data_against_itself_changes_nothing():
    diff, text = diff_report(FIXTURE_DATA)
    assert diff.is_empty
    assert text.splitlines()[-1] == "No changes to the programme data."
    assert "##" not in text


def test_a_threshold_change_is_reported_with_the_cases_whose_outcome_it_changes(tmp_path):
    diff, text = diff_report(edit(tmp_path, threshold(4)))
    assert "## Eligibility criteria" in text
    assert "### Changed: `eligibility.criteria[short_experience]`" in text
    assert "| `fewer_than_months` | 3 | 4 |" in text
    assert "Source: press-release-2020-12-16, “have fewer than four months" in text
    three_months = next(change for change in diff.cases if change.name.startswith("1 Jan to 31 Mar is exactly three months"))
    assert (three_months.before["outcome"], three_months.after["outcome"]) == ("not_eligible", "eligible")
    changed = sum(change.outcome_changed for change in diff.cases)
    assert changed > 0
    assert f"**This edit changes the outcome of {changed} of the {diff.cases_compared} golden self-check cases**" in text


def test_a_date_change_is_reported_in_the_timeline_with_the_window_cases_it_moves(tmp_path):
    diff, text = diff_report(edit(tmp_path, closing(10)))
    assert "### Changed: `cohorts[first-cohort].timeline[applications-close]`" in text
    assert "| `date` | 2021-01-03 | 2021-01-10 |" in text
    moved = {change.name: change for change in diff.cases}
    day_after = moved["The day after closing, someone who meets every criterion is eligible and the window is closed."]
    assert (day_after.before["applications"], day_after.after["applications"]) == ("closed", "open")
    assert not any(change.outcome_changed for change in diff.cases)
    assert "**This edit changes the outcome of 0 of the" in text
    # Every page that says the closing date, or what it makes of it today, changes; a page that does not stays.
    changed = {page.address.removeprefix(LOCATION.site_url) for page in diff.pages if page.kind == "changed"}
    assert {"", "timeline/", "how-to-apply/", "self-check/"} <= changed
    assert "contact/" not in changed
    assert f"1 fact and {len(diff.pages)} pages added, removed or changed." in text and len(diff.pages) >= 4


def test_a_page_whose_words_do_not_change_is_not_reported(tmp_path):
    diff, _ = diff_report(edit(tmp_path, {"reviewed: \"2026-11-26\"": "reviewed: \"2026-11-26\"  # checked again"}))
    assert diff.pages == ()


NEW_ROLE = ("  - id: data-analyst-trainee\n    name: Data Analyst Trainee\n    track: technology-for-good\n"
            "    ref:\n      source: press-release-2020-12-16\n      quote: Trainee Designer\n\neligibility:\n")


def test_a_new_role_is_a_new_fact_and_a_new_page_with_its_address(tmp_path):
    _, text = diff_report(edit(tmp_path, {"\neligibility:\n": "\n" + NEW_ROLE}))
    assert "### Added: `roles[data-analyst-trainee]`" in text
    assert "- `name`: Data Analyst Trainee" in text
    assert "| added | Data Analyst Trainee | https://owner.example.org/procruit-c/roles/data-analyst-trainee/ |" in text


def test_a_removed_role_is_a_removed_page(tmp_path):
    _, text = diff_report(FIXTURE_DATA, before=edit(tmp_path, {"\neligibility:\n": "\n" + NEW_ROLE}, "with-role.yaml"))
    assert "### Removed: `roles[data-analyst-trainee]`" in text
    assert "| removed | Data Analyst Trainee | https://owner.example.org/procruit-c/roles/data-analyst-trainee/ |" in text


def test_a_changed_quote_shows_old_and_new_words(tmp_path):
    _, text = diff_report(edit(tmp_path, {"quote: will close on 3 January 2021": "quote: close on 3 January 2021"}))
    assert "| `ref.quote` | will close on 3 January 2021 | close on 3 January 2021 |" in text
    assert "No change to the result of any of the" in text


def test_the_report_is_the_same_every_time(tmp_path):
    after = edit(tmp_path, {**threshold(6), **closing(10)})
    assert diff_report(after)[1] == diff_report(after)[1]


def test_text_from_the_data_cannot_become_markup_in_the_report(tmp_path):
    hostile = "A | <img src=x> **bold** [link](https://x.example) `code` @someone"
    _, text = diff_report(edit(tmp_path, {"    name: Trainee Designer\n": f"    name: '{hostile}'\n"}))
    row = next(line for line in text.splitlines() if line.startswith("| `name` |"))
    assert "<img" not in text and "&lt;img src=x&gt;" in row
    assert len(re.split(r"(?<!\\)\|", row)) == 5, "the bar in the name must not add a table cell"
    assert "\\*\\*bold\\*\\*" in row and "\\[link\\]" in row and "\\`code\\`" in row and "&#64;someone" in row


@pytest.mark.parametrize("broken", ["before", "after"])
def test_a_broken_version_is_reported_by_its_problems_not_a_traceback(tmp_path, broken):
    bad = edit(tmp_path, {"      value: 75\n": "      value: lots\n"}, "broken.yaml")
    before, after = (bad, FIXTURE_DATA) if broken == "before" else (FIXTURE_DATA, bad)
    completed = run_cli("--base-file", str(before), "--head-file", str(after))
    assert "Traceback" not in completed.stderr + completed.stdout
    assert f"**The data {broken} the edit has 1 problem**, so nothing was compared:" in completed.stdout
    assert "tracks[technology-for-good].positions.value: expected an integer, found string 'lots'" in completed.stdout
    assert completed.returncode == (1 if broken == "after" else 0)


def test_a_revision_that_git_cannot_find_is_an_error_with_a_nonzero_exit():
    completed = run_cli("--base", "no-such-branch-anywhere")
    assert completed.returncode == 2 and "Traceback" not in completed.stderr
    assert "cannot read data/programme.yaml at 'no-such-branch-anywhere': git knows no such revision" in completed.stdout


def test_a_file_named_after_the_base_revision_cannot_pose_as_the_base(tmp_path):
    """A pull request that adds a root file named after the base commit (a copy of its own data) must not make the
    report say that nothing changed: BASE is only ever read as a git revision."""
    repository = committed_repository(tmp_path)
    edit(repository / "data", threshold(6), "programme.yaml")
    base = subprocess.run(["git", "-C", str(repository), "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    (repository / base).write_text((repository / "data" / "programme.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "programme", "diff", "--base", base,
                                "--data", str(repository / "data" / "programme.yaml")],
                               cwd=repository, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "No changes to the programme data." not in completed.stdout
    assert "| `fewer_than_months` | 3 | 6 |" in completed.stdout


def test_make_passes_base_to_the_command_as_data_never_as_shell_code(tmp_path):
    marker = tmp_path / "ran"
    completed = subprocess.run(["make", "--silent", "diff", f"BASE=$(touch {marker})`touch {marker}`"], cwd=PROJECT_ROOT,
                               capture_output=True, text=True, timeout=300)
    assert not marker.exists()
    assert completed.returncode != 0 and "git knows no such revision" in completed.stdout


def committed_repository(tmp_path: Path) -> Path:
    """A git repository holding this project's data and golden cases, committed on `main`."""
    repository = tmp_path / "repository"
    (repository / "data").mkdir(parents=True)
    shutil.copytree(FIXTURE_DATA.parent / "selfcheck-cases", repository / "data" / "selfcheck-cases")
    shutil.copytree(FIXTURE_DATA.parent / "sources", repository / "data" / "sources")
    shutil.copy(FIXTURE_DATA, repository / "data" / "programme.yaml")
    git = ["git", "-C", str(repository), "-c", "user.name=Staff", "-c", "user.email=staff@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "before"], check=True)
    return repository


def test_git_refs_are_read_with_the_golden_cases_of_the_edited_version(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repository = committed_repository(tmp_path)
    git = ["git", "-C", str(repository), "-c", "user.name=Staff", "-c", "user.email=staff@example.org"]
    edit(repository / "data", threshold(4), "programme.yaml")
    subprocess.run([*git, "commit", "-q", "-am", "after"], check=True)

    data = repository / "data" / "programme.yaml"
    before = revision_version("main~1", data, with_cases=False, root=repository)
    after = revision_version("main", data, with_cases=True, root=repository)
    diff = compare(before, after, LOCATION)
    assert before.label == "main~1:data/programme.yaml" and not before.problems and not after.problems
    assert len(after.cases) == diff.cases_compared > 40
    assert any(change.outcome_changed for change in diff.cases)


def run_cli(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "programme", "diff", *arguments], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=120)
