"""Full-page caching for anonymous visitors, and that a cached page is never stale: after
each kind of change, the next request shows it."""

import datetime

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from comparisons.models import ComparisonPage, Fact
from testimonials import moderation
from testimonials.author_edits import record_author_change, withdraw
from testimonials.models import CaseStudyQuote, Testimonial
from tests.comparisons.factories import ProductPageFactory
from tests.testimonials.factories import CaseStudyPageFactory, TestimonialFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def comparison(site_settings, comparison_grid):
    return comparison_grid(product_count=3, criterion_count=4)


@pytest.fixture
def product_page(site_settings, product_index, our_product):
    return ProductPageFactory(parent=product_index, product=our_product)


def visit(client, url):
    response = client.get(url)
    return response, response.content.decode()


def cached(client, url):
    """Request twice; the second answer must come from the cache."""
    client.get(url)
    response, html = visit(client, url)
    assert response["X-Cache"] == "hit", url
    return html


def test_a_repeat_visit_is_served_from_the_cache_with_two_reads_of_it(client, comparison):
    first = client.get(comparison.url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(comparison.url)

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    # Without Redis the page cache is a table every process shares: the versions and
    # the page type in one read, the page in a second, and nothing else.
    assert [query["sql"].split(" FROM ")[1].split()[0] for query in queries] == [
        '"candor_page_cache"',
        '"candor_page_cache"',
    ]
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "nonce-" not in second["Content-Security-Policy"]


def test_query_strings_are_cached_separately(client, comparison):
    cached(client, comparison.url)

    response = client.get(comparison.url + "?differences=1")

    assert response["X-Cache"] == "miss"
    assert 'id="differences" name="differences" value="1" checked' in response.content.decode()


def test_editors_are_never_served_from_or_stored_in_the_cache(client, admin_client, comparison):
    cached(client, comparison.url)

    for _ in range(2):
        response = admin_client.get(comparison.url)
        assert "X-Cache" not in response
        assert "wagtail-userbar" in response.content.decode()
    assert "wagtail-userbar" not in client.get(comparison.url).content.decode()


def test_the_submission_form_is_never_cached_so_each_visitor_gets_their_own_token(
    client_factory, submission_page
):
    answers = [client_factory().get(submission_page.url) for _ in range(2)]

    assert all("X-Cache" not in answer for answer in answers)
    tokens = [answer.cookies["csrftoken"].value for answer in answers]
    assert tokens[0] != tokens[1]


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client


def test_publishing_a_page_shows_at_once(client, committed, product_page):
    cached(client, product_page.url)
    cached(client, product_page.get_parent().url)

    def retitle():
        product_page.title = "Fernhill Desk, reviewed again"
        product_page.save_revision().publish()

    committed(retitle)

    assert "Fernhill Desk, reviewed again" in visit(client, product_page.url)[1]
    assert "Fernhill Desk, reviewed again" in visit(client, product_page.get_parent().url)[1]


def test_unpublishing_a_page_removes_it_at_once(client, committed, product_page):
    index_url = product_page.get_parent().url
    cached(client, product_page.url)
    assert product_page.title in cached(client, index_url)

    committed(product_page.unpublish)

    assert client.get(product_page.url).status_code == 404
    assert product_page.title not in visit(client, index_url)[1]


def test_editing_a_product_updates_every_page_that_shows_it(client, committed, comparison):
    product = comparison.compared_products.first().product
    cached(client, comparison.url)

    def rename():
        product.name = "Renamed Helpdesk"
        product.save()

    committed(rename)

    assert "Renamed Helpdesk" in visit(client, comparison.url)[1]


def test_editing_a_fact_updates_the_comparison_and_the_product_page(
    client, committed, comparison, product_index
):
    fact = (
        Fact.objects.in_source_language()
        .filter(criterion__kind="text", product__is_ours=True)
        .first()
    )
    product_page = ProductPageFactory(parent=product_index, product=fact.product)
    cached(client, comparison.url)
    cached(client, product_page.url + "?utm_source=newsletter")

    def correct():
        fact.text = "Corrected value"
        fact.save()

    committed(correct)

    assert "Corrected value" in visit(client, comparison.url)[1]
    # The same page whatever tracking parameter: re-rendered, its facts table renewed.
    assert "Corrected value" in visit(client, product_page.url + "?utm_source=blog")[1]


def test_editing_a_criterion_updates_comparisons_and_product_pages(
    client, committed, comparison, product_index
):
    criterion = comparison.compared_criteria.first().criterion
    ours = comparison.compared_products.first().product
    product_page = ProductPageFactory(parent=product_index, product=ours)
    cached(client, comparison.url)
    cached(client, product_page.url)

    def rename():
        criterion.name = "Renamed criterion"
        criterion.save()

    committed(rename)

    assert "Renamed criterion" in visit(client, comparison.url)[1]
    assert "Renamed criterion" in visit(client, product_page.url)[1]


def test_editing_a_customer_updates_its_case_studies(client, committed, case_study_index):
    case_study = CaseStudyPageFactory(parent=case_study_index)
    case_study.save_revision().publish()
    cached(client, case_study.url)

    def rename():
        case_study.customer.name = "Harbour Books Ltd"
        case_study.customer.save()

    committed(rename)

    assert "Harbour Books Ltd" in visit(client, case_study.url)[1]


@pytest.fixture
def pending(our_product):
    return TestimonialFactory(product=our_product, quote="Setup took an afternoon.", rating=2)


def test_an_approved_testimonial_appears_at_once(
    client, committed, product_page, wall_page, pending
):
    cached(client, product_page.url)
    cached(client, wall_page.url)

    committed(lambda: pending.save_revision().publish())

    assert "Setup took an afternoon." in visit(client, product_page.url)[1]
    assert "Setup took an afternoon." in visit(client, wall_page.url)[1]


def test_a_rejection_updates_the_public_moderation_record(client, committed, product_page, pending):
    assert "0 rejected" in cached(client, product_page.url)

    committed(lambda: pending.reject(Testimonial.RejectionReason.SPAM))

    assert "1 rejected" in visit(client, product_page.url)[1]


def test_a_withdrawn_testimonial_disappears_from_every_page_at_once(
    client, committed, product_page, wall_page, case_study_index, our_product
):
    testimonial = TestimonialFactory(product=our_product, approved=True, quote="Quoted words.")
    case_study = CaseStudyPageFactory(parent=case_study_index)
    CaseStudyQuote.objects.create(page=case_study, testimonial=testimonial)
    case_study.save_revision().publish()
    for page in (product_page, wall_page, case_study):
        assert "Quoted words." in cached(client, page.url)

    committed(lambda: withdraw(testimonial))

    for page in (product_page, wall_page, case_study):
        assert "Quoted words." not in visit(client, page.url)[1], page.url


def test_an_expiring_testimonial_disappears_at_once(
    client, committed, product_page, wall_page, pending
):
    committed(lambda: pending.save_revision().publish())
    assert "Setup took an afternoon." in cached(client, wall_page.url)

    def expire():
        pending.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        pending.save(update_fields=["expire_at"])
        call_command("publish_scheduled", verbosity=0)

    committed(expire)

    assert "Setup took an afternoon." not in visit(client, wall_page.url)[1]
    assert "Setup took an afternoon." not in visit(client, product_page.url)[1]


def test_changing_the_site_settings_updates_every_page(
    client, committed, comparison, site_settings
):
    cached(client, "/")
    cached(client, comparison.url)

    def rename():
        site_settings.company_name = "Fernhill Labs GmbH"
        site_settings.save()

    committed(rename)

    for url in ("/", comparison.url):
        assert "Fernhill Labs GmbH" in visit(client, url)[1]


def test_a_page_rendered_while_its_data_changes_is_not_served_afterwards(
    client, committed, comparison, monkeypatch
):
    fact = Fact.objects.in_source_language().filter(criterion__kind="text").first()
    serve = ComparisonPage.serve

    def correct():
        fact.text = "Corrected value"
        fact.save()

    def serve_then_change(page, request, *args, **kwargs):
        response = serve(page, request, *args, **kwargs)
        response.render()  # rendered from the old value...
        committed(correct)  # ...which changes before the response is stored
        return response

    monkeypatch.setattr(ComparisonPage, "serve", serve_then_change)
    first = client.get(comparison.url)
    monkeypatch.undo()

    assert first["X-Cache"] == "miss"
    assert "Corrected value" not in first.content.decode()
    assert "Corrected value" in visit(client, comparison.url)[1]


def test_pages_are_stored_compressed_for_clients_that_accept_it(client, comparison):
    gzip = {"HTTP_ACCEPT_ENCODING": "gzip, br"}
    client.get(comparison.url, **gzip)
    compressed = client.get(comparison.url, **gzip)
    plain = client.get(comparison.url)

    assert compressed["X-Cache"] == "hit" and compressed["Content-Encoding"] == "gzip"
    assert plain["X-Cache"] == "miss" and not plain.has_header("Content-Encoding")
    assert "Accept-Encoding" in compressed["Vary"]


def test_publishing_a_page_linked_from_the_site_settings_updates_every_page(
    client, committed, comparison, site_settings, home_page
):
    from tests.home.factories import StandardPageFactory

    methodology = StandardPageFactory(parent=home_page, title="How we compare")
    site_settings.methodology_page = methodology
    committed(site_settings.save)
    cached(client, comparison.url)

    def retitle():
        methodology.title = "Our comparison method"
        methodology.save_revision().publish()

    committed(retitle)

    assert "Our comparison method" in visit(client, comparison.url)[1]


def test_a_comparison_rendered_again_reuses_its_rendered_table(client, committed, comparison):
    from home.page_cache.purge import purge_pages

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response["X-Cache"] == "miss"
        return len(captured), response.content.decode()

    first, first_html = queries(comparison.url)
    committed(lambda: purge_pages([comparison]))  # the page is stale, its data is not
    second, second_html = queries(comparison.url)
    fact = Fact.objects.in_source_language().filter(criterion__kind="text").first()

    def correct():
        fact.text = "Corrected value"
        fact.save()

    committed(correct)
    third, third_html = queries(comparison.url)

    assert second < first and second_html == first_html
    assert third > second and "Corrected value" in third_html


def test_a_preview_never_uses_a_cached_fragment(rf, comparison):
    from comparisons.page_cache import comparison_fragment

    live, preview = rf.get("/"), rf.get("/")
    preview.is_preview = True

    assert comparison_fragment(live, 180)[0] > 0
    assert comparison_fragment(preview, 180) == (0, "uncached")


def test_an_authors_change_takes_their_testimonial_off_every_page_at_once(
    client, committed, product_page, wall_page, our_product
):
    testimonial = TestimonialFactory(product=our_product, approved=True, quote="Old words.")
    for page in (product_page, wall_page):
        assert "Old words." in cached(client, page.url)

    committed(lambda: record_author_change(testimonial, {"quote": "New words.", "rating": 2}))

    for page in (product_page, wall_page):
        html = visit(client, page.url)[1]
        assert "Old words." not in html and "New words." not in html, page.url


def test_a_confirmed_rejection_of_a_low_rating_shows_at_once_and_a_proposal_changes_nothing(
    client, committed, product_page, wall_page, our_product, django_user_model
):
    testimonial = TestimonialFactory(product=our_product, approved=True, rating=1, quote="Slow.")
    first, second = (
        moderator(django_user_model, name) for name in ("first-moderator", "second-moderator")
    )
    assert "Slow." in cached(client, wall_page.url)

    committed(lambda: moderation.reject(testimonial, "off_topic", first))
    assert "Slow." in cached(client, wall_page.url)

    committed(lambda: moderation.reject(testimonial, "off_topic", second))
    assert "Slow." not in visit(client, wall_page.url)[1]
    assert "1 rejected" in visit(client, product_page.url)[1]


def moderator(django_user_model, username):
    user = django_user_model.objects.create_user(username=username, password="x")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user
