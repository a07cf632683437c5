"""The public API: approved testimonials and live public pages only, and nothing
private about an author, however a client asks."""

import datetime

from wagtail.models import PageViewRestriction

import pytest

from testimonials.models import CaseStudyQuote, Testimonial
from tests.comparisons.factories import (
    CriterionFactory,
    FactFactory,
    ProductPageFactory,
    plan,
)
from tests.home.factories import StandardPageFactory
from tests.testimonials.factories import CaseStudyPageFactory, TestimonialFactory

pytestmark = pytest.mark.django_db

HIDDEN_STATES = ["pending", "rejected", "withdrawn", "unpublished"]


@pytest.fixture
def testimonials(our_product):
    """One testimonial in each state; each quote, name and address names its state."""
    traits = {
        "approved": {"approved": True},
        "pending": {},
        "rejected": {"rejected": True},
        "withdrawn": {"withdrawn": True},
        "unpublished": {"status": Testimonial.Status.APPROVED, "live": False},
    }
    return {
        state: TestimonialFactory(
            product=our_product,
            quote=f"Quote that is {state} zanzibar.",
            author_name=f"Author{state.capitalize()} Person",
            email=f"{state}@advocates.example",
            **extra,
        )
        for state, extra in traits.items()
    }


def private_strings(testimonials):
    """What must never appear in any API response."""
    strings = ["@advocates.example"]
    strings += [f'"{key}":' for key in ("email", "author_name", "status", "consent_name", "photo")]
    for state in HIDDEN_STATES:
        strings += [f"{state} zanzibar", f"Author{state.capitalize()}"]
    return strings


def assert_nothing_private(response, testimonials):
    body = response.content.decode()
    for text in private_strings(testimonials):
        assert text not in body, text


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    return response.json()


# Testimonials ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?fields=*",
        "?fields=*,product(*)",
        "?limit=50",
        "?order=-rating",
        "?search=zanzibar",
        "?rating=4",
        "?product={product}",
    ],
)
def test_listing_returns_only_approved_testimonials(client, testimonials, our_product, query):
    response = client.get("/api/v2/testimonials/" + query.format(product=our_product.pk))

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [testimonials["approved"].pk]
    assert_nothing_private(response, testimonials)


@pytest.mark.parametrize(
    "query",
    [
        "?fields=email",
        "?fields=author_name",
        "?fields=consent_name",
        "?fields=status",
        "?fields=photo",
        "?fields=product(testimonials)",
        "?status=pending",
        "?email=pending@advocates.example",
        "?live=false",
        "?author_name=AuthorPending Person",
        "?order=status",
        "?order=email",
        "?limit=51",
    ],
)
def test_asking_for_private_fields_or_other_states_is_refused(client, testimonials, query):
    response = client.get("/api/v2/testimonials/" + query)

    assert response.status_code == 400
    assert_nothing_private(response, testimonials)


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_a_testimonial_that_is_not_public_has_no_detail(client, testimonials, state):
    pk = testimonials[state].pk

    assert client.get(f"/api/v2/testimonials/{pk}/").status_code == 404
    assert client.get(f"/api/v2/testimonials/find/?id={pk}").status_code == 404
    assert client.get(f"/api/v2/testimonials/?id={pk}").json()["items"] == []


def test_search_covers_shown_words_only(client, testimonials, our_product):
    hidden_name = TestimonialFactory(
        product=our_product,
        approved=True,
        quote="Setup took an afternoon.",
        author_name="Wilhelmina Quarrington",
        author_role="Office manager",
        author_company="Secretive Ltd",
        consent_name=False,
        consent_company=False,
    )

    def found(words):
        return [
            item["id"]
            for item in get_json(client, f"/api/v2/testimonials/?search={words}")["items"]
        ]

    assert found("afternoon") == [hidden_name.pk]
    assert found("office manager") == [hidden_name.pk]
    assert found("Quarrington") == []
    assert found("Secretive") == []
    for state in HIDDEN_STATES:
        assert found(f"{state} zanzibar") == []
        assert found(f"Author{state.capitalize()}") == []


def test_author_details_follow_consent(client, our_product):
    named = TestimonialFactory(
        product=our_product,
        approved=True,
        author_name="Ada Lovelace",
        author_role="Support lead",
        author_company="Analytical Ltd",
    )
    anonymous = TestimonialFactory(
        product=our_product,
        approved=True,
        author_name="Charles Babbage",
        author_role="Engineer",
        author_company="Difference Co",
        consent_name=False,
        consent_company=False,
    )

    items = {item["id"]: item for item in get_json(client, "/api/v2/testimonials/")["items"]}

    assert items[named.pk]["author"] == {
        "name": "Ada Lovelace",
        "role": "Support lead",
        "company": "Analytical Ltd",
    }
    assert items[anonymous.pk]["author"] == {"name": "Engineer", "role": "", "company": ""}
    body = client.get("/api/v2/testimonials/?fields=*").content.decode()
    assert "Babbage" not in body
    assert "Difference Co" not in body


