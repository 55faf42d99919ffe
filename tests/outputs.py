"""Everything the build makes from the data, made in memory by the code the build uses, without MkDocs: what the
fuzzer and the injection test ask of every accepted edit."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date, datetime, timezone

import icalendar

from programme.runtime.assets import bundle_files, pyodide_runtime
from programme.runtime.bundle import runtime_bundle
from programme.site.build import selfcheck_context
from programme.site.calendar import calendar_file, cohort_calendars
from programme.site.escaping import script_json
from programme.site.opendata import open_data_files
from programme.site.pages import plan_pages
from programme.site.render import PageRenderer

def build_outputs(programme, data) -> None:
    """Make, in memory, everything the build makes from the data, each by the code the build uses: every page and its
    JSON-LD, every calendar (read back), the open data, and the sitemap's compressed copy dated by the review day.
    An accepted edit must get through all of them (the check refuses what the build cannot make)."""
    bundle = runtime_bundle()
    runtime = (*pyodide_runtime()[1], *bundle_files(bundle))
    calendars = cohort_calendars(programme)
    for language in programme.languages:
        selfcheck = selfcheck_context(programme, language, runtime, bundle)
        renderer = PageRenderer(programme, date.today(), programme.editions[language],
                                {"selfcheck": selfcheck, "calendars": calendars})
        for spec in plan_pages(programme):
            assert renderer.render(spec, href=lambda uri: uri)
            if spec.kind.graph:
                graph = spec.kind.graph(programme, language, site_url="https://example.org/", page_url="https://example.org/p/",
                                        description=renderer.description(spec), today=date.today(), **spec.context)
                if graph:
                    json.loads(str(script_json(graph)))
        for calendar in calendars.values():
            if calendar.events:
                ics = icalendar.Calendar.from_ical(calendar_file(programme, calendar, language, "https://example.org/t/"))
                assert len(ics.walk("VEVENT")) == len(calendar.events)
    json.loads(open_data_files(data)["programme.json"])
    # MkDocs dates sitemap.xml.gz by the newest page's update date, which is the review day (32 bits from 1970).
    reviewed = datetime.fromisoformat(programme.reviewed.iso).replace(tzinfo=timezone.utc)
    with gzip.GzipFile(fileobj=io.BytesIO(), mode="wb", mtime=int(reviewed.timestamp())) as sitemap:
        sitemap.write(b"<urlset/>")
