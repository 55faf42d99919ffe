"""Where the site lives: one function of the environment, and page addresses from language and path."""

from __future__ import annotations

import pytest

from programme.site.metadata import page_metadata
from programme.words.languages import edition, editions

EN, ZH = editions(("en", "zh-Hant"), "HK").values()
from programme.hosting.location import LocationError, SiteLocation, site_location

GITHUB = {"SITE_PUBLISH": "true", "GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "Acme-Org/procruit-c"}


def test_a_local_build_knows_no_address_and_no_repository():
    location = site_location({"SITE_URL": "https://example.org/", "SITE_REPO_URL": "https://example.org/repo/"})
    assert location == SiteLocation()
    assert not location.publish and location.edit_uri is None
    assert location.page_url(EN, "timeline/") is None


def test_on_github_actions_a_publish_build_takes_the_repository_and_its_pages_address():
    location = site_location(GITHUB)
    assert location.site_url == "https://acme-org.github.io/procruit-c/"
    assert location.repo_url == "https://github.com/Acme-Org/procruit-c/"
    assert location.edit_uri == "edit/main/docs/"


def test_a_repository_named_for_its_owners_pages_host_is_published_at_the_root():
    location = site_location({**GITHUB, "GITHUB_REPOSITORY": "acme-org/acme-org.github.io"})
    assert location.site_url == "https://acme-org.github.io/"


def test_the_environment_overrides_github_and_gains_a_final_slash():
    location = site_location({**GITHUB, "SITE_URL": "https://programme.example.org/site",
                              "SITE_REPO_URL": "https://git.example.org/staff/site"})
    assert location.site_url == "https://programme.example.org/site/"
    assert location.repo_url == "https://git.example.org/staff/site/"


def test_a_publish_build_that_cannot_know_where_the_site_lives_says_what_to_set():
    with pytest.raises(LocationError) as raised:
        site_location({"SITE_PUBLISH": "true", "SITE_URL": "https://example.org/"})
    assert str(raised.value).startswith("a publish build (SITE_PUBLISH=true) needs to know where the site lives: "
                                        "set SITE_REPO_URL (for example")


@pytest.mark.parametrize("address", ["example.org/site/", "ftp://example.org/", "https://example.org/?x=1",
                                     'https://example.org/"><script>', "https://example.org/a b/"])
def test_an_address_that_is_not_an_absolute_web_address_is_refused(address):
    with pytest.raises(LocationError, match=r"^SITE_URL: expected an absolute http\(s\) address"):
        site_location({**GITHUB, "SITE_URL": address})


def test_english_lives_at_the_root_and_another_edition_in_its_own_folder():
    location = SiteLocation("https://example.org/procruit-c/", "https://git.example.org/r/")
    assert location.page_url(EN, "roles/trainee-designer/") == "https://example.org/procruit-c/roles/trainee-designer/"
    assert location.page_url(ZH, "roles/trainee-designer/") == \
        "https://example.org/procruit-c/zh-hant/roles/trainee-designer/"
    assert location.page_url(ZH, "") == "https://example.org/procruit-c/zh-hant/"


def test_alternates_name_the_same_page_in_every_edition_once_there_is_more_than_one():
    location = SiteLocation("https://example.org/", "https://git.example.org/r/")
    two = page_metadata(location, (EN, ZH), edition=ZH, path="timeline/", site_name="S",
                        title="T", description="D")
    assert two.url == "https://example.org/zh-hant/timeline/"
    assert two.alternates == (("en-HK", "https://example.org/timeline/"), ("zh-Hant-HK", "https://example.org/zh-hant/timeline/"),
                              ("x-default", "https://example.org/timeline/"))
    one = page_metadata(location, (EN,), edition=EN, path="timeline/", site_name="S", title="T", description="D")
    assert one.alternates == ()


@pytest.mark.parametrize(("language", "territory", "locale"), [("en", "HK", "en_HK"), ("zh-Hant", "HK", "zh_HK"),
                                                               ("en", "GB", "en_GB"), ("en", None, "en")])
def test_open_graph_locale_names_the_readers_territory(language, territory, locale):
    assert edition(language, territory=territory).og_locale == locale
