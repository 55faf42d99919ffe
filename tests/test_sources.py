"""Every fact's quote is found in its source's text copy, and a source's copy is a file beside the data, inside its
sources/ folder: checked by the loader (`make check-data`), each problem at its place."""

from __future__ import annotations

import os

import pytest
from fixture_data import FIXTURE_DATA
from sitebuild import write_data

from programme import check
from programme.paths import DATA_PATH

TEXT = FIXTURE_DATA.read_text(encoding="utf-8")
DOCUMENT = "    document: sources/press-release-2020-12-16.txt\n"


def problems_of(tmp_path, text: str) -> list[str]:
    return [f"{'.'.join(map(str, problem.path))}: {problem.message}" for problem in check(write_data(tmp_path, text)).problems]


def test_the_real_data_checks_and_its_quotes_are_in_its_sources():
    assert check(DATA_PATH).problems == ()


def test_a_quote_that_is_not_in_its_source_is_refused_at_the_quote(tmp_path):
    text = TEXT.replace("quote: will close on 3 January 2021", "quote: will close on 5 January 2021")
    problems = check(write_data(tmp_path, text)).problems
    assert [(problem.path, problem.message) for problem in problems] == [
        (("cohorts", 0, "timeline", 1, "ref", "quote"), "the quote is not in its source 'press-release-2020-12-16': copy "
                                                        "the source's own words exactly (line breaks and spaces may differ)"),
    ]
    line = text.splitlines().index("          quote: will close on 5 January 2021") + 1
    assert (problems[0].line, problems[0].column) == (line, 18)


def test_a_quote_may_break_its_lines_and_spaces_differently_from_the_source(tmp_path):
    text = TEXT.replace("quote: will close on 3 January 2021", 'quote: "will   close on\\n 3 January 2021"')
    assert problems_of(tmp_path, text) == []


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("../programme.yaml", "expected a file in the sources/ folder beside the data file, like"),
        ("/etc/passwd", "expected a file in the sources/ folder beside the data file, like"),
        ("sources/no-such-file.txt", "there is no file sources/no-such-file.txt beside the data file"),
    ],
)
def test_a_document_outside_the_sources_folder_or_missing_is_refused(tmp_path, document, message):
    problems = problems_of(tmp_path, TEXT.replace(DOCUMENT, f"    document: {document}\n"))
    assert len(problems) == 1 and problems[0].startswith("sources.0.document: ") and message in problems[0], problems


def test_a_link_out_of_the_sources_folder_is_refused(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("secret", encoding="utf-8")
    data = write_data(tmp_path / "data", TEXT.replace(DOCUMENT, "    document: sources/link.txt\n"))
    os.symlink(outside, data.parent / "sources" / "link.txt")
    assert [problem.message for problem in check(data).problems] == [
        "sources/link.txt leads out of the sources/ folder (a link?)"]


def test_a_folder_is_not_a_document(tmp_path):
    data = write_data(tmp_path, TEXT.replace(DOCUMENT, "    document: sources/folder\n"))
    (data.parent / "sources" / "folder").mkdir()
    assert [problem.message for problem in check(data).problems] == ["sources/folder is not a file"]


def test_a_source_without_a_text_copy_is_refused(tmp_path):
    assert problems_of(tmp_path, TEXT.replace(DOCUMENT, "")) == ["sources.0: missing required key 'document'"]
