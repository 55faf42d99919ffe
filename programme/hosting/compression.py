"""Compressed siblings of the site's files (`x.br`, `x.gz`), for hosts that serve them in place of `x`.

Brotli at its best setting takes about a minute for Pyodide's WebAssembly, so each compressed file is kept in a
cache named for the content it compresses: a build compresses only what it has not seen before.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import brotli
import zopfli.gzip

from programme.paths import write_atomically
from programme.runtime.bundle import CACHE_DIR

# What visitors download and what compresses: the site's scripts, styles and search index, WebAssembly, and the
# stored (uncompressed) standard library zip. Not the pages (.html) or sitemaps: hosts compress those on the fly
# (GitHub Pages, Netlify and Cloudflare all do), a page's siblings would add a third to every page of the site, and
# Brotli's best setting for every page of a large programme would take minutes of each build. Source maps are left
# out: only developer tools fetch them.
COMPRESSIBLE = (".css", ".js", ".mjs", ".json", ".svg", ".txt", ".wasm", ".zip", ".whl")
SMALLEST = 1024  # below this, the headers cost more than compression saves
WORTH_IT = 0.9   # a sibling is written only when it is at most this fraction of the file
# Each sibling's maker, as the cache names it: another setting or library version must not reuse old files.
MAKERS = {".br": f"brotli-{version('brotli')}-q11-w24", ".gz": f"zopfli-{version('zopfli')}-i1"}


@dataclass(frozen=True)
class Compressed:
    """One file and the sizes of what was written beside it (None: no sibling, compression did not pay)."""

    path: Path
    size: int
    br: int | None
    gz: int | None


def compress(data: bytes, suffix: str) -> bytes:
    """Brotli at quality 11 with the largest window browsers accept; gzip by Zopfli, one iteration (3-4% smaller
    than zlib at level 9; more iterations save little more and take minutes on the WebAssembly), no timestamp."""
    if suffix == ".br":
        return brotli.compress(data, quality=11, lgwin=24)
    return zopfli.gzip.compress(data, numiterations=1)


def compressible_files(site_dir: Path) -> list[Path]:
    return sorted(path for path in site_dir.rglob("*")
                  if path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size >= SMALLEST)


def write_compressed_siblings(site_dir: Path, cache_dir: Path = CACHE_DIR) -> list[Compressed]:
    """Write `.br` and `.gz` beside each compressible file of the built site where they save enough."""
    cache = cache_dir / "compressed"
    files = compressible_files(site_dir)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        digests = dict(zip(files, pool.map(lambda path: hashlib.sha256(path.read_bytes()).hexdigest(), files)))
        cached = {(path, suffix): cache / maker / digests[path][:2] / f"{digests[path]}{suffix}"
                  for path in files for suffix, maker in MAKERS.items()}
        missing = sorted((job for job, target in cached.items() if not target.is_file()),
                         key=lambda job: -job[0].stat().st_size)  # the longest first, so that the threads end together
        list(pool.map(lambda job: write_atomically(cached[job], compress(job[0].read_bytes(), job[1])), missing))
    written = []
    for path in files:
        size = path.stat().st_size
        kept: dict[str, int | None] = {}
        for suffix in MAKERS:
            compressed_size = cached[path, suffix].stat().st_size
            kept[suffix] = compressed_size if compressed_size <= WORTH_IT * size else None
            if kept[suffix] is not None:
                _place(cached[path, suffix], path.with_name(path.name + suffix))
        written.append(Compressed(path, size, kept[".br"], kept[".gz"]))
    return written


def _place(cached: Path, sibling: Path) -> None:
    """A hard link to the cached file where the file system allows (no copying megabytes each build), else a copy."""
    sibling.unlink(missing_ok=True)
    try:
        os.link(cached, sibling)
    except OSError:
        shutil.copyfile(cached, sibling)


