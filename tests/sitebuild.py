"""Building the site in tests: a strict MkDocs build into a temporary folder, other data and other days, and
reading its pages."""

from __future__ import annotations

import calendar
import fcntl
import hashlib
import json
import re
import shutil
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from programme.paths import PROJECT_ROOT
from programme.data.model import Programme
from programme.data.yamlsource import parse_yaml
from fixture_data import FIXTURE_DATA

SECOND_COHORT = Path(__file__).parent / "fixtures" / "second-cohort.yaml"
EVERY_KIND = Path(__file__).parent / "fixtures" / "every-kind.yaml"


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str
    site_dir: Path

    def page(self, url: str) -> BeautifulSoup:
        """The built page at a site URL such as `tracks/technology-for-good/`."""
        return BeautifulSoup((self.site_dir / url / "index.html").read_text(encoding="utf-8"), "html.parser")

    def article_text(self, url: str) -> str:
        return " ".join(self.page(url).select_one("article.md-content__inner").get_text(" ").split())

    def shown_text(self, url: str, selector: str = "article.md-content__inner") -> str:
        """The text of `selector` as a visitor reads it on the build day: without the versions of dated statuses
        that are for other days."""
        page = self.page(url)
        for hidden in page.select("[data-dated] > :not([data-shown]), [data-as-of] > :not([data-shown])"):
            hidden.decompose()
        return " ".join(page.select_one(selector).get_text().split())


# A publish build at a sub-path, as on GitHub Pages (https://OWNER.github.io/REPO/); the hosts are reserved for examples.
SITE_URL = "https://owner.example.org/procruit-c/"
REPO_URL = "https://git.example.org/owner/procruit-c/"
PUBLISH = {"SITE_PUBLISH": "true", "SITE_URL": SITE_URL, "SITE_REPO_URL": REPO_URL}
# Settings of the environment that would change where the site lives or its day: each test says which it wants.
LOCATION_VARIABLES = ("SITE_PUBLISH", "SITE_URL", "SITE_REPO_URL", "GITHUB_ACTIONS", "GITHUB_REPOSITORY", "GITHUB_SERVER_URL")


def build_site(site_dir: Path, data: Path | None = None, extra_env: dict[str, str] | None = None,
               today: date | None = None, config: Path | None = None) -> Build:
    """Run `mkdocs build --strict` as a person would, with another data file, day or configuration if given; a local
    build, on today's date, unless `extra_env` says where the site lives (PUBLISH, for example)."""
    ignored = (*LOCATION_VARIABLES, "SOURCE_DATE_EPOCH")
    inherited = {name: value for name, value in os.environ.items() if name not in ignored}
    env = {**inherited, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if today is not None:
        env["SOURCE_DATE_EPOCH"] = str(source_date_epoch(today))
    if data is not None:
        env["PROGRAMME_DATA"] = str(data)
    config_option = ["--config-file", str(config)] if config else []
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *config_option, "--site-dir", str(site_dir)],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    return Build(completed.returncode, completed.stdout + completed.stderr, site_dir)


@contextmanager
def run_lock(tmp_path_factory, name: str) -> Iterator[Path]:
    """Hold the lock `name`, one for the whole test run however many pytest-xdist workers it has; yields the run's
    folder, which every worker sees (each worker's own temporary folder is inside it)."""
    run_folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_folder = run_folder.parent
    with (run_folder / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield run_folder


def built_once(tmp_path_factory, name: str, build: Callable[[Path], Build]) -> Build:
    """`build(folder)` made once per test run into an empty folder of its own, however many workers ask for it: the
    first builds while holding a lock, the others wait and read what it made. Fails if it failed."""
    with run_lock(tmp_path_factory, f"build-{name}") as run_folder:
        folder = run_folder / "built-once" / name
        record = folder.with_suffix(".json")
        if record.exists():
            saved = json.loads(record.read_text(encoding="utf-8"))
            made = Build(saved["returncode"], saved["output"], Path(saved["site_dir"]))
        else:
            folder.mkdir(parents=True, exist_ok=True)
            made = build(folder)
            record.write_text(json.dumps({"returncode": made.returncode, "output": made.output,
                                          "site_dir": str(made.site_dir)}), encoding="utf-8")
    assert made.returncode == 0, made.output[-3000:]
    return made


def content_name(path: Path) -> str:
    """A short name for a file's content: the same data in two workers' folders has the same name."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def source_date_epoch(day: date) -> int:
    """SOURCE_DATE_EPOCH for noon (UTC) of `day`: the build speaks for that day."""
    return calendar.timegm((day.year, day.month, day.day, 12, 0, 0))


def data_with_second_cohort(folder: Path) -> Path:
    """A copy of the test data with the fixture's second cohort (and its source) added, as staff would add it."""
    data = parse_yaml(FIXTURE_DATA.read_text(encoding="utf-8"), str(FIXTURE_DATA)).value
    fixture = yaml.safe_load(SECOND_COHORT.read_text(encoding="utf-8"))
    for key, items in fixture.items():
        data[key] = [*data[key], *items]
    return write_data(folder, yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000))


