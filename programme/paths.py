"""Where the project's files are: the data, its schema, and the project itself."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_PATH = PROJECT_ROOT / "data" / "programme.yaml"
SCHEMA_PATH = PROJECT_ROOT / "data" / "programme.schema.json"
