"""Each page's address is worked out once per process (home.page_urls): a second link
to a page asks Django's URL resolver nothing, and the address is still the one Wagtail
gives in every case that changes it: another language, a page moved or renamed, a site
with another address, another URL prefix."""

from unittest import mock

from django.urls import set_script_prefix
from django.utils import translation

from wagtail.models import Site
from wagtail.models import pages as wagtail_pages

import pytest

from home import page_urls
from tests.home.factories import StandardPageFactory
from tests.home.translations import japanese


@pytest.fixture(autouse=True)
def nothing_remembered():
    page_urls.forget()


@pytest.fixture
def section(home_page):
    return StandardPageFactory(parent=home_page, title="How we work", slug="how-we-work")


def reversals(read):
    """How many times Django reversed a page's address while ``read`` ran."""
    with mock.patch.object(wagtail_pages, "reverse", wraps=wagtail_pages.reverse) as reverse:
        value = read()
    return value, reverse.call_count


def fresh(page):
    """The page as a template gets it: a new instance, nothing cached on it."""
    return type(page).objects.get(pk=page.pk)


def test_a_page_linked_again_is_not_reversed_again(section):
    first, first_reversals = reversals(lambda: fresh(section).url)
    again, later_reversals = reversals(lambda: [fresh(section).url for _ in range(5)])

    assert first == "/how-we-work/"
    assert first_reversals == 1
    assert again == ["/how-we-work/"] * 5
    assert later_reversals == 0


def test_a_full_address_shares_the_remembered_path(section):
    assert fresh(section).url == "/how-we-work/"

    full_url, count = reversals(lambda: fresh(section).full_url)

    assert full_url == "http://localhost/how-we-work/"
    assert count == 0


def test_each_language_has_its_own_address(home_page, section):
    japanese(home_page)
    translation_page = japanese(section)

    assert fresh(translation_page).url == "/ja/how-we-work/"
    with translation.override("ja"):
        assert fresh(section).url == "/how-we-work/"
        assert fresh(translation_page).url == "/ja/how-we-work/"
    assert fresh(section).url == "/how-we-work/"


def test_a_moved_or_renamed_page_has_its_new_address(home_page, section):
    other = StandardPageFactory(parent=home_page, title="About", slug="about")
    assert fresh(section).url == "/how-we-work/"

    section.slug = "our-work"
    section.save_revision().publish()
    assert fresh(section).url == "/our-work/"

    fresh(section).move(other, pos="last-child")
    assert fresh(section).url == "/about/our-work/"


def test_a_site_given_another_address_gives_its_pages_that_address(section):
    assert fresh(section).full_url == "http://localhost/how-we-work/"

    site = Site.objects.get(is_default_site=True)
    site.hostname = "candor.example"
    site.port = 443
    site.save()

    assert fresh(section).full_url == "https://candor.example/how-we-work/"


def test_a_site_served_under_a_prefix_gives_prefixed_addresses(section):
    assert fresh(section).url == "/how-we-work/"
    set_script_prefix("/candor/")
    try:
        assert fresh(section).url == "/candor/how-we-work/"
    finally:
        set_script_prefix("/")
    assert fresh(section).url == "/how-we-work/"


def test_changed_settings_forget_every_address(section, settings):
    assert fresh(section).url == "/how-we-work/"
    assert page_urls.addresses

    settings.WAGTAIL_I18N_ENABLED = True

    assert not page_urls.addresses
