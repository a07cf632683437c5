"""The schema.org description of each page says what the page shows, and no more."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from tests.comparisons.factories import ProductPageFactory, point
from tests.home.factories import StandardPageFactory
from tests.testimonials.factories import CaseStudyPageFactory, TestimonialFactory

pytestmark = pytest.mark.django_db


def render(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def graph_of(soup):
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def types(node):
    """A node's types: JSON-LD gives one as a string, several as a list."""
    kind = node["@type"]
    return [kind] if isinstance(kind, str) else kind


def only(graph, kind):
    (node,) = [node for node in graph if kind in types(node)]
    return node


def names(item_list):
    elements = item_list["itemListElement"]
    assert [e["position"] for e in elements] == list(range(1, len(elements) + 1))
    return [e["name"] for e in elements]


def visible_text(soup, selector):
    return [" ".join(tag.get_text(" ", strip=True).split()) for tag in soup.select(selector)]


def machine_readable(soup):
    """Everything on the page meant for machines rather than readers."""
    scripts = [s.string for s in soup.find_all("script", type="application/ld+json")]
    metas = [tag.get("content", "") for tag in soup.find_all("meta")]
    links = [tag.get("href", "") for tag in soup.head.find_all("link")]
    return "\n".join(scripts + metas + links)


@pytest.fixture
def product_page(site_settings, product_index, our_product, wall_page):
    return ProductPageFactory(
        parent=product_index,
        product=our_product,
        strengths=[("strength", point("Set up in a day")), ("strength", point("Fair pricing"))],
        limitations=[
            ("limitation", point("No phone support")),
            ("limitation", point("English and Japanese only")),
        ],
    )


def test_a_product_page_describes_the_product_its_ratings_and_the_reviews_it_shows(
    client, product_page, our_product
):
    for rating in (5, 2, 4):
        TestimonialFactory(product=our_product, approved=True, rating=rating)
    TestimonialFactory(product=our_product, approved=True, rating=None)
    TestimonialFactory(
        product=our_product,
        approved=True,
        rating=1,
        quote="Slow to load and the reports are thin. Support did answer quickly.",
        excerpt="Slow to load … Support did answer quickly.",
    )

    soup = render(client, product_page.url)
    product = only(graph_of(soup), "SoftwareApplication")

    assert product["name"] == our_product.name
    assert our_product.name in soup.get_text()
    assert product["url"] == product_page.full_url
    average, count = re.match(
        r"([\d.]+) out of 5 from (\d+) ratings",
        visible_text(soup, ".rating-summary__average")[0],
    ).groups()
    assert product["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": float(average),
        "ratingCount": int(count),
        "bestRating": 5,
        "worstRating": 1,
    }
    assert (average, count) == ("3.0", "4")
    # Exactly the testimonials the page lists, in its order, low ratings and excerpts too.
    assert [r["reviewBody"] for r in product["review"]] == visible_text(
        soup, ".testimonials blockquote"
    )
    assert "Slow to load … Support did answer quickly." in [
        r["reviewBody"] for r in product["review"]
    ]
    assert sorted(r.get("reviewRating", {}).get("ratingValue", 0) for r in product["review"]) == [
        0,
        1,
        2,
        4,
        5,
    ]
    assert names(product["positiveNotes"]) == visible_text(soup, ".points--strengths .point__title")
    assert names(product["negativeNotes"]) == ["No phone support", "English and Japanese only"]
    assert names(product["negativeNotes"]) == visible_text(
        soup, ".points--limitations .point__title"
    )


def test_reviews_are_the_testimonials_shown_and_the_rating_counts_every_one(
    client, product_page, our_product
):
    shown = product_page.testimonials_shown
    for n in range(shown + 3):
        TestimonialFactory(product=our_product, approved=True, rating=(n % 5) + 1)

    soup = render(client, product_page.url)
    product = only(graph_of(soup), "SoftwareApplication")

    assert len(product["review"]) == shown == len(soup.select(".testimonials blockquote"))
    assert product["aggregateRating"]["ratingCount"] == shown + 3
    assert soup.find("a", string=f"All testimonials about {our_product.name}")


def test_a_product_without_ratings_has_no_aggregate_rating(client, product_page):
    product = only(graph_of(render(client, product_page.url)), "SoftwareApplication")

    assert "aggregateRating" not in product
    assert "review" not in product


def test_nothing_unpublished_or_private_reaches_machine_readable_markup(
    client, product_page, our_product, case_study_index, wall_page, home_page
):
    public = TestimonialFactory(
        product=our_product, approved=True, email="public.author@customer.example"
    )
    anonymous = TestimonialFactory(
        product=our_product,
        approved=True,
        author_name="Hidden Author",
        consent_name=False,
        email="hidden.author@customer.example",
    )
    hidden = [
        TestimonialFactory(product=our_product, quote="Pending words that nobody approved."),
        TestimonialFactory(
            product=our_product, rejected=True, quote="Rejected words that stay private."
        ),
        TestimonialFactory(
            product=our_product, withdrawn=True, quote="Withdrawn words the author took back."
        ),
    ]
    case_study = CaseStudyPageFactory(parent=case_study_index)
    forbidden = [t.quote for t in hidden] + [t.email for t in (public, *hidden, anonymous)]
    forbidden += ["Hidden Author", "consent"]

    for url in (product_page.url, wall_page.url, case_study.url, "/"):
        markup = machine_readable(render(client, url))
        for text in forbidden:
            assert text not in markup, (url, text)
    reviews = only(graph_of(render(client, product_page.url)), "SoftwareApplication")["review"]
    assert {r["author"]["name"] for r in reviews} == {public.author_name, "Support lead"}


