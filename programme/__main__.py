"""`python -m programme`: staff's commands for the programme data.

  check [PATH]   check the data file and its golden self-check cases; report every problem, each with its place
  diff           what an edit of the data changes, as Markdown for reviewers
  cases update   rewrite what each golden case expects to what the rules now give, saying what changed
  new DIR        start a new programme's data in DIR, from the fictional example (examples/minimal/)
  catalogs       start a catalog for each language of the data that has none; derive and compile every catalog

The data file is PATH, or PROGRAMME_DATA, or data/programme.yaml.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from programme.data.cases import case_problems, case_texts, cases_dir_of, parse_golden_cases, run_cases, update_case_file
from programme.data.errors import ProgrammeDataError
from programme.data.loader import check, display_path
from programme.data.rules import selfcheck_rules
from programme.paths import DATA_PATH, PROJECT_ROOT, SCHEMA_PATH
from programme.data.yamlsource import parse_yaml
from programme.review.report import diff_command
from programme.words.catalogs import CatalogError, prepare_catalogs, start_catalogs
from programme.words.derive import derivations

STARTER = PROJECT_ROOT / "examples" / "minimal"  # the fictional example, which `new` copies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m programme", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    default_data = os.environ.get("PROGRAMME_DATA") or str(DATA_PATH)
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser("check", help="check the programme data and report every problem")
    check_command.add_argument("path", nargs="?", default=default_data, help="the data file (default: %(default)s)")
    cases = commands.add_parser("cases", help="the golden self-check cases beside the data file")
    cases.add_argument("action", choices=["update"], help="update: rewrite each case's expected result to the rules'")
    cases.add_argument("--data", default=default_data, help="the data file (default: %(default)s)")
    new = commands.add_parser("new", help="start a new programme's data in a folder, from the fictional example")
    new.add_argument("folder", help="a folder that does not exist yet, or is empty")
    catalogs = commands.add_parser("catalogs", help="start, derive and compile the catalogs of the data's languages")
    catalogs.add_argument("--data", default=default_data, help="the data file whose languages to serve (default: %(default)s)")
    diff = commands.add_parser("diff", help="report what an edit of the data changes, in Markdown")
    diff.add_argument("--data", default=default_data, help="the data file, in the working tree (default: %(default)s)")
    base = diff.add_mutually_exclusive_group()
    base.add_argument("--base", metavar="REVISION", help="the data before the edit: a git revision (default: main)")
    base.add_argument("--base-file", metavar="FILE", help="the data before the edit, from this file instead")
    head = diff.add_mutually_exclusive_group()
    head.add_argument("--head", metavar="REVISION", help="the data after the edit: a git revision (default: the working tree)")
    head.add_argument("--head-file", metavar="FILE", help="the data after the edit, from this file instead")
    arguments = parser.parse_args(argv)
    if arguments.command == "diff":
        text, status = diff_command(base=arguments.base, base_file=arguments.base_file, head=arguments.head,
                                    head_file=arguments.head_file, data_path=Path(arguments.data), environ=os.environ)
        sys.stdout.write(text)
        return status
    if arguments.command == "cases":
        return _update_cases(Path(arguments.data))
    if arguments.command == "new":
        return _new(Path(arguments.folder))
    if arguments.command == "catalogs":
        return _catalogs(Path(arguments.data))
    return _check(Path(arguments.path))


def _check(path: Path) -> int:
    checked = check(path)
    if checked.problems:
        error = ProgrammeDataError(list(checked.problems))
        print(error, file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":  # mark each line in the pull request's diff, too
            print("\n".join(problem.annotation() for problem in error.listed))
        return 1
    programme = checked.programme
    folder = cases_dir_of(path)
    cases, problems = parse_golden_cases(case_texts(folder))
    shown = display_path(folder)
    lines = [f"{shown}/{problem}" for problem in problems]
    lines += case_problems(run_cases(cases, selfcheck_rules(programme)), shown)
    if lines:
        count = len(lines)
        print(f"{count} golden self-check case{'s' if count != 1 else ''} to look at:", *lines, sep="\n", file=sys.stderr)
        return 1
    print(f"{checked.label}: OK: {len(programme.tracks)} tracks, {len(programme.roles)} roles, "
          f"{len(programme.eligibility.criteria)} criteria, {len(programme.cohorts)} cohort(s), {len(cases)} golden "
          "cases agree with the rules")
    return 0


def _catalogs(path: Path) -> int:
    """`make catalogs`, after extracting: every language of the data has its catalogs (a new one untranslated, a
    derived one converted), all compiled. Reads only the data's languages, so it works while other parts are broken."""
    parsed = parse_yaml(path.read_text(encoding="utf-8"), str(path)).value if path.is_file() else None
    site = parsed.get("site") if isinstance(parsed, dict) else None
    languages = tuple(language for language in (site or {}).get("languages", ()) if isinstance(language, str))
    rules = derivations(parsed)
    try:
        started = start_catalogs(languages, rules)
        compiled = prepare_catalogs(rules)
    except CatalogError as error:
        print(f"python -m programme catalogs: {error}", file=sys.stderr)
        return 1
    for made in started:
        print(f"started {display_path(made)}: translate it")
    for made in compiled:
        print(f"compiled {display_path(made)}")
    return 0


def _new(folder: Path) -> int:
    """A new programme's data, sources and golden cases in `folder`, from the example, which checks as it is."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(f"python -m programme new: {folder} is not an empty folder; name a new one", file=sys.stderr)
        return 1
    shutil.copytree(STARTER, folder, dirs_exist_ok=True)
    data = folder / "programme.yaml"
    schema = Path(os.path.relpath(SCHEMA_PATH, folder.resolve())).as_posix()
    text = data.read_text(encoding="utf-8").replace("$schema=../../data/programme.schema.json", f"$schema={schema}", 1)
    data.write_text(text, encoding="utf-8")
    print(f"Started {data} from the fictional example. Replace its facts with your programme's, its source in "
          f"{folder / 'sources'} with yours, then:\n  PROGRAMME_DATA={data} make check-data\n  PROGRAMME_DATA={data} make serve")
    return 0


def _update_cases(path: Path) -> int:
    """`make cases`: each golden case expects what the rules now give; say what changed."""
    checked = check(path)
    if checked.problems:
        print(ProgrammeDataError(list(checked.problems)), file=sys.stderr)
        return 1
    folder = cases_dir_of(path)
    cases, problems = parse_golden_cases(case_texts(folder))
    if problems:
        print("\n".join(str(problem) for problem in problems), file=sys.stderr)
        return 1
    runs = run_cases(cases, selfcheck_rules(checked.programme))
    unasked = [run for run in runs if run.unasked]
    if unasked:
        print(*case_problems(unasked, display_path(folder)), sep="\n", file=sys.stderr)
        return 1
    changes = [change for file in sorted(folder.glob("*.yaml")) for change in update_case_file(file, runs)]
    print("\n".join(changes) if changes else "Every golden case already expects what the rules give.")
    print(f"{len(changes)} of {len(runs)} golden cases changed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
