"""What every page reads about its site (the Site, its settings, the main menu, the
private sections) is remembered in each process under the site's version: with pages
not cached (as these tests run), each change to it shows on the next page, and a warm
page reads none of it from the database."""

import datetime

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from home import process_memory
from home.models import SiteSettings, StandardPage
from home.page_cache import versions
from tests.home.factories import HomePageFactory, StandardPageFactory, wagtail_root
from tests.home.translations import in_japanese, japanese
from tests.testimonials.advocate_fixtures import user_in_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def comparison(site_settings, comparison_grid):
    return comparison_grid(product_count=2, criterion_count=2)


def page(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


def published_with_title(page, title):
    """What an editor does: the page retitled, and published."""
    page.refresh_from_db()
    page.title = title
    page.save_revision().publish()


def menu(html):
    return html.split('class="main-menu"', 1)[1].split("</ul>", 1)[0]


def test_settings_saved_show_on_every_page_at_once(client, committed, comparison, site_settings):
    for url in ("/", comparison.url):
        assert "Candor Test Co" in page(client, url)

    def rename():
        settings = SiteSettings.objects.get(pk=site_settings.pk)
        settings.company_name = "Fernhill Labs GmbH"
        settings.save()

    committed(rename)

    for url in ("/", comparison.url):
        html = page(client, url)
        assert "Fernhill Labs GmbH" in html and "Candor Test Co" not in html


def test_a_page_the_settings_link_shows_its_new_title_at_once(
    client, committed, comparison, site_settings, home_page
):
    # Not directly under the home page, where the main menu would list it.
    about = StandardPageFactory(parent=home_page, title="About")
    methodology = StandardPageFactory(parent=about, title="How we compare")
    site_settings.methodology_page = methodology
    committed(site_settings.save)
    assert "How we compare" in page(client, comparison.url)

    def retitle():
        methodology.title = "Our comparison method"
        methodology.save_revision().publish()

    committed(retitle)

    html = page(client, comparison.url)
    assert "Our comparison method" in html and "How we compare" not in html


def test_the_menu_shows_a_page_published_into_it_and_loses_one_unpublished(
    client, committed, home_page, site_settings
):
    about = StandardPageFactory(parent=home_page, title="About us", show_in_menus=True)
    assert "Pricing explained" not in menu(page(client, about.url))

    pricing = StandardPageFactory(
        parent=home_page, title="Pricing explained", show_in_menus=True, live=False
    )
    committed(lambda: pricing.save_revision().publish())
    assert "Pricing explained" in menu(page(client, about.url))

    committed(lambda: StandardPage.objects.get(pk=pricing.pk).unpublish())
    assert "Pricing explained" not in menu(page(client, about.url))


def test_a_section_made_private_leaves_the_menu_at_once(
    client, committed, home_page, site_settings
):
    about = StandardPageFactory(parent=home_page, title="About us", show_in_menus=True)
    staff = StandardPageFactory(parent=home_page, title="Staff handbook", show_in_menus=True)
    assert "Staff handbook" in menu(page(client, about.url))

    committed(
        lambda: PageViewRestriction.objects.create(
            page=staff, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-words"
        )
    )

    assert "Staff handbook" not in menu(page(client, about.url))


def test_a_site_added_for_a_host_serves_its_own_home_page_at_once(
    client, committed, home_page, site_settings, settings
):
    settings.ALLOWED_HOSTS = ["*"]
    other_home = HomePageFactory(parent=wagtail_root(), title="Other home", slug="other-home")
    StandardPageFactory(parent=other_home, title="Only on the other site", slug="only-there")
    # Until a site names it, the host is served by the default site.
    assert client.get("/only-there/", HTTP_HOST="other.example").status_code == 404

    committed(lambda: Site.objects.create(hostname="other.example", port=80, root_page=other_home))

    assert "Only on the other site" in page(client, "/only-there/", HTTP_HOST="other.example")


@pytest.mark.parametrize("change", ["settings", "site", "restriction", "language"])
def test_each_change_to_what_is_remembered_gives_the_site_a_new_version(
    committed, home_page, site_settings, change
):
    cache = versions.page_cache()
    before = versions.current(cache, [versions.GLOBAL], {})
    staff = StandardPageFactory(parent=home_page)
    changes = {
        "settings": site_settings.save,
        "site": lambda: Site.objects.get(is_default_site=True).save(),
        "restriction": lambda: PageViewRestriction.objects.create(
            page=staff, restriction_type=PageViewRestriction.LOGIN
        ),
        "language": lambda: Locale.objects.create(language_code="fr"),
    }

    committed(changes[change])

    assert versions.current(cache, [versions.GLOBAL], {}) != before


def test_publishing_the_home_page_gives_the_site_a_new_version(committed, home_page):
    cache = versions.page_cache()
    before = versions.current(cache, [versions.GLOBAL], {})

    def retitle():
        home_page.title = "Welcome to Fernhill"
        home_page.save_revision().publish()

    committed(retitle)

    assert versions.current(cache, [versions.GLOBAL], {}) != before


def test_the_home_page_published_shows_at_once_and_routes_to_its_children(
    client, committed, comparison, home_page
):
    page(client, "/")
    page(client, comparison.url)

    committed(lambda: published_with_title(home_page, "Welcome to Fernhill"))

    assert "Welcome to Fernhill" in page(client, "/")
    assert comparison.title in page(client, comparison.url)


def test_a_section_under_the_home_page_moves_to_its_new_address_once_published(
    client, committed, comparison
):
    index = comparison.get_parent().specific
    old_url = comparison.url
    page(client, old_url)

    def rename():
        index.slug = "versus"
        index.save_revision().publish()

    committed(rename)

    comparison.refresh_from_db()
    assert comparison.url == "/versus/" + old_url.split("/", 2)[2]
    assert comparison.title in page(client, comparison.url)
    # Wagtail's redirect, made when the slug changed, answers where the page is gone.
    moved = client.get(old_url)
    assert (moved.status_code, moved["Location"]) == (301, comparison.url)


def test_a_section_under_the_home_page_unpublished_or_deleted_is_gone_at_once(
    client, committed, comparison
):
    index = comparison.get_parent().specific
    page(client, index.url)
    page(client, comparison.url)

    committed(index.unpublish)
    assert client.get(index.url).status_code == 404

    committed(index.delete)
    assert client.get(comparison.url).status_code == 404


@pytest.fixture
def moderator_client(django_user_model):
    """In Wagtail's "Moderators" group, who publish and unpublish pages."""
    user = user_in_group(django_user_model, "moderator", Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(user)
    return client


def rename_in_the_edit_view(moderator_client, index):
    url = reverse("wagtailadmin_pages:edit", args=[index.pk])
    form = {"title": index.title, "slug": "versus", "intro": rich_text(""), "action-publish": "1"}
    response = moderator_client.post(url, nested_form_data(form))
    assert response.status_code == 302, response.content.decode()[:2000]


def rename_by_scheduled_publishing(moderator_client, index):
    index.slug = "versus"
    index.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")


def unpublish_in_bulk(moderator_client, index):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    response = moderator_client.post(f"{url}?id={index.pk}", {"include_descendants": ""})
    assert response.status_code == 302


@pytest.mark.parametrize(
    "change", [rename_in_the_edit_view, rename_by_scheduled_publishing, unpublish_in_bulk]
)
def test_a_section_changed_by_a_moderator_or_a_schedule_is_served_as_changed_at_once(
    client, committed, comparison, moderator_client, change
):
    """The remembered section (the comparisons' index) follows every path a change to it
    takes: the moderator's Publish button, a scheduled publication, a bulk action."""
    index = comparison.get_parent().specific
    page(client, index.url)
    old_url = index.url

    committed(lambda: change(moderator_client, index))

    index.refresh_from_db()
    if index.live:
        assert index.url == "/versus/"
        assert index.title in page(client, "/versus/")
        assert client.get(old_url).status_code == 301  # Wagtail's redirect for the old slug
    else:
        assert client.get(old_url).status_code == 404


def test_each_language_is_routed_through_its_own_home_page(
    client, committed, comparison, home_page
):
    japanese_home = japanese(home_page)
    section = StandardPageFactory(parent=home_page, title="How we work", slug="how-we-work")
    translated = japanese(section)
    translated.title = "私たちの仕事の進め方"
    translated.save_revision().publish()
    # Alternately, Japanese first: each language's home page is remembered apart.
    for _ in range(2):
        assert "私たちの仕事の進め方" in page(client, "/ja/how-we-work/")
        assert "How we work" in page(client, "/how-we-work/")
        assert japanese_home.title in page(client, "/ja/")

    committed(lambda: published_with_title(japanese_home, "ようこそ"))

    assert "ようこそ" in page(client, "/ja/")
    assert "私たちの仕事の進め方" in page(client, "/ja/how-we-work/")
    assert "ようこそ" not in page(client, "/")


def test_a_warm_page_in_either_language_asks_no_locale_or_home_page(client, comparison, home_page):
    japanese_home = japanese(home_page)
    japanese(StandardPageFactory(parent=home_page, slug="how-we-work"))

    for url in ("/how-we-work/", "/ja/how-we-work/"):
        page(client, url)
        with CaptureQueriesContext(connection) as queries:
            page(client, url)

        sql = [query["sql"] for query in queries]
        assert [s for s in sql if 'FROM "wagtailcore_locale"' in s] == [], url
        home_rows = [s for s in sql if 'FROM "home_homepage"' in s]
        home_ids = [s for s in sql if f'"wagtailcore_page"."id" = {japanese_home.pk}' in s]
        assert home_rows == home_ids == [], url


def test_addresses_no_page_has_are_not_remembered(client, home_page, site_settings):
    for n in range(process_memory.MOST_REMEMBERED + 10):
        assert client.get(f"/no-such-section-{n}/").status_code == 404

    assert not [key for key in process_memory._memory.values if key[0] == "child"]
    # What every page needs is still remembered, however many such requests came.
    assert client.get("/").status_code == 200
    assert any(key[0] == "site" for key in process_memory._memory.values)


def test_a_warm_page_reads_the_site_version_once_and_none_of_what_is_remembered(client, comparison):
    page(client, comparison.url)

    with CaptureQueriesContext(connection) as queries:
        page(client, comparison.url)

    sql = [query["sql"] for query in queries]
    assert sum(versions.GLOBAL in statement for statement in sql) == 1
    assert [s for s in sql if 'FROM "wagtailcore_site"' in s or "home_sitesettings" in s] == []
    # Every page is routed through the site's home page, whose specific form is
    # remembered with the site.
    assert [s for s in sql if 'FROM "home_homepage"' in s] == []
    # ...and so is the home page's child it passes through, the comparisons' index: one
    # page is looked up by its slug, the comparison itself.
    assert [s for s in sql if "comparisonindexpage" in s] == []
    assert sum('"wagtailcore_page"."slug" =' in s for s in sql) == 1
    # The page's own restrictions are checked as it is served; the site's private
    # sections (all of them, no condition) are remembered.
    restrictions = [s for s in sql if 'FROM "wagtailcore_pageviewrestriction"' in s]
    assert all(" WHERE " in s for s in restrictions)


def test_each_request_gets_its_own_copies(home_page, site_settings):
    factory = RequestFactory(HTTP_HOST="localhost")
    first, second = factory.get("/"), factory.get("/")

    site = process_memory.site_for(first)
    site.root_page.title = "Changed by one request"
    site.root_page.specific.title = "Its specific form changed too"
    settings = SiteSettings.for_request(first)
    settings.company_name = "Changed too"

    again = process_memory.site_for(second)
    assert again.root_page.title == home_page.title
    assert again.root_page.specific.title == home_page.title
    assert SiteSettings.for_request(second).company_name == "Candor Test Co"


def test_host_names_sent_by_visitors_fill_no_more_than_the_bound(
    client, home_page, site_settings, settings
):
    settings.ALLOWED_HOSTS = ["*"]
    for n in range(process_memory.MOST_REMEMBERED + 50):
        assert client.get("/", HTTP_HOST=f"h{n}.example").status_code == 200

    assert len(process_memory._memory.values) <= process_memory.MOST_REMEMBERED


@pytest.fixture
def japanese_methodology(committed, comparison, site_settings, home_page):
    """The settings' methodology page, below a section (outside the main menu), and the
    comparison, each with a published Japanese translation."""
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    methodology = StandardPageFactory(parent=about, title="How we compare", slug="method")
    site_settings.methodology_page = methodology
    committed(site_settings.save)
    in_japanese(comparison)
    translation = in_japanese(methodology)
    translation.title = "比較の方法"
    committed(translation.save_revision().publish)
    return translation


def retitle_with_the_publish_button(moderator_client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = {
        "title": "私たちの比較方法",
        "slug": page.slug,
        "intro": "",
        "body": streamfield([("paragraph", rich_text("私たちは事実と出典で比較します。"))]),
        "action-publish": "1",
    }
    response = moderator_client.post(url, nested_form_data(form))
    assert response.status_code == 302, response.context["form"].errors


def retitle_by_scheduled_publishing(moderator_client, page):
    page.title = "私たちの比較方法"
    page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")


def retitle_from_code(moderator_client, page):
    page.title = "私たちの比較方法"
    page.save_revision().publish()


def unpublish_with_the_bulk_action(moderator_client, page):
    unpublish_in_bulk(moderator_client, page)


def unpublish_from_code(moderator_client, page):
    page.unpublish()


@pytest.mark.parametrize(
    "change",
    [
        retitle_with_the_publish_button,
        retitle_by_scheduled_publishing,
        retitle_from_code,
        unpublish_with_the_bulk_action,
        unpublish_from_code,
    ],
)
def test_the_methodology_in_japanese_shows_every_change_at_once(
    client, committed, comparison, japanese_methodology, moderator_client, change
):
    """Japanese pages link the methodology's translation, remembered in the process: a
    Moderator's change to it, by any path, shows on the next Japanese page."""
    url = f"/ja{comparison.url}"
    assert "比較の方法" in page(client, url)

    committed(lambda: change(moderator_client, japanese_methodology))

    html = page(client, url)
    japanese_methodology.refresh_from_db()
    if japanese_methodology.live:
        assert "私たちの比較方法" in html and "比較の方法" not in html
    else:
        # The English original stands in for it, at its own address.
        assert "比較の方法" not in html and 'href="/about/method/"' in html
        assert "/ja/about/method/" not in html


def test_a_warm_japanese_page_asks_nothing_about_the_methodology(
    client, comparison, japanese_methodology
):
    """Every Japanese page links the methodology's translation (the footer, the
    disclosure, the structured data): once remembered, it costs no query."""
    url = f"/ja{comparison.url}"
    page(client, url)

    with CaptureQueriesContext(connection) as queries:
        html = page(client, url)

    assert "比較の方法" in html and "/ja/about/method/" in html
    looked_up = '"wagtailcore_page"."translation_key" = '
    assert [q["sql"] for q in queries if looked_up in q["sql"]] == []
