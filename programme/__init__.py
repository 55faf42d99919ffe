"""The PROcruit C programme data: one loader, one schema, and what the site and self-check build from it."""

from programme.data.errors import DataError, ProgrammeDataError
from programme.data.loader import DATA_PATH, load_programme, read_checked_data
from programme.data.model import Programme
from programme.data.rules import selfcheck_rules

__all__ = ["DATA_PATH", "DataError", "Programme", "ProgrammeDataError", "load_programme", "read_checked_data", "selfcheck_rules"]
