"""What the runtime bundle's trace runs: rules with a criterion of every kind, limited and not, and answers that reach
every status, explanation and answer error, in every language the engine speaks.

The trace lists the standard-library modules the engine imports on these paths, and the bundle ships only those. It
depends on the engine alone, never on the programme data: an edit of the data never makes the bundle again, and a
data file that uses any kind runs on a bundle that has traced it.
"""

from __future__ import annotations

import json

from selfcheck import LANGUAGES


RULES = {
    "criteria": [
        {"id": "choice", "kind": "choice_in", "question": "choice", "statement": "A or B.",
         "parameters": {"accepted": ["a", "b"]}, "explain": {"met": "{answer} on {application_date}.", "not_met": "Not {accepted}.",
                                                             "unknown": "{question}", "would_change": "Answer {accepted}."}},
        {"id": "yes", "kind": "yes_no_is", "question": "yes", "statement": "Yes.", "parameters": {"must_be": True}},
        {"id": "jobs", "kind": "longest_stretch_under", "question": "jobs", "statement": "Short.",
         "parameters": {"fewer_than_months": 3}},
        {"id": "after", "kind": "date_on_or_after", "question": "graduated", "statement": "After.",
         "parameters": {"date": "2019-01-01"}, "tracks": ["second-track"]},
        {"id": "before", "kind": "date_on_or_before", "question": "graduated", "statement": "Before.",
         "parameters": {"date": "2030-01-01"}, "cohorts": ["second-cohort"]},
        {"id": "age", "kind": "age_between", "question": "born", "statement": "Age.",
         "parameters": {"min_years": 18, "max_years": 29}, "cohorts": ["second-cohort"], "tracks": ["second-track"]},
        {"id": "older", "kind": "age_between", "question": "born", "statement": "Older.", "parameters": {"min_years": 18}},
        {"id": "younger", "kind": "age_between", "question": "born", "statement": "Younger.", "parameters": {"max_years": 29}},
    ],
    "questions": [
        {"key": "application_date", "kind": "date", "prompt": "When?"},
        {"key": "choice", "kind": "choice", "prompt": "Which?", "options": [
            {"value": "a", "label": "A thing"}, {"value": "b", "label": "B thing"}, {"value": "c", "label": "HKDSE"}]},
        {"key": "yes", "kind": "yes_no", "prompt": "Yes?"},
        {"key": "employed", "kind": "yes_no", "prompt": "Employed?"},
        {"key": "jobs", "kind": "periods", "prompt": "Jobs?", "employed_question": "employed"},
        {"key": "graduated", "kind": "date", "prompt": "Graduated?"},
        {"key": "born", "kind": "date", "prompt": "Born?"},
    ],
    "windows": [
        {"cohort": "first-cohort", "name": "First", "opens": "2020-12-16", "opens_no_later_than": True, "closes": "2021-01-03"},
        {"cohort": "second-cohort", "name": "Second", "opens": "2027-01-04", "closes": "2027-02-01"},
    ],
    "tracks": [{"id": "first-track", "name": "First track"}, {"id": "second-track", "name": "Second track"}],
    "sources": [{"title": "A source", "publisher": "P", "published": "2020-12-16"}],
    "reviewed": "2026-11-26",
}

_ALL_MET = {"application_date": "2020-12-20", "choice": "a", "yes": True, "employed": False,
            "jobs": [{"start": "2020-01-01", "end": "2020-01-31"}, {"start": "2020-02-01", "end": "2020-02-10"}],
            "graduated": "2020-06-30", "born": "2000-02-29"}
ANSWERS = [
    _ALL_MET,
    {**_ALL_MET, "choice": "c", "yes": False, "jobs": [{"start": "2020-01-01", "end": None}], "employed": True,
     "graduated": "2035-01-01", "born": "2010-01-01"},
    {**_ALL_MET, "graduated": "2018-01-01", "born": "1960-01-01", "jobs": [{"start": "2019-01-01", "end": "2019-12-31"}]},
    {**_ALL_MET, "jobs": [], "application_date": "2027-01-10"},
    {"application_date": "2020-12-15", "choice": "a"},
    {"application_date": "2021-06-01", "yes": True},
    {"application_date": "2020-12-20"},
    {"choice": "z", "yes": "yes", "jobs": "none", "application_date": "20/12/2020"},
    {"application_date": "2021-02-30", "jobs": [1, {"start": "2021-05-01", "end": "2021-01-01", "extra": 1}, {"end": ""}]},
    {"application_date": "1800-01-01", "jobs": [{"start": "2020-01-01"}], "employed": False, "unknown": 1},
    [],
]
TEXTS = ["{not json", "[" * 5000 + "]" * 5000, '{"n": ' + "9" * 5000 + "}", '{"choice": "a", "choice": "b"}']


def trace_cases() -> list[dict]:
    """Each evaluation the trace runs: the rules as JSON text, the answers as JSON text, the language."""
    rules = json.dumps(RULES)
    answers = [json.dumps(item) for item in ANSWERS] + TEXTS
    return [{"rules": rules, "answers": text, "language": language} for language in LANGUAGES for text in answers]
