"""Facts, criteria, products, the rows a comparison lists them in and the pages a
product page links to are loaded without Model.__init__: the same instances as
Django's, or Django's own when that could differ."""

from django.db.models import F
from django.db.models.signals import post_init

from wagtail.images.models import Image
from wagtail.models import Page

import pytest

from comparisons.models import ComparedCriterion, ComparedProduct, Criterion, Fact, RankedValue
from home.model_rows import LoadedFromRows, loaded_value, made_from_rows, plain_model
from home.models import StandardPage
from testimonials.models import Testimonial
from testimonials.models.demo_requests import DemoRequestPage
from tests.comparisons.factories import CriterionFactory, FactFactory
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db


def test_a_loaded_fact_holds_what_django_would_have_made():
    stored = FactFactory(text="Up to 50 seats", number=None, support="")

    loaded = Fact.objects.get(pk=stored.pk)
    expected = Fact.objects.filter(pk=stored.pk).values()[0]

    assert {name: getattr(loaded, name) for name in expected} == expected
    assert loaded._state.adding is False
    assert loaded._state.db == "default"
    assert loaded.product == stored.product and loaded.criterion == stored.criterion


def test_a_loaded_fact_saves_and_reloads_its_relations():
    stored = FactFactory(note="Before")
    loaded = Fact.objects.get(pk=stored.pk)

    loaded.note = "After"
    loaded.save()

    assert Fact.objects.get(pk=stored.pk).note == "After"
    assert Fact.objects.count() == 1


def test_a_deferred_field_is_read_when_asked_for():
    stored = FactFactory(note="Deferred")

    loaded = Fact.objects.only("pk", "plan").get(pk=stored.pk)

    assert loaded.get_deferred_fields() >= {"note"}
    assert loaded.note == "Deferred"


def test_a_listener_for_post_init_is_still_called():
    stored = FactFactory()
    seen = []

    def listener(sender, instance, **kwargs):
        seen.append(instance.pk)

    post_init.connect(listener, sender=Fact)
    try:
        Fact.objects.get(pk=stored.pk)
    finally:
        post_init.disconnect(listener, sender=Fact)

    assert seen == [stored.pk]


def test_a_listener_connected_after_a_query_hears_the_next_querys_rows():
    """Listeners are looked up once per query: one connected between two queries of
    the same facts hears every row of the second."""
    stored = FactFactory.create_batch(3)
    assert len(list(Fact.objects.all())) == 3
    seen = []

    def listener(sender, instance, **kwargs):
        seen.append(instance.pk)

    post_init.connect(listener, sender=Fact)
    try:
        list(Fact.objects.all())
    finally:
        post_init.disconnect(listener, sender=Fact)
    list(Fact.objects.all())

    assert sorted(seen) == sorted(fact.pk for fact in stored)


def test_a_model_with_an_init_of_its_own_is_made_by_django():
    # Wagtail's image sets up its file in __init__: storing a row's values would skip it.
    assert plain_model(Fact)
    assert not plain_model(Image)
    # A page with a form (FormMixin's __init__), or a StreamField (whose descriptor
    # turns the stored JSON into blocks), is made by Django too.
    assert not plain_model(DemoRequestPage)
    assert not plain_model(StandardPage)


def test_a_page_is_plain_for_rows_though_a_new_one_gets_defaults():
    """Page.__init__ does more only for a page made in code, which has no id yet."""
    assert plain_model(Page)
    new = Page(title="New")
    assert new.content_type_id is not None
    assert new.show_in_menus == Page.show_in_menus_default


def test_listed_pages_hold_what_a_link_needs_and_read_the_rest_when_asked(
    django_assert_num_queries,
):
    home = Page.objects.get(depth=2)
    child = home.add_child(instance=StandardPage(title="How we compare", slug="how", body=[]))
    names = ("id", "title", "url_path", "locale_id", "content_type_id")

    with django_assert_num_queries(1):
        (listed_child,) = made_from_rows(
            Page, Page.objects.filter(pk=child.pk).values_list(*names), names
        )
        assert type(listed_child) is Page
        assert (listed_child.pk, listed_child.title) == (child.pk, "How we compare")
        assert listed_child.url_path == child.url_path
        assert listed_child.content_type_id == child.content_type_id
        assert listed_child._state.adding is False
    assert listed_child.get_deferred_fields() >= {"slug", "path", "live"}
    # A field left out is read when asked for, as Django reads a deferred one.
    with django_assert_num_queries(1):
        assert listed_child.slug == "how"
    assert listed_child.specific == child


