"""A comparison's table is a Dataset to search engines and a link to readers, and /data/
lists every live, public comparison's data in the reader's language."""

import datetime
import json

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from comparisons.models import Fact
from comparisons.open_data import LICENSE_URL
from tests.comparisons.factories import ComparisonPageFactory, FactChangeFactory
from tests.home.test_structured_data import graph_of, only, render
from tests.home.translations import japanese
from tests.query_counts import MAX_QUERIES, queries_to_render

pytestmark = pytest.mark.django_db


def test_a_comparison_describes_its_table_as_a_dataset_with_both_downloads(
    client, site_settings, comparison_grid
):
    comparison = comparison_grid(product_count=3, criterion_count=4)
    fact = Fact.objects.filter(product__is_ours=True).first()
    FactChangeFactory(
        fact=fact,
        product=fact.product,
        criterion=fact.criterion,
        changed_at=timezone.now() + datetime.timedelta(days=2),
    )

    graph = graph_of(render(client, comparison.url))

    dataset = only(graph, "Dataset")
    url = f"http://localhost{comparison.url}"
    assert dataset["name"] == comparison.title
    assert dataset["url"] == url
    assert len(dataset["description"]) >= 50
    assert "3 products by 4 criteria" in dataset["description"]
    assert dataset["inLanguage"] == "en"
    assert dataset["license"] == LICENSE_URL
    assert dataset["isAccessibleForFree"] is True
    publisher = {"@id": only(graph, "Organization")["@id"]}
    assert dataset["creator"] == dataset["publisher"] == publisher
    # The newest of the publication, the verifications and the corrections.
    assert dataset["dateModified"] == "2026-11-28"
    downloads = dataset["distribution"]
    assert [(d["@type"], d["encodingFormat"], d["contentUrl"]) for d in downloads] == [
        ("DataDownload", "text/csv", url + "data.csv"),
        ("DataDownload", "application/json", url + "data.json"),
    ]


def test_the_table_offers_its_downloads_and_names_the_licence(
    client, site_settings, comparison_grid
):
    comparison = comparison_grid(product_count=2, criterion_count=2)

    soup = render(client, comparison.url)

    downloads = soup.select_one(".data-downloads")
    links = {a.get_text(): a["href"] for a in downloads.find_all("a")}
    assert links["CSV"] == comparison.url + "data.csv"
    assert links["JSON"] == comparison.url + "data.json"
    assert links["CC BY 4.0"] == LICENSE_URL
    assert client.get(links["CSV"]).status_code == 200


def titles(soup):
    return [th.get_text(strip=True) for th in soup.select("table.datasets tbody th[scope=row]")]


def test_the_data_page_lists_only_live_public_comparisons(
    client, site_settings, comparison_grid, comparison_index
):
    listed = comparison_grid(product_count=2, criterion_count=3)
    private = comparison_grid(product_count=2, criterion_count=2)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    ComparisonPageFactory(parent=comparison_index, title="A draft", live=False)

    soup = render(client, "/data/")

    assert titles(soup) == [listed.title]
    row = soup.select_one("table.datasets tbody tr")
    cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
    assert cells[2] == "3", "criteria, after the downloads and the products"
    links = [a["href"] for a in row.select("a[download]")]
    assert links == [listed.url + "data.csv", listed.url + "data.json"]
    assert soup.select_one("table.datasets caption")
    assert [a.get_text() for a in soup.select(".breadcrumbs a")] == ["Home", "Open data"]
    catalog = only(graph_of(soup), "DataCatalog")
    assert [dataset["name"] for dataset in catalog["dataset"]] == [listed.title]
    assert catalog["dataset"][0]["license"] == LICENSE_URL


def test_the_data_page_follows_publishing_with_the_page_cache_on(
    client, settings, site_settings, comparison_grid, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    comparison = comparison_grid(product_count=2, criterion_count=2)
    assert titles(render(client, "/data/")) == [comparison.title]

    with django_capture_on_commit_callbacks(execute=True):
        comparison.unpublish()

    assert titles(render(client, "/data/")) == []


def test_the_japanese_data_page_lists_japanese_comparisons(
    client, site_settings, comparison_grid, comparison_index, home_page
):
    comparison = comparison_grid(product_count=2, criterion_count=2)
    japanese(home_page)
    japanese(comparison_index)
    translation = japanese(comparison)

    soup = render(client, "/ja/data/")

    assert soup.html["lang"] == "ja"
    links = [a["href"] for a in soup.select("table.datasets a[download]")]
    assert links == [translation.url + "data.csv", translation.url + "data.json"]
    assert translation.url.startswith("/ja/")
    data = json.loads(client.get(links[1]).content)
    assert data["language"] == "ja"


def test_every_page_s_footer_links_the_data_page(client, site_settings, comparison_grid):
    comparison = comparison_grid(product_count=2, criterion_count=2)

    for url in ("/", comparison.url):
        footer = BeautifulSoup(client.get(url).content, "html.parser").select_one("footer")
        assert "/data/" in [a["href"] for a in footer.find_all("a")]


def test_the_data_page_costs_the_same_queries_for_one_comparison_or_four(
    client, site_settings, comparison_grid
):
    comparison_grid(product_count=2, criterion_count=2)
    one = queries_to_render(client, "/data/")
    for _ in range(3):
        comparison_grid(product_count=3, criterion_count=4)

    assert queries_to_render(client, "/data/") == one <= MAX_QUERIES
