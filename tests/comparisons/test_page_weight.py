"""The largest comparison stays light on a phone connection and loads nothing from
other sites."""

import gzip
from pathlib import Path

from django.conf import settings

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

STATIC = Path(settings.BASE_DIR) / "site" / "static"
LIMIT = 100 * 1024


def compressed_size(data):
    return len(gzip.compress(data, compresslevel=6))


@pytest.fixture
def largest(site_settings, comparison_grid):
    return comparison_grid(product_count=8, criterion_count=60)


def test_html_css_and_js_together_weigh_under_100_kb_compressed(client, largest):
    html = client.get(largest.url).content
    soup = BeautifulSoup(html, "html.parser")
    assets = [tag["href"] for tag in soup.select("link[rel=stylesheet]")] + [
        tag["src"] for tag in soup.select("script[src]")
    ]

    total = compressed_size(html) + sum(
        compressed_size((STATIC / url.removeprefix(settings.STATIC_URL)).read_bytes())
        for url in assets
    )

    assert assets, "the page's own stylesheet and script are counted"
    assert total < LIMIT, f"{total / 1024:.1f} KB"


def test_no_resource_comes_from_another_site(client, largest):
    soup = BeautifulSoup(client.get(largest.url).content, "html.parser")

    loaded = [tag.get("src") for tag in soup.select("[src]")] + [
        tag.get("href") for tag in soup.select("link[rel=stylesheet], link[rel=preload]")
    ]

    stylesheets = [url for url in loaded if url.endswith(".css")]
    scripts = [url for url in loaded if url.endswith(".js")]
    assert stylesheets and scripts, f"the page's own stylesheet and script are checked: {loaded}"
    assert all(url.startswith("/") and not url.startswith("//") for url in loaded), loaded
