"""The HTTP headers the site needs from its host, said once: the test server sends them, the pages carry the
Content-Security-Policy as a <meta> tag for hosts that send none, and the build writes them as a `_headers` file."""

from __future__ import annotations

# Scripts only from the site itself (WebAssembly for the self-check's Pyodide); no inline scripts or styles. Inline
# speculation rules are allowed: JSON that only asks the browser to prefetch a page of this site, which a script of the
# site adds on the way to the self-check (assets/selfcheck/prefetch.js); they cannot run code.
CONTENT_SECURITY_POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval' 'inline-speculation-rules'"),
    ("worker-src", "'self'"),
    ("connect-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self'"),
    ("font-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
    ("frame-ancestors", "'none'"),
)
# Browsers ignore these in a <meta> policy (and Chromium logs an error for each), so only the header carries them.
_HEADER_ONLY = {"frame-ancestors", "report-uri", "sandbox"}

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# Files whose address changes when their content does (the Pyodide folder is named for its version, the engine's
# folder, with its wheel, lock file and standard library, for a hash of its content) may be kept for a year;
# everything else is checked with the server on each visit.
IMMUTABLE_PATHS = ("/assets/pyodide-*", "/assets/selfcheck-engine-*")
CACHE_FOREVER = "public, max-age=31536000, immutable"
CACHE_REVALIDATE = "no-cache"


# Only for `mkdocs serve`, never a built site: its preview server adds an inline script that reloads the page.
_PREVIEW_SCRIPTS = "'unsafe-inline'"


def content_security_policy(*, for_meta_tag: bool = False, preview: bool = False) -> str:
    """The policy as a header value, or as the content of a <meta http-equiv> tag; for the preview server, with its
    reload script allowed."""
    return "; ".join(f"{name} {value} {_PREVIEW_SCRIPTS}" if preview and name == "script-src" else f"{name} {value}"
                     for name, value in CONTENT_SECURITY_POLICY if not (for_meta_tag and name in _HEADER_ONLY))


def every_response_headers() -> dict[str, str]:
    """The headers every response carries."""
    return {"Content-Security-Policy": content_security_policy(), **SECURITY_HEADERS}


def headers_file() -> str:
    """A `_headers` file, the format Netlify and Cloudflare Pages read from the published folder."""
    # No Cache-Control for /*: both hosts revalidate by default, and a second rule for the same header would be
    # joined to the first rather than replace it.
    lines = ["/*", *(f"  {name}: {value}" for name, value in every_response_headers().items())]
    for path in IMMUTABLE_PATHS:
        lines += [path, f"  Cache-Control: {CACHE_FOREVER}"]
    return "\n".join(lines) + "\n"
