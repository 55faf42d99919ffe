"""python -m selfcheck: exit codes 0 / 2 / 1, stdin or a file, --text and --data, and never a traceback."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fixture_data import FIXTURE_DATA

import selfcheck
from sitebuild import write_data

ROOT = Path(__file__).resolve().parent.parent
ELIGIBLE = {"application_date": "2020-12-20", "qualification": "degree", "hk_resident": True, "employed_now": False, "full_time_jobs": []}


def run_selfcheck(*arguments: str, stdin: str = "", cwd: Path) -> subprocess.CompletedProcess:
    """Run the command from `cwd` (not the project), as someone might."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    completed = subprocess.run(
        [sys.executable, "-m", "selfcheck", *arguments],
        input=stdin, capture_output=True, text=True, cwd=cwd, env=environment, timeout=60,
    )
    assert "Traceback" not in completed.stderr, completed.stderr
    return completed


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(ELIGIBLE), encoding="utf-8")
    return path


def test_valid_answers_on_stdin_print_the_result_and_exit_0(tmp_path):
    completed = run_selfcheck(stdin=json.dumps(ELIGIBLE), cwd=tmp_path)
    assert completed.returncode == 0
    result = json.loads(completed.stdout)
    assert (result["outcome"], result["applications"]["status"]) == ("eligible", "open")


def test_answers_from_a_file_give_the_same_result_as_from_stdin(tmp_path, answers_file):
    from_file = run_selfcheck(str(answers_file), cwd=tmp_path)
    from_stdin = run_selfcheck(stdin=answers_file.read_text(encoding="utf-8"), cwd=tmp_path)
    assert from_file.returncode == 0
    assert json.loads(from_file.stdout) == json.loads(from_stdin.stdout)


def test_invalid_answers_print_every_error_and_exit_2(tmp_path):
    completed = run_selfcheck(stdin=json.dumps({"hk_resident": "yes"}), cwd=tmp_path)
    assert completed.returncode == 2
    assert [error["field"] for error in json.loads(completed.stdout)["errors"]] == ["application_date", "hk_resident"]


@pytest.mark.parametrize("application_date", ["9999-12-31", "1800-01-01", {"day": "31", "month": "12", "year": "9999"},
                                              {"day": "1", "month": "1", "year": "1800"}])
def test_a_year_the_self_check_does_not_know_exits_2_with_the_date_and_the_part_at_fault(tmp_path, application_date):
    completed = run_selfcheck(stdin=json.dumps({**ELIGIBLE, "application_date": application_date}), cwd=tmp_path)
    assert completed.returncode == 2
    assert json.loads(completed.stdout) == {"errors": [{
        "field": "application_date", "code": "date_year_out_of_range", "parts": ["year"],
        "message": "Date you will apply must be between 1900 and 2999.",
    }]}
    text = run_selfcheck("--text", "--lang", "zh-Hant", stdin=json.dumps({**ELIGIBLE, "application_date": application_date}),
                         cwd=tmp_path)
    assert text.returncode == 2
    assert text.stdout.splitlines()[1] == "  application_date：申請日期必須介乎1900年至2999年。"


def test_a_date_typed_in_parts_is_checked_like_its_iso_text(tmp_path):
    typed = run_selfcheck(stdin=json.dumps({**ELIGIBLE, "application_date": {"day": "20", "month": "12", "year": "2020"}}),
                          cwd=tmp_path)
    assert typed.returncode == 0
    assert typed.stdout == run_selfcheck(stdin=json.dumps(ELIGIBLE), cwd=tmp_path).stdout


@pytest.mark.parametrize("stdin", ["{not json", ""])
def test_answers_that_are_not_json_exit_2_with_an_error_for_the_whole(tmp_path, stdin):
    completed = run_selfcheck(stdin=stdin, cwd=tmp_path)
    assert completed.returncode == 2
    assert [error["field"] for error in json.loads(completed.stdout)["errors"]] == [""]


def test_an_answers_file_that_is_not_utf8_exits_2(tmp_path):
    path = tmp_path / "answers.json"
    path.write_bytes(b'{"application_date": "\xff"}')
    completed = run_selfcheck(str(path), cwd=tmp_path)
    assert completed.returncode == 2
    [error] = json.loads(completed.stdout)["errors"]
    assert error["field"] == ""
    assert error["message"].startswith(f"Cannot read the answers from {path}: ")


def test_an_answers_file_that_cannot_be_read_exits_2(tmp_path):
    completed = run_selfcheck(str(tmp_path / "missing.json"), cwd=tmp_path)
    assert completed.returncode == 2
    [error] = json.loads(completed.stdout)["errors"]
    assert error == {"field": "", "code": "answers_unreadable",
                     "message": f"Cannot read the answers from {tmp_path / 'missing.json'}: No such file or directory."}


def test_text_prints_the_result_for_people(tmp_path, answers_file):
    completed = run_selfcheck(str(answers_file), "--text", cwd=tmp_path)
    assert completed.returncode == 0
    lines = completed.stdout.splitlines()
    assert lines[:2] == ["On 20 December 2020, applications are open.", "  First cohort: applications are open until 3 January 2021."]
    assert "Eligible: you meet every criterion." in lines
    assert "✓ Met: Hong Kong resident status." in lines


def test_text_prints_invalid_answers_a_field_a_line(tmp_path):
    completed = run_selfcheck("--text", stdin=json.dumps({**ELIGIBLE, "employed_now": "no"}), cwd=tmp_path)
    assert completed.returncode == 2
    assert completed.stdout.splitlines()[1] == '  employed_now: Answer true or false; found the text "no".'


