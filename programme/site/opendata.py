"""The checked programme data as open data: `programme.json`, with the JSON Schema it validates against beside it."""

from __future__ import annotations

import json

from programme.data.loader import SCHEMA_PATH

DATA_FILE = "programme.json"
SCHEMA_FILE = "programme.schema.json"


def open_data_files(data: object) -> dict[str, bytes]:
    """The published files by name: the data exactly as checked (keys in the file's order) and its schema."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return {DATA_FILE: text.encode("utf-8"), SCHEMA_FILE: SCHEMA_PATH.read_bytes()}
