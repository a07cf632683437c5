"""Each product's figures (ratings and moderation record) are stored and kept equal to a
fresh count of its testimonials, whoever changes a testimonial and however: so pages
read one row, and never show figures the testimonials no longer add up to."""

import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

import pytest
import time_machine

from home.personal_data import erase_personal_data
from testimonials import tallies
from testimonials.filters import CRITICAL, TestimonialFilter
from testimonials.links import withdrawal_link
from testimonials.models import Testimonial, TestimonialTally
from tests.comparisons.factories import ProductFactory, ProductPageFactory
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.import_helpers import client_in, confirm, csv_bytes, upload
from tests.testimonials.test_author_edits import change_form
from tests.testimonials.test_moderation import logged_in, publish, reject
from tests.testimonials.test_submission import valid_form

pytestmark = pytest.mark.django_db

FROZEN = "2026-11-28 10:00"


def counted_afresh(product):
    """What the product's pages must show: counted from its testimonials now."""
    return Testimonial.objects.filter(product=product).summary()


def shown(product):
    """What the product's pages show: read from its tally."""
    return product.testimonials.summary()


def assert_tallied(*products):
    for product in products:
        assert TestimonialTally.objects.filter(product=product).exists(), product
        assert shown(product) == counted_afresh(product), product


@pytest.fixture
def second_moderator(django_user_model):
    return user_in_group(django_user_model, "max", Group.objects.get(name="Moderators"))


@pytest.fixture
def some(our_product):
    """A product with testimonials in every state, so a wrong recount shows."""
    for rating in (5, 4, 2, None):
        TestimonialFactory(product=our_product, rating=rating, approved=True)
    TestimonialFactory(product=our_product, rating=1)
    TestimonialFactory(product=our_product, rating=3, rejected=True)
    TestimonialFactory(product=our_product, rating=5, withdrawn=True)
    return our_product


# Whoever changes a testimonial, the figures follow ---------------------------------------


def test_a_submission_through_the_public_form_is_counted(post, some):
    before = shown(some)["moderation"]["submitted"]

    post(valid_form(some))

    assert shown(some)["moderation"]["submitted"] == before + 1
    assert_tallied(some)


def test_a_moderator_publishing_counts_the_rating(moderator, some):
    testimonial = TestimonialFactory(product=some, rating=1)
    before = shown(some)["ratings"]

    publish(logged_in(moderator), testimonial)

    after = shown(some)["ratings"]
    assert after["count"] == before["count"] + 1
    assert after["critical"] == before["critical"] + 1
    assert_tallied(some)


@pytest.mark.parametrize("approved", [False, True], ids=["pending", "live"])
def test_a_moderator_rejecting_counts_the_reason(moderator, some, approved):
    testimonial = TestimonialFactory(product=some, rating=4, approved=approved)

    reject(logged_in(moderator), testimonial, reason="off_topic")

    assert {"reason": "Off-topic", "count": 1} in shown(some)["moderation"]["rejected"]
    assert_tallied(some)


def test_a_low_rating_counts_as_rejected_once_the_second_moderator_confirms(
    moderator, second_moderator, some
):
    testimonial = TestimonialFactory(product=some, rating=2, approved=True)
    before = shown(some)

    reject(logged_in(moderator), testimonial, reason="duplicate")
    assert shown(some) == before, "a proposal changes no figure"
    reject(logged_in(second_moderator), testimonial, reason="duplicate")

    after = shown(some)
    assert after["ratings"]["count"] == before["ratings"]["count"] - 1
    assert {"reason": "Duplicate", "count": 1} in after["moderation"]["rejected"]
    assert_tallied(some)


def test_a_workflow_approval_counts(moderator, some):
    task = GroupApprovalTask.objects.create(name="Moderator approval")
    task.groups.set([Group.objects.get(name="Moderators")])
    workflow = Workflow.objects.create(name="Testimonial moderation")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    testimonial = TestimonialFactory(product=some, rating=3)
    testimonial.save_revision(user=moderator)
    state = workflow.start(testimonial, moderator)

    state.current_task_state.approve(user=moderator)

    testimonial.refresh_from_db()
    assert (testimonial.status, testimonial.live) == (Testimonial.Status.APPROVED, True)
    assert_tallied(some)


def test_a_scheduled_publication_counts_when_it_goes_live(moderator, some):
    testimonial = TestimonialFactory(product=some, rating=5)
    with time_machine.travel(FROZEN, tick=False):
        publish(logged_in(moderator), testimonial, go_live_at="2026-11-29 09:00")
        published_before = shown(some)["moderation"]["published"]
    assert_tallied(some)

    with time_machine.travel("2026-11-29 10:00", tick=False):
        call_command("publish_scheduled")

    assert shown(some)["moderation"]["published"] == published_before + 1
    assert_tallied(some)


