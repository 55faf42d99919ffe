"""python -m selfcheck [ANSWERS_FILE] [--data PATH] [--text] [--lang LANGUAGE]: check answers (JSON, from the file
or stdin), and say the result in a language.

Exit codes: 0 a result, 1 the programme data is broken, 2 the answers are invalid or unreadable,
64 the command itself was used wrongly (as sysexits.h's EX_USAGE), 69 the language's catalog is not
compiled (EX_UNAVAILABLE). The only module of the package that reaches outside the standard library,
and only when run, so the browser bundle leaves it out.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from selfcheck import wording
from selfcheck.engine import evaluate_json
from selfcheck.messages import message
from selfcheck.rules import RulesError

EXIT_OK, EXIT_BROKEN_DATA, EXIT_INVALID_ANSWERS, EXIT_USAGE, EXIT_NO_CATALOG = 0, 1, 2, 64, 69


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        """A wrong option is a mistake in the command, not in the answers: its own exit code."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def main(argv: list[str] | None = None) -> int:
    # Answers may hold any text, lone surrogates included, and the terminal may not be UTF-8: never fail to print.
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(errors="backslashreplace")
    parser = _Parser(prog="python -m selfcheck", description="Check answers to the PROcruit C eligibility self-check.",
                     epilog="Exit codes: 0 a result, 1 broken programme data, 2 invalid answers, 64 wrong usage, "
                            "69 the language's catalog is not compiled (run `make setup`).")
    parser.add_argument("answers", nargs="?", metavar="ANSWERS_FILE", help="answers as JSON (default: read stdin)")
    parser.add_argument("--data", metavar="PATH", help="the programme data (default: data/programme.yaml of this project)")
    parser.add_argument("--text", action="store_true", help="print the result for people rather than as JSON")
    parser.add_argument("--lang", choices=wording.LANGUAGES, default=wording.DEFAULT_LANGUAGE, metavar="LANGUAGE",
                        help=f"the language of the result: {', '.join(wording.LANGUAGES)} (default: %(default)s)")
    arguments = parser.parse_args(argv)
    try:
        words = wording.for_language(arguments.lang)
    except wording.CatalogMissing as error:
        print(f"{parser.prog}: {error}", file=sys.stderr)
        return EXIT_NO_CATALOG

    from programme import DATA_PATH, ProgrammeDataError, load_programme, selfcheck_rules

    try:
        rules_json = json.dumps(selfcheck_rules(load_programme(arguments.data or DATA_PATH), arguments.lang))
    except ProgrammeDataError as error:
        print(error, file=sys.stderr)
        return EXIT_BROKEN_DATA
    try:
        answers_json = _read_answers_text(arguments.answers)
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        unreadable = message("answers_unreadable", source=arguments.answers, reason=reason)
        result = {"errors": [{"field": "", "code": unreadable.id, "message": words.say(unreadable)}]}
    else:
        try:  # through JSON text, so that answers that are not JSON are reported as the browser reports them
            result = json.loads(evaluate_json(answers_json, rules_json, arguments.lang))
        except RulesError as error:
            print(words.say(message("rules_unusable", problem=str(error))), file=sys.stderr)
            return EXIT_BROKEN_DATA
    _print_result(result, words, as_text=arguments.text)
    return EXIT_INVALID_ANSWERS if "errors" in result else EXIT_OK


def _read_answers_text(path: str | None) -> str:
    raw = sys.stdin.buffer.read() if path is None else Path(path).read_bytes()
    return raw.decode("utf-8-sig")


def _print_result(result: dict, words: wording.Wording, *, as_text: bool) -> None:
    if not as_text:
        text = json.dumps(result, indent=2, ensure_ascii=True)  # \uXXXX for anything that is not ASCII
    elif "errors" in result:
        text = _printable(words.errors_as_text(result["errors"], result.get("more_errors", 0)))
    else:
        text = _printable(words.result_as_text(result))
    try:
        print(text, flush=True)
    except BrokenPipeError:  # the reader stopped reading (`| head`): nothing more to say, and no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _printable(text: str) -> str:
    """Text for a terminal: answers may hold escape sequences or bidirectional overrides; show them, never obey them."""
    return "".join(character if character.isprintable() or character == "\n" else repr(character)[1:-1] for character in text)


if __name__ == "__main__":
    sys.exit(main())
