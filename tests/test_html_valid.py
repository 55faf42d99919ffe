"""Every built page is valid HTML where the markup is ours: the Nu Html Checker (vnu-jar, run with the system Java)
finds nothing but the errors in Material's own markup listed, with reasons, in tests/html-allowlist.yaml."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from programme.data.loader import PROJECT_ROOT

VNU = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST = yaml.safe_load((Path(__file__).parent / "html-allowlist.yaml").read_text(encoding="utf-8"))


def check_html(*folders: Path) -> list[dict]:
    """vnu's errors and warnings for every HTML file under the folders (one Java start for them all)."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("the Nu Html Checker needs Java and node_modules/vnu-jar: run scripts/ensure-browser, then `npm ci`")
    completed = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", *map(str, folders)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(completed.stderr or completed.stdout)["messages"]
    return [message for message in messages if not _CSP_ON_FILE_ADDRESSES.match(message["message"])
            and not _SPECULATION_RULES_KEYWORD.search(message["message"])]


# vnu checks each page's <meta> Content-Security-Policy against the files it links, and warns for every one: read from
# file: addresses, the pages have no origin for 'self' to match, and vnu also counts JSON data blocks (JSON-LD,
# Material's __config) as inline scripts, which browsers do not. The browser tests (tests/browser/test_browser_csp.py)
# load every page over HTTP under the same policy and find no violation at all.
_CSP_ON_FILE_ADDRESSES = re.compile(r"(Resource|Inline script) violates Content Security Policy \(meta tag\)")
# vnu's policy parser predates the keyword that lets a policy allow inline speculation rules (JSON that asks the
# browser to prefetch a page, not code: programme/hosting/headers.py), and calls it an unrecognised source expression;
# browsers that do not know it ignore it. Only that keyword is let through: any other error in the policy is not.
_SPECULATION_RULES_KEYWORD = re.compile(r"Unrecognized source-expression 'inline-speculation-rules' ")


def allowed_by(message: dict) -> dict | None:
    return next((entry for entry in ALLOWLIST if message["message"].startswith(entry["message"])
                 and entry["markup"] in (message.get("extract") or "")), None)


# One run of the checker, over the built site and a page with an error of ours, read by the two tests below: they
# share an xdist group, so that one worker starts Java once.
pytestmark = pytest.mark.xdist_group("html-checker")
BROKEN = '<!doctype html><html lang="en"><title>t</title><div aria-labelledby="x"><h2 id="x">x</h2></div></html>'


@pytest.fixture(scope="module")
def checked(built_site, tmp_path_factory) -> dict[str, list[dict]]:
    """vnu's messages for the built site ("site") and for one page with an error in markup such as ours ("broken")."""
    broken = tmp_path_factory.mktemp("broken-markup")
    (broken / "index.html").write_text(BROKEN, encoding="utf-8")
    messages = check_html(built_site.site_dir, broken)
    return {name: [message for message in messages if message["url"].startswith(f"file:{folder}/")]
            for name, folder in (("site", built_site.site_dir), ("broken", broken))}


def test_every_built_page_is_valid_apart_from_the_themes_listed_errors(built_site, checked):
    messages = checked["site"]
    pages = {message["url"] for message in messages}
    assert all(url.startswith("file:") for url in pages)
    problems = [message for message in messages if allowed_by(message) is None]
    assert problems == [], "\n".join(
        f"{message['url'].removeprefix('file:' + str(built_site.site_dir))}:{message.get('lastLine')}: "
        f"{message['type']}: {message['message']} in {(message.get('extract') or '').strip()!r}"
        for message in problems
    )
    unused = [entry["message"] for entry in ALLOWLIST if not any(allowed_by(message) is entry for message in messages)]
    assert unused == [], "allowlist entries that no longer match anything: remove them"


def test_every_allowed_error_has_a_reason_and_is_in_the_themes_markup():
    for entry in ALLOWLIST:
        assert set(entry) == {"message", "markup", "reason"} and len(entry["reason"]) > 40, entry["message"]
        ours = [path for path in [*PROJECT_ROOT.joinpath("templates").rglob("*.html"),
                                  *PROJECT_ROOT.joinpath("overrides").rglob("*.html")]
                if entry["markup"] in path.read_text(encoding="utf-8")]
        assert ours == [], f"{entry['markup']!r} is in our own markup: fix it there instead of allowing it"


def test_an_error_in_our_markup_would_be_found(checked):
    assert [message for message in checked["broken"] if "aria-labelledby" in message["message"] and allowed_by(message) is None]