def test_the_author_withdrawing_through_their_link_counts(client, some):
    testimonial = Testimonial.objects.filter(product=some, live=True, rating=5).first()

    client.post(withdrawal_link.path(testimonial), {"withdraw": "1"})

    testimonial.refresh_from_db()
    assert testimonial.status == Testimonial.Status.WITHDRAWN
    assert_tallied(some)


def test_the_author_changing_their_rating_through_their_link_counts(client, some, no_typing_delay):
    testimonial = Testimonial.objects.filter(product=some, live=True, rating=5).first()

    client.post(withdrawal_link.path(testimonial), change_form(testimonial, rating="1"))

    testimonial.refresh_from_db()
    assert (testimonial.rating, testimonial.live) == (1, False)
    assert_tallied(some)


def test_an_editor_importing_reviews_counts_them(django_user_model, some):
    editor = client_in(django_user_model, "Editors")
    headings = ["platform", "original_url", "original_date", "rating", "text", "author_name"]
    rows = [
        ["G2", f"https://www.g2.com/reviews/{n}", "2026-03-03", str(n), f"Review {n}.", "Ada"]
        for n in (1, 2, 5)
    ]
    preview = upload(
        editor, "reviews", csv_bytes([headings, *rows]), basis="platform_licence", product=some.pk
    )

    confirm(editor, "reviews", preview)

    assert Testimonial.objects.filter(source=Testimonial.Source.IMPORT).count() == 3
    assert_tallied(some)


