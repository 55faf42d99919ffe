"""A programme's eligibility self-check: pure standard-library Python, run by CPython and by Pyodide in the browser.

evaluate(answers, rules, language) and evaluate_json(answers_json, rules_json, language) are the whole public API;
the rules dict is what programme.selfcheck_rules makes from data/programme.yaml, and language is one of LANGUAGES
(the data's tags: "en", the default, or "zh-Hant").
"""

from __future__ import annotations

from selfcheck.engine import evaluate, evaluate_json
from selfcheck.rules import RulesError
from selfcheck.wording import LANGUAGES, CatalogMissing, LanguageError, UnknownLanguage

__all__ = ["LANGUAGES", "CatalogMissing", "LanguageError", "RulesError", "UnknownLanguage", "evaluate", "evaluate_json"]
