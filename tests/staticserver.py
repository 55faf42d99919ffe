"""Serve a built site on 127.0.0.1 the way production should: right types, strict CSP, long caching of versioned files,
the site's 404 page for a missing address, and optionally under a sub-path.

Used by the browser tests and the benchmarks. The headers here are the ones README.md asks the host to send.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

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
# Files whose address changes when their content does: the Pyodide folder is named for its version,
# the engine archive for its checksum.
VERSIONED = re.compile(r"^/assets/(pyodide-[^/]+/|selfcheck/selfcheck-[0-9a-f]+\.zip$)")


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
        ".json": "application/json", ".zip": "application/zip",
    }

    prefix = "/"

    def translate_path(self, path: str) -> str:
        """Files live under the prefix; any other address is missing."""
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "outside-the-prefix" / "missing")
        return super().translate_path("/" + path.removeprefix(self.prefix))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing address gets the site's own 404 page, as static hosts serve it."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        path = "/" + urlsplit(self.path).path.removeprefix(self.prefix)
        cache = "public, max-age=31536000, immutable" if VERSIONED.match(path) else "no-cache"
        self.send_header("Cache-Control", cache)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(site_dir: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `site_dir` at `prefix` until the block ends; yields the site's URL, like `http://127.0.0.1:54321/`."""
    handler = functools.partial(type("Handler", (_Handler,), {"prefix": prefix}), directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
