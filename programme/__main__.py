"""`python -m programme check [PATH]`: check the data file without building the site."""

from __future__ import annotations

import argparse
import os
import sys

from .loader import DATA_PATH, display_path, load_programme
from .errors import ProgrammeDataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m programme", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check the programme data and report every problem")
    check.add_argument("path", nargs="?", default=str(DATA_PATH), help="the data file (default: data/programme.yaml)")
    arguments = parser.parse_args(argv)
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
