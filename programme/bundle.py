"""The self-check engine as a zip for the browser: pyodide.unpackArchive(buffer, "zip") makes `import selfcheck` work."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

ENGINE_DIR = Path(__file__).resolve().parent.parent / "selfcheck"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold
_FILE_MODE = 0o100644  # a regular file, rw-r--r--


def build_selfcheck_archive() -> bytes:
    """selfcheck/*.py but the command line (__main__.py), byte for byte the same for the same sources.

    Entries are sorted, timestamped 1980-01-01 and stored uncompressed: deflate output may change
    with the zlib build, which would change the published sha256; the web server compresses anyway.
    """
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for source in sorted(ENGINE_DIR.glob("*.py")):
            if source.name == "__main__.py":
                continue
            entry = zipfile.ZipInfo(f"selfcheck/{source.name}", date_time=_FIXED_TIME)
            entry.create_system = 3  # Unix, so that external_attr holds the mode
            entry.external_attr = _FILE_MODE << 16
            archive.writestr(entry, source.read_bytes())
    return buffer.getvalue()