def test_data_points_at_another_programme_file(tmp_path, answers_file):
    # The rule changed as staff change it: the number, its quote, and the source's words.
    words = ("fewer than three months", "fewer than one month")
    changed = FIXTURE_DATA.read_text(encoding="utf-8").replace("fewer_than_months: 3", "fewer_than_months: 1").replace(*words)
    data = write_data(tmp_path, changed)
    for document in (tmp_path / "sources").glob("*.txt"):
        document.write_text(document.read_text(encoding="utf-8").replace(*words), encoding="utf-8")
    answers = {**ELIGIBLE, "employed_now": True, "full_time_jobs": [{"start": "2020-11-01"}]}
    completed = run_selfcheck("--data", str(data), stdin=json.dumps(answers), cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    statuses = {criterion["id"]: criterion["status"] for criterion in json.loads(completed.stdout)["criteria"]}
    assert statuses["short_experience"] == "not_met"  # 1 month 20 days is not fewer than 1 month


def test_broken_programme_data_exits_1_with_the_loader_message(tmp_path):
    data = tmp_path / "programme.yaml"
    data.write_text("sources: [\n", encoding="utf-8")
    completed = run_selfcheck("--data", str(data), stdin=json.dumps(ELIGIBLE), cwd=tmp_path)
    assert completed.returncode == 1
    assert completed.stdout == ""
    assert "problem in the programme data" in completed.stderr
    assert "programme.yaml:" in completed.stderr


def test_missing_programme_data_exits_1(tmp_path):
    completed = run_selfcheck("--data", str(tmp_path / "nowhere.yaml"), stdin=json.dumps(ELIGIBLE), cwd=tmp_path)
    assert completed.returncode == 1
    assert "cannot read the data file" in completed.stderr


def test_lang_zh_hant_says_the_result_in_chinese(tmp_path, answers_file):
    completed = run_selfcheck(str(answers_file), "--text", "--lang", "zh-Hant", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert lines[0] == "2020年12月20日當日正接受申請。"
    assert "符合資格：你符合每一項條件。" in lines
    assert "  你具有香港居民身份。" in lines


def test_lang_gives_the_same_json_result_in_other_words(tmp_path, answers_file):
    english, chinese = (json.loads(run_selfcheck(str(answers_file), "--lang", language, cwd=tmp_path).stdout)
                        for language in ("en", "zh-Hant"))
    assert (chinese["outcome"], chinese["applications"]["status"]) == (english["outcome"], english["applications"]["status"])
    assert chinese["applications"]["summary"] == "2020年12月20日當日正接受申請。"


def test_invalid_answers_are_told_in_chinese_a_field_a_line(tmp_path):
    completed = run_selfcheck("--text", "--lang", "zh-Hant", stdin=json.dumps({**ELIGIBLE, "employed_now": "no"}), cwd=tmp_path)
    assert completed.returncode == 2
    assert completed.stdout.splitlines()[:2] == ["部分答案需要修改，才可以核對：", '  employed_now：請回答true或false；收到的是文字"no"。']


def test_an_unreadable_answers_file_is_told_in_chinese(tmp_path):
    completed = run_selfcheck(str(tmp_path / "missing.json"), "--lang", "zh-Hant", cwd=tmp_path)
    assert completed.returncode == 2
    [error] = json.loads(completed.stdout)["errors"]
    assert (error["code"], error["message"]) == ("answers_unreadable", f"無法從{tmp_path / 'missing.json'}讀取答案：No such file or directory。")


def test_an_unknown_language_is_a_usage_error_listing_the_languages(tmp_path):
    completed = run_selfcheck("--lang", "fr", stdin=json.dumps(ELIGIBLE), cwd=tmp_path)
    assert completed.returncode == 64
    assert completed.stdout == ""
    listed = ", ".join(f"'{language}'" for language in selfcheck.LANGUAGES)
    assert f"invalid choice: 'fr' (choose from {listed})" in completed.stderr, completed.stderr


def test_a_language_whose_catalog_is_not_compiled_exits_69_saying_to_run_make_setup(tmp_path):
    """As on a fresh clone before `make setup`: the engine's files without their compiled catalogs."""
    package = tmp_path / "engine" / "selfcheck"
    package.mkdir(parents=True)
    for module in (ROOT / "selfcheck").glob("*.py"):
        shutil.copy(module, package)
    for catalog in (ROOT / "selfcheck").glob("locale/*/LC_MESSAGES/*.po"):  # translated, never compiled
        target = package / catalog.relative_to(ROOT / "selfcheck")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(catalog, target)
    environment = {**os.environ, "PYTHONPATH": f"{tmp_path / 'engine'}{os.pathsep}{ROOT}"}
    completed = subprocess.run([sys.executable, "-m", "selfcheck", "--lang", "zh-Hant"], input=json.dumps(ELIGIBLE),
                               capture_output=True, text=True, cwd=tmp_path, env=environment, timeout=60)
    assert completed.returncode == 69
    assert "Traceback" not in completed.stderr
    assert "no compiled catalog for zh-Hant" in completed.stderr and "make setup" in completed.stderr
    english = subprocess.run([sys.executable, "-m", "selfcheck"], input=json.dumps(ELIGIBLE),
                             capture_output=True, text=True, cwd=tmp_path, env=environment, timeout=60)
    assert english.returncode == 0, english.stderr  # English needs no catalog
