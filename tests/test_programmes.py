"""Any programme: the generator welds nothing to PROcruit C. The fictional example (examples/minimal/) checks, builds
and diffs with none of the real programme's names in anything it publishes; the test programme without its related
programme and with other words for its source builds with no trace of either."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import build_site, write_data_quoting

from programme.data.yamlsource import parse_yaml
from programme.paths import PROJECT_ROOT
from fixture_data import FIXTURE_DATA

EXAMPLE = PROJECT_ROOT / "examples" / "minimal" / "programme.yaml"
# What the real programme and its source are called, in every language the site writes.
REAL_NAMES = re.compile(r"PROcruit|HKSTP|Science and Technology Parks|Jockey Club|\bTLT\b|Technology Leaders|"
                        r"press release|新聞稿|新闻稿|科技園|科技园|賽馬會|赛马会", re.IGNORECASE)
PUBLISHED_TEXT = (".html", ".json", ".xml", ".ics", ".txt")


def published_texts(site_dir: Path) -> dict[str, str]:
    """Every text file the build wrote from the data, by its path in the site: pages, search indexes, sitemaps,
    calendars, open data, robots.txt (the runtime's files are the same for every programme)."""
    return {path.relative_to(site_dir).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(site_dir.rglob("*")) if path.suffix in PUBLISHED_TEXT and path.is_file()
            and "selfcheck-" not in path.as_posix() and path.name != "programme.schema.json"}


def mentions(texts: dict[str, str], pattern: re.Pattern) -> list[str]:
    return [f"{name}: …{text[max(0, m.start() - 60): m.end() + 20]}…" for name, text in texts.items()
            for m in pattern.finditer(text)]


@pytest.fixture(scope="module")
def example_build(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("example") / "site", EXAMPLE)
    assert build.returncode == 0, build.output[-3000:]
    return build


def test_the_example_checks_with_its_golden_cases():
    completed = subprocess.run([sys.executable, "-m", "programme", "check", str(EXAMPLE)], capture_output=True,
                               text=True, timeout=120, cwd=PROJECT_ROOT)
    assert completed.returncode == 0, completed.stderr
    assert "golden cases agree" in completed.stdout


def test_nothing_the_example_publishes_names_the_real_programme(example_build):
    texts = published_texts(example_build.site_dir)
    assert {".html", ".json", ".xml", ".ics"} <= {Path(name).suffix for name in texts}
    assert mentions(texts, REAL_NAMES) == []


def test_the_name_check_finds_a_real_name():
    assert len(mentions({"x.html": "<p>Apply to PROcruit C</p>", "y.json": "新聞稿", "z.ics": "TLTX TLT"}, REAL_NAMES)) == 3


def test_every_page_of_the_example_says_it_is_fictional(example_build):
    notice = parse_yaml(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE)).value["site"]["notice"]
    pages = sorted(example_build.site_dir.rglob("*.html"))
    assert len(pages) > 8
    for page in pages:
        text = " ".join(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
        assert notice in text, page.relative_to(example_build.site_dir)


def test_the_example_names_its_own_programme_and_source(example_build):
    home = example_build.page("")
    assert "Example Graduate Fellowship" in home.select_one("title").get_text()
    assert "the announcement" in example_build.article_text("how-to-apply/")


def test_the_review_summary_works_on_the_example(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "max_years: 30" in text
    edited = tmp_path / "minimal"
    subprocess.run(["cp", "-r", str(EXAMPLE.parent), str(edited)], check=True)
    # A rule changed with the source that changes it: the new age limit, its quote and the document it is quoted from.
    (edited / "programme.yaml").write_text(text.replace("max_years: 30", "max_years: 29")
                                           .replace("be aged 18 to 30 when they apply", "be aged 18 to 29 when they apply"), encoding="utf-8")
    document = next((edited / "sources").iterdir())
    document.write_text(document.read_text(encoding="utf-8").replace("aged 18 to 30", "aged 18 to 29"), encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "programme", "diff", "--base-file", str(EXAMPLE), "--head-file", str(edited / "programme.yaml")],
        capture_output=True, text=True, timeout=120, cwd=PROJECT_ROOT)
    assert completed.returncode == 0, completed.stderr
    assert "max_years" in completed.stdout and "golden self-check case" in completed.stdout
    # Through PROGRAMME_DATA, against a git revision, as `make diff` runs it.
    completed = subprocess.run([sys.executable, "-m", "programme", "diff", "--base", "HEAD"], capture_output=True,
                               text=True, timeout=120, cwd=PROJECT_ROOT,
                               env={**os.environ, "PROGRAMME_DATA": "examples/minimal/programme.yaml"})
    assert completed.returncode == 0, completed.stderr
    assert "examples/minimal/programme.yaml" in completed.stdout


# Staff's own words in the data that name the press release or TLT, as staff would reword them for another source.
REWORDED = {"press release": "bulletin", "Press release": "Bulletin", "新聞稿": "公報", "the TLT programme": "its courses",
            "Technology Leaders of Tomorrow (TLT) programme": "courses"}


def reworded(value: object) -> object:
    if isinstance(value, str):
        for old, new in REWORDED.items():
            value = value.replace(old, new)
        return value
    if isinstance(value, dict):
        return {key: reworded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [reworded(item) for item in value]
    return value


@pytest.fixture(scope="module")
def plain_build(tmp_path_factory):
    """The test programme without its related programme, its press release called a bulletin: the data's own texts
    reworded as staff would, `called` and `kind` set; whatever still says "press release" or TLT is the site's."""
    data = reworded(parse_yaml(FIXTURE_DATA.read_text(encoding="utf-8"), str(FIXTURE_DATA)).value)
    data.pop("related_programmes")
    for source in data["sources"]:
        source["called"] = {"en": "the bulletin", "zh-Hant": "公報"}
        source["kind"] = {"en": "Bulletin", "zh-Hant": "公報"}
    path = write_data_quoting(tmp_path_factory.mktemp("plain"), data)
    build = build_site(path.parent / "site", path)
    assert build.returncode == 0, build.output[-3000:]
    return build


def test_without_a_related_programme_no_page_names_one(plain_build):
    texts = published_texts(plain_build.site_dir)
    assert not (plain_build.site_dir / "tlt").exists()
    assert mentions(texts, re.compile(r"\bTLT\b|Technology Leaders of Tomorrow")) == []


def test_a_sources_own_words_replace_every_mention_of_it_in_every_language(plain_build):
    texts = published_texts(plain_build.site_dir)
    assert mentions(texts, re.compile("press release|新聞稿|新闻稿", re.IGNORECASE)) == []
    editions = {"": "the bulletin", "zh-hant/": "公報", "zh-hans/": "公报"}
    for folder, words in editions.items():
        assert words in plain_build.article_text(f"{folder}how-to-apply/"), folder
