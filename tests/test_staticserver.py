"""The test server sends a file's precompressed sibling to browsers that accept it, labelled, and caches versioned
files for good: what README.md asks of the host."""

from __future__ import annotations

import urllib.request
from email.message import Message

import pytest
from staticserver import serve


@pytest.fixture
def site(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_bytes(b"<p>plain</p>")
    (tmp_path / "page" / "index.html.br").write_bytes(b"brotli bytes")
    (tmp_path / "page" / "index.html.gz").write_bytes(b"gzip bytes")
    (tmp_path / "assets" / "pyodide-1.0").mkdir(parents=True)
    (tmp_path / "assets" / "pyodide-1.0" / "pyodide.asm.wasm").write_bytes(b"\0asm")
    (tmp_path / "assets" / "pyodide-1.0" / "pyodide.asm.wasm.gz").write_bytes(b"gzip wasm")
    return tmp_path


def get(url: str, accept_encoding: str) -> tuple[bytes, Message]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept_encoding})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.read(), response.headers


@pytest.mark.parametrize(("accepted", "body", "encoding"), [
    ("gzip, deflate, br, zstd", b"brotli bytes", "br"),
    ("gzip", b"gzip bytes", "gzip"),
    ("", b"<p>plain</p>", None),
])
def test_a_page_is_sent_in_the_best_encoding_the_browser_accepts(site, accepted, body, encoding):
    with serve(site) as base:
        sent, headers = get(base + "page/", accepted)
    assert sent == body
    assert headers.get("Content-Encoding") == encoding
    assert headers["Content-Type"] == "text/html"
    assert headers["Vary"] == "Accept-Encoding"
    assert headers["Cache-Control"] == "no-cache"


def test_webassembly_keeps_its_type_when_compressed_and_versioned_files_are_cached_for_good(site):
    with serve(site) as base:
        sent, headers = get(base + "assets/pyodide-1.0/pyodide.asm.wasm", "br, gzip")
    assert (sent, headers["Content-Encoding"]) == (b"gzip wasm", "gzip")
    assert headers["Content-Type"] == "application/wasm"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
