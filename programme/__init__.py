"""The PROcruit C programme data: one loader, one schema, and what the site and self-check build from it."""

from .errors import DataError, ProgrammeDataError
from .loader import DATA_PATH, load_programme, read_checked_data
from .model import Programme
from .rules import selfcheck_rules

__all__ = ["DATA_PATH", "DataError", "Programme", "ProgrammeDataError", "load_programme", "read_checked_data", "selfcheck_rules"]
