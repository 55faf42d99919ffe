"""A programme's website, generated from its data file: one loader, one schema, and what the site and the self-check
build from it."""

from programme.data.errors import DataError, ProgrammeDataError
from programme.data.loader import check, load_programme
from programme.data.model import Programme
from programme.data.rules import selfcheck_rules
from programme.paths import DATA_PATH

__all__ = ["DATA_PATH", "DataError", "Programme", "ProgrammeDataError", "check", "load_programme", "selfcheck_rules"]