def test_labels_disclose_verification_incentive_and_relationship(client, our_product):
    testimonial = TestimonialFactory(
        product=our_product,
        approved=True,
        verification=Testimonial.Verification.INVOICE,
        incentive=Testimonial.Incentive.DISCOUNT,
        incentive_detail="20% off one year",
        relationship=Testimonial.Relationship.PARTNER,
        excerpt="",
        submitted_at=datetime.datetime(2025, 3, 4, 15, 30, tzinfo=datetime.UTC),
    )

    item = get_json(client, f"/api/v2/testimonials/{testimonial.pk}/")

    assert item["labels"] == {
        "verified": True,
        "verification": "Matched to an invoice",
        "incentive": "Received a discount for this review (20% off one year)",
        "relationship": "Partner",
        "excerpt": False,
    }
    assert item["date"] == "2025-03-04"
    assert item["relationship"] == "partner"
    assert item["product"]["name"] == "Fernhill Desk"


def test_case_study_quotes_are_public_testimonials_only(
    client, testimonials, case_study_index, our_product
):
    page = CaseStudyPageFactory(parent=case_study_index)
    for testimonial in testimonials.values():
        CaseStudyQuote.objects.create(page=page, testimonial=testimonial)

    for url in (
        f"/api/v2/pages/{page.pk}/",
        f"/api/v2/pages/{page.pk}/?fields=*",
        "/api/v2/pages/?type=testimonials.CaseStudyPage&fields=*",
        "/api/v2/pages/?type=testimonials.CaseStudyPage&fields=quotes",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_nothing_private(response, testimonials)
        data = response.json()
        page_data = data["items"][0] if "items" in data else data
        assert [quote["id"] for quote in page_data["quotes"]] == [testimonials["approved"].pk]
        assert page_data["quotes"][0]["quote"] == "Quote that is approved zanzibar."

    for fields in ("quotes(email)", "quotes(testimonial)", "quotes(*)"):
        response = client.get(f"/api/v2/pages/{page.pk}/?fields={fields}")
        assert_nothing_private(response, testimonials)


def test_the_submission_page_keeps_editors_addresses_private(client, submission_page):
    response = client.get("/api/v2/pages/?type=testimonials.TestimonialSubmissionPage&fields=*")

    assert response.status_code == 200
    assert response.json()["items"][0]["thank_you_text"]
    assert "editors@candor.example" not in response.content.decode()
    assert (
        client.get(f"/api/v2/pages/{submission_page.pk}/?fields=notify_emails").status_code == 400
    )


@pytest.mark.parametrize("endpoint", ["pages", "products", "criteria", "testimonials"])
@pytest.mark.parametrize("words", ['"', "AND (", "title:x*", "a\x00b"])
def test_search_reads_any_query_as_plain_words(client, site_settings, endpoint, words):
    response = client.get(f"/api/v2/{endpoint}/", {"search": words})

    assert response.status_code == 200


def test_images_and_documents_have_no_endpoint(client, db):
    assert client.get("/api/v2/images/").status_code == 404
    assert client.get("/api/v2/documents/").status_code == 404


# Products -------------------------------------------------------------------------------


def test_products_come_with_their_sourced_dated_facts(client, our_product):
    criterion = CriterionFactory(name="Single sign-on", group="Security")
    FactFactory(
        product=our_product,
        criterion=criterion,
        note="SAML only",
        source_url="https://fernhill.example/docs/sso",
        verified_on=datetime.date(2025, 1, 15),
    )

    product = get_json(client, f"/api/v2/products/{our_product.pk}/")

    assert product["name"] == "Fernhill Desk"
    (fact,) = product["facts"]
    assert fact["criterion"]["name"] == "Single sign-on"
    assert fact["criterion"]["group"] == "Security"
    assert fact["value"] == "Yes"
    assert fact["note"] == "SAML only"
    assert fact["source_url"] == "https://fernhill.example/docs/sso"
    assert fact["verified_on"] == "2025-01-15"
    listing = get_json(client, "/api/v2/products/?fields=facts")
    assert listing["items"][0]["facts"][0]["source_url"] == "https://fernhill.example/docs/sso"


def test_products_never_carry_testimonials(client, testimonials, our_product):
    assert client.get(f"/api/v2/products/{our_product.pk}/?fields=testimonials").status_code == 400
    response = client.get(f"/api/v2/products/{our_product.pk}/?fields=*")
    assert_nothing_private(response, testimonials)


def test_comparison_pages_list_their_products_and_criteria(client, site_settings, comparison_grid):
    page = comparison_grid(product_count=2, criterion_count=3)

    data = get_json(client, f"/api/v2/pages/{page.pk}/")

    assert [row["product"]["name"] for row in data["compared_products"]] == [
        item.product.name for item in page.compared_products.all()
    ]
    assert len(data["compared_criteria"]) == 3
    assert data["compared_criteria"][0]["criterion"]["name"]
    assert data["author_name"] == page.author_name


# Pages ----------------------------------------------------------------------------------


@pytest.fixture
def pages(home_page, product_index):
    public = ProductPageFactory(parent=product_index, title="Fernhill Desk")
    draft = ProductPageFactory(parent=product_index, title="Unannounced product", live=False)
    private_section = StandardPageFactory(parent=home_page, title="Partner area")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.LOGIN
    )
    private_child = StandardPageFactory(parent=private_section, title="Partner price list")
    secret = StandardPageFactory(parent=home_page, title="Password notes")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    return {
        "public": public,
        "hidden": [draft, private_section, private_child, secret],
    }


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?limit=50",
        "?type=comparisons.ProductPage",
        "?type=home.StandardPage",
        "?type=home.StandardPage,comparisons.ProductPage",
        "?search=partner",
        "?search=unannounced",
        "?descendant_of={home}",
        "?child_of={home}",
    ],
)
def test_pages_endpoint_lists_live_public_pages_only(admin_client, pages, home_page, query):
    """Even a logged-in editor's session opens nothing: the API ignores it."""
    response = admin_client.get("/api/v2/pages/" + query.format(home=home_page.pk))

    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert not ids & {page.pk for page in pages["hidden"]}
    for text in ("Unannounced", "Partner", "Password notes"):
        assert text not in response.content.decode()