def test_erasing_an_authors_personal_data_counts(some, django_capture_on_commit_callbacks):
    TestimonialFactory(product=some, rating=2, approved=True, email="ada@example.com")
    TestimonialFactory(product=some, rating=4, email="ada@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        erase_personal_data("ada@example.com")

    assert_tallied(some)


def test_moving_a_testimonial_to_another_product_counts_both(moderator, some):
    other = ProductFactory(name="Fernhill Chat", is_ours=True)
    testimonial = Testimonial.objects.filter(product=some, live=True, rating=5).first()

    publish(logged_in(moderator), testimonial, product=other.pk)

    assert Testimonial.objects.get(pk=testimonial.pk).product == other
    assert shown(other)["ratings"]["count"] == 1
    assert_tallied(some, other)


def test_deleting_a_testimonial_counts(admin_client, some):
    testimonial = Testimonial.objects.filter(product=some, live=True, rating=5).first()
    url = reverse("wagtailsnippets_testimonials_testimonial:delete", args=[testimonial.pk])

    admin_client.post(url)

    assert not Testimonial.objects.filter(pk=testimonial.pk).exists()
    assert_tallied(some)


def test_deleting_several_at_once_counts(admin_client, some):
    doomed = list(Testimonial.objects.filter(product=some)[:3])
    url = reverse("wagtail_bulk_action", args=("testimonials", "testimonial", "delete")) + "".join(
        f"{'?' if n == 0 else '&'}id={t.pk}" for n, t in enumerate(doomed)
    )

    admin_client.post(url)

    assert not Testimonial.objects.filter(pk__in=[t.pk for t in doomed]).exists()
    assert_tallied(some)


def test_a_change_that_counts_nothing_recounts_nothing(some):
    testimonial = Testimonial.objects.filter(product=some).first()
    before = TestimonialTally.objects.get(product=some).counted_at

    testimonial.save(update_fields=["notified_at"])

    assert TestimonialTally.objects.get(product=some).counted_at == before


# Writes that send no signal, and repair ---------------------------------------------------


def test_the_recount_command_puts_right_what_was_written_around_the_models(some):
    Testimonial.objects.bulk_create(
        TestimonialFactory.build(product=some, rating=1, live=True, status="approved")
        for _ in range(3)
    )
    Testimonial.objects.filter(product=some, rating=4).update(status="pending", live=False)
    assert shown(some) != counted_afresh(some)

    call_command("recount_testimonials", stdout=io.StringIO())

    assert_tallied(some)


def test_counting_once_counts_each_product_once_at_the_end(some, monkeypatch):
    other = ProductFactory(name="Fernhill Chat", is_ours=True)
    counted, recount = [], tallies.recount
    monkeypatch.setattr(
        tallies, "recount", lambda products: counted.append(sorted(products)) or recount(products)
    )

    with tallies.counting_once():
        for _ in range(3):
            TestimonialFactory(product=some, rating=2, approved=True)
        TestimonialFactory(product=other, rating=5)

    assert counted == [sorted([some.pk, other.pk])]
    assert_tallied(some, other)


def test_a_product_not_tallied_yet_is_counted_from_its_testimonials(our_product):
    Testimonial.objects.bulk_create(
        TestimonialFactory.build(product=our_product, rating=n, live=True, status="approved")
        for n in (1, 5)
    )

    assert not TestimonialTally.objects.filter(product=our_product).exists()
    assert shown(our_product) == counted_afresh(our_product)
    assert shown(our_product)["ratings"]["count"] == 2


# Pages read the tally ---------------------------------------------------------------------


def add_testimonials(product, count):
    with tallies.counting_once():
        for n in range(count):
            TestimonialFactory(
                product=product,
                rating=n % 5 + 1,
                approved=n % 4 != 0,
                rejected=n % 4 == 0 and n % 8 == 0,
            )


@pytest.mark.parametrize("page_kind", ["product page", "widget"])
def test_pages_read_the_figures_in_as_many_queries_for_10_or_200_testimonials(
    client, page_kind, site_settings, our_product, product_index, wall_page
):
    product_page = ProductPageFactory(parent=product_index, product=our_product)
    url = {
        "product page": product_page.url,
        "widget": f"{reverse('testimonial_widget')}?product={our_product.pk}",
    }[page_kind]

    def count_queries():
        client.get(url)  # warm per-process caches such as the site root paths
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        summaries = [q["sql"] for q in queries.captured_queries if "AVG" in q["sql"].upper()]
        return len(queries), summaries

    add_testimonials(our_product, 10)
    small, small_counts = count_queries()
    add_testimonials(our_product, 190)
    large, large_counts = count_queries()

    assert large == small
    assert small_counts == large_counts == [], "figures are read, never counted, per render"
    assert_tallied(our_product)


def test_the_cached_product_page_shows_the_new_figures_once_a_moderator_decides(
    client,
    settings,
    moderator,
    our_product,
    product_index,
    site_settings,
    django_capture_on_commit_callbacks,
):
    settings.PAGE_CACHE_SECONDS = 600
    product_page = ProductPageFactory(parent=product_index, product=our_product)
    TestimonialFactory(product=our_product, rating=5, approved=True)
    testimonial = TestimonialFactory(product=our_product, rating=1)
    client.get(product_page.url)
    cached = client.get(product_page.url)
    assert cached["X-Cache"] == "hit"
    assert "from 1 rating," in cached.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        publish(logged_in(moderator), testimonial)

    assert "from 2 ratings," in client.get(product_page.url).content.decode()


# The wall counts what its filters find from the tallies -----------------------------------


@pytest.fixture
def two_products(some):
    """Ours tallied (``some``), and a second one whose testimonials were written around
    the models, so it has no tally yet."""
    other = ProductFactory(name="Fernhill Chat", is_ours=True)
    Testimonial.objects.bulk_create(
        TestimonialFactory.build(product=other, rating=n, live=True, status="approved")
        for n in (2, 4, 4)
    )
    for testimonial in Testimonial.objects.filter(product=other)[:1]:
        testimonial.tags.add("onboarding")
    return some, other


def wall_count(client, wall_page, query):
    html = client.get(wall_page.url, query).content.decode()
    return int(html.split('<p class="note" role="status">', 1)[1].split(" ", 1)[0])


@pytest.mark.parametrize(
    "asked",
    [
        {},
        {"product": "tallied"},
        {"product": "untallied"},
        {"rating": "4"},
        {"rating": CRITICAL},
        {"product": "tallied", "rating": CRITICAL},
        {"product": "untallied", "rating": "4"},
        {"tag": "onboarding"},
        {"product": "not ours"},
    ],
    ids=repr,
)
def test_the_wall_counts_what_its_filters_find(client, wall_page, two_products, asked):
    tallied, untallied = two_products
    products = {
        "tallied": tallied.pk,
        "untallied": untallied.pk,
        "not ours": ProductFactory(is_ours=False).pk,
    }
    query = {**asked, **({"product": products[asked["product"]]} if "product" in asked else {})}
    found = TestimonialFilter(query, queryset=Testimonial.objects.public()).qs.count()

    assert wall_count(client, wall_page, query) == found
    assert not TestimonialTally.objects.filter(product=untallied).exists()


@pytest.mark.parametrize("asked", [{}, {"rating": "4"}, {"product": "tallied"}], ids=repr)
def test_the_wall_reads_its_count_without_counting_testimonials(client, wall_page, some, asked):
    query = {"product": some.pk} if "product" in asked else asked
    client.get(wall_page.url, query)

    with CaptureQueriesContext(connection) as queries:
        count = wall_count(client, wall_page, query)

    assert count == TestimonialFilter(query, queryset=Testimonial.objects.public()).qs.count()
    counted = [
        q["sql"]
        for q in queries.captured_queries
        if "COUNT(" in q["sql"].upper() and "testimonials_testimonial" in q["sql"]
    ]
    assert counted == []
