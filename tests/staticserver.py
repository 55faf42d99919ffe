"""Serve a built site on 127.0.0.1 the way production should: right types, strict CSP, long caching of versioned
files, and the build's precompressed `.br` / `.gz` siblings to browsers that accept them.

Used by the browser tests and the benchmarks. The headers here are the ones README.md asks the host to send.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "frame-ancestors 'none'",
])
# Files whose address changes when their content does: the Pyodide folder is named for its version, the engine's
# folder (wheel, lock file, standard library) for a hash of its content.
VERSIONED = re.compile(r"^/assets/(pyodide-[^/]+|selfcheck-engine-[0-9a-f]+)/")
# Precompressed siblings, in order of preference.
SIBLINGS = (("br", ".br"), ("gzip", ".gz"))


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
        ".json": "application/json", ".zip": "application/zip",
    }
    content_encoding: str | None = None

    def translate_path(self, path: str) -> str:
        """The file to send: its best sibling the browser accepts, if the build wrote one."""
        self.content_encoding = None
        real = super().translate_path(path)
        if os.path.isdir(real) and path.split("?", 1)[0].endswith("/"):
            real = os.path.join(real, "index.html")
        accepted = {part.split(";")[0].strip() for part in self.headers.get("Accept-Encoding", "").split(",")}
        for encoding, suffix in SIBLINGS:
            if os.path.isfile(real) and encoding in accepted and os.path.isfile(real + suffix):
                self.content_encoding = encoding
                return real + suffix
        return real if os.path.isfile(real) else super().translate_path(path)

    def guess_type(self, path: str) -> str:
        """A sibling's type is its original's: the encoding is said by Content-Encoding."""
        for encoding, suffix in SIBLINGS:
            if self.content_encoding == encoding:
                path = path.removesuffix(suffix)
        return super().guess_type(path)

    def end_headers(self) -> None:
        if self.content_encoding:
            self.send_header("Content-Encoding", self.content_encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        cache = "public, max-age=31536000, immutable" if VERSIONED.match(self.path) else "no-cache"
        self.send_header("Cache-Control", cache)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir` until the block ends; yields the base URL, like `http://127.0.0.1:54321/`."""
    handler = functools.partial(_Handler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
