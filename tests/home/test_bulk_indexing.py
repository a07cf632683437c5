"""Loading in bulk: the indexes are built once at the end, and the site's own saves are
indexed again as soon as the load is over, however it ended."""

from django.core.management import call_command

from wagtail.models import ReferenceIndex

import pytest
from bs4 import BeautifulSoup

from home.bulk_indexing import indexes_paused, search_index_paused
from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def found(client, words, url="/search/"):
    response = client.get(url, {"q": words})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [heading.get_text(" ", strip=True) for heading in html.select(".search-result h2")]


@pytest.fixture
def home(demo_site):
    return demo_site.root_page


def test_a_visitor_finds_the_demo_in_either_language(client, demo_site):
    assert "Fernhill Desk" in found(client, "Fernhill Desk")
    assert "Fernhill Desk" in found(client, "Fernhill Desk", "/ja/search/")
    assert ReferenceIndex.objects.exists()


def test_a_page_published_after_the_demo_is_found(client, home):
    StandardPageFactory(parent=home, title="Kelp farming support", slug="kelp")

    assert found(client, "kelp farming") == ["Kelp farming support"]


def test_saves_while_paused_are_not_indexed_until_rebuilt(client, home):
    with indexes_paused():
        StandardPageFactory(parent=home, title="Kelp farming support", slug="kelp")

    assert found(client, "kelp farming") == []
    call_command("update_index", verbosity=0)
    assert found(client, "kelp farming") == ["Kelp farming support"]


def test_saves_are_indexed_again_after_a_load_that_failed(client, home):
    with pytest.raises(RuntimeError), search_index_paused():
        raise RuntimeError("the load failed")

    StandardPageFactory(parent=home, title="Kelp farming support", slug="kelp")

    assert found(client, "kelp farming") == ["Kelp farming support"]
