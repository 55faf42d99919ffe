"""Compressed siblings of the site's files (`x.br`, `x.gz`), for hosts that serve them in place of `x`.

Brotli at its best setting takes about a minute for Pyodide's WebAssembly, so each compressed file is kept in a
cache named for the content it compresses: a build compresses only what it has not seen before.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

from .bundle import CACHE_DIR

# What visitors download and what compresses: text, WebAssembly, and the stored (uncompressed) standard library zip.
# Source maps are left out: only developer tools fetch them.
COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".wasm", ".zip", ".whl")
SMALLEST = 1024  # below this, the headers cost more than compression saves
WORTH_IT = 0.9   # a sibling is written only when it is at most this fraction of the file
ENCODINGS = {".br": "br", ".gz": "gzip"}


@dataclass(frozen=True)
class Compressed:
    """One file and the sizes of what was written beside it (None: no sibling, compression did not pay)."""

    path: Path
    size: int
    br: int | None
    gz: int | None


def compress(data: bytes, suffix: str) -> bytes:
    """Brotli at quality 11 with the largest window browsers accept; gzip at level 9 with no timestamp."""
    if suffix == ".br":
        return brotli.compress(data, quality=11, lgwin=24)
    return gzip.compress(data, compresslevel=9, mtime=0)


def compressible_files(site_dir: Path) -> list[Path]:
    return sorted(path for path in site_dir.rglob("*")
                  if path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size >= SMALLEST)


def write_compressed_siblings(site_dir: Path, cache_dir: Path = CACHE_DIR) -> list[Compressed]:
    """Write `.br` and `.gz` beside each compressible file of the built site where they save enough."""
    files = compressible_files(site_dir)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(lambda path: _write_siblings(path, cache_dir / "compressed"), files))


def _write_siblings(path: Path, cache: Path) -> Compressed:
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    sizes: dict[str, int | None] = {}
    for suffix in ENCODINGS:
        cached = cache / digest[:2] / f"{digest}{suffix}"
        if not cached.is_file():
            _write_atomically(cached, compress(data, suffix))
        size = cached.stat().st_size
        if size <= WORTH_IT * len(data):
            shutil.copyfile(cached, path.with_name(path.name + suffix))
            sizes[suffix] = size
        else:
            sizes[suffix] = None
    return Compressed(path, len(data), sizes[".br"], sizes[".gz"])


def _write_atomically(path: Path, content: bytes) -> None:
    """Write, then rename: another build reading the cache meanwhile sees the whole file or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=path.name, suffix=".partial", dir=path.parent)
    with os.fdopen(handle, "wb") as file:
        file.write(content)
    os.replace(partial, path)


def total_sizes(compressed: Iterable[Compressed]) -> tuple[int, int, int]:
    """Raw, brotli and gzip bytes over these files, counting the file itself where it has no sibling."""
    items = list(compressed)
    return (sum(item.size for item in items), sum(item.br or item.size for item in items),
            sum(item.gz or item.size for item in items))
