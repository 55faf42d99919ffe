"""Where the project's files are: the data, its schema, and the project itself."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_PATH = PROJECT_ROOT / "data" / "programme.yaml"
SCHEMA_PATH = PROJECT_ROOT / "data" / "programme.schema.json"


def data_path_from_environment() -> Path:
    """The data file staff are working on: PROGRAMME_DATA if set, else data/programme.yaml."""
    return Path(os.environ.get("PROGRAMME_DATA") or DATA_PATH)
