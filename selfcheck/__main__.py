"""python -m selfcheck [ANSWERS_FILE] [--rules FILE | --data PATH] [--text] [--lang LANGUAGE]: check answers (JSON,
from the file or stdin), and say the result in a language.

The rules are a rules file (`--rules`, the JSON the site gives its self-check page) or come from a programme data
file (`--data`, or the project's own by default), which the engine cannot read itself: the package that can
registers a reader as the entry point `selfcheck.data` (this project's `programme` does), so that the engine never
imports it.

Exit codes: 0 a result, 1 the rules or the programme data are broken, 2 the answers are invalid, unreadable or
longer than MAX_ANSWER_BYTES, 64 the command itself was used wrongly (as sysexits.h's EX_USAGE), 69 the language's
catalog is not compiled (EX_UNAVAILABLE). The browser bundle leaves this module out.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from importlib.metadata import entry_points
from pathlib import Path

from selfcheck import wording
from selfcheck.engine import evaluate_json
from selfcheck.messages import message
from selfcheck.rules import RulesError

EXIT_OK, EXIT_BROKEN_RULES, EXIT_INVALID_ANSWERS, EXIT_USAGE, EXIT_NO_CATALOG = 0, 1, 2, 64, 69
MAX_ANSWER_BYTES = 1_000_000  # far more than any answers need: some 20,000 jobs


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        """A wrong option is a mistake in the command, not in the answers: its own exit code."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


class _Broken(Exception):
    """The rules cannot be had: the message says why, for the person running the command."""


def main(argv: list[str] | None = None) -> int:
    # Answers may hold any text, lone surrogates included, and the terminal may not be UTF-8: never fail to print.
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(errors="backslashreplace")
    # The programme's name is in the help, so its data is read first; a wrong command is still told before it.
    try:
        name, rules_in = _rules_source(_parser("a programme", add_help=False).parse_known_args(argv)[0])
    except _Broken as broken:
        _parser("a programme").parse_args(argv)
        print(broken, file=sys.stderr)
        return EXIT_BROKEN_RULES
    arguments = _parser(name).parse_args(argv)
    try:
        words = wording.for_language(arguments.lang)
    except wording.CatalogMissing as error:
        print(f"python -m selfcheck: {error}", file=sys.stderr)
        return EXIT_NO_CATALOG
    rules_json = rules_in(arguments.lang)
    try:
        answers_json = _read_answers_text(arguments.answers)
    except _TooLong:
        problem = message("answers_too_long", limit=MAX_ANSWER_BYTES)
        result = {"errors": [{"field": "", "code": problem.id, "message": words.say(problem)}]}
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        unreadable = message("answers_unreadable", source=arguments.answers, reason=reason)
        result = {"errors": [{"field": "", "code": unreadable.id, "message": words.say(unreadable)}]}
    else:
        try:  # through JSON text, so that answers that are not JSON are reported as the browser reports them
            result = json.loads(evaluate_json(answers_json, rules_json, arguments.lang))
        except RulesError as error:
            print(words.say(message("rules_unusable", problem=str(error))), file=sys.stderr)
            return EXIT_BROKEN_RULES
    _print_result(result, words, as_text=arguments.text)
    return EXIT_INVALID_ANSWERS if "errors" in result else EXIT_OK


def _parser(programme: str, add_help: bool = True) -> _Parser:
    parser = _Parser(prog="python -m selfcheck", description=f"Check answers to the eligibility self-check of {programme}.",
                     add_help=add_help,
                     epilog="Exit codes: 0 a result, 1 broken rules or programme data, 2 invalid answers, 64 wrong "
                            "usage, 69 the language's catalog is not compiled (run `make setup`).")
    parser.add_argument("answers", nargs="?", metavar="ANSWERS_FILE",
                        help=f"answers as JSON, at most {MAX_ANSWER_BYTES:,} bytes (default: read stdin)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--rules", metavar="FILE", help="the rules, as JSON (the self-check page's rules)")
    source.add_argument("--data", metavar="PATH", help="the programme data to take the rules from (default: the project's)")
    parser.add_argument("--text", action="store_true", help="print the result for people rather than as JSON")
    parser.add_argument("--lang", choices=wording.LANGUAGES, default=wording.DEFAULT_LANGUAGE, metavar="LANGUAGE",
                        help=f"the language of the result: {', '.join(wording.LANGUAGES)} (default: %(default)s)")
    return parser


def _rules_source(arguments: argparse.Namespace):
    """(the programme's name, rules JSON text by language), from a rules file or through the data reader."""
    if arguments.rules:
        try:
            text = Path(arguments.rules).read_bytes()[: MAX_ANSWER_BYTES * 10].decode("utf-8")
            rules = json.loads(text)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise _Broken(f"python -m selfcheck: cannot read the rules from {arguments.rules}: {error}") from None
        return "a programme", lambda language: json.dumps(rules)
    readers = entry_points(group="selfcheck.data")
    if not readers:
        raise _Broken("python -m selfcheck: no reader of programme data is installed; give the rules with --rules FILE")
    try:
        source = next(iter(readers)).load()(arguments.data)
    except ValueError as error:  # the reader's own message: the data's problems, each located
        raise _Broken(str(error)) from None
    return source.name, lambda language: json.dumps(source.rules(language))


class _TooLong(Exception):
    pass


def _read_answers_text(path: str | None) -> str:
    """The answers' text, reading no more than MAX_ANSWER_BYTES (and one byte to tell that there is more)."""
    if path is None:
        raw = sys.stdin.buffer.read(MAX_ANSWER_BYTES + 1)
    else:
        with open(path, "rb") as file:
            raw = file.read(MAX_ANSWER_BYTES + 1)
    if len(raw) > MAX_ANSWER_BYTES:
        raise _TooLong
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