def test_listed_rows_keep_their_annotations():
    stored = FactFactory(note="Noted")

    names = ("id", "noted")
    rows = Fact.objects.annotate(noted=F("note")).values_list(*names)
    (fact,) = made_from_rows(Fact, rows, names)

    assert (fact.pk, fact.noted) == (stored.pk, "Noted")


def test_a_criterion_loads_with_its_ranked_values_and_saves_new_ones():
    # A ClusterableModel: its __init__ only takes child objects as keyword arguments.
    stored = CriterionFactory(kind="text", ranked_values=["24/7", "Weekdays"])

    loaded = Criterion.objects.get(pk=stored.pk)
    assert [item.value for item in loaded.ranked_values.all()] == ["24/7", "Weekdays"]
    assert loaded.name == stored.name and loaded.locale_id == stored.locale_id

    loaded.ranked_values = [RankedValue(value="Never")]
    loaded.save()
    assert list(RankedValue.objects.values_list("value", flat=True)) == ["Never"]


def test_a_product_loaded_with_a_fact_is_the_stored_product():
    fact = FactFactory(product__name="Fernhill Desk")

    loaded = Fact.objects.select_related("product", "criterion").get(pk=fact.pk)

    assert loaded.product.name == "Fernhill Desk"
    assert loaded.product.pk == fact.product_id
    assert loaded.product._state.adding is False


def test_a_comparisons_rows_load_as_stored_and_save_with_the_page(reported_comparison):
    page = reported_comparison.page
    assert plain_model(ComparedProduct) and plain_model(ComparedCriterion)

    columns, criteria = type(page).objects.get(pk=page.pk).compared()

    assert [(column.product.name, column.plan) for column in columns] == [
        ("Fernhill Desk", "All plans"),
        ("Tidewell Desk", "Business"),
    ]
    assert [criterion.name for criterion in criteria] == ["Phone channel", "Audit log retention"]
    # Loaded rows are ordinary ones: edited and saved through the page (modelcluster).
    loaded = type(page).objects.get(pk=page.pk)
    rows = list(loaded.compared_products.all())
    rows[1].plan = "Enterprise"
    loaded.compared_products = rows
    loaded.save()
    assert list(ComparedProduct.objects.filter(page=page).values_list("plan", flat=True)) == [
        "All plans",
        "Enterprise",
    ]


def test_a_testimonial_loaded_for_a_card_reads_a_field_left_out_when_asked(our_product):
    stored = TestimonialFactory(product=our_product, approved=True, email="ada@example.com")

    loaded = Testimonial.objects.public().for_display().get(pk=stored.pk)

    assert plain_model(Testimonial)
    assert loaded.quote == stored.quote and loaded.product == our_product
    assert "email" in loaded.get_deferred_fields()
    assert loaded.email == "ada@example.com"
    loaded.author_role = "Head of support"
    loaded.save()
    assert Testimonial.objects.get(pk=stored.pk).author_role == "Head of support"


def test_rows_listed_while_anybody_listens_are_made_by_django_fields_in_their_places():
    stored = FactFactory(note="Noted", plan="Team")
    names = ("plan", "id", "noted")
    rows = list(Fact.objects.annotate(noted=F("note")).values_list(*names))
    heard = []

    def listener(sender, instance, **kwargs):
        heard.append(instance)

    post_init.connect(listener, sender=Fact)
    try:
        (fact,) = made_from_rows(Fact, rows, names)
    finally:
        post_init.disconnect(listener, sender=Fact)

    assert heard == [fact]
    assert (fact.pk, fact.plan, fact.noted) == (stored.pk, "Team", "Noted")
    assert fact.note == "Noted"  # deferred, read when asked for


def test_a_model_adding_to_from_db_must_add_the_same_to_from_rows():
    with pytest.raises(TypeError, match="from_rows"):

        class Remembering(LoadedFromRows):
            @classmethod
            def from_db(cls, db, field_names, values):
                return super().from_db(db, field_names, values)


def test_a_value_is_read_as_loaded_and_one_left_out_as_django_reads_it(
    django_assert_num_queries,
):
    fact = FactFactory()
    (loaded,) = Fact.objects.filter(pk=fact.pk).defer("criterion")

    with django_assert_num_queries(0):
        assert loaded_value(loaded, "product_id") == fact.product_id
    with django_assert_num_queries(1):
        assert loaded_value(loaded, "criterion_id") == fact.criterion_id
