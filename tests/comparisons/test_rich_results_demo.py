"""Every product page of the demo, in English and Japanese, is one search engines can
show with its image, prices and rating."""

import pytest

from comparisons.models import ProductPage
from tests.comparisons.test_rich_results import application, assert_rich_result
from tests.home.test_structured_data import graph_of, only, render

pytestmark = pytest.mark.django_db


def test_every_demo_product_page_qualifies_in_both_languages(client, demo_site):
    pages = ProductPage.objects.live().select_related("locale")
    assert {page.locale.language_code for page in pages} == {"en", "ja"}
    for page in pages:
        app = application(render(client, page.url))
        assert_rich_result(app)
        language = page.locale.language_code
        assert only(graph_of(render(client, page.url)), "WebPage")["inLanguage"] == language
        # Every plan with a price is offered; the one priced on request is not.
        priced = [p["name"] for p in page.plans if p["price"] is not None]
        assert [offer["name"] for offer in app["offers"]] == priced
