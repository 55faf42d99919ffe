"""The PROcruit C eligibility self-check: pure standard-library Python, run by CPython and by Pyodide in the browser.

evaluate(answers, rules) and evaluate_json(answers_json, rules_json) are the whole public API; the
rules dict is what programme.selfcheck_rules makes from data/programme.yaml.
"""

from __future__ import annotations

from selfcheck.engine import evaluate, evaluate_json
from selfcheck.rules import RulesError

__all__ = ["RulesError", "evaluate", "evaluate_json"]
