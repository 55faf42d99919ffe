"""Compiled templates are kept for the life of the process (each edition and each rebuild of `mkdocs serve` makes new
Jinja environments), and an edited template is compiled afresh."""

from __future__ import annotations

import datetime
import os

import jinja2

from programme.site.render import _CompiledTemplates
from fixture_data import FIXTURE_DATA

COMPILE = jinja2.Environment.compile


def environment(folder, cache) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=cache, auto_reload=False)


def test_a_new_environment_reuses_the_compiled_template_and_an_edit_is_compiled_again(tmp_path, monkeypatch):
    cache = _CompiledTemplates()
    template = tmp_path / "page.html"
    template.write_text("first {{ word }}", encoding="utf-8")
    assert environment(tmp_path, cache).get_template("page.html").render(word="x") == "first x"

    compiled = []
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *args, **kwargs: compiled.append(args) or COMPILE(self, *args, **kwargs))
    assert environment(tmp_path, cache).get_template("page.html").render(word="y") == "first y"
    assert compiled == []  # the second environment compiled nothing

    template.write_text("second {{ word }}", encoding="utf-8")
    os.utime(template, (1, 1))  # the edit is noticed by its content, whatever the file's time says
    assert environment(tmp_path, cache).get_template("page.html").render(word="z") == "second z"
    assert len(compiled) == 1



def test_each_build_renders_with_the_catalog_as_it_is_then(monkeypatch):
    """`mkdocs serve` rebuilds when a .po file changes: the next build's pages have the new words."""
    from gettext import NullTranslations

    from programme import load_programme
    from programme.site import render
    from programme.site.pages import plan_pages

    class Edited(NullTranslations):  # the catalog after a translator's edit: every message changed
        def gettext(self, message):
            return "〔新〕" + message

    programme = load_programme(FIXTURE_DATA)
    spec = next(spec for spec in plan_pages(programme) if spec.src_uri == "contact.md")
    context = {"selfcheck": {}, "calendars": {}}
    before = render.PageRenderer(programme, datetime.date(2026, 11, 26), programme.editions["zh-Hant"], context)
    monkeypatch.setattr(render, "site_translations", lambda language: Edited())
    after = render.PageRenderer(programme, datetime.date(2026, 11, 26), programme.editions["zh-Hant"], context)
    assert "〔新〕" not in before.description(spec)
    assert "〔新〕" in after.description(spec)