def test_hidden_pages_have_no_detail(client, pages):
    assert client.get(f"/api/v2/pages/{pages['public'].pk}/").status_code == 200
    for page in pages["hidden"]:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
        assert client.get(f"/api/v2/pages/find/?id={page.pk}").status_code == 404
        path = page.get_url_parts()[2]
        assert client.get(f"/api/v2/pages/find/?html_path={path}").status_code == 404


def test_product_pages_carry_their_honest_sections(client, product_index, our_product):
    page = ProductPageFactory(parent=product_index, product=our_product)

    data = get_json(client, f"/api/v2/pages/{page.pk}/")

    for field in ("summary", "pricing", "strengths", "limitations", "not_suitable_for"):
        assert field in data
    assert data["limitations"][0]["value"]["title"] == "No phone channel"
    assert data["product"]["name"] == "Fernhill Desk"


def test_plan_prices_are_exact_digits_with_their_currency_and_unit(
    client, product_index, our_product
):
    pricing = [plan("Team", "19.9"), plan("Yen", 2800, currency="JPY"), plan("Custom", None)]
    page = ProductPageFactory(parent=product_index, product=our_product, pricing=pricing)

    plans = [item["value"] for item in get_json(client, f"/api/v2/pages/{page.pk}/")["pricing"]]

    assert [(p["price"], p["currency"], p["per"], p["period"]) for p in plans] == [
        ("19.90", "USD", "agent", "month"),
        ("2800", "JPY", "agent", "month"),
        (None, "USD", "agent", "month"),
    ]


# Limits ---------------------------------------------------------------------------------


def test_each_client_address_has_a_request_budget(client, settings, db):
    settings.API_RATE_LIMIT = "2/m"

    statuses = [client.get("/api/v2/products/").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


ENDPOINTS = ["pages", "products", "criteria", "testimonials"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("parameter", ["offset", "limit"])
@pytest.mark.parametrize("value", ["99999999999999999999", "9223372036854775808", "-1", "ten"])
def test_a_page_window_out_of_range_is_a_clear_bad_request(
    client, site_settings, endpoint, parameter, value
):
    response = client.get(f"/api/v2/{endpoint}/", {parameter: value})

    assert response.status_code == 400
    assert parameter in response.json()["message"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_offset_past_the_last_item_is_an_empty_page(client, site_settings, endpoint):
    body = get_json(client, f"/api/v2/{endpoint}/?offset=9223372036854775807&limit=50")

    assert body["items"] == []