def test_visitor_text_cannot_break_out_of_the_script(client, product_page, our_product):
    words = '</script><script>alert("x")</script><!-- & more'
    TestimonialFactory(product=our_product, approved=True, quote=words)

    response = client.get(product_page.url)
    soup = BeautifulSoup(response.content, "html.parser")

    assert b'<script>alert("x")' not in response.content
    assert only(graph_of(soup), "SoftwareApplication")["review"][0]["reviewBody"] == words


def test_the_organization_never_rates_itself(
    client, product_page, our_product, home_page, comparison_grid, case_study_index
):
    TestimonialFactory(product=our_product, approved=True, rating=5)
    comparison = comparison_grid(product_count=2, criterion_count=2)
    case_study = CaseStudyPageFactory(parent=case_study_index)

    for url in ("/", product_page.url, comparison.url, case_study.url):
        organization = only(graph_of(render(client, url)), "Organization")
        assert organization["name"] == "Candor Test Co"
        assert organization["url"] == "http://localhost/"
        assert not {"aggregateRating", "review"} & set(organization)


def test_the_home_page_describes_the_site_and_has_no_breadcrumbs(client, home_page, site_settings):
    soup = render(client, "/")
    graph = graph_of(soup)

    website = only(graph, "WebSite")
    assert website["publisher"] == {"@id": only(graph, "Organization")["@id"]}
    assert not [node for node in graph if node["@type"] == "BreadcrumbList"]
    assert not soup.select('nav[aria-label="Breadcrumb"]')


def test_a_comparison_lists_its_products_in_table_order_published_by_the_company(
    client, site_settings, comparison_grid
):
    comparison = comparison_grid(product_count=4, criterion_count=3)

    soup = render(client, comparison.url)
    graph = graph_of(soup)
    webpage = only(graph, "WebPage")

    columns = [
        th.find(string=True, recursive=False).strip()
        for th in soup.select("table.comparison thead th[scope=col]")[1:]
    ]
    assert names(webpage["mainEntity"]) == columns
    assert len(columns) == 4
    assert webpage["mainEntity"]["@type"] == "ItemList"
    assert webpage["mainEntity"]["numberOfItems"] == 4
    assert webpage["author"]["name"] == comparison.author_name
    assert webpage["dateModified"] == comparison.reviewed_on.isoformat()
    assert webpage["publisher"] == {"@id": only(graph, "Organization")["@id"]}
    assert "Published by Candor Test Co" in soup.select_one(".disclosure").get_text()


def test_a_case_study_is_an_article_about_the_customer(client, site_settings, case_study_index):
    case_study = CaseStudyPageFactory(parent=case_study_index)
    case_study.save_revision().publish()
    case_study.refresh_from_db()

    soup = render(client, case_study.url)
    graph = graph_of(soup)
    article = only(graph, "Article")

    assert article["headline"] == soup.h1.get_text() == case_study.title
    assert article["description"] == case_study.summary
    assert article["about"] == {"@type": "Organization", "name": case_study.customer.name}
    assert case_study.customer.name in soup.select_one(".byline").get_text()
    assert article["publisher"] == {"@id": only(graph, "Organization")["@id"]}
    assert article["datePublished"] == case_study.first_published_at.isoformat()
    assert article["dateModified"] == case_study.last_published_at.isoformat()


def test_breadcrumbs_match_the_visible_trail(client, home_page, site_settings):
    section = StandardPageFactory(parent=home_page, title="Policies")
    page = StandardPageFactory(parent=section, title="How we compare")

    soup = render(client, page.url)
    trail = soup.select('nav[aria-label="Breadcrumb"] ol li a')
    crumbs = only(graph_of(soup), "BreadcrumbList")["itemListElement"]

    assert [a.get_text() for a in trail] == ["Home", "Policies", "How we compare"]
    assert [c["name"] for c in crumbs] == [a.get_text() for a in trail]
    assert [c["item"] for c in crumbs] == ["http://localhost" + a["href"] for a in trail]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert [a.get("aria-current") for a in trail] == [None, None, "page"]


def test_breadcrumbs_leave_out_a_section_that_is_not_published(client, home_page, site_settings):
    section = StandardPageFactory(parent=home_page, title="Drafts")
    page = StandardPageFactory(parent=section, title="Published anyway")
    section.unpublish()

    soup = render(client, page.url)

    trail = [a.get_text() for a in soup.select('nav[aria-label="Breadcrumb"] a')]
    crumbs = only(graph_of(soup), "BreadcrumbList")["itemListElement"]
    assert trail == [c["name"] for c in crumbs] == ["Home", "Published anyway"]


def test_one_testimonial_on_its_own_is_shown_inside_the_wall(client, wall_page, our_product):
    testimonial = TestimonialFactory(product=our_product, approved=True)

    soup = render(client, f"{wall_page.url}{testimonial.pk}/")

    trail = soup.select('nav[aria-label="Breadcrumb"] a')
    assert [a.get_text() for a in trail] == ["Home", wall_page.title]
    assert not soup.select("[aria-current=page]")
    assert soup.find("link", rel="canonical")["href"] == f"{wall_page.full_url}{testimonial.pk}/"


def test_a_preview_has_the_same_trail_and_description(home_page, site_settings, product_index):
    page = ProductPageFactory(parent=product_index, title="Fernhill Desk")
    page.title = "Fernhill Desk, revised"
    draft = page.save_revision().as_object()

    soup = BeautifulSoup(draft.make_preview_request().content, "html.parser")

    trail = [a.get_text() for a in soup.select('nav[aria-label="Breadcrumb"] a')]
    crumbs = only(graph_of(soup), "BreadcrumbList")["itemListElement"]
    assert trail == [c["name"] for c in crumbs] == ["Home", "Products", "Fernhill Desk, revised"]
    assert only(graph_of(soup), "SoftwareApplication")["name"] == page.product.name
