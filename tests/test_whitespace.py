"""Dropping the theme's indentation changes no text a visitor reads, and nothing kept as written."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from programme.site.whitespace import drop_indentation

CASES = [
    ("<p>\n    Apply\n    <a href='x'>now</a>\n</p>", "<p>\nApply\n<a href='x'>now</a>\n</p>"),
    ("<pre>\n    code\n      indented\n</pre>\n   <p>x</p>", "<pre>\n    code\n      indented\n</pre>\n<p>x</p>"),
    ("<textarea>\n  a\n</textarea>", "<textarea>\n  a\n</textarea>"),
    ("<script type='application/json'>\n  {\"a\": 1}\n</script>\n  <p>", "<script type='application/json'>\n  {\"a\": 1}\n</script>\n<p>"),
    ("<PRE class=x>\n  a</PRE >\n\n\n  b", "<PRE class=x>\n  a</PRE >\nb"),
    ("no line breaks   at all", "no line breaks   at all"),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_indentation_goes_and_what_is_kept_as_written_stays(html, expected):
    assert drop_indentation(html) == expected


@pytest.mark.parametrize(("html", "_"), CASES)
def test_the_text_a_visitor_reads_is_the_same(html, _):
    def text(markup: str) -> str:
        return " ".join(BeautifulSoup(markup, "html.parser").get_text(" ").split())

    assert text(drop_indentation(html)) == text(html)
    assert drop_indentation(drop_indentation(html)) == drop_indentation(html)


def test_built_pages_keep_no_indentation(built_site):
    html = (built_site.site_dir / "index.html").read_text(encoding="utf-8")
    assert "\n  <" not in html.split("<pre")[0]
