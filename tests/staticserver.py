"""Serve a built site on 127.0.0.1 the way production should: right types, strict CSP, long caching of versioned files.

Used by the browser tests and the benchmarks. The headers come from programme/headers.py, as README.md asks the host.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from programme.headers import CACHE_FOREVER, CACHE_REVALIDATE, IMMUTABLE_PATHS, every_response_headers

# Files whose address changes when their content does, as programme.headers.IMMUTABLE_PATHS lists them.
VERSIONED = re.compile("^(" + "|".join(re.escape(path).replace(r"\*", "[^/]*") for path in IMMUTABLE_PATHS) + ")")


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
        ".json": "application/json", ".zip": "application/zip",
    }

    security_headers = True

    def end_headers(self) -> None:
        for name, value in every_response_headers().items() if self.security_headers else ():
            self.send_header(name, value)
        cache = CACHE_FOREVER if VERSIONED.match(self.path) else CACHE_REVALIDATE
        self.send_header("Cache-Control", cache)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(site_dir: Path, *, security_headers: bool = True) -> Iterator[str]:
    """Serve `site_dir` until the block ends; yields the base URL, like `http://127.0.0.1:54321/`.

    Without `security_headers`, it is a host that sends none: the pages' own <meta> policy must hold alone.
    """
    handler_class = type("Handler", (_Handler,), {"security_headers": security_headers})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
