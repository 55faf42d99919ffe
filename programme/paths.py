"""Where the project's files are: the data, its schema, and the project itself."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_PATH = PROJECT_ROOT / "data" / "programme.yaml"
SCHEMA_PATH = PROJECT_ROOT / "data" / "programme.schema.json"


def data_path_from_environment() -> Path:
    """The data file staff are working on: PROGRAMME_DATA if set, else data/programme.yaml."""
    return Path(os.environ.get("PROGRAMME_DATA") or DATA_PATH)


def write_atomically(path: Path, content: bytes) -> None:
    """Write `content` to `path` through a temporary file of its own beside it, then rename it into place: a reader,
    or another build writing the same file at the same moment (two test workers, say), finds the whole old file or
    the whole new one, never part of either, and never a temporary file another process has already moved."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
