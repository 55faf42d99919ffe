"""Compressed siblings: written where they pay, identical to what they compress, and made once per content."""

from __future__ import annotations

import gzip
import os

import brotli
import pytest

from programme.hosting import compression
from programme.hosting.compression import write_compressed_siblings

TEXT = ("<p>The programme's criteria, in words.</p>\n" * 200).encode()


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_bytes(TEXT)
    (site / "assets" / "runtime.wasm").write_bytes(TEXT * 3)
    (site / "small.css").write_bytes(b"p { margin: 0 }\n")
    (site / "bundle.js.map").write_bytes(TEXT)
    (site / "logo.png").write_bytes(TEXT)
    (site / "random.json").write_bytes(os.urandom(4096))
    return site


def siblings(site) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.suffix in (".br", ".gz"))


def test_files_that_compress_get_br_and_gz_siblings_holding_the_same_bytes(site, tmp_path):
    write_compressed_siblings(site, tmp_path / "cache")

    assert siblings(site) == ["assets/runtime.wasm.br", "assets/runtime.wasm.gz"]
    for name in ("assets/runtime.wasm",):
        original = (site / name).read_bytes()
        assert brotli.decompress((site / f"{name}.br").read_bytes()) == original
        assert gzip.decompress((site / f"{name}.gz").read_bytes()) == original


def test_pages_small_files_maps_images_and_what_does_not_shrink_get_none(site, tmp_path):
    written = {item.path.name: item for item in write_compressed_siblings(site, tmp_path / "cache")}
    assert "index.html" not in written, "hosts compress pages on the fly"
    assert "small.css" not in written and "bundle.js.map" not in written and "logo.png" not in written
    assert written["random.json"].br is None and written["random.json"].gz is None


def test_compressing_is_reproducible():
    for suffix in (".br", ".gz"):
        assert compression.compress(TEXT, suffix) == compression.compress(TEXT, suffix), suffix


def test_the_same_content_is_compressed_once_and_gives_the_same_bytes(site, tmp_path, monkeypatch):
    write_compressed_siblings(site, tmp_path / "cache")
    first = {name: (site / name).read_bytes() for name in siblings(site)}
    for name in first:
        (site / name).unlink()
    monkeypatch.setattr(compression, "compress", lambda data, suffix: pytest.fail("compressed again"))

    write_compressed_siblings(site, tmp_path / "cache")
    assert {name: (site / name).read_bytes() for name in siblings(site)} == first


def test_the_built_sites_runtime_and_search_index_have_siblings_and_its_pages_none(built_site):
    site = built_site.site_dir
    assert not list(site.rglob("*.html.br")) and not list(site.rglob("*.html.gz"))
    for path in [*site.glob("assets/pyodide-*/pyodide.asm.wasm"), *site.glob("assets/selfcheck-engine-*/*.zip"),
                 site / "search" / "search_index.json", site / "zh-hant" / "search" / "search_index.json"]:
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == path.read_bytes(), path
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == path.read_bytes(), path
