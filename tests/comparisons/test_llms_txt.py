"""/llms.txt lists the Markdown renditions of the live, public comparison and product
pages in its language, with the methodology, for readers that are programs."""

import datetime

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest
import time_machine

from comparisons.models import ComparedProduct
from home.models import SiteSettings
from tests.comparisons.factories import ComparisonPageFactory, ProductFactory, ProductPageFactory
from tests.home.factories import StandardPageFactory
from tests.home.translations import japanese

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 16, 9, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def methodology(site_settings):
    page = StandardPageFactory(
        parent=site_settings.site.root_page, title="How we compare", slug="how"
    )
    site_settings.methodology_page = page
    site_settings.save()
    return page


def llms_txt(client, url="/llms.txt"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/markdown")
    return response.content.decode()


def test_llms_txt_lists_the_renditions_of_public_pages_as_the_proposal_lays_out(
    client, reported_comparison, product_index, methodology
):
    product_page = ProductPageFactory(
        parent=product_index,
        title="Fernhill Desk",
        slug="fd",
        product=ProductFactory(name="Fernhill Mail", ours=True, summary="Email | helpdesk."),
    )

    text = llms_txt(client)

    assert text.startswith("# Candor Test Co\n\n> ")
    page = reported_comparison.page
    assert (
        f"## Comparisons\n\n- [Fernhill Desk vs Tidewell Desk]"
        f"(http://localhost{page.url.rstrip('/')}.md): last reviewed" in text
    )
    assert (
        f"- [Fernhill Desk](http://localhost{product_page.url.rstrip('/')}.md): "
        r"Email \| helpdesk." in text
    )
    assert "## Methodology\n\n- [How we compare](http://localhost/how/)" in text


def test_drafts_and_private_pages_are_not_listed(
    client, reported_comparison, comparison_index, product_index
):
    draft = ComparisonPageFactory(
        parent=comparison_index,
        title="Draft comparison",
        live=False,
        compared_products=[ComparedProduct(product=reported_comparison.ours)],
    )
    private = ProductPageFactory(parent=product_index, title="Private product", slug="private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    ).groups.set([Group.objects.get(name="Editors")])

    text = llms_txt(client)

    assert draft.pk and "Draft comparison" not in text
    assert "Private product" not in text
    assert "Fernhill Desk vs Tidewell Desk" in text


def test_the_japanese_llms_txt_lists_the_japanese_pages(client, reported_comparison):
    page = reported_comparison.page
    japanese(page.get_parent().get_parent())
    japanese(page.get_parent())
    japanese_page = japanese(page)
    japanese_page.title = "フェーンヒル対タイドウェル"
    japanese_page.save_revision().publish()
    settings = SiteSettings.for_site(page.get_site())
    settings.default_description = "Honest comparisons of helpdesks."
    settings.save()

    text = llms_txt(client, "/ja/llms.txt")

    assert f"(http://localhost{japanese_page.url.rstrip('/')}.md)" in text
    assert japanese_page.url.startswith("/ja/")
    assert "フェーンヒル対タイドウェル" in text
    assert "Fernhill Desk vs Tidewell Desk" not in text
    assert "フェーンヒル対タイドウェル" not in llms_txt(client)
    # The site's description is in English: the Japanese file describes the site in Japanese.
    assert "Honest comparisons of helpdesks." not in text
    assert "Honest comparisons of helpdesks." in llms_txt(client)


def test_llms_txt_asks_the_same_queries_for_more_pages(
    client, reported_comparison, comparison_index, product_index, methodology
):
    def queries():
        client.get("/llms.txt")
        with CaptureQueriesContext(connection) as captured:
            llms_txt(client)
        return len(captured)

    before = queries()
    for number in range(5):
        ComparisonPageFactory(
            parent=comparison_index,
            compared_products=[ComparedProduct(product=ProductFactory())],
        ).save_revision().publish()
        ProductPageFactory(parent=product_index, slug=f"product-more-{number}")

    assert queries() == before <= 8


def test_publishing_a_comparison_refreshes_the_cached_llms_txt(
    client, reported_comparison, comparison_index, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    llms_txt(client)

    with django_capture_on_commit_callbacks(execute=True):
        page = ComparisonPageFactory(
            parent=comparison_index,
            title="Fernhill Desk vs Quillory",
            live=False,
            compared_products=[ComparedProduct(product=reported_comparison.ours)],
        )
        page.save_revision().publish()

    assert "Fernhill Desk vs Quillory" in llms_txt(client)
