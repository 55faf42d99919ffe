"""Serve a built site on 127.0.0.1 the way production should: right types, strict CSP, long caching of versioned files,
the build's precompressed `.br` / `.gz` siblings to browsers that accept them, the site's 404 page for a missing
address, and optionally under a sub-path; optionally keeping a log of what it sent, and sending it through an emulated
link (a shared bandwidth and a latency per request) that every request shares, a worker's, a prefetch's or a
prerendered page's alike.

Used by the browser tests and the benchmarks. The headers come from programme/hosting/headers.py, as README.md asks the host.
The site can be served under a sub-path, as GitHub Pages serves a project site at `/REPO/`; outside it is 404.
"""

from __future__ import annotations

import functools
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from programme.hosting.headers import CACHE_FOREVER, CACHE_REVALIDATE, IMMUTABLE_PATHS, every_response_headers

# Files whose address changes when their content does, as programme.headers.IMMUTABLE_PATHS lists them.
VERSIONED = re.compile("^(" + "|".join(re.escape(path).replace(r"\*", "[^/]*") for path in IMMUTABLE_PATHS) + ")")
# Precompressed siblings, in order of preference.
SIBLINGS = (("br", ".br"), ("gzip", ".gz"))
CHUNK = 16 * 1024
CATCH_UP_S = 0.02


@dataclass(frozen=True)
class Sent:
    """One response, as the server's log keeps it: the site path asked for, the status, the body's bytes as sent (a
    compressed sibling's), the request's Sec-Purpose header (`prefetch`, `prefetch;prerender`) and when the body's
    first and last bytes left (time.monotonic())."""

    path: str
    status: int
    body_bytes: int
    purpose: str | None
    started: float
    finished: float


@dataclass
class Link:
    """The network between the browser and the server, emulated by the server: each response starts `latency_ms`
    after its request, and every response's body shares `mbps`, in turns of 16 KiB."""

    mbps: float
    latency_ms: float
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _free_at: float = field(default=0.0, repr=False)

    def wait_latency(self) -> None:
        time.sleep(self.latency_ms / 1000)

    def send(self, data: bytes, write) -> None:
        """Write `data` no faster than the link carries it, sharing it with every other response under way."""
        for start in range(0, len(data), CHUNK):
            chunk = data[start:start + CHUNK]
            with self._lock:
                # A sender that woke late catches up; a link idle for longer than that gives no credit.
                self._free_at = max(self._free_at, time.monotonic() - CATCH_UP_S) + len(chunk) * 8 / (self.mbps * 1e6)
                due = self._free_at
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            write(chunk)


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
        ".json": "application/json", ".zip": "application/zip",
    }
    prefix = "/"  # the site's path on the server; always ends in "/"
    security_headers = True
    content_encoding: str | None = None
    log: list[Sent] | None = None
    link: Link | None = None
    status = 0

    def site_path(self, path: str) -> str | None:
        """A request's path from the site's root (`/assets/...`), or None for a path outside the site."""
        path = urlsplit(path).path
        return "/" + path[len(self.prefix):] if path.startswith(self.prefix) else None

    def translate_path(self, path: str) -> str:
        """The file to send, for a path under the prefix (any other address is missing): its best sibling the
        browser accepts, if the build wrote one."""
        self.content_encoding = None
        site_path = self.site_path(path)
        if site_path is None:
            return str(Path(self.directory) / "outside-the-prefix" / "missing")
        real = super().translate_path(site_path)
        if os.path.isdir(real) and site_path.endswith("/"):
            real = os.path.join(real, "index.html")
        accepted = {part.split(";")[0].strip() for part in self.headers.get("Accept-Encoding", "").split(",")}
        for encoding, suffix in SIBLINGS:
            if os.path.isfile(real) and encoding in accepted and os.path.isfile(real + suffix):
                self.content_encoding = encoding
                return real + suffix
        return real if os.path.isfile(real) else super().translate_path(site_path)

    def do_GET(self) -> None:
        if self.link:
            self.link.wait_latency()
        self.status = 0
        super().do_GET()

    def send_response(self, code: int, message: str | None = None) -> None:
        self.status = code
        super().send_response(code, message)

    def copyfile(self, source, outputfile) -> None:
        """Send the body, through the link if there is one, and log it."""
        started = time.monotonic()
        data = source.read()
        if self.link:
            self.link.send(data, outputfile.write)
        else:
            outputfile.write(data)
        if self.log is not None:
            self.log.append(Sent(self.site_path(self.path) or self.path, self.status, len(data),
                                 self.headers.get("Sec-Purpose"), started, time.monotonic()))

    def guess_type(self, path: str) -> str:
        """A sibling's type is its original's: the encoding is said by Content-Encoding."""
        for encoding, suffix in SIBLINGS:
            if self.content_encoding == encoding:
                path = path.removesuffix(suffix)
        return super().guess_type(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing address gets the site's own 404 page, as static hosts serve it."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.content_encoding = None
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        if self.content_encoding:
            self.send_header("Content-Encoding", self.content_encoding)
        self.send_header("Vary", "Accept-Encoding")
        for name, value in every_response_headers().items() if self.security_headers else ():
            self.send_header(name, value)
        cache = CACHE_FOREVER if VERSIONED.match(self.site_path(self.path) or "") else CACHE_REVALIDATE
        self.send_header("Cache-Control", cache)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(site_dir: Path, prefix: str = "/", *, security_headers: bool = True, log: list[Sent] | None = None,
          link: Link | None = None) -> Iterator[str]:
    """Serve `site_dir` at `prefix` until the block ends; yields the base URL, like `http://127.0.0.1:54321/`
    (or `http://127.0.0.1:54321/procruit-c/` for the prefix `/procruit-c/`).

    Without `security_headers`, it is a host that sends none: the pages' own <meta> policy must hold alone. Each
    response with a body is appended to `log`, if given, once sent; `link` slows every response as that link would.
    """
    settings = {"prefix": "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/",
                "security_headers": security_headers, "log": log, "link": link}
    handler = functools.partial(type("_Handler", (_Handler,), settings), directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{settings['prefix']}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    # Preview a built site (a pull request's "site-preview" artifact, say): .venv/bin/python tests/staticserver.py FOLDER
    import argparse
    import time

    parser = argparse.ArgumentParser(description="Serve a built site with the headers production sends.")
    parser.add_argument("folder", type=Path, help="the built site: site/ or an unzipped preview")
    parser.add_argument("--prefix", default="/", help="the sub-path to serve it at (default: /)")
    arguments = parser.parse_args()
    with serve(arguments.folder, arguments.prefix) as address:
        print(f"Serving {arguments.folder} at {address} (Ctrl+C stops)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
