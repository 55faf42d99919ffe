"""`python -m programme`: staff's commands for the programme data.

  check [PATH]   check the data file and report every problem, each with its line and column
  diff           what an edit of the data changes, as Markdown for reviewers

The data file is PATH, or PROGRAMME_DATA, or data/programme.yaml.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from programme.data.errors import ProgrammeDataError
from programme.data.loader import check
from programme.paths import DATA_PATH
from programme.review.report import diff_command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m programme", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    default_data = os.environ.get("PROGRAMME_DATA") or str(DATA_PATH)
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser("check", help="check the programme data and report every problem")
    check_command.add_argument("path", nargs="?", default=default_data, help="the data file (default: %(default)s)")
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
    print(f"{checked.label}: OK: {len(programme.tracks)} tracks, {len(programme.roles)} roles, "
          f"{len(programme.eligibility.criteria)} criteria, {len(programme.cohorts)} cohort(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
