"""Drop the indentation the theme's templates leave in every page: about half of each page's bytes.

HTML reads any run of spaces and line breaks between words or tags as one space, so taking the spaces after a
line break changes nothing a visitor sees, except where whitespace is kept as written: inside <pre> and
<textarea>. Those, and scripts, are left exactly as they are. (A full HTML minifier would take more, but also
rewrite markup that tests and the HTML checker read; this takes only what cannot matter.)
"""

from __future__ import annotations

import re

_KEPT_AS_WRITTEN = re.compile(r"<(pre|textarea|script)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_INDENTATION = re.compile(r"\n\s+")


def drop_indentation(html: str) -> str:
    """`html` with every line break's following whitespace reduced to the line break itself."""
    kept, start = [], 0
    for match in _KEPT_AS_WRITTEN.finditer(html):
        kept += [_INDENTATION.sub("\n", html[start: match.start()]), match.group()]
        start = match.end()
    kept.append(_INDENTATION.sub("\n", html[start:]))
    return "".join(kept)