def merged(data: object, addition: object) -> object:
    """`data` with `addition` merged in as staff would edit it: mappings merged key by key, lists extended, and an
    item of a list with the `id` of an existing item merged into that item."""
    if isinstance(data, dict) and isinstance(addition, dict):
        return {**data, **{key: merged(data[key], value) if key in data else value for key, value in addition.items()}}
    if isinstance(data, list) and isinstance(addition, list):
        result = list(data)
        for item in addition:
            index = next((i for i, old in enumerate(result) if isinstance(old, dict) and isinstance(item, dict)
                          and "id" in old and old["id"] == item.get("id")), None)
            if index is None:
                result.append(item)
            else:
                result[index] = merged(result[index], item)
        return result
    return addition


def data_with_every_kind(folder: Path) -> Path:
    """A copy of the test data with the second cohort and a criterion of every kind (tests/fixtures/every-kind.yaml),
    limited to cohorts and tracks, each with its question."""
    data = parse_yaml(FIXTURE_DATA.read_text(encoding="utf-8"), str(FIXTURE_DATA)).value
    for overlay in (SECOND_COHORT, EVERY_KIND):
        data = merged(data, yaml.safe_load(overlay.read_text(encoding="utf-8")))
    return write_data(folder, yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000))


# A date as the data writes it: a year, a month or a day.
DATE = re.compile(r"\d{4}(-\d{2}){0,2}")


def quote_showing_values(original: dict, rewritten: dict) -> dict:
    """`rewritten` (a fact's mapping whose texts a test has replaced) with its quote showing the fact's dates and
    numbers, as digits, as the facts-against-quotes check requires; a fact with a `note` explains its quote instead."""
    ref = rewritten.get("ref")
    if not isinstance(ref, dict) or not isinstance(ref.get("quote"), str) or "note" in original:
        return rewritten
    shown = [str(item) for item in original.values() if isinstance(item, int) and not isinstance(item, bool)
             or isinstance(item, str) and DATE.fullmatch(item)]
    return {**rewritten, "ref": {**ref, "quote": " ".join([ref["quote"], *shown])}}


def write_data_quoting(folder: Path, data: dict) -> Path:
    """A data file of `data` in `folder`, each source's document made of every quote the data gives: for data whose
    quotes a test has rewritten (with markup, say), so that they are still found in their sources."""
    path = write_data(folder, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    quotes = "\n".join(_quotes(data))
    for source in data.get("sources", []):
        if isinstance(source, dict) and isinstance(source.get("document"), str):
            document = folder / source["document"]
            document.parent.mkdir(parents=True, exist_ok=True)
            document.write_text(quotes, encoding="utf-8")
    return path


def _quotes(value: object) -> list[str]:
    if isinstance(value, dict):
        found = [value["ref"]["quote"]] if isinstance(value.get("ref"), dict) and isinstance(value["ref"].get("quote"), str) else []
        return found + [quote for key, item in value.items() if key != "ref" for quote in _quotes(item)]
    if isinstance(value, list):
        return [quote for item in value for quote in _quotes(item)]
    return []


def write_data(folder: Path, text: str, name: str = "programme.yaml") -> Path:
    """A data file with `text` in `folder`, beside a copy of the test data's sources and golden cases (which a data
    file's documents and cases are read from)."""
    folder.mkdir(parents=True, exist_ok=True)
    for part in ("sources", "selfcheck-cases"):
        if not (folder / part).exists():
            shutil.copytree(FIXTURE_DATA.parent / part, folder / part)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# On each of those days, for the real data (its opening is known only as "no later than"): the applications status,
# and the statuses of the opening and closing events on the timeline.
APPLICATIONS_AROUND_THE_WINDOW = {"before opening": "may_not_be_open_yet", "on the opening day": "open",
                                  "on the closing day": "open", "after closing": "closed"}
OPENING_AND_CLOSING_AROUND_THE_WINDOW = {
    "before opening": ["unconfirmed", "upcoming"], "on the opening day": ["current", "upcoming"],
    "on the closing day": ["past", "current"], "after closing": ["past", "past"],
}


def days_around_the_window(programme: Programme, cohort: int = 0) -> dict[str, date]:
    """The days on which a cohort's window status changes or could: before opening, opening, closing, after."""
    window = programme.cohorts[cohort].window
    opens, closes = window.opens.date.first_day, window.closes.date.first_day
    return {"before opening": date.fromordinal(opens.toordinal() - 1), "on the opening day": opens,
            "on the closing day": closes, "after closing": date.fromordinal(closes.toordinal() + 1)}
