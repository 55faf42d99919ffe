"""The programme the tests run the machinery on: a frozen copy of the data as it was written for PROcruit C in December
2020, with its sources and golden cases (tests/fixtures/programme/). Tests pin its values freely; the real data
(data/programme.yaml) is tested only for what every valid edit keeps: it checks, it builds, its quotes are in its
sources and its golden cases pass."""

from __future__ import annotations

from pathlib import Path

FIXTURE_DIR = Path(__file__).parent / "fixtures" / "programme"
FIXTURE_DATA = FIXTURE_DIR / "programme.yaml"
FIXTURE_CASES = FIXTURE_DIR / "selfcheck-cases"
