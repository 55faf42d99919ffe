"""python -m selfcheck [ANSWERS_FILE] [--data PATH] [--text]: check answers (JSON, from the file or stdin).

Exits 0 with the result, 2 when the answers are invalid or unreadable, 1 when the programme data
is broken. The only module of the package that reaches outside the standard library, and only
when run, so the browser bundle leaves it out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from selfcheck import wording
from selfcheck.engine import evaluate_json
from selfcheck.rules import RulesError

EXIT_OK, EXIT_BROKEN_DATA, EXIT_INVALID_ANSWERS = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m selfcheck", description="Check answers to the PROcruit C eligibility self-check."
    )
    parser.add_argument("answers", nargs="?", metavar="ANSWERS_FILE", help="answers as JSON (default: read stdin)")
    parser.add_argument("--data", metavar="PATH", help="the programme data (default: data/programme.yaml of this project)")
    parser.add_argument("--text", action="store_true", help="print the result for people rather than as JSON")
    arguments = parser.parse_args(argv)

    from programme import DATA_PATH, ProgrammeDataError, load_programme, selfcheck_rules

    try:
        rules_json = json.dumps(selfcheck_rules(load_programme(arguments.data or DATA_PATH)))
    except ProgrammeDataError as error:
        print(error, file=sys.stderr)
        return EXIT_BROKEN_DATA
    try:
        answers_json = _read_answers_text(arguments.answers)
    except (OSError, UnicodeDecodeError) as error:
        source = arguments.answers or "standard input"
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        result = {"errors": [{"field": "", "code": "answers_unreadable", "message": wording.answers_unreadable(source, reason)}]}
    else:
        try:  # through JSON text, so that answers that are not JSON are reported as the browser reports them
            result = json.loads(evaluate_json(answers_json, rules_json))
        except RulesError as error:
            print(wording.rules_unusable(str(error)), file=sys.stderr)
            return EXIT_BROKEN_DATA
    _print_result(result, as_text=arguments.text)
    return EXIT_INVALID_ANSWERS if "errors" in result else EXIT_OK


def _read_answers_text(path: str | None) -> str:
    raw = sys.stdin.buffer.read() if path is None else Path(path).read_bytes()
    return raw.decode("utf-8-sig")


def _print_result(result: dict, *, as_text: bool) -> None:
    if not as_text:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    elif "errors" in result:
        print(wording.format_errors_as_text(result["errors"]))
    else:
        print(wording.format_result_as_text(result))


if __name__ == "__main__":
    sys.exit(main())
