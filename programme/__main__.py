"""`python -m programme check [PATH]`: check the data file without building the site.
`python -m programme diff BASE [HEAD]`: what an edit of the data changes, as Markdown for reviewers."""

from __future__ import annotations

import argparse
import os
import sys

from programme.review.diff import diff_command
from programme.data.errors import ProgrammeDataError
from programme.data.loader import DATA_PATH, display_path, load_programme


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m programme", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check the programme data and report every problem")
    check.add_argument("path", nargs="?", default=str(DATA_PATH), help="the data file (default: data/programme.yaml)")
    diff = commands.add_parser("diff", help="report what an edit of the data changes, in Markdown")
    diff.add_argument("base", help="the data before the edit: a git ref (main, origin/main, a commit) or a file")
    diff.add_argument("head", nargs="?", help="the data after the edit: a git ref or a file (default: the working tree)")
    arguments = parser.parse_args(argv)
    if arguments.command == "diff":
        text, status = diff_command(arguments.base, arguments.head, os.environ)
        sys.stdout.write(text)
        return status
    try:
        programme = load_programme(arguments.path)
    except ProgrammeDataError as exc:
        print(exc, file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":  # mark each line in the pull request's diff, too
            print("\n".join(error.annotation() for error in exc.listed))
        return 1
    print(
        f"{display_path(arguments.path)}: OK: {len(programme.tracks)} tracks, {len(programme.roles)} roles, "
        f"{len(programme.eligibility.criteria)} criteria, {len(programme.cohorts)} cohort(s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
